"""The decision core's vocabulary: which kinds of move are open, and the move it chose.

The core never builds engine actions itself; ``game.ai.view`` translates the
engine's legal actions into ``Moves`` and the chosen ``Intent`` back into one
of those legal actions.  That keeps the core testable on hand-made tables.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from game.engine.actions import Terms
from game.engine.frozen import fast_init
from game.engine.model import Tone


class Kind(enum.StrEnum):
    PROPOSE = "propose"
    ACCEPT = "accept"
    REJECT = "reject"
    STATEMENT = "statement"
    THREATEN = "threaten"
    CARRY_OUT = "carry-out"
    WALK_OUT = "walk-out"
    PASS = "pass"


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class Moves:
    """What the delegate may do now (from the engine's legal actions)."""

    propose: bool = False
    accept: frozenset[int] = frozenset()  # proposal ids it may accept
    reject: frozenset[int] = frozenset()
    tones: frozenset[Tone] = frozenset()
    threaten: frozenset[str] = frozenset()  # lever ids
    carry_out: frozenset[str] = frozenset()
    walk_out: bool = False
    can_pass: bool = False


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class Intent:
    """The move the core chose, with its one-line (private) rationale."""

    kind: Kind
    rationale: str
    proposal: int = 0
    terms: Terms = ()
    lever: str = ""
    tone: Tone = Tone.FIRM
    text: str = ""
    answers: int = 0  # a counter-offer: the proposal it answers (0: none)
    opening: bool = False  # a proposal of our public demands, the first of the game
    # A counter that is the offer it answers without these terms: the price we test
    # before paying it (``game.ai.core``).
    without: Terms = ()
