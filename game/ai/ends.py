"""Our objectives and the outcome labels, compiled once a game for judging imagined ends.

A delegate weighs many packages a move, and each asks what the end of the week would
give it (``game.ai.outlook``): its objectives' points and its outcome bonus with those
terms binding and everything else as now.  Only the terms vary between the packages of
one move, so each condition is sorted once by what it reads:

* a version-1 condition is split (``conditions.holds_besides_terms`` once a move,
  ``conditions.terms_settled`` per package);
* one that reads no terms is judged once a move;
* one that reads nothing but terms (at any depth) judges the same in any end;
* anything else is judged whole for every package.

While every condition is of the first three kinds, an end bonus is fixed by which
conditions hold apart from the terms (the move's signature), the options of the issues
the conditions read, and how many terms bind: that key is all it can see, so the answer
is kept for the whole game (``GameMemo``) and reused whenever the key recurs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.model import Condition, Objective, Outcome


@dataclass(frozen=True, slots=True)
class Judged:
    """One objective or outcome label of ours and how its condition is judged."""

    points: float  # our objective's points, or our bonus from the outcome label
    condition: Condition
    split: bool  # version 1: the clauses besides terms once a move, the terms per package
    constant: bool  # reads no terms: judged once a move
    terms_only: bool  # reads nothing but terms, at any depth


@dataclass(frozen=True, slots=True, eq=False)
class Compiled:
    """Our objectives and the outcome labels (in order), and what their conditions read."""

    objectives: tuple[Judged, ...]
    outcomes: tuple[Judged, ...]
    issues: tuple[str, ...]  # the issues whose terms some condition reads
    where: dict[str, int]  # each of those issues -> its place in ``issues``
    counts: bool  # some condition reads how many terms bind
    keyed: bool  # every condition reads terms only in ways the key captures (see above)
    # What it was compiled from (compared by identity: a table made another way is
    # compiled anew).
    made_from: tuple[object, ...]
    # (signature, options of ``issues`` and number of terms or -1) -> (our objectives'
    # points, our outcome label's bonus or None): filled as the game asks, when ``keyed``
    bonus: dict[BonusKey, tuple[float, float | None]] = field(default_factory=dict)
    # (signature, binding terms) -> (issue, option) -> the gain in our objectives' points
    # from agreeing it (``outlook.issue_bonus``), when ``keyed``
    gains: dict[
        tuple[tuple[bool, ...], tuple[tuple[str, str], ...]], dict[tuple[str, str], float]
    ] = field(default_factory=dict)

    _LIMIT = 4096  # a game sees far fewer keys; bound it anyway

    def remember(self, key: BonusKey, value: tuple[float, float | None]) -> None:
        if len(self.bonus) >= self._LIMIT:
            self.bonus.clear()
            self.gains.clear()
        self.bonus[key] = value


# The options of the issues the conditions read (None: no term), then the number of
# terms (-1 when no condition counts them)
Seen = tuple[str | int | None, ...]
# (which of our conditions hold apart from the terms, what the terms show them)
BonusKey = tuple[tuple[bool, ...], Seen]


@dataclass(frozen=True, slots=True)
class MoveEnds:
    """Our conditions as they stand in one move: the move's signature (which hold apart
    from the terms) and the objectives and outcome labels that still can, in order."""

    compiled: Compiled
    signature: tuple[bool, ...]
    objectives: tuple[Judged, ...]
    outcomes: tuple[Judged, ...]


# Every clause of a condition, by what it reads (a test checks that none is missing).
_TERMS_CLAUSES = ("min_agreements", "max_agreements")
_TERMS_SEQUENCES = ("agreed", "not_agreed", "provisional")
_NESTED = ("any", "all", "not_")
_OTHER_CLAUSES = (
    "min_round",
    "max_round",
    "min_tension",
    "max_tension",
    "escalated",
)
_OTHER_SEQUENCES = (
    "levers_executed",
    "levers_not_executed",
    "walked_out",
    "round",
    "min",
    "max",
    "events_happened",
    "threatened",
    "broken",
    "provisional",  # an imagined end's provisional terms depend on the binding ones too
)


def _reads(cond: Condition, issues: set[str]) -> tuple[bool, bool, bool]:
    """(reads terms, reads how many bind, reads anything else), at any depth; adds the
    issues whose terms it reads to ``issues``."""
    issues.update(cond.agreed)
    issues.update(cond.not_agreed)
    issues.update(cond.provisional)
    counts = any(getattr(cond, name) is not None for name in _TERMS_CLAUSES)
    terms = counts or bool(cond.agreed or cond.not_agreed or cond.provisional)
    other = any(getattr(cond, name) is not None for name in _OTHER_CLAUSES) or any(
        getattr(cond, name) for name in _OTHER_SEQUENCES
    )
    for inner in (*cond.any, *cond.all, *((cond.not_,) if cond.not_ is not None else ())):
        t, c, o = _reads(inner, issues)
        terms, counts, other = terms or t, counts or c, other or o
    return terms, counts, other


def compile_ends(
    me: str, objectives: tuple[Objective, ...], outcomes: tuple[Outcome, ...]
) -> Compiled:
    issues: set[str] = set()
    counts = False
    keyed = True

    def judged(points: float, cond: Condition) -> Judged:
        nonlocal counts, keyed
        terms, count, other = _reads(cond, issues)
        counts = counts or count
        if not cond.simple and terms and other:
            keyed = False  # terms and the rest mixed in nested clauses: judged whole
        return Judged(points, cond, cond.simple, not terms, terms and not other)

    mine = tuple(judged(o.points, o.condition) for o in objectives)
    labels = tuple(judged(o.score.get(me, o.score.get("*", 0.0)), o.condition) for o in outcomes)
    read = tuple(sorted(issues))
    where = {issue: k for k, issue in enumerate(read)}
    return Compiled(mine, labels, read, where, counts, keyed, (me, objectives, outcomes))
