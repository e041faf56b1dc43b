"""Between the engine's actions and the core's vocabulary: legal actions in, one action out."""

from __future__ import annotations

from collections.abc import Sequence

from game.ai.moves import Intent, Kind, Moves
from game.engine.actions import (
    Accept,
    Action,
    CarryOut,
    Pass,
    Propose,
    Reject,
    Statement,
    Threaten,
    WalkOut,
)
from game.engine.model import Tone


def moves_from(legal: Sequence[Action]) -> Moves:
    """Which kinds of move the legal actions allow (single-term proposals stand for packages)."""
    accept: set[int] = set()
    reject: set[int] = set()
    tones: set[Tone] = set()
    threaten: set[str] = set()
    carry: set[str] = set()
    propose = walk = can_pass = False
    for a in legal:
        kind = type(a)
        if kind is Propose:
            propose = True
        elif isinstance(a, Accept):
            accept.add(a.proposal)
        elif isinstance(a, Reject):
            reject.add(a.proposal)
        elif isinstance(a, Statement):
            tones.add(a.tone)
        elif isinstance(a, Threaten):
            threaten.add(a.lever)
        elif isinstance(a, CarryOut):
            carry.add(a.lever)
        elif kind is WalkOut:
            walk = True
        elif kind is Pass:
            can_pass = True
    return Moves(
        propose=propose,
        accept=frozenset(accept),
        reject=frozenset(reject),
        tones=frozenset(tones),
        threaten=frozenset(threaten),
        carry_out=frozenset(carry),
        walk_out=walk,
        can_pass=can_pass,
    )


def to_action(actor: str, intent: Intent, legal: Sequence[Action]) -> Action:
    """The engine action for ``intent``; a package or "unless" terms are legal when each
    term is (the engine's rule), which the core guarantees by using only open agenda issues."""
    kind = intent.kind
    if kind is Kind.PROPOSE:
        return Propose(actor, intent.terms)
    if kind is Kind.ACCEPT:
        return Accept(actor, intent.proposal)
    if kind is Kind.REJECT:
        return Reject(actor, intent.proposal)
    if kind is Kind.STATEMENT:
        return Statement(actor, intent.tone, intent.text)
    if kind is Kind.THREATEN:
        return Threaten(actor, intent.lever, intent.terms)
    if kind is Kind.CARRY_OUT:
        return CarryOut(actor, intent.lever)
    if kind is Kind.WALK_OUT:
        return WalkOut(actor)
    fallback = Pass(actor)
    if fallback in legal or not legal:
        return fallback
    return legal[0]
