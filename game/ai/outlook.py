"""What the end of the week would give the delegate beyond the terms: its own secret
objectives and the outcome label's bonus, for a hypothetical set of binding agreements.

The score is ``utility - reservation + objectives + outcome bonus``; a delegate that
weighed only the utility of terms would concede an issue its objective wants left
alone, or pass up the package that turns a framework into a breakthrough.  The end
state is imagined as the current one (tension, levers carried out, walk-outs) at the
last round, with the given agreements binding and no war.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from game.ai.ends import Judged, MoveEnds, Seen
from game.ai.table import Table
from game.engine import ledger as ledger_rules
from game.engine.conditions import (
    holds,
    holds_besides_terms,
    terms_hold,
    terms_settled,
)
from game.engine.events import EventKind
from game.engine.model import Condition, Round, TrackerKind, TrackerTest
from game.engine.state import Provisional


class _End:
    """The end of the week as the delegate imagines it, for the engine's own judgement of
    conditions (``conditions.holds``): the last round, ``agreed`` binding, war or not, and
    everything else (trackers, levers, walk-outs, cards, threats, breaches) as now.

    Made for every package the delegate weighs: the plain clauses read attributes set
    here; what only format 2's clauses need is looked up when asked.
    """

    __slots__ = (
        "_agreed",
        "_table",
        "binding",
        "escalated",
        "executed",
        "round_index",
        "tension",
        "walked_out_ever",
    )

    def __init__(self, table: Table, agreed: Mapping[str, str], war: bool) -> None:
        self.escalated = war  # the week imagined ending in war, or (mostly) not
        self._table = table
        self._agreed = agreed
        self.binding = tuple(agreed.items())  # read as a count and as a mapping
        self.tension = table.tension
        self.executed: Collection[str] = table.executed
        self.walked_out_ever: Collection[str] = table.walked_out_ever
        pub = table.public
        self.round_index = len(pub.rounds) - 1 if pub else table.round_index

    @property
    def provisional(self) -> tuple[Provisional, ...]:
        pub = self._table.public
        return tuple(p for p in (pub.provisional if pub else ()) if p.issue not in self._agreed)

    @property
    def round(self) -> Round:
        pub = self._table.public
        assert pub is not None  # only format-2 clauses ask, and a view always has one
        return pub.rounds[-1]

    @property
    def drawn(self) -> Collection[str]:
        pub = self._table.public
        log = pub.log if pub else ()
        return {e.subject for e in log if e.kind is EventKind.EVENT_DRAWN}

    def threatened(self, lever: str) -> bool:
        pub = self._table.public
        return ledger_rules.threatened(pub.ledger if pub else (), lever)

    def broken(self) -> Collection[str]:
        pub = self._table.public
        return ledger_rules.broken_issues(pub.ledger if pub else ())

    def tracker(self, test: TrackerTest) -> float:
        pub = self._table.public
        kind = test.tracker
        if kind is TrackerKind.TENSION or pub is None:
            return self._table.tension
        trackers = pub.trackers
        if kind is TrackerKind.TRUST:
            pair = (test.actor, test.other)
            return trackers.trust.get(pair, trackers.trust.get((test.other, test.actor), 0.0))
        if kind is TrackerKind.CREDIBILITY:
            return trackers.credibility.get(test.actor, 0.0)
        if kind is TrackerKind.COHESION:
            return trackers.cohesion.get(test.actor, 0.0)
        return trackers.support.get(test.actor, 0.0)


def _end(table: Table, agreed: Mapping[str, str], war: bool = False) -> _End:
    """The imagined end of the week, in which the engine's own rules judge every condition
    (``conditions.holds``): one per set of agreements, for all the conditions asked of it."""
    return _End(table, agreed, war)


def _holds(cond: Condition, table: Table, agreed: Mapping[str, str], war: bool = False) -> bool:
    """``cond`` in the imagined end state, without war unless ``war``."""
    return holds(cond, _end(table, agreed, war))


def _ends(table: Table) -> MoveEnds:
    """The move's signature and our objectives and outcome labels (in the scenario's
    order) less those whose condition fails whatever the terms: the clauses of a
    condition besides the terms are judged once a move (``game.ai.ends``)."""
    found = table.now.ends
    if found is not None:
        return found
    compiled = table.game.compiled(table)
    end = _end(table, {})
    signature: list[bool] = []

    def possible(judged: Judged) -> bool:
        cond = judged.condition
        if judged.split:
            ok = holds_besides_terms(cond, end)
        elif judged.constant:
            ok = holds(cond, end)
        else:
            return True  # judged whole for every package
        signature.append(ok)
        return ok

    objectives = tuple(j for j in compiled.objectives if possible(j))
    outcomes = tuple(j for j in compiled.outcomes if possible(j))
    made = table.now.ends = MoveEnds(compiled, tuple(signature), objectives, outcomes)
    return made


def _met(judged: Judged, table: Table, agreed: Mapping[str, str]) -> bool:
    """A condition of ``_ends`` in the imagined end with ``agreed`` binding."""
    if judged.split:
        return terms_settled(judged.condition, agreed)
    if judged.constant:
        return True
    if judged.terms_only:
        return terms_hold(judged.condition, agreed)
    return holds(judged.condition, _end(table, agreed))


def end_bonus(table: Table, agreed: Mapping[str, str]) -> float:
    """Our objectives' points plus our outcome bonus if ``agreed`` were all that binds
    (memoised for the game when the key captures all it reads, else for the move)."""
    ends = table.now.ends
    if ends is None:
        ends = _ends(table)
    compiled = ends.compiled
    if compiled.keyed:
        # The options of the issues read, and how many bind: all that can differ in a move.
        seen = (*map(agreed.get, compiled.issues), len(agreed) if compiled.counts else -1)
        now = table.now.seen
        total = now.get(seen)
        if total is None:
            key = (ends.signature, seen)
            known = compiled.bonus.get(key)
            if known is None:
                known = _end_bonus(table, agreed)
                compiled.remember(key, known)
            total = now[seen] = _total(table, known)
        return total
    memo = table.now.bonus
    terms = frozenset(agreed.items())
    found = memo.get(terms)
    if found is None:
        found = memo[terms] = _total(table, _end_bonus(table, agreed))
    return found


def _total(table: Table, found: tuple[float, float | None]) -> float:
    points, bonus = found
    # The label is earned by the end state, not by this deal: early in the week another
    # deal can still earn it, so only the share of the week already played is at stake
    # now.  Grabbing "any agreement" at the first table would otherwise be worth
    # conceding for.
    return float(points if bonus is None else points + table.clock * bonus)


def _end_bonus(table: Table, agreed: Mapping[str, str]) -> tuple[float, float | None]:
    """Our objectives' points and the bonus of the outcome label (None: none) if
    ``agreed`` were all that binds."""
    ends = _ends(table)
    points = sum(j.points for j in ends.objectives if _met(j, table, agreed))
    for judged in ends.outcomes:
        if _met(judged, table, agreed):
            return points, judged.points
    return points, None


# War is a decision for the end of the week: before this share of it, the table can still
# change what it gives us.
LATE = 0.75
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
    if maybe and (table.now.ends or _ends(table)).compiled.keyed:
        expected = _expected_keyed(table, start, maybe)
    else:
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


def _expected_keyed(
    table: Table, start: dict[str, str], maybe: list[tuple[str, str, float]]
) -> float:
    """``bonus_gain``'s expectation over which uncertain terms bind, the same sum in the
    same order, with each outcome's bonus found by its key (``end_bonus``) without making
    the set of terms unless the key is new to the move.

    Outcome ``mask`` (bit ``b`` set: the ``b``-th uncertain term binds) has probability
    ``1.0 * f0 * f1 * ...`` multiplied in bit order, as the plain loop does: built bit by
    bit, every outcome's product is the same number with far fewer steps."""
    ends = table.now.ends or _ends(table)
    compiled = ends.compiled
    where = compiled.where
    counts = compiled.counts
    first = (*map(start.get, compiled.issues), len(start) if counts else -1)
    probs = [1.0]
    keys = [first]
    for issue, option, q in maybe:
        at = where.get(issue)
        more = 1 if counts and issue not in start else 0
        # A term no condition reads leaves the keys as they are.
        same = at is None and not more
        moved = keys if same else [_moved(key, at, option, more) for key in keys]
        probs = [p * (1.0 - q) for p in probs] + [p * q for p in probs]
        keys = keys + moved
    known = table.now.seen
    expected = 0.0
    for mask, (p, key) in enumerate(zip(probs, keys, strict=True)):
        total = known.get(key)
        if total is None:
            agreed = dict(start)
            for bit, (issue, option, _) in enumerate(maybe):
                if mask >> bit & 1:
                    agreed[issue] = option
            total = end_bonus(table, agreed)
        expected += p * total
    return expected


def _moved(key: Seen, at: int | None, option: str, more: int) -> Seen:
    """``key`` with ``option`` agreed at place ``at`` (None: unread) and ``more`` terms."""
    count = key[-1]
    assert isinstance(count, int)
    if at is None:
        return (*key[:-1], count + more)
    return (*key[:at], option, *key[at + 1 : -1], count + more)


def issue_bonus(table: Table, issue: str, option: str) -> float:
    """The gain in our objectives' points alone from agreeing ``issue`` on ``option`` (what
    an issue-by-issue offer search can weigh; outcome labels count whole packages)."""
    gains = table.now.gains
    if gains is None:
        gains = table.now.gains = _gains(table)
    if gains is not None:
        gain = gains.get((issue, option))
        if gain is None:
            gain = gains[(issue, option)] = _issue_bonus(table, issue, option)
        return gain
    return _issue_bonus(table, issue, option)


def _gains(table: Table) -> dict[tuple[str, str], float] | None:
    """The game's memo of ``issue_bonus`` for this move's signature and binding terms (all
    it reads when the conditions are ``keyed``), else None."""
    ends = _ends(table)
    compiled = ends.compiled
    if not compiled.keyed:
        return None
    key = (ends.signature, tuple(sorted(table.agreed.items())))
    found = compiled.gains.get(key)
    if found is None:
        found = compiled.gains[key] = {}
    return found


def _issue_bonus(table: Table, issue: str, option: str) -> float:
    goals = table.now.goals
    found = goals.get(issue)
    if found is None:
        mine = tuple(
            j
            for j in _ends(table).objectives
            if issue in j.condition.agreed
            or issue in j.condition.not_agreed
            or j.condition.min_agreements is not None
            or j.condition.max_agreements is not None
        )
        base = table.agreed
        found = goals[issue] = (mine, sum(j.points for j in mine if _met(j, table, base)))
    mine, before = found
    if not mine:
        return 0.0
    after = {**table.agreed, issue: option}
    return sum(j.points for j in mine if _met(j, table, after)) - before


def end_score(table: Table, war: bool = False) -> float:
    """Our score if the week ended now with what binds (in war if ``war``): the utility of
    the settlement minus our reservation, our objectives and the outcome label's bonus."""
    prefs = table.prefs
    agreed = dict(table.agreed)
    settled = {i: agreed.get(i, prefs.status_quo[i]) for i in prefs.issue_ids}
    end = _end(table, agreed, war)
    points = sum(o.points for o in table.objectives if holds(o.condition, end))
    bonus = 0.0
    for outcome in table.outcomes:
        if holds(outcome.condition, end):
            bonus = outcome.score.get(table.me, outcome.score.get("*", 0.0))
            break
    return prefs.utility(settled) - prefs.reservation + points + bonus


def war_beats_table(table: Table) -> bool:
    """Would war give us more than the table still can?  The table's expectation is the
    week ending as it stands now, or, while there is time, our floor-level deal on the
    open issues; war ends with what binds now and the escalation label."""
    war = end_score(table, war=True)
    peace = end_score(table)
    return war > peace + 1e-9 and table.clock >= LATE
