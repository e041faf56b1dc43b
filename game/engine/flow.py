"""The clock of the game: trackers and effects, turns, rounds, event draws and the end."""

from __future__ import annotations

from itertools import combinations

from game.engine import words
from game.engine.conditions import holds
from game.engine.events import EventKind, GameEvent
from game.engine.ledger import Commitment, CommitmentKind, CommitmentStatus
from game.engine.model import AgendaChange, Effect, EventCard, TrackerKind
from game.engine.scoring import select_outcome
from game.engine.state import Draft, Proposal, ProposalStatus
from game.engine.termination import Termination

LOW, HIGH = 0.0, 100.0  # every tracker lies in this range


def emit(d: Draft, facts: GameEvent) -> None:
    """Record an event: its facts worded by the one vocabulary, placed at this turn."""
    d._events.append(facts.recorded(words.event_text(d.scenario, facts), d.round_index + 1, d.turn))


def add(d: Draft, index: int, delta: float) -> None:
    tr = d._tr
    tr[index] = min(HIGH, max(LOW, tr[index] + delta))


def add_tension(d: Draft, delta: float) -> None:
    if not delta:
        return
    before = d._tr[0]
    add(d, 0, delta)
    after = d._tr[0]
    if after == before:
        return
    events = d._events
    if events and events[-1].kind is EventKind.TENSION:
        # Several changes from one cause (a lever's rule and its own effects) read as one.
        before = d._tension_from
        events.pop()
    else:
        d._tension_from = before
    if after != before:
        emit(d, GameEvent(EventKind.TENSION, value=after, before=before))


def add_trust(d: Draft, a: str, b: str, delta: float) -> None:
    if delta and a != b:
        add(d, d._t.pair_index[(a, b)], delta)


def add_credibility(d: Draft, actor: str, delta: float) -> None:
    add(d, d._t.credibility_index(actor), delta)


def apply_effect(d: Draft, e: Effect) -> None:
    t = d._t
    kind = e.tracker
    if kind is TrackerKind.TENSION:
        add_tension(d, e.delta)
    elif kind is TrackerKind.TRUST:
        actors = list(t.actor_index)
        if e.actor and e.other:
            add_trust(d, e.actor, e.other, e.delta)
        elif e.actor:
            for other in actors:
                add_trust(d, e.actor, other, e.delta)
        else:
            for a, b in combinations(actors, 2):
                add_trust(d, a, b, e.delta)
    else:
        index_of = {
            TrackerKind.CREDIBILITY: t.credibility_index,
            TrackerKind.COHESION: t.cohesion_index,
            TrackerKind.SUPPORT: t.support_index,
        }[kind]
        for a in [e.actor] if e.actor else list(t.actor_index):
            add(d, index_of(a), e.delta)


def escalate_if_due(d: Draft) -> bool:
    """End the game at once if tension reached the war threshold (R6); True if it did."""
    if d.over or d._tr[0] < d.scenario.trackers.war_threshold:
        return d.over
    d.escalated = True
    emit(d, GameEvent(EventKind.ESCALATION))
    close_round(d, final=True, ended_by=Termination.ESCALATION)
    return True


def change_agenda(d: Draft, change: AgendaChange) -> None:
    """Add issues to, or remove them from, a round's agenda (an effect; R34)."""
    t = d._t
    index = t.round_index[change.round]
    agenda = d.agendas[index]
    if change.add:
        new = (*agenda, *(i for i in change.issues if i not in agenda))
    else:
        new = tuple(i for i in agenda if i not in change.issues)
    if new == agenda:
        return
    d.agendas = (*d.agendas[:index], new, *d.agendas[index + 1 :])
    emit(d, GameEvent(EventKind.AGENDA, agenda=change))


def play_card(d: Draft, card: EventCard, *, injected: bool = False) -> None:
    """Play a card: drawn from the deck, or ``injected`` by the facilitator."""
    d.drawn = (*d.drawn, card.id)
    emit(d, GameEvent(EventKind.EVENT_DRAWN, card=card.id, injected=injected))
    for e in card.effects:
        apply_effect(d, e)
    for change in card.agenda:
        change_agenda(d, change)


def draw_events(d: Draft) -> None:
    """After a full turn: try each eligible card in deck order with its probability (R12)."""
    limit = d.scenario.rules.events_per_turn
    played = set(d.drawn)  # one pass over every card drawn so far, not one per card of the deck
    rnd = d.round
    eligible = [
        c
        for c in d._t.deck
        if not (c.once and c.id in played) and c.in_its_time(rnd) and holds(c.condition, d)
    ]
    if not eligible or limit <= 0:
        return
    drawn = 0
    for card in eligible:
        if d.random() < card.probability:
            play_card(d, card)
            drawn += 1
            if escalate_if_due(d) or drawn >= limit:
                return


def then_advance(d: Draft) -> None:
    """After a move that may have raised tension: escalate, or on to the next mover."""
    if not escalate_if_due(d):
        advance(d)


def first_present(d: Draft, start: int) -> int:
    movers, out = d.movers, d.walked_out
    for i in range(start, len(movers)):
        if movers[i] not in out:
            return i
    return -1


def advance(d: Draft) -> None:
    """The mover has moved: the next present participant, or the end of the turn (R2)."""
    nxt = first_present(d, d.position + 1)
    if nxt >= 0:
        d.position = nxt
    else:
        end_turn(d)


def end_turn(d: Draft) -> None:
    rnd = d.round
    for q in rnd.quotes:
        if q.turn == d.turn:
            _quote(d, q.speaker, q.text)
    draw_events(d)
    if d.over:
        return
    if d.turn >= d.round_turns:
        close_round(d)
    else:
        d.turn += 1
        d.position = first_present(d, 0)


def _quote(d: Draft, speaker: str, text: str) -> None:
    actor = speaker if speaker in d._t.name else ""
    emit(d, GameEvent(EventKind.QUOTE, actor=actor, said=text, speaker=speaker))


def open_round(d: Draft, index: int) -> None:
    t = d._t
    d.round_index = index
    d.turn = 1
    d.extra_turns = 0
    d.walked_out = ()
    d.said = ()
    d.position = 0
    rnd = d.round
    emit(d, GameEvent(EventKind.ROUND_OPENED, round_id=rnd.id))
    for q in rnd.quotes:
        if q.turn == 0:
            _quote(d, q.speaker, q.text)
    for card in t.round_start_cards:  # certain, as the round opens (R32)
        if (
            not (card.once and card.id in d.drawn)
            and card.in_its_time(rnd)
            and holds(card.condition, d)
        ):
            play_card(d, card)
            if escalate_if_due(d):
                return
    if len(d.movers) < 2:
        close_round(d)


def close_round(
    d: Draft, *, final: bool = False, ended_by: Termination = Termination.ROUNDS
) -> None:
    """End the round: proposals lapse, deadlines fall due, the next round opens (R4)."""
    number = d.round_index + 1
    lapsed = []
    proposals = list(d.proposals)
    for i in range(d.round_start(), len(proposals)):
        p = proposals[i]
        if p.status is ProposalStatus.LIVE:
            proposals[i] = with_status(
                p, ProposalStatus.LAPSED, f"it lapsed at the end of round {number}"
            )
            lapsed.append(p.number)
    d.proposals = tuple(proposals)
    if lapsed:
        emit(d, GameEvent(EventKind.PROPOSAL_WITHDRAWN, lapsed=tuple(lapsed)))
    if not d.escalated:  # escalation overtakes every deadline: pending stays pending (R6)
        _resolve_deadlines(d)
    emit(d, GameEvent(EventKind.ROUND_CLOSED, round_id=d.round.id))
    if final or d.escalated:
        finish(d, Termination.ESCALATION if d.escalated else ended_by)
    elif d.round_index + 1 >= len(d.scenario.rounds):
        finish(d, Termination.ROUNDS)
    else:
        open_round(d, d.round_index + 1)


def with_status(p: Proposal, status: ProposalStatus, why: str) -> Proposal:
    return Proposal(p.number, p.proposer, p.terms, p.round, p.accepted_by, status, why)


def _resolve_deadlines(d: Draft) -> None:
    """Threats and promises made this round fall due at its end (R10)."""
    rules = d.scenario.rules
    ledger = list(d.ledger)
    for i, c in enumerate(ledger):
        if c.status is not CommitmentStatus.PENDING:
            continue
        if c.kind is CommitmentKind.THREAT:
            ledger[i] = commit_with(c, CommitmentStatus.BROKEN)
            add_credibility(d, c.actor, rules.broken_threat_credibility)
            emit(d, GameEvent(EventKind.COMMITMENT_BROKEN, actor=c.actor, lever=c.lever))
        else:
            ledger[i] = commit_with(c, CommitmentStatus.KEPT)
            add_credibility(d, c.actor, rules.kept_promise_credibility)
            emit(d, GameEvent(EventKind.COMMITMENT_KEPT, actor=c.actor, lever=c.lever))
    d.ledger = tuple(ledger)


def commit_with(c: Commitment, status: CommitmentStatus) -> Commitment:
    """The commitment ``c`` with a new status (states are frozen: a new value)."""
    return Commitment(c.number, c.kind, c.actor, c.lever, c.target, c.unless, c.round, status)


def finish(d: Draft, ended_by: Termination) -> None:
    d.over = True
    d.ended_by = ended_by
    result = select_outcome(d)
    d.outcome_result = result
    emit(d, GameEvent(EventKind.GAME_OVER, outcome=result.id, why=result.why))
