"""Why a condition (of an outcome, objective or event) can never hold, if it can't.

Each check is a contradiction that arithmetic on the scenario can see without
playing: bounds the wrong way round, more agreements than issues can ever
bind, an agreement the red lines or the calendar rule out, an actor asked to
walk out of a table it never sits at.  An empty list means "possibly
reachable", not "reached".
"""

from __future__ import annotations

from game.analysis.reach import Reach
from game.engine.model import Condition, Scenario
from game.engine.queries import movers


def _bounds(condition: Condition, scenario: Scenario) -> list[str]:
    c, n_rounds = condition, len(scenario.rounds)
    war = scenario.trackers.war_threshold
    reasons = []
    if c.min_round is not None and c.max_round is not None and c.min_round > c.max_round:
        reasons.append(f"min_round {c.min_round} is above max_round {c.max_round}")
    if c.min_round is not None and c.min_round > n_rounds:
        reasons.append(f"min_round {c.min_round} is beyond the last round ({n_rounds})")
    if c.max_round is not None and c.max_round < 1:
        reasons.append(f"max_round {c.max_round} is before the first round")
    if c.min_tension is not None and c.max_tension is not None and c.min_tension > c.max_tension:
        reasons.append(f"min_tension {c.min_tension:g} is above max_tension {c.max_tension:g}")
    if c.min_tension is not None and c.min_tension > war:
        reasons.append(f"min_tension {c.min_tension:g} is above the war threshold {war:g}")
    if c.max_tension is not None and c.max_tension < 0:
        reasons.append(f"max_tension {c.max_tension:g} is below zero")
    if c.escalated is True and c.max_tension is not None and c.max_tension < war:
        reasons.append(f"escalation means tension {war:g}, but max_tension is {c.max_tension:g}")
    if c.escalated is False and c.min_tension is not None and c.min_tension >= war:
        reasons.append(
            f"min_tension {c.min_tension:g} reaches the war threshold, which means escalation"
        )
    return reasons


def _agreements(condition: Condition, reach: Reach) -> list[str]:
    c = condition
    reasons = []
    if (
        c.min_agreements is not None
        and c.max_agreements is not None
        and c.min_agreements > c.max_agreements
    ):
        reasons.append(
            f"min_agreements {c.min_agreements} is above max_agreements {c.max_agreements}"
        )
    possible = len(reach.settleable - set(c.not_agreed))
    if c.min_agreements is not None and c.min_agreements > possible:
        reasons.append(
            f"min_agreements {c.min_agreements} but at most {possible} issue(s) can ever be "
            "agreed bindingly"
        )
    if c.max_agreements is not None and len(c.agreed) > c.max_agreements:
        reasons.append(
            f"it requires {len(c.agreed)} agreements but max_agreements is {c.max_agreements}"
        )
    for issue_id, options in sorted(c.agreed.items()):
        if issue_id in c.not_agreed:
            reasons.append(f"issue {issue_id!r} is both agreed and not_agreed")
            continue
        if issue_id not in reach.settleable:
            reasons.append(f"issue {issue_id!r} can never be agreed bindingly")
            continue
        if not set(options) & set(reach.open_options.get(issue_id, ())):
            names = ", ".join(repr(o) for o in sorted(options))
            reasons.append(
                f"agreement on {issue_id!r} needs {names}, which a consenting actor's red "
                "line rules out"
            )
    return reasons


def usable_levers(scenario: Scenario) -> frozenset[str]:
    """Levers that some owner (any of its ``owners``, R36) can use: it takes turns somewhere."""
    moving = {a for rnd in scenario.rounds for a in movers(scenario, rnd.id)}
    return frozenset(lv.id for lv in scenario.levers if set(lv.owners) & moving)


def _others(condition: Condition, scenario: Scenario) -> list[str]:
    c = condition
    reasons = []
    both = sorted(set(c.levers_executed) & set(c.levers_not_executed))
    if both:
        reasons.append(f"lever(s) {', '.join(both)} both executed and not executed")
    usable = usable_levers(scenario)
    reasons.extend(
        f"no owner of lever {lever!r} ever takes a turn, so nobody can use it"
        for lever in (*c.levers_executed, *c.threatened)
        if lever not in usable
    )
    seated = {a for r in scenario.rounds for a in r.participants}
    reasons.extend(
        f"{a!r} must walk out but sits at no round" for a in c.walked_out if a not in seated
    )
    return reasons


def impossibilities(condition: Condition, scenario: Scenario, reach: Reach) -> list[str]:
    """Every reason why ``condition`` can never hold in this scenario (empty if none seen)."""
    reasons = (
        _bounds(condition, scenario) + _agreements(condition, reach) + _others(condition, scenario)
    )
    for inner in condition.all:
        reasons += impossibilities(inner, scenario, reach)
    if condition.any:
        each = [impossibilities(inner, scenario, reach) for inner in condition.any]
        if all(each):
            reasons.append("none of its `any` clauses can hold: " + "; ".join(r[0] for r in each))
    return reasons


def always_holds(condition: Condition) -> bool:
    """True for the empty condition, which every end state meets."""
    return condition == Condition()
