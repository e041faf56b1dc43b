"""The commitment ledger in play: threats, promises, levers carried out (R10, R11)."""

from __future__ import annotations

from game.engine.actions import CarryOut, Threaten
from game.engine.events import EventKind
from game.engine.flow import (
    add_credibility,
    add_tension,
    add_trust,
    apply_effect,
    commit_with,
    emit,
    then_advance,
)
from game.engine.state import Commitment, CommitmentKind, CommitmentStatus, Draft


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
            lever = d._t.lever[c.lever].name
            emit(
                d,
                EventKind.THREAT_LAPSED,
                f"Its terms are met: {d._t.name[c.actor]}'s threat ({lever}) lapses; "
                f"holding back is now a promise.",
                c.actor,
                c.lever,
            )
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
    unless = f" unless {t.terms_text(a.unless)}" if a.unless else ""
    emit(
        d,
        EventKind.THREAT,
        f"{t.name[a.actor]} threatens {lever.name}{unless} (by the end of this round).",
        a.actor,
        lever.id,
    )
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
    how = "without warning"
    for i, c in enumerate(ledger):
        if c.lever != lever.id or c.status is not CommitmentStatus.PENDING:
            continue
        if c.kind is CommitmentKind.THREAT:  # a threat made good (R10)
            status, how = CommitmentStatus.KEPT, "as it threatened"
            add_credibility(d, a.actor, rules.kept_threat_credibility)
        else:  # a promise broken: the terms were met and the lever is used anyway
            status, how = CommitmentStatus.BROKEN, "although its terms were met"
            add_credibility(d, a.actor, rules.broken_threat_credibility)
            add_trust(d, a.actor, lever.target, rules.broken_promise_trust)
        ledger[i] = commit_with(c, status)
    if how == "without warning":  # a surprise hurts trust more (R11)
        add_trust(d, a.actor, lever.target, rules.surprise_trust)
    d.ledger = tuple(ledger)
    emit(
        d,
        EventKind.LEVER_USED,
        f"{t.name[a.actor]} carries out {lever.name}, {how}.",
        a.actor,
        lever.id,
    )
    add_tension(d, rules.execute_tension)
    for e in lever.execute_effects:
        apply_effect(d, e)
    then_advance(d)
