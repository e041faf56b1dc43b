"""How a delegate judges a package: red lines first, then its worth against its aspiration.

Shared by the decision core, the rationale of every accept or reject, and the
easy level's "what would it take" advice, so all three always agree.

The aspiration is set issue by issue (``targets``): each open issue has its own
best feasible worth, its own floor and its own clock (the time left until its last
chance on an agenda).  A package is acceptable when its weighted worth reaches the
weighted aspiration of the issues it settles, so a term weighed at zero changes
nothing and a term worth at least what we ask on its issue never turns a yes into a
no: acceptance is monotonic.  Worth counts the whole game (``game.ai.worth``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from game.ai.aspiration import target
from game.ai.prefs import Breach
from game.ai.reciprocity import concession_allowance, pace, stonewalled
from game.ai.table import Table, keep, kept
from game.ai.worth import package_value, worths
from game.engine.actions import Terms
from game.engine.model import Condition, Personality

# The seeded variation of a game (PonPoko's randomised aspiration): how far it moves an
# aspiration, as a share of the room between the issue's floor and its best, and how far
# it moves how hard-line the delegate plays.  The hard level varies most, so no script
# can learn it; every level varies, so no two games are the same.
_JITTER = {"easy": 0.1, "normal": 0.15, "hard": 0.25}
_HARDLINE_JITTER = {"easy": 0.1, "normal": 0.25, "hard": 0.3}
# The easy level concedes readily, so that a learner finds the deals: it plays softer
# than its personality and answers time alone, not only the others' concessions.
_EASY_SOFTER = 0.08
LAST_CHANCE = 0.9  # share of an issue's time after which this table is its last chance
# At the last chance reciprocity holds back at most this share of the time curve: enough
# to close what everyone gains on, not a collapse to the floor that waiting could exploit.
_LAST_SHARE = 0.5


def persona(table: Table) -> Personality:
    """Our personality in this game: its hard line moved by the game's seeded variation."""
    p = table.personality
    shift = _HARDLINE_JITTER.get(table.difficulty, 0.0) * table.jitter
    if table.difficulty == "easy":
        shift -= _EASY_SOFTER
    if not shift:
        return p
    inputs = (p, shift)
    known = kept(table.cache, "persona", inputs)
    if isinstance(known, Personality):
        return known
    made = replace(p, hardline=min(1.0, max(0.0, p.hardline + shift)))
    keep(table.cache, "persona", inputs, made)
    return made


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


def issue_floor(table: Table, issue: str) -> float:
    """The least a deal on ``issue`` must give us: our reservation value, and no less than
    the status quo would, minus what calming the crisis is worth (more so near war)."""
    prefs = table.prefs
    heat = min(1.0, table.tension / max(1.0, table.war_threshold))
    relief = 0.1 + 0.2 * heat
    sq = prefs.values[issue][prefs.status_quo[issue]]
    return max(prefs.reservation, sq - relief)


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


def issue_best(table: Table, issue: str) -> float:
    """Our best worth on ``issue`` with an option anyone could accept (never our own red
    lines, nor another's public ones: they will not be agreed), or with no deal on it at all."""
    prefs = table.prefs
    banned = others_lines(table)
    key = ("pool", issue)
    pool = kept(table.cache, key, (prefs, banned))
    if not isinstance(pool, tuple):
        pool = tuple(
            o
            for o in prefs.options[issue]
            if o not in prefs.forbidden[issue] and (issue, o) not in banned
        )
        keep(table.cache, key, (prefs, banned), pool)
    if not pool:
        return prefs.values[issue][prefs.best_option[issue]]
    # No deal on the issue keeps its status quo: an option another has ruled out is
    # still ours to keep by leaving the issue out, so it is not conceded in advance.
    row = worths(table)[issue]
    best = max(prefs.values[issue][prefs.status_quo[issue]], *(row[o] for o in pool))
    return max(best, _bought(table, issue, row)) if table.conditional_lines else best


def _bought(table: Table, issue: str, row: Mapping[str, float]) -> float:
    """Our best worth on ``issue`` with an option another's public line with ``unless``
    forbids, once we pay its condition: the option's worth less what meeting the
    condition (terms agreed on other issues) costs us against our best there, in this
    issue's weight.  A condition of another kind, or one what binds rules out, buys
    nothing (0): the option stays out of reach, as a line without ``unless``."""
    prefs = table.prefs
    w = prefs.weights.get(issue, 0.0)
    out = 0.0
    for line in table.conditional_lines:
        wants = line.unless.agreed if line.unless is not None else {}
        if line.issue != issue or w <= 0 or not wants or line.unless != Condition(agreed=wants):
            continue
        cost = 0.0
        for other, options in wants.items():
            held = table.agreed.get(other)
            if held is not None:
                cost = cost if held in options else float("inf")
                continue
            values = prefs.values[other]
            best_there = values[prefs.best_option[other]]
            cost += prefs.weights.get(other, 0.0) * (best_there - max(values[o] for o in options))
        for option in line.options:
            if option in row and option not in prefs.forbidden[issue]:
                out = max(out, row[option] - cost / w)
    return out


def issue_time(table: Table, issue: str) -> float:
    """How much of its time ``issue`` has used; a credible threat against us hurries a
    delegate that does not like risk."""
    t = table.progress.get(issue, 1.0)
    return min(1.0, t + 0.25 * table.pressure * (1.0 - table.personality.risk))


def targets(table: Table, scope: Iterable[str]) -> dict[str, tuple[float, float]]:
    """issue -> (aspiration, floor) for each issue of ``scope`` (memoised for the move:
    the core, the remark and the rationale all ask)."""
    known = table.now.targets
    out = {}
    missing = [i for i in scope if i not in known]
    if missing:
        allowance = concession_allowance(table)
        character = persona(table)
        easy = table.difficulty == "easy"
        slow = not easy and stonewalled(table)
        share = pace(table)
        if easy:  # half of what reciprocity would hold back
            share = 0.5 + 0.5 * share
        spread = _JITTER.get(table.difficulty, 0.0) * table.jitter
        for issue in missing:
            best = issue_best(table, issue)
            floor = min(issue_floor(table, issue), best)
            t = issue_time(table, issue)
            if table.progress.get(issue, 1.0) < LAST_CHANCE:
                t *= share  # no faster than the others answer ...
                if slow:  # nobody moved towards us: the Boulware curve, we hold out longer
                    t = t**1.5
            else:  # ... but at the issue's last chance, holding out gets less: half of it
                t *= max(share, _LAST_SHARE)
            aim = target(best, floor, t, character)
            room = best - floor
            aim -= min(aim - floor, allowance)  # concessions answer theirs
            aim = min(best, max(floor, aim + spread * room))
            known[issue] = (aim, floor)
    for issue in scope:
        out[issue] = known[issue]
    return out


def _means(table: Table, per: Mapping[str, tuple[float, float]]) -> tuple[float, float]:
    weights = table.prefs.weights
    total = sum(weights.get(i, 0.0) for i in per)
    if total <= 0:
        return 0.0, 0.0
    aim = sum(weights.get(i, 0.0) * a for i, (a, _) in per.items()) / total
    floor = sum(weights.get(i, 0.0) * f for i, (_, f) in per.items()) / total
    return aim, floor


def aspiration_for(table: Table, scope: Iterable[str]) -> tuple[float, float]:
    """(aspiration now, floor) for a deal on ``scope``: weighted means over its issues."""
    key = tuple(scope)  # in order: the means sum in it
    memo = table.now.aspirations  # a move asks again for the same scopes
    found = memo.get(key)
    if found is None:
        found = memo[key] = _means(table, targets(table, key))
    return found


def judge(table: Table, terms: Terms) -> Verdict:
    prefs = table.prefs
    aspiration, floor = aspiration_for(table, [i for i, _ in terms])
    return Verdict(
        utility=package_value(table, dict(terms)),
        aspiration=aspiration,
        floor=floor,
        breaches=tuple(prefs.breaches(terms, table.agreed)),
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
