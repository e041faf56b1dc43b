"""The finite menu of legal actions: what a UI offers and what a random or AI seat picks from."""

from __future__ import annotations

from game.engine.actions import (
    FACILITATOR,
    Accept,
    Action,
    CarryOut,
    EndGame,
    EndRound,
    ExtendRound,
    Inject,
    Propose,
    Reject,
    Terms,
    Threaten,
    Timeout,
)
from game.engine.ledger import CommitmentStatus
from game.engine.packages import problem
from game.engine.state import GameState, ProposalStatus
from game.engine.tables import Tables


def _proposals(
    t: Tables, agenda: tuple[str, ...], actor: str, binding: Terms
) -> tuple[Propose, ...]:
    """Single-term proposals on the agenda's unsettled issues, memoised per settlement.

    An option that needs another issue's option (R33) is offered alone only when the
    binding terms already satisfy it; in a package it may be legal all the same.
    """
    key = (agenda, actor, binding)
    found = t.singles.get(key)
    if found is None:
        if len(t.singles) > 4096:  # a game has few settlements; bound the memo anyway
            t.singles.clear()
        settled = {issue for issue, _ in binding}
        found = t.singles[key] = tuple(
            Propose(actor, ((issue, o.id),))
            for issue in agenda
            if issue not in settled
            for o in t.issue[issue].options
            if not problem(t, ((issue, o.id),), binding)
        )
    return found


def _answers(t: Tables, actor: str, number: int) -> tuple[Accept, Reject]:
    """Accept and reject of one proposal: frozen values, made once and shared."""
    key = (actor, number)
    found = t.answers.get(key)
    if found is None:
        found = t.answers[key] = (Accept(actor, number), Reject(actor, number))
    return found


def _lever_actions(t: Tables, actor: str, lever: str) -> tuple[Threaten, CarryOut]:
    key = (actor, lever)
    found = t.lever_actions.get(key)
    if found is None:
        found = t.lever_actions[key] = (Threaten(actor, lever), CarryOut(actor, lever))
    return found


def to_move(state: GameState) -> str | None:
    """The actor whose move it is; None once the game is over."""
    return None if state.over else state.movers[state.position]


def is_over(state: GameState) -> bool:
    return state.over


def legal_actions(state: GameState, actor: str) -> tuple[Action, ...]:
    """Every legal action of a finite kind for ``actor`` now (R14).

    Packages of several terms and threats with "unless" terms are legal too when
    each part is; ``check`` judges those.
    """
    if state.over:
        return ()
    if actor == FACILITATOR:
        return _facilitator(state)
    if actor != state.movers[state.position]:
        return ()
    t = state._t
    out: list[Action] = []
    live = ProposalStatus.LIVE
    for p in state.proposals[state.round_start() :]:
        if p.status is live and actor not in p.accepted_by:
            out.extend(_answers(t, actor, p.number))
    out.extend(_proposals(t, state.agenda, actor, state.binding))
    levers = t.levers_of.get(actor, ())
    if levers:
        executed = state.executed
        pending = {c.lever for c in state.ledger if c.status is CommitmentStatus.PENDING}
        for lever in levers:
            if lever not in executed:
                threaten, carry_out = _lever_actions(t, actor, lever)
                if lever not in pending:
                    out.append(threaten)
                out.append(carry_out)
    out.extend(t.simple_actions[actor])
    return tuple(out)


def _facilitator(state: GameState) -> tuple[Action, ...]:
    out: list[Action] = [
        Inject(c.id)
        for c in state.scenario.events
        if not (c.once and c.id in state.drawn) and c.in_its_time(state.round)
    ]
    out += [ExtendRound(1), EndRound(), EndGame(), Timeout(state.movers[state.position])]
    return tuple(out)
