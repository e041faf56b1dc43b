"""The commitment ledger in play: threats, promises, levers carried out (R10, R11)."""

from __future__ import annotations

from game.engine.actions import CarryOut, Terms, Threaten
from game.engine.events import EventKind, GameEvent, LeverUse
from game.engine.flow import (
    add,
    add_credibility,
    add_tension,
    add_trust,
    apply_effect,
    change_agenda,
    close_round,
    commit_with,
    emit,
    then_advance,
)
from game.engine.ledger import Commitment, CommitmentKind, CommitmentStatus
from game.engine.model import Lever
from game.engine.state import Draft
from game.engine.termination import Termination


def _agreed(d: Draft, issue: str, option: str) -> bool:
    if (issue, option) in d.binding:
        return True
    return any(pv.issue == issue and pv.option == option for pv in d.provisional)


def threats_met(d: Draft) -> None:
    """A threat whose "unless" terms are now agreed lapses into a promise (R10)."""
    ledger = list(d.ledger)
    changed = False
    for i, c in enumerate(d.ledger):
        if (
            c.kind is CommitmentKind.THREAT
            and c.status is CommitmentStatus.PENDING
            and c.unless
            and all(_agreed(d, iss, opt) for iss, opt in c.unless)
        ):
            changed = True
            ledger[i] = commit_with(c, CommitmentStatus.LAPSED)
            ledger.append(
                Commitment(
                    len(ledger) + 1,
                    CommitmentKind.PROMISE,
                    c.actor,
                    c.lever,
                    c.target,
                    c.unless,
                    d.round_index + 1,
                )
            )
            emit(d, GameEvent(EventKind.THREAT_LAPSED, actor=c.actor, lever=c.lever))
    if changed:
        d.ledger = tuple(ledger)


def threaten(d: Draft, a: Threaten) -> None:
    rules, t = d.scenario.rules, d._t
    lever = t.lever[a.lever]
    number = len(d.ledger) + 1
    d.ledger = (
        *d.ledger,
        Commitment(
            number,
            CommitmentKind.THREAT,
            a.actor,
            lever.id,
            lever.target,
            a.unless,
            d.round_index + 1,
        ),
    )
    emit(d, GameEvent(EventKind.THREAT, actor=a.actor, lever=lever.id, terms=a.unless))
    add_trust(d, a.actor, lever.target, rules.threat_trust)
    add_tension(d, rules.threat_tension)
    for e in lever.threat_effects:
        apply_effect(d, e)
    threats_met(d)  # terms that are already agreed make it a promise at once
    then_advance(d)


def carry_out(d: Draft, a: CarryOut) -> None:
    rules, t = d.scenario.rules, d._t
    lever = t.lever[a.lever]
    d.executed = (*d.executed, lever.id)
    ledger = list(d.ledger)
    how = LeverUse.SURPRISE
    for i, c in enumerate(ledger):
        if c.lever != lever.id or c.status is not CommitmentStatus.PENDING:
            continue
        # With several owners (R36), the commitment is its maker's, whoever carries it out.
        if c.kind is CommitmentKind.THREAT:  # a threat made good (R10)
            status, how = CommitmentStatus.KEPT, LeverUse.THREAT_MADE_GOOD
            add_credibility(d, c.actor, rules.kept_threat_credibility)
        else:  # a promise broken: the terms were met and the lever is used anyway
            status, how = CommitmentStatus.BROKEN, LeverUse.PROMISE_BROKEN
            add_credibility(d, c.actor, rules.broken_threat_credibility)
            add_trust(d, c.actor, lever.target, rules.broken_promise_trust)
        ledger[i] = commit_with(c, status)
    if how is LeverUse.SURPRISE:  # a surprise hurts trust more (R11)
        add_trust(d, a.actor, lever.target, rules.surprise_trust)
    d.ledger = tuple(ledger)
    emit(d, GameEvent(EventKind.LEVER_USED, actor=a.actor, lever=lever.id, how=how))
    if lever.breaks:  # before the tension moves, so that the record shows one change
        _breach(d, a.actor, lever)
        _withdraw(d, a.actor, lever)
    add_tension(d, rules.execute_tension)
    for e in lever.execute_effects:
        apply_effect(d, e)
    for change in lever.agenda:
        change_agenda(d, change)
    if lever.escalates and not d.over:  # war is a decision (R26)
        d.escalated = True
        emit(d, GameEvent(EventKind.ESCALATION, actor=a.actor, lever=lever.id))
        close_round(d, final=True, ended_by=Termination.ESCALATION)
        return
    then_advance(d)


def _record_undone(
    d: Draft, actor: str, lever: Lever, terms: Terms, status: CommitmentStatus
) -> None:
    """The ledger's line for an agreement ``actor`` undid by carrying out ``lever``: broken
    (binding terms, R25) or withdrawn (provisional ones, R39)."""
    line = Commitment(
        len(d.ledger) + 1,
        CommitmentKind.AGREEMENT,
        actor,
        lever.id,
        lever.target,
        terms,
        d.round_index + 1,
        status,
    )
    d.ledger = (*d.ledger, line)


def _withdraw(d: Draft, actor: str, lever: Lever) -> None:
    """Carrying out a lever that breaks provisional terms withdraws them (R39).

    They never bound anyone, so this is no breach: the issue simply reopens (status
    quo, acceptances forgotten), the ledger records the agreement withdrawn, and the
    actor loses trust with each other actor who had accepted it.
    """
    rules = d.scenario.rules
    undone = tuple(pv for pv in d.provisional if pv.option in lever.breaks.get(pv.issue, ()))
    if not undone:
        return
    d.provisional = tuple(pv for pv in d.provisional if pv not in undone)
    terms = tuple((pv.issue, pv.option) for pv in undone)
    _record_undone(d, actor, lever, terms, CommitmentStatus.WITHDRAWN)
    emit(d, GameEvent(EventKind.BREACH, actor=actor, lever=lever.id, terms=terms, withdrawn=True))
    accepted = {a for pv in undone for a in pv.accepted_by}
    accepted.discard(actor)
    for party in sorted(accepted):
        add_trust(d, actor, party, rules.withdrawal_trust)


def _breach(d: Draft, actor: str, lever: Lever) -> None:
    """Carrying out a lever that breaks binding terms voids them, at a cost (R25)."""
    rules, t = d.scenario.rules, d._t
    binding = dict(d.binding)
    broken = tuple(
        (issue, binding[issue])
        for issue, options in lever.breaks.items()
        if binding.get(issue) in options
    )
    if not broken:
        return
    for issue, _ in broken:
        del binding[issue]  # back to the status quo, open to negotiation again
    d.binding = tuple(sorted(binding.items()))
    _record_undone(d, actor, lever, broken, CommitmentStatus.BROKEN)
    emit(d, GameEvent(EventKind.BREACH, actor=actor, lever=lever.id, terms=broken))
    parties: set[str] = set()
    for issue, option in broken:
        parties |= t.consent_of[(issue, option)]
    parties.discard(actor)
    add_credibility(d, actor, rules.breach_credibility)
    if rules.breach_support:
        add(d, t.support_index(actor), rules.breach_support)
    for party in sorted(parties):
        add_trust(d, actor, party, rules.breach_trust)
    add_tension(d, rules.breach_tension * len(broken))
