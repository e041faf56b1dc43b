"""Small scenarios built straight from the engine's model, for analysis and self-play tests."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import replace

from game.engine.model import (
    Actor,
    Condition,
    Demand,
    Issue,
    Option,
    Outcome,
    Preferences,
    RedLine,
    Round,
    Scenario,
)


def actor(actor_id: str, *, playable: bool = True) -> Actor:
    return Actor(
        id=actor_id,
        name=actor_id.title(),
        delegate=f"delegate of {actor_id}",
        principal=f"principal of {actor_id}",
        colour="#336699",
        playable=playable,
        briefing="",
    )


def issue(
    issue_id: str,
    options: Sequence[str],
    *,
    consent: Sequence[str],
    status_quo: str | None = None,
) -> Issue:
    return Issue(
        id=issue_id,
        name=issue_id.title(),
        description="",
        options=tuple(Option(o, o.title()) for o in options),
        status_quo=status_quo or options[0],
        consent=tuple(consent),
    )


def prefs(
    actor_id: str,
    weights: Mapping[str, float],
    values: Mapping[str, Mapping[str, float]],
    reservation: float,
    red_lines: Mapping[str, Sequence[str]] | None = None,
) -> Preferences:
    total = sum(weights.values())
    lines = tuple(
        RedLine(
            id=f"{actor_id}-{issue_id}",
            actor=actor_id,
            issue=issue_id,
            options=frozenset(opts),
            public=True,
            reason="never",
        )
        for issue_id, opts in (red_lines or {}).items()
    )
    return Preferences(
        actor=actor_id,
        weights={i: w / total for i, w in weights.items()},
        values={i: dict(v) for i, v in values.items()},
        reservation=reservation,
        red_lines=lines,
    )


def table(
    round_id: str, participants: Sequence[str], agenda: Sequence[str], turns: int = 3
) -> Round:
    return Round(
        id=round_id,
        name=round_id.title(),
        venue="venue",
        city="city",
        date="2022-01-10",
        participants=tuple(participants),
        agenda=tuple(agenda),
        turns=turns,
        opening="",
    )


def outcome(outcome_id: str, condition: Condition | None = None) -> Outcome:
    return Outcome(outcome_id, outcome_id.title(), "", condition or Condition())


def scenario(
    actors: Sequence[Actor],
    issues: Sequence[Issue],
    preferences: Sequence[Preferences],
    *,
    rounds: Sequence[Round] | None = None,
    outcomes: Sequence[Outcome] | None = None,
    demands: Sequence[Demand] = (),
) -> Scenario:
    everyone = tuple(a.id for a in actors)
    return Scenario(
        id="test",
        title="Test",
        summary="",
        decision_point="",
        briefing="",
        teacher_notes="",
        actors=tuple(actors),
        issues=tuple(issues),
        demands=tuple(demands),
        preferences={p.actor: p for p in preferences},
        rounds=tuple(rounds or [table("talks", everyone, [i.id for i in issues])]),
        levers=(),
        events=(),
        outcomes=tuple(
            outcomes
            or [
                outcome("deal", Condition(min_agreements=1)),
                outcome("stalemate"),
            ]
        ),
    )


def two_party(reservation_a: float, reservation_b: float) -> Scenario:
    """Two actors, two issues with opposed values weighted differently: log-rolling pays."""
    opts = ["low", "mid", "high"]
    a_values = {"low": 0.0, "mid": 0.5, "high": 1.0}
    b_values = {"low": 1.0, "mid": 0.5, "high": 0.0}
    return scenario(
        [actor("a"), actor("b")],
        [issue("x", opts, consent=["a", "b"]), issue("y", opts, consent=["a", "b"])],
        [
            prefs("a", {"x": 3, "y": 1}, {"x": a_values, "y": a_values}, reservation_a),
            prefs("b", {"x": 1, "y": 3}, {"x": b_values, "y": b_values}, reservation_b),
        ],
    )


def random_scenario(
    n_issues: int, n_options: int, n_actors: int, seed: int, *, red_line_rate: float = 0.3
) -> Scenario:
    """A generated scenario: random weights, values, reservations and a few red lines."""
    rng = random.Random(seed)
    actor_ids = [f"p{k}" for k in range(n_actors)]
    issues = [
        issue(f"i{k}", [f"i{k}o{j}" for j in range(n_options)], consent=actor_ids)
        for k in range(n_issues)
    ]
    preferences = []
    for a in actor_ids:
        values = {i.id: {o.id: round(rng.random(), 3) for o in i.options} for i in issues}
        lines = {}
        for i in issues:
            worst = min(values[i.id], key=values[i.id].__getitem__)
            if rng.random() < red_line_rate and worst != i.status_quo:
                lines[i.id] = [worst]
        weights = {i.id: rng.uniform(0.1, 1.0) for i in issues}
        preferences.append(prefs(a, weights, values, round(rng.uniform(0.2, 0.6), 3), lines))
    return scenario([actor(a) for a in actor_ids], issues, preferences)


def with_reservations(base: Scenario, reservation: float) -> Scenario:
    """The same scenario with every actor's reservation set to one value."""
    return replace(
        base,
        preferences={a: replace(p, reservation=reservation) for a, p in base.preferences.items()},
    )
