"""What the end of the week would give the delegate beyond the terms: its own secret
objectives and the outcome label's bonus, for a hypothetical set of binding agreements.

The score is ``utility - reservation + objectives + outcome bonus``; a delegate that
weighed only the utility of terms would concede an issue its objective wants left
alone, or pass up the package that turns a framework into a breakthrough.  The end
state is imagined as the current one (tension, levers carried out, walk-outs) at the
last round, with the given agreements binding and no war.
"""

from __future__ import annotations

from collections.abc import Mapping

from game.ai.table import Scored, Table
from game.engine.model import Condition


def _holds_now(cond: Condition, table: Table) -> bool:
    """The clauses of ``cond`` that do not depend on the agreements, in the imagined end
    state (clauses this module does not know are ignored)."""
    if cond.escalated:
        return False  # we imagine the week ending without war
    if cond.min_tension is not None and table.tension < cond.min_tension:
        return False
    if cond.max_tension is not None and table.tension > cond.max_tension:
        return False
    if any(lv not in table.executed for lv in cond.levers_executed):
        return False
    if any(lv in table.executed for lv in cond.levers_not_executed):
        return False
    return all(a in table.walked_out_ever for a in cond.walked_out)


def _holds_with(cond: Condition, agreed: Mapping[str, str]) -> bool:
    """The clauses of ``cond`` about the agreements, if ``agreed`` were all that binds."""
    n = len(agreed)
    if cond.min_agreements is not None and n < cond.min_agreements:
        return False
    if cond.max_agreements is not None and n > cond.max_agreements:
        return False
    for issue, options in cond.agreed.items():
        if agreed.get(issue) not in options:
            return False
    return not any(issue in agreed for issue in cond.not_agreed)


def _ends(table: Table) -> tuple[Scored, Scored]:
    """Our objectives and the outcome labels (with our bonus) that the agreements alone
    decide now: the others cannot hold whatever is agreed (made once a move)."""
    found = table.now.ends
    if found is None:
        me = table.me
        goals = tuple(
            (o.points, o.condition) for o in table.objectives if _holds_now(o.condition, table)
        )
        labels = tuple(
            (o.score.get(me, o.score.get("*", 0.0)), o.condition)
            for o in table.outcomes
            if _holds_now(o.condition, table)
        )
        found = table.now.ends = (goals, labels)
        # The same conditions decide most moves of a game: their bonuses per set of
        # agreements are kept for the game, under the conditions themselves (the entry
        # holds them, so their ids stay theirs).
        key = (
            "bonus",
            tuple((p, id(c)) for p, c in goals),
            tuple((b, id(c)) for b, c in labels),
        )
        known = table.cache.get(key)
        if not isinstance(known, tuple):
            known = table.cache[key] = (found, {})
        table.now.bonus = known[1]
    return found


def end_bonus(table: Table, agreed: Mapping[str, str]) -> float:
    """Our objectives' points plus our outcome bonus if ``agreed`` were all that binds
    (memoised for the game's moves that share the conditions that can still hold)."""
    _ends(table)
    memo = table.now.bonus
    key = frozenset(agreed.items())
    found = memo.get(key)
    if found is not None:
        return found
    if len(memo) > 4096:
        memo.clear()
    made = memo[key] = float(_end_bonus(table, agreed))
    return made


def _end_bonus(table: Table, agreed: Mapping[str, str]) -> float:
    goals, labels = _ends(table)
    points = sum(p for p, cond in goals if _holds_with(cond, agreed))
    for bonus, cond in labels:
        if _holds_with(cond, agreed):
            return points + bonus
    return points


_EXACT = 6  # uncertain terms up to which the expectation is taken over every outcome


def bonus_gain(table: Table, terms: Mapping[str, str], chance: Mapping[str, float]) -> float:
    """How much our end bonus is expected to grow if ``terms`` are agreed, each binding
    with its chance (independently): the expectation over which of the uncertain terms
    bind, so a term that can only add to the bonus never lowers the expectation."""
    base = dict(table.agreed)
    sure = {i: o for i, o in terms.items() if chance.get(i, 1.0) >= 1.0 - 1e-9}
    maybe = [(i, o, chance[i]) for i, o in terms.items() if 1e-9 < chance.get(i, 1.0) < 1.0 - 1e-9]
    if len(maybe) > _EXACT:  # too many to enumerate: the likely ones bind
        sure.update({i: o for i, o, p in maybe if p >= 0.5})
        maybe = []
    start = {**base, **sure}
    expected = 0.0
    for mask in range(1 << len(maybe)):
        p = 1.0
        agreed = dict(start)
        for bit, (issue, option, q) in enumerate(maybe):
            if mask >> bit & 1:
                p *= q
                agreed[issue] = option
            else:
                p *= 1.0 - q
        expected += p * end_bonus(table, agreed)
    return expected - end_bonus(table, base)


def issue_bonus(table: Table, issue: str, option: str) -> float:
    """The gain in our objectives' points alone from agreeing ``issue`` on ``option`` (what
    an issue-by-issue offer search can weigh; outcome labels count whole packages)."""
    found = table.now.goals.get(issue)
    if found is None:
        mine = tuple(
            (points, cond)
            for points, cond in _ends(table)[0]
            if issue in cond.agreed
            or issue in cond.not_agreed
            or cond.min_agreements is not None
            or cond.max_agreements is not None
        )
        base = sum(p for p, cond in mine if _holds_with(cond, table.agreed))
        found = table.now.goals[issue] = (mine, base)
    mine, base = found
    if not mine:
        return 0.0
    after = {**table.agreed, issue: option}
    return sum(p for p, cond in mine if _holds_with(cond, after)) - base
