"""Legality: why an action is refused in a state, in words a player understands."""

from __future__ import annotations

from typing import NoReturn

from game.engine import words
from game.engine.actions import (
    FACILITATOR_ACTIONS,
    PLAYER_ACTIONS,
    Accept,
    Action,
    Bookmark,
    CarryOut,
    ExtendRound,
    Inject,
    News,
    Propose,
    Reject,
    Statement,
    Terms,
    Threaten,
    Timeout,
)
from game.engine.errors import IllegalActionError, MalformedActionError
from game.engine.ledger import CommitmentStatus
from game.engine.model import Tone
from game.engine.packages import problem
from game.engine.state import GameState, ProposalStatus

MAX_EXTENSION = 20  # turns the facilitator may add at once; keeps every game finite


def _refuse(state: GameState, action: Action, reason: str) -> NoReturn:
    # The action is described only here, on the way out: legal actions pay nothing for it.
    raise IllegalActionError(f"{state.where()}: cannot {words.refusal(action)}: {reason}")


def check(state: GameState, action: Action) -> None:
    """Raise ``IllegalActionError``/``MalformedActionError`` unless ``action`` is legal now."""
    if state.over:
        _refuse(state, action, "the game is over")
    if isinstance(action, FACILITATOR_ACTIONS):
        _check_facilitator(state, action)
        return
    if not isinstance(action, PLAYER_ACTIONS):
        raise MalformedActionError(f"not an action: {action!r}")
    actor = action.actor
    if actor not in state._t.actor_index:
        _refuse(state, action, f"there is no actor {actor!r} in this scenario")
    mover = state.movers[state.position]
    if actor != mover:
        _refuse(state, action, f"it is {mover}'s move, not {actor}'s")
    if isinstance(action, Propose):
        if not action.terms:
            _refuse(state, action, "a proposal needs at least one term")
        _check_terms(state, action.terms, action)
    elif isinstance(action, Accept | Reject):
        _check_response(state, action)
    elif isinstance(action, Statement):
        if not isinstance(action.tone, Tone):
            raise MalformedActionError(f"{state.where()}: unknown tone {action.tone!r}")
        if not isinstance(action.text, str):
            raise MalformedActionError(f"{state.where()}: a statement's text must be text")
    elif isinstance(action, Threaten | CarryOut):
        _check_lever(state, action)


def _check_terms(state: GameState, terms: Terms, action: Action) -> None:
    t = state._t
    agenda = state.agenda
    seen: set[str] = set()
    binding = dict(state.binding)
    for pair in terms:
        if not (isinstance(pair, tuple) and len(pair) == 2):
            raise MalformedActionError(f"{state.where()}: a term must be an issue=option pair")
        issue, option = pair
        if issue in seen:
            raise MalformedActionError(f"{state.where()}: issue {issue!r} appears twice")
        seen.add(issue)
        if issue not in t.issue:
            _refuse(state, action, f"there is no issue {issue!r}")
        if issue not in agenda:
            _refuse(state, action, f"{issue} is not on this round's agenda")
        if issue in binding:
            _refuse(state, action, f"{issue} is already settled bindingly on {binding[issue]}")
        if (issue, option) not in t.option_label:
            _refuse(state, action, f"{option!r} is not an option of {issue}")
    incoherent = problem(t, terms, state.binding)  # R33
    if incoherent:
        _refuse(state, action, incoherent)


def _check_response(state: GameState, action: Accept | Reject) -> None:
    number = action.proposal
    if not isinstance(number, int) or number < 1 or number > len(state.proposals):
        _refuse(state, action, "there is no such proposal")
    p = state.proposals[number - 1]
    if p.status is not ProposalStatus.LIVE:
        _refuse(state, action, p.why or f"it is {p.status.value}")
    if p.proposer == action.actor:
        _refuse(state, action, "it is your own proposal")
    if action.actor in p.accepted_by:
        _refuse(state, action, "you have already accepted it")


def _check_lever(state: GameState, action: Threaten | CarryOut) -> None:
    lever = state._t.lever.get(action.lever)
    if lever is None:
        _refuse(state, action, f"there is no lever {action.lever!r}")
    if action.actor not in lever.owners:
        _refuse(state, action, f"the lever belongs to {' and '.join(lever.owners)}")
    if lever.id in state.executed:
        _refuse(state, action, "it has already been carried out")
    if isinstance(action, Threaten):
        for c in state.ledger:
            if c.lever == lever.id and c.status is CommitmentStatus.PENDING:
                _refuse(state, action, f"commitment #{c.number} on this lever is still pending")
        _check_terms(state, action.unless, action)


def _check_facilitator(state: GameState, action: Action) -> None:
    if isinstance(action, Inject):
        card = state._t.card.get(action.card)
        if card is None:
            _refuse(state, action, f"there is no event card {action.card!r}")
        if card.once and card.id in state.drawn:
            _refuse(state, action, "that card has already been played")
        if not card.in_its_time(state.round):
            _refuse(
                state,
                action,
                f"it happened on {card.date}, after this round; only an event marked "
                "counterfactual may happen before its date",
            )
    elif isinstance(action, News | Bookmark):
        text = action.text if isinstance(action, News) else action.note
        if not isinstance(text, str):
            raise MalformedActionError(f"{state.where()}: {words.refusal(action)} needs text")
    elif isinstance(action, ExtendRound):
        if not isinstance(action.turns, int) or not 1 <= action.turns <= MAX_EXTENSION:
            _refuse(state, action, f"add between 1 and {MAX_EXTENSION} turns")
    elif isinstance(action, Timeout):
        mover = state.movers[state.position]
        if action.mover != mover:
            _refuse(state, action, f"it is {mover}'s move")
