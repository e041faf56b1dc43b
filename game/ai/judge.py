"""How a delegate judges a package: red lines first, then utility against its aspiration.

Shared by the decision core, the rationale of every accept or reject, and the
easy level's "what would it take" advice, so all three always agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.ai.aspiration import target
from game.ai.prefs import Breach
from game.ai.table import Table
from game.engine.actions import Terms


@dataclass(frozen=True, slots=True)
class Verdict:
    """A delegate's judgement of one package."""

    utility: float
    aspiration: float
    floor: float
    breaches: tuple[Breach, ...]

    @property
    def acceptable(self) -> bool:
        return not self.breaches and self.utility >= self.aspiration - 1e-9


def floor_for(table: Table, scope: Iterable[str]) -> float:
    """The least a deal on ``scope`` must give us.

    Our reservation value, and no less than no deal on these issues would give,
    minus what calming the crisis is worth (more so the nearer it is to war).
    """
    prefs = table.prefs
    heat = min(1.0, table.tension / max(1.0, table.war_threshold))
    relief = 0.1 + 0.2 * heat
    return max(prefs.reservation, prefs.status_quo_utility(scope) - relief)


def feasible_best(table: Table, scope: Iterable[str]) -> float:
    """Our best utility over ``scope`` with options anyone could accept.

    Our own red lines are out; so, above the easy level, are the others' public
    red lines, since a package with one of those will never be agreed.
    """
    scope = tuple(scope)
    key = ("best", scope, table.others(), table.difficulty)
    found = table.cache.get(key)
    if isinstance(found, float):
        return found
    prefs = table.prefs
    banned = others_lines(table) if table.difficulty != "easy" else frozenset()
    choice = {}
    for issue in scope:
        vals = prefs.values[issue]
        pool = [
            o
            for o in prefs.options[issue]
            if o not in prefs.forbidden[issue] and (issue, o) not in banned
        ]
        choice[issue] = max(pool, key=vals.__getitem__) if pool else prefs.best_option[issue]
    best = table.cache[key] = prefs.utility(choice)
    return best


def others_lines(table: Table) -> frozenset[tuple[str, str]]:
    """(issue, option) pairs on a public red line of someone else at the table."""
    key = ("others-lines", table.others())
    found = table.cache.get(key)
    if isinstance(found, frozenset):
        return found
    banned: set[tuple[str, str]] = set()
    for actor in table.others():
        for issue, options in table.public_lines.get(actor, {}).items():
            banned.update((issue, o) for o in options)
    made = table.cache[key] = frozenset(banned)
    return made


def aspiration_for(table: Table, scope: Iterable[str]) -> tuple[float, float]:
    """(aspiration now, floor) for a deal on ``scope``."""
    scope = tuple(scope)
    floor = floor_for(table, scope)
    best = feasible_best(table, scope)
    return target(best, floor, table.time(scope), table.personality), floor


def judge(table: Table, terms: Terms) -> Verdict:
    prefs = table.prefs
    scope = [i for i, _ in terms]
    aspiration, floor = aspiration_for(table, scope)
    return Verdict(
        utility=prefs.utility(dict(terms)),
        aspiration=aspiration,
        floor=floor,
        breaches=tuple(prefs.breaches(terms)),
    )


def format_terms(terms: Iterable[tuple[str, str]]) -> str:
    return ", ".join(f"{i}={o}" for i, o in terms) or "nothing"


def why_not(verdict: Verdict) -> str:
    """The reason a package is unacceptable, naming the term or the numbers."""
    if verdict.breaches:
        b = verdict.breaches[0]
        return f'{b.issue}={b.option} breaks our red line "{b.line.reason}"'
    return (
        f"utility {verdict.utility:.2f} below our aspiration {verdict.aspiration:.2f}"
        f" (floor {verdict.floor:.2f})"
    )
