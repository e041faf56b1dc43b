"""What each action does: ``new_game`` and ``apply``, on a private mutable draft."""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from math import trunc
from typing import Any

from game.engine.actions import (
    Accept,
    Action,
    Bookmark,
    CarryOut,
    EndGame,
    EndRound,
    ExtendRound,
    Inject,
    News,
    Pass,
    Propose,
    Reject,
    Statement,
    Threaten,
    Timeout,
    WalkOut,
)
from game.engine.chain import Chain
from game.engine.checks import check
from game.engine.commitments import carry_out, threaten, threats_met
from game.engine.events import EventKind, GameEvent
from game.engine.flow import (
    add,
    add_tension,
    add_trust,
    advance,
    apply_effect,
    close_round,
    emit,
    escalate_if_due,
    open_round,
    play_card,
    then_advance,
    with_status,
)
from game.engine.model import Scenario, Tone
from game.engine.state import (
    Draft,
    GameState,
    Proposal,
    ProposalStatus,
    Provisional,
    RandomTape,
)
from game.engine.tables import tables_for
from game.engine.termination import Termination
from game.engine.variants import dealt


def new_game(scenario: Scenario, seed: int) -> GameState:
    """A new game of ``scenario``; ``seed`` fixes every random draw it will make (the
    actors' hidden types included: ``engine.variants``)."""
    scenario = dealt(scenario, seed)
    t = tables_for(scenario)
    d = Draft()
    d._t, d.scenario, d.seed = t, scenario, seed
    d.tape, d.draws = RandomTape(seed), 0
    d._tr = _start_trackers(scenario)
    d.binding, d.provisional, d.proposals, d.ledger = (), (), (), ()
    d.drawn, d.executed, d.walked_out, d.walked_out_ever = (), (), (), ()
    d.history, d.log, d._events = Chain(), Chain(), []
    d.agendas, d.said = t.agendas, ()
    d.over, d.escalated, d.ended_by, d.outcome_result = False, False, None, None
    d.round_index, d.turn, d.position, d.extra_turns = 0, 0, 0, 0
    emit(d, GameEvent(EventKind.GAME_OPENED))
    for dm in scenario.demands:  # on the table from the first turn (R1)
        emit(
            d,
            GameEvent(
                EventKind.DEMAND, actor=dm.actor, issue=dm.issue, option=dm.option, said=dm.words
            ),
        )
    open_round(d, 0)
    return d.freeze()


def _start_trackers(scenario: Scenario) -> list[float]:
    tk = scenario.trackers
    ids = [a.id for a in scenario.actors]
    values = [tk.tension]
    for start in (tk.credibility, tk.cohesion, tk.support):
        values += [start.per_actor.get(a, start.start) for a in ids]
    trust = tk.trust
    for a, b in combinations(ids, 2):
        # A per-actor trust start applies to every pair with that actor (their mean if both).
        known = [trust.per_actor[x] for x in (a, b) if x in trust.per_actor]
        values.append(sum(known) / len(known) if known else trust.start)
    return [min(100.0, max(0.0, v)) for v in values]


def apply(state: GameState, action: Action) -> tuple[GameState, tuple[GameEvent, ...]]:
    """The state after ``action`` and the events it caused; ``state`` itself is unchanged."""
    check(state, action)
    d = Draft(state)
    d.history = state.history.append(action)
    _HANDLERS[type(action)](d, action)
    if d.provisional and d._t.ratification and not d.over:
        ratify(d)
    events = tuple(d._events)
    return d.freeze(), events


def _propose(d: Draft, a: Propose) -> None:
    number = len(d.proposals) + 1
    proposals = list(d.proposals)
    replaces = None
    # One live proposal each (R7): so only the proposer's latest of the round can be live
    # (its earlier ones were withdrawn when it made that one); look no further back.
    for i in range(len(proposals) - 1, d.round_start() - 1, -1):
        p = proposals[i]
        if p.proposer != a.actor:
            continue
        if p.status is ProposalStatus.LIVE:
            replaces = p.number
            proposals[i] = with_status(
                p, ProposalStatus.WITHDRAWN, f"it was withdrawn, replaced by #{number}"
            )
        break
    proposals.append(Proposal(number, a.actor, a.terms, d.round_index + 1, (a.actor,)))
    d.proposals = tuple(proposals)
    emit(
        d,
        GameEvent(
            EventKind.PROPOSAL, actor=a.actor, proposal=number, replaces=replaces, terms=a.terms
        ),
    )
    then_advance(d)


def _accept(d: Draft, a: Accept) -> None:
    p = d.proposals[a.proposal - 1]
    p = Proposal(p.number, p.proposer, p.terms, p.round, tuple(sorted((*p.accepted_by, a.actor))))
    d.proposals = (*d.proposals[: p.number - 1], p, *d.proposals[p.number :])
    emit(d, GameEvent(EventKind.ACCEPTED, actor=a.actor, proposal=p.number))
    _settle(d, p)
    then_advance(d)


def _settle(d: Draft, p: Proposal) -> None:
    """Agree ``p`` if every participant still at the table has accepted it (R8)."""
    present = d.present()
    if len(p.accepted_by) >= 2 and all(x in p.accepted_by for x in present):
        _agree(d, p)


def _unratified(d: Draft, accepters: set[str], consent: frozenset[str]) -> tuple[str, ...]:
    """Consenting accepters whose support is below their ratification threshold (R29)."""
    t = d._t
    if not t.ratification:
        return ()
    tr = d._tr
    return tuple(
        sorted(
            a
            for a in accepters & consent
            if a in t.ratification and tr[t.support_index(a)] < t.ratification[a]
        )
    )


def _bypassed(d: Draft, parties: tuple[str, ...], missing: tuple[str, ...], issue: str) -> None:
    """Consenting actors who were not at the table pay in cohesion and trust (R30)."""
    rules, t = d.scenario.rules, d._t
    if not (rules.consent_bypass_cohesion or rules.consent_bypass_trust):
        return
    present = d.present()
    for absent in missing:
        if absent in present:
            continue
        emit(d, GameEvent(EventKind.CONSENT_BYPASSED, actor=absent, issue=issue))
        add(d, t.cohesion_index(absent), rules.consent_bypass_cohesion)
        for party in parties:
            add_trust(d, absent, party, rules.consent_bypass_trust)


def _agree(d: Draft, p: Proposal) -> None:
    t, rules = d._t, d.scenario.rules
    emit(d, GameEvent(EventKind.AGREEMENT, proposal=p.number, actors=p.accepted_by))
    binding = dict(d.binding)
    provisional = {pv.issue: pv for pv in d.provisional}
    bound: list[str] = []
    for issue, option in p.terms:  # deals of these kinds are struck (R31): the whole package
        prev = provisional.get(issue)
        if prev is None or prev.option != option:
            for e in t.issue[issue].option(option).on_agree:
                apply_effect(d, e)
    for issue, option in p.terms:
        accepters = set(p.accepted_by)
        prev = provisional.pop(issue, None)
        if prev is not None and prev.option == option:
            accepters.update(prev.accepted_by)  # consent gathered across rounds (R9)
        consent = t.consent_of[(issue, option)]
        missing = tuple(sorted(consent - accepters))
        unratified = _unratified(d, accepters, consent)
        if missing or unratified:
            provisional[issue] = Provisional(
                issue, option, tuple(sorted(accepters)), missing, d.round_index + 1, unratified
            )
            emit(
                d,
                GameEvent(
                    EventKind.PROVISIONAL,
                    issue=issue,
                    option=option,
                    actors=missing,
                    unratified=unratified,
                ),
            )
            _bypassed(d, p.accepted_by, missing, issue)
        else:
            binding[issue] = option
            bound.append(issue)
            emit(d, GameEvent(EventKind.BINDING, issue=issue, option=option))
    d.binding = tuple(sorted(binding.items()))
    d.provisional = tuple(provisional[i] for i in sorted(provisional))
    proposals = list(d.proposals)
    proposals[p.number - 1] = with_status(p, ProposalStatus.AGREED, "it has already been agreed")
    for i, q in enumerate(proposals):  # proposals on settled issues are overtaken
        if q.status is ProposalStatus.LIVE and any(iss in binding for iss, _ in q.terms):
            proposals[i] = with_status(
                q, ProposalStatus.WITHDRAWN, f"it was withdrawn, overtaken by agreement #{p.number}"
            )
            emit(
                d, GameEvent(EventKind.PROPOSAL_WITHDRAWN, proposal=q.number, overtaken_by=p.number)
            )
    d.proposals = tuple(proposals)
    for x, y in combinations(p.accepted_by, 2):
        add_trust(d, x, y, rules.agreement_trust)
    add_tension(d, rules.agreement_tension * len(bound))
    threats_met(d)


def ratify(d: Draft) -> None:
    """Terms awaiting ratification bind once their actors' support reaches the threshold."""
    t, rules = d._t, d.scenario.rules
    tr = d._tr
    changed = False
    provisional: list[Provisional] = []
    binding = dict(d.binding)
    for pv in d.provisional:
        still = tuple(a for a in pv.unratified if tr[t.support_index(a)] < t.ratification[a])
        if still == pv.unratified:
            provisional.append(pv)
            continue
        changed = True
        if still or pv.missing:
            provisional.append(
                Provisional(pv.issue, pv.option, pv.accepted_by, pv.missing, pv.round, still)
            )
            continue
        binding[pv.issue] = pv.option
        emit(d, GameEvent(EventKind.RATIFIED, issue=pv.issue, option=pv.option))
        add_tension(d, rules.agreement_tension)
    if not changed:
        return
    d.provisional = tuple(provisional)
    if len(binding) != len(d.binding):
        d.binding = tuple(sorted(binding.items()))
        proposals = list(d.proposals)
        for i, q in enumerate(proposals):  # proposals on settled issues are overtaken
            if q.status is ProposalStatus.LIVE and any(iss in binding for iss, _ in q.terms):
                proposals[i] = with_status(
                    q, ProposalStatus.WITHDRAWN, "it was withdrawn, overtaken by a ratification"
                )
        d.proposals = tuple(proposals)
        threats_met(d)
        escalate_if_due(d)


def _reject(d: Draft, a: Reject) -> None:
    p = d.proposals[a.proposal - 1]
    p = with_status(p, ProposalStatus.REJECTED, f"it was rejected by {a.actor}")
    d.proposals = (*d.proposals[: p.number - 1], p, *d.proposals[p.number :])
    emit(d, GameEvent(EventKind.REJECTED, actor=a.actor, proposal=p.number))
    then_advance(d)


def _statement(d: Draft, a: Statement) -> None:
    rules, t = d.scenario.rules, d._t
    if a.tone is Tone.CONCILIATORY:
        tension, trust = rules.conciliatory_tension, rules.conciliatory_trust
        support = rules.conciliatory_support
    elif a.tone is Tone.FIRM:
        tension, trust, support = rules.firm_tension, 0.0, rules.firm_support
    else:
        tension, trust = rules.hostile_tension, rules.hostile_trust
        support = rules.hostile_support
    key = (a.actor, a.tone.value)
    if rules.talk_fades:  # the n-th statement of a tone in a round counts 1/n (R28)
        n = 1 + d.said.count(key)
        if n > 1:
            tension, trust = float(trunc(tension / n)), float(trunc(trust / n))
    d.said = (*d.said, key)
    emit(d, GameEvent(EventKind.STATEMENT, actor=a.actor, tone=a.tone, said=a.text))
    for other in d.present():
        add_trust(d, a.actor, other, trust)
    if support:
        add(d, t.support_index(a.actor), support)
    add_tension(d, tension)
    then_advance(d)


def _walk_out(d: Draft, a: WalkOut) -> None:
    rules = d.scenario.rules
    d.walked_out = tuple(sorted((*d.walked_out, a.actor)))
    if a.actor not in d.walked_out_ever:
        d.walked_out_ever = tuple(sorted((*d.walked_out_ever, a.actor)))
    emit(d, GameEvent(EventKind.WALKOUT, actor=a.actor))
    proposals = list(d.proposals)
    for i, p in enumerate(proposals):
        if p.proposer == a.actor and p.status is ProposalStatus.LIVE:
            proposals[i] = with_status(
                p, ProposalStatus.WITHDRAWN, "it was withdrawn when its proposer walked out"
            )
    d.proposals = tuple(proposals)
    present = d.present()
    for other in present:
        add_trust(d, a.actor, other, rules.walkout_trust)
    add_tension(d, rules.walkout_tension)
    if escalate_if_due(d):
        return
    for number in [p.number for p in d.proposals if p.status is ProposalStatus.LIVE]:
        p = d.proposals[number - 1]  # an earlier agreement may have overtaken it
        if p.status is ProposalStatus.LIVE:  # those left may all have accepted it already
            _settle(d, p)
    if escalate_if_due(d):
        return
    if len(present) < 2:
        close_round(d)
    else:
        advance(d)


def _pass(d: Draft, a: Pass) -> None:
    emit(d, GameEvent(EventKind.PASS, actor=a.actor))
    advance(d)


def _timeout(d: Draft, a: Timeout) -> None:
    emit(d, GameEvent(EventKind.TIMEOUT, actor=a.mover))
    advance(d)


def _inject(d: Draft, a: Inject) -> None:
    play_card(d, d._t.card[a.card], injected=True)
    escalate_if_due(d)


def _news(d: Draft, a: News) -> None:
    emit(d, GameEvent(EventKind.NEWS, said=a.text))


def _bookmark(d: Draft, a: Bookmark) -> None:
    emit(d, GameEvent(EventKind.BOOKMARK, said=a.note))


def _extend(d: Draft, a: ExtendRound) -> None:
    d.extra_turns += a.turns
    emit(d, GameEvent(EventKind.ROUND_EXTENDED, turns=a.turns))


def _end_round(d: Draft, _: EndRound) -> None:
    close_round(d)


def _end_game(d: Draft, _: EndGame) -> None:
    close_round(d, final=True, ended_by=Termination.FACILITATOR)


_HANDLERS: dict[type, Callable[[Draft, Any], None]] = {
    Propose: _propose,
    Accept: _accept,
    Reject: _reject,
    Statement: _statement,
    Threaten: threaten,
    CarryOut: carry_out,
    WalkOut: _walk_out,
    Pass: _pass,
    Timeout: _timeout,
    Inject: _inject,
    News: _news,
    Bookmark: _bookmark,
    ExtendRound: _extend,
    EndRound: _end_round,
    EndGame: _end_game,
}
