"""Negotiation-aware warnings for scenario authors: what only arithmetic can see.

``findings(scenario)`` lists problems that a schema cannot catch -- issues
nobody weighs, red lines that close an issue, outcomes no end state can
reach, rounds where nothing can be settled, no deal above every reservation.
Each finding names the elements by id.  They are warnings (the scenario still
plays) unless the scenario is unplayable, which is an error.
"""

from __future__ import annotations

from game.analysis.conditions import always_holds, impossibilities
from game.analysis.deals import Zopa, space_for, zopa_in
from game.analysis.finding import Finding, Severity
from game.analysis.reach import Reach, reach
from game.analysis.space import build_space, default_actors, red_lined, utilities
from game.analysis.world_rules import world_findings
from game.analysis.zopa_checks import zopa_findings
from game.engine.model import Scenario
from game.engine.queries import consenting, movers

WEIGHT_FLOOR = 0.02  # an issue weighed below this by everyone is decoration ...
# ... unless the scenario has so many issues that an even split gives each less: then
# "decoration" is below this fraction of an even share (200 issues weighed alike are not).
EVEN_SHARE_FLOOR = 0.16


def weight_floor(issues: int) -> float:
    """The weight below which nobody can be said to weigh an issue, among ``issues``."""
    return min(WEIGHT_FLOOR, EVEN_SHARE_FLOOR / max(1, issues))


def _issue_findings(scenario: Scenario, where: Reach) -> list[Finding]:
    out = []
    actors = default_actors(scenario)
    everyone_blocks = red_lined(scenario, actors)
    floor = weight_floor(len(scenario.issues))
    for k, issue in enumerate(scenario.issues):
        i = issue.id
        at = ("issues", k, "id")
        heaviest = max((scenario.preferences[a].weights.get(i, 0.0) for a in actors), default=0.0)
        if heaviest < floor:
            out.append(
                Finding(
                    Severity.WARNING,
                    "issue-unweighted",
                    f"issue {i!r}: no delegation weighs it (highest weight "
                    f"{heaviest:.2g}); agreeing on it changes nobody's score",
                    (i,),
                    at,
                )
            )
        if not where.rounds[i]:
            out.append(
                Finding(
                    Severity.WARNING,
                    "issue-off-agenda",
                    f"issue {i!r} is on the agenda of no table with two or more delegations, "
                    "so it can never be agreed",
                    (i,),
                    at,
                )
            )
        elif where.absent[i]:
            who = ", ".join(repr(a) for a in where.absent[i])
            out.append(
                Finding(
                    Severity.WARNING,
                    "issue-consent-absent",
                    f"issue {i!r} can never bind: consenting actor(s) {who} sit at no "
                    f"round with it on the agenda ({', '.join(where.rounds[i])})",
                    (i, *where.absent[i]),
                    ("issues", k, "consent"),
                )
            )
        if i in where.closing_lines:
            lines = ", ".join(repr(x) for x in where.closing_lines[i])
            out.append(
                Finding(
                    Severity.WARNING,
                    "issue-closed",
                    f"issue {i!r} can never be agreed: the red lines {lines} of its "
                    "consenting actors rule out every option",
                    (i, *where.closing_lines[i]),
                    at,
                )
            )
        elif {o.id for o in issue.options} <= everyone_blocks.get(i, set()):
            out.append(
                Finding(
                    Severity.INFO,
                    "issue-contested",
                    f"issue {i!r}: every option is on some delegation's red line, so "
                    "any agreement on it crosses one",
                    (i,),
                    at,
                )
            )
    return out


def _actor_findings(scenario: Scenario, where: Reach) -> list[Finding]:
    out = []
    for actor in default_actors(scenario):
        prefs = scenario.preferences[actor]
        own = build_space(scenario, [actor], settleable=where.settleable)
        best = sum(max(g[0] for g in gains) for gains in own.gains)
        if best < prefs.reservation - 1e-9:
            out.append(
                Finding(
                    Severity.WARNING,
                    "reservation-unreachable",
                    f"actor {actor!r}: reservation {prefs.reservation:.2f} is above the "
                    f"best it can ever get ({best:.2f}); it can never accept a deal",
                    (actor,),
                    ("preferences", actor, "reservation"),
                )
            )
    out += _status_quo_findings(scenario)
    seen: dict[str, int] = {}
    for demand in scenario.demands:
        n = seen[demand.actor] = seen.get(demand.actor, -1) + 1  # its place in the actor's list
        if demand.actor not in scenario.preferences:
            continue
        prefs = scenario.preferences[demand.actor]
        lines = [
            ln.id
            for ln in prefs.red_lines
            if ln.issue == demand.issue and demand.option in ln.options
        ]
        subject = (demand.actor, demand.issue, demand.option)
        at = ("demands", demand.actor, n)
        if lines:
            out.append(
                Finding(
                    Severity.WARNING,
                    "demand-on-red-line",
                    f"actor {demand.actor!r} demands {demand.option!r} on "
                    f"{demand.issue!r}, beyond its own red line {lines[0]!r}",
                    subject,
                    at,
                )
            )
        elif prefs.weights.get(demand.issue, 0.0) < weight_floor(len(scenario.issues)):
            out.append(
                Finding(
                    Severity.WARNING,
                    "demand-unweighted",
                    f"actor {demand.actor!r} demands {demand.option!r} on "
                    f"{demand.issue!r} but gives that issue no weight",
                    subject,
                    at,
                )
            )
        else:
            values = prefs.values.get(demand.issue, {})
            top = max(values.values(), default=0.0)
            if values.get(demand.option, 0.0) < top - 1e-9:
                out.append(
                    Finding(
                        Severity.INFO,
                        "demand-not-best",
                        f"actor {demand.actor!r} demands {demand.option!r} on "
                        f"{demand.issue!r}, which it values "
                        f"{values.get(demand.option, 0.0):.2f}, below its best {top:.2f}",
                        subject,
                        at,
                    )
                )
    return out


def _status_quo_findings(scenario: Scenario) -> list[Finding]:
    """No deal at all already clears every reservation: nobody needs to negotiate."""
    actors = default_actors(scenario)
    if not actors:
        return []
    status_quo = utilities(scenario, {}, actors)
    if any(status_quo[a] < scenario.preferences[a].reservation for a in actors):
        return []
    text = ", ".join(
        f"{a} {status_quo[a]:.2f} >= {scenario.preferences[a].reservation:.2f}" for a in actors
    )
    return [
        Finding(
            Severity.INFO,
            "status-quo-suffices",
            f"with nothing agreed every delegation already gets its reservation ({text}): "
            "no one needs a deal, so expect little pressure to concede",
            tuple(actors),
        )
    ]


def _round_findings(scenario: Scenario, where: Reach) -> list[Finding]:
    out = []
    for k, rnd in enumerate(scenario.rounds):
        at = ("rounds", k, "agenda")
        if not rnd.agenda:
            out.append(
                Finding(
                    Severity.INFO,
                    "round-no-agenda",
                    f"round {rnd.id!r} has an empty agenda: only statements, threats "
                    "and walk-outs happen there",
                    (rnd.id,),
                    at,
                )
            )
            continue
        at_table = movers(scenario, rnd.id)
        useful = [
            i
            for i in rnd.agenda
            if i in where.settleable
            and len(at_table) >= 2
            and (set(consenting(scenario, i)) & set(at_table) or not consenting(scenario, i))
        ]
        if not useful:
            out.append(
                Finding(
                    Severity.WARNING,
                    "round-idle",
                    f"round {rnd.id!r}: no issue on its agenda "
                    f"({', '.join(rnd.agenda)}) can move towards a binding agreement "
                    "there",
                    (rnd.id,),
                    at,
                )
            )
    return out


def _condition_findings(scenario: Scenario, where: Reach) -> list[Finding]:
    out = []
    reachable = 0
    catch_all = ""
    for k, outcome in enumerate(scenario.outcomes):
        at = ("outcomes", k, "when")
        reasons = impossibilities(outcome.condition, scenario, where)
        if catch_all:
            out.append(
                Finding(
                    Severity.WARNING,
                    "outcome-shadowed",
                    f"outcome {outcome.id!r} is never chosen: outcome {catch_all!r} "
                    "before it always matches (the first match wins)",
                    (outcome.id,),
                    at,
                )
            )
        elif reasons:
            out.append(
                Finding(
                    Severity.WARNING,
                    "outcome-unreachable",
                    f"outcome {outcome.id!r} can never be reached: {'; '.join(reasons)}",
                    (outcome.id,),
                    at,
                )
            )
        else:
            reachable += 1
            if always_holds(outcome.condition):
                catch_all = outcome.id
    if scenario.outcomes and not reachable:
        out.append(
            Finding(
                Severity.ERROR,
                "no-outcome",
                "no outcome can ever be reached: the end of the game has no label",
                tuple(o.id for o in scenario.outcomes),
                ("outcomes",),
            )
        )
    for prefs in scenario.preferences.values():
        for j, objective in enumerate(prefs.objectives):
            reasons = impossibilities(objective.condition, scenario, where)
            if reasons:
                out.append(
                    Finding(
                        Severity.WARNING,
                        "objective-unreachable",
                        f"objective {objective.id!r} of {objective.actor!r} can never "
                        f"be met: {'; '.join(reasons)}",
                        (objective.id,),
                        ("preferences", prefs.actor, "objectives", j, "when"),
                    )
                )
    for k, card in enumerate(scenario.events):
        reasons = impossibilities(card.condition, scenario, where)
        if reasons:
            out.append(
                Finding(
                    Severity.WARNING,
                    "event-unreachable",
                    f"event {card.id!r} can never be drawn: {'; '.join(reasons)}",
                    (card.id,),
                    ("events", k, "when"),
                )
            )
    return out


def findings(scenario: Scenario, *, zopa_result: Zopa | None = None) -> list[Finding]:
    """Every negotiation-aware finding, errors first, then warnings, then notes."""
    where = reach(scenario)
    found = zopa_in(space_for(scenario)) if zopa_result is None else zopa_result
    out = (
        _issue_findings(scenario, where)
        + _actor_findings(scenario, where)
        + _round_findings(scenario, where)
        + _condition_findings(scenario, where)
        + world_findings(scenario, where)
        + zopa_findings(scenario, where, found)
    )
    rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return sorted(out, key=lambda f: rank[f.severity])
