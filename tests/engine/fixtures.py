"""Engine test scenarios built straight from the model (no YAML): a small one and a generator."""

from __future__ import annotations

import random

from game.engine.model import (
    Actor,
    Condition,
    Demand,
    Effect,
    EventCard,
    Issue,
    Lever,
    Objective,
    Option,
    Outcome,
    Personality,
    Preferences,
    Quote,
    RedLine,
    Round,
    Scenario,
    TrackerKind,
    Trackers,
    TrackerStart,
)

# Secrets the view tests look for: each must appear only in its owner's view.
SECRETS = {
    "aster": ["ASTER-SECRET-BRIEFING", "aster-secret-missiles", "ASTER-OBJECTIVE-TEXT"],
    "boreal": ["BOREAL-SECRET-BRIEFING", "boreal-secret-border", "BOREAL-OBJECTIVE-TEXT"],
    "cobalt": ["COBALT-SECRET-BRIEFING", "cobalt-secret-exercises", "COBALT-OBJECTIVE-TEXT"],
}
SECRET_NUMBERS = {"aster": 0.3141, "boreal": 0.2718, "cobalt": 0.1618}  # reservations


def _options(*ids: str) -> tuple[Option, ...]:
    return tuple(Option(i, i.replace("-", " ").title(), f"{i} option", "fixture") for i in ids)


def _actor(aid: str, name: str, playable: bool = True) -> Actor:
    return Actor(
        id=aid,
        name=name,
        delegate=f"Delegate of {name}",
        principal=f"Leader of {name}",
        colour="#336699",
        playable=playable,
        briefing=f"{aid.upper()}-SECRET-BRIEFING: you want a deal, but not at any price.",
        personality=Personality(0.61, 0.37, 0.43),
        short_name=name,
        adjective=f"{name}ian",
        source="fixture",
    )


def small_scenario() -> Scenario:
    """Three playable actors and a non-playable host, four issues, two rounds."""
    actors = (
        _actor("aster", "Aster"),
        _actor("boreal", "Boreal"),
        _actor("cobalt", "Cobalt"),
        _actor("dorian", "Dorian", playable=False),
    )
    issues = (
        Issue(
            "border",
            "Border regime",
            "Troops at the border.",
            _options("open", "monitored", "demilitarised"),
            "open",
            ("aster", "boreal"),
        ),
        Issue(
            "missiles",
            "Missile deployments",
            "Intermediate-range missiles.",
            _options("none", "limits", "ban"),
            "none",
            ("aster", "boreal"),
        ),
        Issue(
            "alliance",
            "Alliance enlargement",
            "Who may join the alliance.",
            _options("open-door", "moratorium", "guarantee"),
            "open-door",
            ("aster", "boreal", "cobalt"),
        ),
        Issue(
            "exercises",
            "Military exercises",
            "Exercises near the border.",
            _options("full", "notified", "suspended"),
            "full",
            ("boreal", "cobalt"),
        ),
    )
    demands = (
        Demand("boreal", "alliance", "guarantee", "No further expansion, in writing.", "fixture"),
        Demand("aster", "border", "monitored", "Let observers in.", "fixture"),
    )
    prefs = {
        "aster": Preferences(
            "aster",
            {"border": 0.35, "missiles": 0.25, "alliance": 0.3, "exercises": 0.1},
            {
                "border": {"open": 0.0, "monitored": 0.7, "demilitarised": 1.0},
                "missiles": {"none": 0.1, "limits": 0.8, "ban": 0.55},
                "alliance": {"open-door": 1.0, "moratorium": 0.4, "guarantee": 0.0},
                "exercises": {"full": 0.3, "notified": 0.9, "suspended": 0.6},
            },
            SECRET_NUMBERS["aster"],
            (
                RedLine(
                    "aster-alliance",
                    "aster",
                    "alliance",
                    frozenset({"guarantee"}),
                    True,
                    "Aster will never close the door by treaty.",
                    "fixture",
                ),
                RedLine(
                    "aster-secret-missiles",
                    "aster",
                    "missiles",
                    frozenset({"none"}),
                    False,
                    "Aster-secret: no deal that leaves missiles unconstrained.",
                    "fixture",
                ),
            ),
            (
                Objective(
                    "aster-obj",
                    "aster",
                    "ASTER-OBJECTIVE-TEXT",
                    Condition(agreed={"border": frozenset({"monitored", "demilitarised"})}),
                    0.15,
                ),
            ),
        ),
        "boreal": Preferences(
            "boreal",
            {"border": 0.15, "missiles": 0.2, "alliance": 0.5, "exercises": 0.15},
            {
                "border": {"open": 1.0, "monitored": 0.6, "demilitarised": 0.0},
                "missiles": {"none": 0.2, "limits": 0.7, "ban": 1.0},
                "alliance": {"open-door": 0.0, "moratorium": 0.6, "guarantee": 1.0},
                "exercises": {"full": 0.0, "notified": 0.5, "suspended": 1.0},
            },
            SECRET_NUMBERS["boreal"],
            (
                RedLine(
                    "boreal-alliance",
                    "boreal",
                    "alliance",
                    frozenset({"open-door"}),
                    True,
                    "Boreal cannot live with an open door.",
                    "fixture",
                ),
                RedLine(
                    "boreal-secret-border",
                    "boreal",
                    "border",
                    frozenset({"demilitarised"}),
                    False,
                    "Boreal-secret: our troops stay where they are.",
                    "fixture",
                ),
            ),
            (
                Objective(
                    "boreal-obj",
                    "boreal",
                    "BOREAL-OBJECTIVE-TEXT",
                    Condition(walked_out=("cobalt",)),
                    0.1,
                ),
            ),
        ),
        "cobalt": Preferences(
            "cobalt",
            {"alliance": 0.55, "exercises": 0.3, "missiles": 0.15},
            {
                "alliance": {"open-door": 1.0, "moratorium": 0.5, "guarantee": 0.0},
                "exercises": {"full": 0.8, "notified": 0.6, "suspended": 0.1},
                "missiles": {"none": 0.3, "limits": 0.7, "ban": 0.9},
            },
            SECRET_NUMBERS["cobalt"],
            (
                RedLine(
                    "cobalt-alliance",
                    "cobalt",
                    "alliance",
                    frozenset({"guarantee"}),
                    True,
                    "Cobalt's door stays open.",
                    "fixture",
                ),
                RedLine(
                    "cobalt-secret-exercises",
                    "cobalt",
                    "exercises",
                    frozenset({"suspended"}),
                    False,
                    "Cobalt-secret: we train our troops.",
                    "fixture",
                ),
            ),
            (
                Objective(
                    "cobalt-obj", "cobalt", "COBALT-OBJECTIVE-TEXT", Condition(max_tension=45), 0.2
                ),
            ),
        ),
    }
    rounds = (
        Round(
            "lakeside",
            "Bilateral talks",
            "Mission",
            "Lakeside",
            "2030-01-10",
            ("aster", "boreal"),
            ("border", "missiles", "alliance"),
            3,
            "Aster and Boreal meet by the lake.",
            (
                Quote("boreal", "We need guarantees.", 0, "fixture"),
                Quote("Observer", "The talks were frank.", 2, "fixture"),
            ),
        ),
        Round(
            "harbour",
            "Council",
            "Hall",
            "Harbour",
            "2030-01-12",
            ("cobalt", "boreal", "aster", "dorian"),
            ("alliance", "exercises", "missiles"),
            3,
            "The council meets at the harbour.",
            (),
            chair="dorian",
        ),
    )
    levers = (
        Lever(
            "tariffs",
            "aster",
            "boreal",
            "Tariffs",
            "Tariffs on Boreal's exports.",
            (Effect(TrackerKind.SUPPORT, 2.0, "aster"),),
            (Effect(TrackerKind.TENSION, 4.0), Effect(TrackerKind.TRUST, -8.0, "aster", "boreal")),
        ),
        Lever(
            "troops",
            "boreal",
            "aster",
            "More troops",
            "Mass more troops at the border.",
            (Effect(TrackerKind.TENSION, 2.0),),
            (Effect(TrackerKind.TENSION, 10.0),),
        ),
        Lever(
            "flank",
            "cobalt",
            "boreal",
            "Reinforce the flank",
            "Move forces east.",
            (),
            (Effect(TrackerKind.COHESION, 5.0, "cobalt"),),
        ),
    )
    events = (
        EventCard(
            "buildup",
            "Troop build-up",
            "Satellite images show more troops.",
            0.35,
            Condition(min_tension=40),
            (Effect(TrackerKind.TENSION, 6.0),),
        ),
        EventCard(
            "protest",
            "Protests",
            "Crowds gather in Aster's capital.",
            0.25,
            Condition(),
            (Effect(TrackerKind.SUPPORT, -5.0, "aster"),),
            once=False,
        ),
        EventCard(
            "thaw",
            "A thaw",
            "A prisoner exchange lifts spirits.",
            0.2,
            Condition(min_round=2),
            (Effect(TrackerKind.TENSION, -5.0), Effect(TrackerKind.TRUST, 3.0)),
        ),
    )
    outcomes = (
        Outcome("escalation", "Escalation", "War.", Condition(escalated=True), {"*": -0.5}),
        Outcome(
            "breakthrough",
            "Breakthrough",
            "Deal.",
            Condition(min_agreements=2),
            {"*": 0.2, "boreal": 0.3},
        ),
        Outcome(
            "framework", "Framework", "Some progress.", Condition(min_agreements=1), {"*": 0.1}
        ),
        Outcome("stalemate", "Stalemate", "Nothing.", Condition(), {}),
    )
    return Scenario(
        id="fixture-summit",
        title="Fixture summit",
        summary="A small crisis for tests.",
        decision_point="Can they agree?",
        briefing="Everyone reads this.",
        teacher_notes="TEACHER-ONLY-NOTES",
        actors=actors,
        issues=issues,
        demands=demands,
        preferences=prefs,
        rounds=rounds,
        levers=levers,
        events=events,
        outcomes=outcomes,
        trackers=Trackers(
            50.0,
            100.0,
            TrackerStart(30.0, {"cobalt": 40.0}),
            TrackerStart(70.0),
            TrackerStart(70.0),
            TrackerStart(60.0),
        ),
    )


def generated_scenario(
    n_issues: int = 12, n_options: int = 5, n_actors: int = 5, seed: int = 0
) -> Scenario:
    """A random but valid scenario of the given size (for property tests and benchmarks)."""
    rng = random.Random(seed)
    ids = [f"a{k}" for k in range(n_actors)]
    actors = tuple(_actor(a, f"Actor {a}") for a in ids)
    issues = []
    for k in range(n_issues):
        opts = _options(*(f"o{j}" for j in range(n_options)))
        consent = tuple(sorted(rng.sample(ids, rng.randint(2, min(3, n_actors)))))
        issues.append(Issue(f"i{k}", f"Issue {k}", "generated", opts, "o0", consent))
    prefs = {}
    for a in ids:
        raw = {i.id: rng.uniform(0.1, 1.0) for i in issues}
        total = sum(raw.values())
        values = {i.id: {o.id: round(rng.random(), 3) for o in i.options} for i in issues}
        lines = tuple(
            RedLine(
                f"{a}-rl{k}",
                a,
                i.id,
                frozenset({min(values[i.id], key=values[i.id].get)}),
                rng.random() < 0.5,
                "generated",
            )
            for k, i in enumerate(rng.sample(issues, min(2, n_issues)))
        )
        prefs[a] = Preferences(
            a,
            {i: w / total for i, w in raw.items()},
            values,
            round(rng.uniform(0.3, 0.5), 3),
            lines,
            (Objective(f"{a}-obj", a, "generated", Condition(min_agreements=1), 0.1),),
        )
    rounds = tuple(
        Round(
            f"r{k}",
            f"Round {k}",
            "Hall",
            f"City {k}",
            f"2030-01-{10 + k}",
            tuple(rng.sample(ids, max(2, n_actors - k % 2))),
            tuple(i.id for i in rng.sample(issues, max(1, n_issues * 2 // 3))),
            4,
            "Open.",
        )
        for k in range(3)
    )
    levers = tuple(
        Lever(
            f"l-{a}",
            a,
            ids[(k + 1) % n_actors],
            f"Lever of {a}",
            "generated",
            (Effect(TrackerKind.TENSION, 2.0),),
            (Effect(TrackerKind.TENSION, 8.0),),
        )
        for k, a in enumerate(ids)
    )
    events = (
        EventCard(
            "spike",
            "Spike",
            "Tension spikes.",
            0.2,
            Condition(),
            (Effect(TrackerKind.TENSION, 5.0),),
            once=False,
        ),
        EventCard(
            "calm",
            "Calm",
            "Tension eases.",
            0.2,
            Condition(min_tension=60),
            (Effect(TrackerKind.TENSION, -5.0),),
            once=False,
        ),
    )
    outcomes = (
        Outcome("escalation", "Escalation", "War.", Condition(escalated=True), {"*": -0.5}),
        Outcome("deal", "Deal", "Deal.", Condition(min_agreements=3), {"*": 0.2}),
        Outcome("none", "Stalemate", "Nothing.", Condition()),
    )
    return Scenario(
        id=f"generated-{seed}",
        title="Generated",
        summary="",
        decision_point="",
        briefing="",
        teacher_notes="",
        actors=actors,
        issues=tuple(issues),
        demands=(),
        preferences=prefs,
        rounds=rounds,
        levers=levers,
        events=events,
        outcomes=outcomes,
    )
