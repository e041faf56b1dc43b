"""Reads the engine's ``ActorView`` into the decision core's ``Table`` snapshot.

Only the actor's own view goes in: its own preferences and the public record.
Everything the core knows about the others comes from here.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.ai import shared
from game.ai.difficulty import Difficulty
from game.ai.prefs import OwnPrefs
from game.ai.table import GameMemo, Offer, Table, Threat
from game.engine.events import EventKind, GameEvent
from game.engine.ledger import Commitment, CommitmentKind, CommitmentStatus
from game.engine.model import Preferences, RedLine, Round
from game.engine.queries import credibility_pressure
from game.engine.scoring import lifted
from game.engine.state import Proposal, ProposalStatus
from game.engine.views import ActorView

Demands = dict[str, dict[str, str]]  # actor -> issue -> demanded option
Lines = dict[str, dict[str, frozenset[str]]]  # actor -> issue -> options on a public red line

_NOBODY: frozenset[str] = frozenset()


def own_prefs(view: ActorView) -> OwnPrefs:
    """The actor's own preferences, compiled (the view holds nobody else's).  A red line
    whose ``unless`` what already binds satisfies is lifted (R27): it no longer forbids
    anything, in offers or in answers."""
    lines = in_force(view)
    key = ("own", view.actor)
    inputs = (view.table.issues, view.weights, view.values, view.reservation, lines)
    known = shared.recall(key, inputs)
    if isinstance(known, OwnPrefs):
        return known
    compiled = _compile(view, lines)
    shared.remember(key, inputs, compiled)
    return compiled


def in_force(view: ActorView) -> tuple[RedLine, ...]:
    """Our red lines that what binds now does not lift."""
    lines = view.red_lines
    if all(line.unless is None for line in lines):
        return lines
    binding = dict(view.table.binding)
    return tuple(line for line in lines if not lifted(line, binding))


def _compile(view: ActorView, lines: tuple[RedLine, ...]) -> OwnPrefs:
    prefs = Preferences(
        actor=view.actor,
        weights=view.weights,
        values=view.values,
        reservation=view.reservation,
        red_lines=lines,
    )
    return OwnPrefs(view.table.issues, prefs)


def _progress(
    rounds: tuple[Round, ...],
    index: int,
    turn: int,
    open_issues: tuple[str, ...],
    cache: dict[object, object],
) -> dict[str, float]:
    """Per open issue: the share of the time used until the end of the last round that
    has it on its agenda (its last chance to be settled)."""
    key = ("deadlines", index)
    found = cache.get(key)
    if not isinstance(found, tuple):
        ends = []
        total = 0
        for r in rounds:
            total += r.turns
            ends.append(total)
        last: dict[str, int] = {}
        for k in range(index, len(rounds)):
            for issue in rounds[k].agenda:
                last[issue] = ends[k]
        found = cache[key] = ((ends[index - 1] if index else 0), rounds[index].turns, last)
    before, turns, deadline = found
    # The same few (round, turn, open issues) recur for every delegate move of a turn.
    memo_key = ("progress", index, turn, open_issues)
    known = cache.get(memo_key)
    if isinstance(known, dict):
        return known
    now = before + min(turn, turns)
    made = {i: min(1.0, now / deadline[i]) if deadline.get(i) else 1.0 for i in open_issues}
    cache[memo_key] = made
    return made


def _clock(rounds: tuple[Round, ...], index: int, turn: int) -> float:
    """The share of the whole week's turns already played."""
    total = sum(r.turns for r in rounds)
    before = sum(r.turns for r in rounds[:index])
    return min(1.0, (before + min(turn, rounds[index].turns)) / total) if total else 1.0


Consent = tuple[
    dict[str, tuple[str, ...]], dict[str, frozenset[str]], dict[str, dict[str, tuple[str, ...]]]
]


def _consent(view: ActorView, index: int, cache: dict[object, object]) -> Consent:
    """Per issue: the playable consenters absent from this round's table, who sits at a
    later round with the issue on its agenda, and per option the absent consenters its own
    ``consent`` adds (R37) (fixed by the calendar: made once a round)."""
    key = ("consent", index)
    found = cache.get(key)
    if isinstance(found, tuple):
        return found
    pub = view.table
    playable = {a.id for a in pub.actors if a.playable}
    here = set(pub.rounds[index].participants)
    missing = {
        i.id: tuple(a for a in i.consent if a in playable and a not in here) for i in pub.issues
    }
    extra: dict[str, dict[str, tuple[str, ...]]] = {}
    for issue in pub.issues:
        for option in issue.options:
            adds = tuple(
                a
                for a in option.consent
                if a in playable and a not in here and a not in missing[issue.id]
            )
            if adds:
                extra.setdefault(issue.id, {})[option.id] = adds
    later: dict[str, set[str]] = {}
    for rnd in pub.rounds[index + 1 :]:
        for issue_id in rnd.agenda:
            later.setdefault(issue_id, set()).update(rnd.participants)
    made = (
        {i: m for i, m in missing.items() if m},
        {i: frozenset(a) for i, a in later.items()},
        extra,
    )
    cache[key] = made
    return made


def _ratifiers(view: ActorView, cache: dict[object, object]) -> dict[str, float]:
    """Playable actor -> its ratification threshold (R29), for those that have one."""
    found = cache.get("ratifiers")
    if isinstance(found, dict):
        return found
    made = {
        a.id: a.ratification for a in view.table.actors if a.playable and a.ratification is not None
    }
    cache["ratifiers"] = made
    return made


class Memo:
    """What a delegate may keep between moves: facts of the public record that never change
    (demands, public red lines) and who rejected what, read incrementally from the log.

    Pure memoisation: the table it helps build is the same as without it, and a log
    that is not a continuation of the one seen (after an undo or a load) starts it afresh.
    """

    __slots__ = (
        "cache",
        "demands",
        "dirty",
        "game",
        "last",
        "lines",
        "made",
        "props",
        "rejected",
        "seen",
        "spoken",
        "walkouts",
    )

    def __init__(self) -> None:
        self.seen = 0
        self.last: object = None
        self.rejected: dict[int, frozenset[str]] = {}
        self.spoken: dict[str, int] = {}  # actor -> statements it made so far
        self.walkouts: frozenset[str] = frozenset()  # who walked out of some round
        self.dirty: set[int] = set()  # proposals rejected since our Offers were made
        self.demands: Demands | None = None
        self.lines: Lines | None = None
        self.cache: dict[object, object] = {}
        self.game = GameMemo()
        self.props: tuple[Proposal, ...] = ()  # the engine's proposals last read ...
        self.made: tuple[Offer, ...] = ()  # ... and our Offers of them, index for index

    def rejections(self, log: Sequence[GameEvent]) -> dict[int, frozenset[str]]:
        if self.seen > len(log) or (self.seen and log[self.seen - 1] is not self.last):
            self.seen, self.rejected, self.props, self.made = 0, {}, (), ()
            self.dirty, self.spoken, self.walkouts = set(), {}, frozenset()
            self.cache.clear()  # what it memoised was keyed by moves of another record
            self.game = GameMemo()
        for event in log[self.seen :]:
            if event.kind is EventKind.REJECTED and event.proposal is not None:
                number = event.proposal
                self.rejected[number] = self.rejected.get(number, frozenset()) | {event.actor}
                self.dirty.add(number)
            elif event.kind is EventKind.WALKOUT:
                self.walkouts = self.walkouts | {event.actor}
            elif event.kind is EventKind.STATEMENT:
                self.spoken[event.actor] = self.spoken.get(event.actor, 0) + 1
        self.seen = len(log)
        self.last = log[-1] if log else None
        return self.rejected

    def offers_of(
        self, proposals: tuple[Proposal, ...], rejected: dict[int, frozenset[str]]
    ) -> tuple[Offer, ...]:
        """All proposals as Offers; only those changed since the last call are made anew
        (the engine replaces a proposal whenever it changes, so identity tells)."""
        old, made, dirty = self.props, self.made, self.dirty
        if proposals is old and not dirty:
            return made
        reused = len(old)
        for i, p in enumerate(old):
            if i >= len(proposals) or proposals[i] is not p or p.number in dirty:
                reused = i
                break
        offers = made[:reused] + tuple(_offer(p, rejected) for p in proposals[reused:])
        # Proposals after the first changed one are rarely unchanged: made anew too.
        self.props, self.made, self.dirty = proposals, offers, set()
        return offers

    def public(self, view: ActorView) -> tuple[Demands, Lines]:
        """Everyone's public demands, and the public red lines still in force: a line with
        ``unless`` that what binds satisfies is lifted (R27) and made anew each move."""
        pub = view.table
        if self.demands is None or self.lines is None:
            demands: Demands = {}
            for d in pub.demands:
                demands.setdefault(d.actor, {})[d.issue] = d.option
            self.demands, self.lines = demands, _lines(pub.public_red_lines, {})
        if any(line.unless is not None for line in pub.public_red_lines):
            return self.demands, _lines(pub.public_red_lines, dict(pub.binding))
        return self.demands, self.lines


def _lines(red_lines: tuple[RedLine, ...], binding: dict[str, str]) -> Lines:
    lines: Lines = {}
    for line in red_lines:
        if binding and lifted(line, binding):
            continue
        per = lines.setdefault(line.actor, {})
        per[line.issue] = per.get(line.issue, frozenset()) | line.options
    return lines


def _offer(p: Proposal, rejected: dict[int, frozenset[str]]) -> Offer:
    return Offer(
        p.number,
        p.proposer,
        p.terms,
        frozenset(p.accepted_by),
        rejected.get(p.number, _NOBODY),
        p.status is ProposalStatus.LIVE,
        p.round - 1,
    )


def _commitments(
    ledger: tuple[Commitment, ...], me: str, due: bool, credibility: dict[str, float]
) -> tuple[tuple[Threat, ...], float]:
    """Our pending threats, and how credible the threats against us are (0 if none)."""
    if not ledger:  # the usual case early on: nobody has threatened yet
        return (), 0.0
    pending = [
        c
        for c in ledger
        if c.kind is CommitmentKind.THREAT and c.status is CommitmentStatus.PENDING
    ]
    # A threat falls due with the round: our last move in it is the last chance to act.
    threats = tuple(Threat(c.lever, c.unless, due=due) for c in pending if c.actor == me)
    pressure = max(
        (credibility_pressure(credibility.get(c.actor, 0.0)) for c in pending if c.target == me),
        default=0.0,
    )
    return threats, pressure


def table_from_view(
    view: ActorView,
    prefs: OwnPrefs,
    difficulty: Difficulty = Difficulty.NORMAL,
    memo: Memo | None = None,
    jitter: float = 0.0,
) -> Table:
    memo = memo if memo is not None else Memo()
    pub = view.table
    me = view.actor
    index = pub.round_number - 1
    agreed = dict(pub.binding)
    # An issue agreed provisionally whose missing consenters are not at this table is as
    # settled here as it can be: proposing it again would change nothing.
    here = set(pub.present)
    waiting = {p.issue for p in pub.provisional if not here.intersection(p.missing)}
    # The agenda as effects left it (R34); an effect may have emptied it, and then
    # nothing is open here (never the agenda the file gave the round).
    open_issues = tuple(i for i in pub.agenda if i not in agreed and i not in waiting)
    rejected = memo.rejections(pub.log)
    offers = memo.offers_of(pub.proposals, rejected)
    demands, lines = memo.public(view)
    turns_left = max(0, pub.round_turns - pub.turn)  # extensions included
    trackers = pub.trackers
    threats, pressure = _commitments(pub.ledger, me, turns_left == 0, trackers.credibility)
    missing, later, option_missing = _consent(view, index, memo.cache)
    return Table(
        me=me,
        personality=view.personality,
        prefs=prefs,
        issues=pub.issues,
        agenda=pub.agenda,
        participants=pub.present,
        opponents=tuple(a for a in pub.present if a != me),
        agreed=agreed,
        open_issues=open_issues,
        offers=offers,
        demands=demands,
        public_lines=lines,
        conditional_lines=tuple(
            line
            for line in pub.public_red_lines
            if line.unless is not None
            and line.actor != me
            and line.actor in here
            and not lifted(line, agreed)
        ),
        progress=_progress(pub.rounds, index, pub.turn, open_issues, memo.cache),
        turns_left=turns_left,
        tension=trackers.tension,
        war_threshold=trackers.war_threshold,
        credibility=trackers.credibility.get(me, 50.0),
        levers=view.levers,
        threats=threats,
        executed=frozenset(pub.executed),
        tuning=pub.rules,  # the scenario's own rule numbers, public to every delegation
        provisional={p.issue: p.option for p in pub.provisional},
        round_index=index,
        move=len(pub.log),
        difficulty=difficulty,
        pressure=pressure,
        missing=missing,
        later=later,
        option_missing=option_missing,
        ratifiers=_ratifiers(view, memo.cache),
        jitter=jitter,
        clock=_clock(pub.rounds, index, pub.turn),
        trust=trackers.trust,
        cohesion=trackers.cohesion,
        support=trackers.support,
        credibilities=trackers.credibility,
        spoken=memo.spoken.get(me, 0),
        objectives=view.objectives,
        outcomes=pub.outcomes,
        walked_out_ever=memo.walkouts,
        public=pub,
        cache=memo.cache,
        game=memo.game,
    )
