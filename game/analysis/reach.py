"""Which issues can ever become binding, given the calendar, consent and red lines.

Mirrors the engine's rules: only playable actors move, accept and count for
consent; a table agrees only when at least two delegations sit at it; an
agreement on an issue binds once every (playable) actor its ``consent``
names has accepted it, possibly across rounds.  So an issue is settleable
when it is on the agenda of some table of two or more delegations, each
consenting actor sits at one of those tables, and the consenting actors' red
lines leave at least one option open.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.model import Scenario
from game.engine.queries import consenting, movers

# The engine's consent (R9) and movers (R2) are asked, not re-derived; re-exported
# so that the agreement test can compare what the analysis uses with the engine.
__all__ = ["Reach", "consenting", "consenting_lines", "movers", "reach"]


@dataclass(frozen=True, slots=True)
class Reach:
    """What the calendar and the red lines allow, per issue id."""

    rounds: dict[str, tuple[str, ...]]  # issue -> rounds that can agree on it
    absent: dict[str, tuple[str, ...]]  # issue -> consenting actors never at such a round
    closing_lines: dict[str, tuple[str, ...]]  # issue -> red lines covering every option
    open_options: dict[str, tuple[str, ...]]  # issue -> options no consenting actor rules out
    settleable: frozenset[str]


def consenting_lines(scenario: Scenario, issue_id: str) -> list[tuple[str, frozenset[str]]]:
    """(red line id, options) of the red lines that the issue's consenting actors hold on it."""
    lines = [
        line
        for actor in consenting(scenario, issue_id)
        if actor in scenario.preferences
        for line in scenario.preferences[actor].red_lines
    ]
    return [(line.id, line.options) for line in lines if line.issue == issue_id]


def reach(scenario: Scenario) -> Reach:
    rounds: dict[str, tuple[str, ...]] = {}
    absent: dict[str, tuple[str, ...]] = {}
    closing: dict[str, tuple[str, ...]] = {}
    open_options: dict[str, tuple[str, ...]] = {}
    settleable = set()
    # Asked once per round, not once per round per issue.
    at_table = {r.id: movers(scenario, r.id) for r in scenario.rounds}
    for issue in scenario.issues:
        # A table of fewer than two delegations can never agree anything.
        tables = [r for r in scenario.rounds if issue.id in r.agenda and len(at_table[r.id]) >= 2]
        rounds[issue.id] = tuple(r.id for r in tables)
        seated = {a for r in tables for a in at_table[r.id]}
        absent[issue.id] = tuple(a for a in consenting(scenario, issue.id) if a not in seated)
        lines = consenting_lines(scenario, issue.id)
        ruled_out = set().union(*(opts for _, opts in lines)) if lines else set()
        open_options[issue.id] = tuple(o.id for o in issue.options if o.id not in ruled_out)
        if not open_options[issue.id]:
            closing[issue.id] = tuple(line_id for line_id, _ in lines)
        if tables and not absent[issue.id] and open_options[issue.id]:
            settleable.add(issue.id)
    return Reach(rounds, absent, closing, open_options, frozenset(settleable))
