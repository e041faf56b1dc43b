"""Reads the engine's ``ActorView`` into the decision core's ``Table`` snapshot.

Only the actor's own view goes in: its own preferences and the public record.
Everything the core knows about the others comes from here.
"""

from __future__ import annotations

from game.ai.prefs import OwnPrefs
from game.ai.table import Offer, Table, Threat
from game.engine.events import EventKind
from game.engine.model import Preferences, Round
from game.engine.state import CommitmentKind, CommitmentStatus, ProposalStatus
from game.engine.views import ActorView


def own_prefs(view: ActorView) -> OwnPrefs:
    """The actor's own preferences, compiled (the view holds nobody else's)."""
    prefs = Preferences(
        actor=view.actor,
        weights=view.weights,
        values=view.values,
        reservation=view.reservation,
        red_lines=view.red_lines,
    )
    return OwnPrefs(view.table.issues, prefs)


def _progress(
    rounds: tuple[Round, ...], index: int, turn: int, open_issues: set[str]
) -> dict[str, float]:
    """Per open issue: the share of the time used until the end of the last round that
    has it on its agenda (its last chance to be settled)."""
    ends = []
    total = 0
    for r in rounds:
        total += r.turns
        ends.append(total)
    now = (ends[index - 1] if index else 0) + min(turn, rounds[index].turns)
    out = {}
    for issue in open_issues:
        last = index
        for k in range(index + 1, len(rounds)):
            if issue in rounds[k].agenda:
                last = k
        out[issue] = min(1.0, now / ends[last]) if ends[last] else 1.0
    return out


def table_from_view(view: ActorView, prefs: OwnPrefs, difficulty: str = "normal") -> Table:
    pub = view.table
    me = view.actor
    index = pub.round_number - 1
    rnd = pub.rounds[index]
    agreed = dict(pub.binding)
    open_issues = {i for i in rnd.agenda if i not in agreed}
    rejected: dict[int, set[str]] = {}
    for event in pub.log:
        if event.kind is EventKind.REJECTED:
            rejected.setdefault(int(event.subject), set()).add(event.actor)
    offers = tuple(
        Offer(
            id=p.number,
            proposer=p.proposer,
            terms=p.terms,
            accepted_by=frozenset(p.accepted_by),
            rejected_by=frozenset(rejected.get(p.number, ())),
            open=p.status is ProposalStatus.LIVE,
            round=p.round - 1,
        )
        for p in pub.proposals
    )
    demands: dict[str, dict[str, str]] = {}
    for d in pub.demands:
        demands.setdefault(d.actor, {})[d.issue] = d.option
    lines: dict[str, dict[str, frozenset[str]]] = {}
    for line in pub.public_red_lines:
        per = lines.setdefault(line.actor, {})
        per[line.issue] = per.get(line.issue, frozenset()) | line.options
    turns_left = max(0, rnd.turns - pub.turn)
    # A threat falls due with the round: our last move in it is the last chance to act.
    threats = tuple(
        Threat(c.lever, c.unless, due=turns_left == 0, met=False)
        for c in pub.ledger
        if c.actor == me
        and c.kind is CommitmentKind.THREAT
        and c.status is CommitmentStatus.PENDING
    )
    trackers = pub.trackers
    return Table(
        me=me,
        personality=view.personality,
        prefs=prefs,
        issues=pub.issues,
        agenda=rnd.agenda,
        participants=pub.present,
        agreed=agreed,
        offers=offers,
        demands=demands,
        public_lines=lines,
        progress=_progress(pub.rounds, index, pub.turn, open_issues),
        turns_left=turns_left,
        tension=trackers.tension,
        war_threshold=trackers.war_threshold,
        credibility=trackers.credibility.get(me, 50.0),
        levers=view.levers,
        threats=threats,
        executed=frozenset(pub.executed),
        provisional={p.issue: p.option for p in pub.provisional},
        round_index=index,
        move=len(pub.log),
        difficulty=difficulty,
    )
