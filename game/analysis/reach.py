"""Which issues can ever become binding, given the calendar, consent and red lines.

Mirrors the engine's rules: only playable actors move, accept and count for
consent; a table agrees only when at least two delegations sit at it; an
agreement on an issue binds once every (playable) actor its ``consent``
names has accepted it, possibly across rounds.  So an issue is settleable
when it is on the agenda of some table of two or more delegations, each
consenting actor sits at one of those tables, and at least one option stays
open: an option is closed by a consenting actor's (unconditional) red line,
by an actor its own ``consent`` adds (R37) who never sits at such a table, or
by a consenting actor whose support can never reach its ratification
threshold (R29).  A red line with ``unless`` closes nothing: it can be lifted.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.analysis.ratify import ratifications
from game.engine.model import Scenario
from game.engine.queries import consenting, movers
from game.engine.tables import tables_for

# The engine's consent (R9) and movers (R2) are asked, not re-derived; re-exported
# so that the agreement test can compare what the analysis uses with the engine.
__all__ = ["Reach", "consenting", "consenting_lines", "movers", "reach"]


@dataclass(frozen=True, slots=True)
class Reach:
    """What the calendar and the red lines allow, per issue id."""

    rounds: dict[str, tuple[str, ...]]  # issue -> rounds that can agree on it
    absent: dict[str, tuple[str, ...]]  # issue -> consenting actors never at such a round
    closing_lines: dict[str, tuple[str, ...]]  # issue -> red lines covering every option
    open_options: dict[str, tuple[str, ...]]  # issue -> options that can ever bind
    settleable: frozenset[str]
    # (issue, option) -> why that option can never bind, beyond red lines (consent, ratification)
    closed_options: dict[tuple[str, str], str]


def consenting_lines(scenario: Scenario, issue_id: str) -> list[tuple[str, frozenset[str]]]:
    """(red line id, options) of the red lines that the issue's consenting actors hold on it."""
    lines = [
        line
        for actor in consenting(scenario, issue_id)
        if actor in scenario.preferences
        for line in scenario.preferences[actor].red_lines
    ]
    return [
        (line.id, line.options) for line in lines if line.issue == issue_id and line.unless is None
    ]


def _closed_option(
    scenario: Scenario, issue_id: str, option_id: str, seated: set[str], never: set[str]
) -> str:
    """Why an option can never bind for want of consent (R37) or ratification (R29)."""
    t = tables_for(scenario)
    needed = t.consent_of[(issue_id, option_id)]
    extra = sorted(needed - t.consent[issue_id])
    away = [a for a in extra if a not in seated]
    if away:
        who = ", ".join(repr(a) for a in away)
        return f"its own consent adds {who}, who sit(s) at no round with the issue on the agenda"
    for a in extra:
        for line in scenario.preferences[a].red_lines if a in scenario.preferences else ():
            if line.issue == issue_id and option_id in line.options and line.unless is None:
                return f"its own consent adds {a!r}, whose red line {line.id!r} rules it out"
    stuck = sorted(needed & never)
    if stuck:
        who = ", ".join(repr(a) for a in stuck)
        return f"it needs the consent of {who}, whose support can never reach ratification"
    return ""


def possible_agendas(scenario: Scenario) -> dict[str, frozenset[str]]:
    """Round id -> every issue that can be on its agenda, counting ``agenda_add`` (R34)."""
    found = {r.id: set(r.agenda) for r in scenario.rounds}
    changes = [c for card in scenario.events for c in card.agenda]
    changes += [c for lever in scenario.levers for c in lever.agenda]
    for change in changes:
        if change.add and change.round in found:
            found[change.round].update(change.issues)
    return {r: frozenset(issues) for r, issues in found.items()}


def reach(scenario: Scenario) -> Reach:
    rounds: dict[str, tuple[str, ...]] = {}
    absent: dict[str, tuple[str, ...]] = {}
    closing: dict[str, tuple[str, ...]] = {}
    open_options: dict[str, tuple[str, ...]] = {}
    settleable = set()
    closed_options: dict[tuple[str, str], str] = {}
    never = {a for a, r in ratifications(scenario).items() if not r.reachable}
    # Asked once per round, not once per round per issue.
    at_table = {r.id: movers(scenario, r.id) for r in scenario.rounds}
    agendas = possible_agendas(scenario)
    for issue in scenario.issues:
        # A table of fewer than two delegations can never agree anything.
        tables = [
            r for r in scenario.rounds if issue.id in agendas[r.id] and len(at_table[r.id]) >= 2
        ]
        rounds[issue.id] = tuple(r.id for r in tables)
        seated = {a for r in tables for a in at_table[r.id]}
        absent[issue.id] = tuple(a for a in consenting(scenario, issue.id) if a not in seated)
        lines = consenting_lines(scenario, issue.id)
        ruled_out = set().union(*(opts for _, opts in lines)) if lines else set()
        if lines and all(o.id in ruled_out for o in issue.options):
            closing[issue.id] = tuple(line_id for line_id, _ in lines)
        kept = []
        for o in issue.options:
            if o.id in ruled_out:
                continue
            why = _closed_option(scenario, issue.id, o.id, seated, never)
            if why:
                closed_options[(issue.id, o.id)] = why
            else:
                kept.append(o.id)
        open_options[issue.id] = tuple(kept)
        if tables and not absent[issue.id] and open_options[issue.id]:
            settleable.add(issue.id)
    return Reach(rounds, absent, closing, open_options, frozenset(settleable), closed_options)
