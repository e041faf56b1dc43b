"""The commitment ledger's lines: threats, promises and broken agreements (R10, R11, R25).

A leaf of the engine, so that the vocabulary can word the ledger without the state.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from game.engine.actions import Terms
from game.engine.frozen import fast_init


class CommitmentKind(enum.StrEnum):
    THREAT = "threat"
    PROMISE = "promise"  # a threat whose "unless" terms were met: hold back the lever
    # An agreement its actor broke by carrying out ``lever``; ``unless`` holds the broken
    # terms and the status is always BROKEN (R25).
    AGREEMENT = "agreement"


class CommitmentStatus(enum.StrEnum):
    PENDING = "pending"
    KEPT = "kept"
    BROKEN = "broken"
    LAPSED = "lapsed"  # a threat whose terms were met: it became a promise
    WITHDRAWN = "withdrawn"  # a provisional agreement undone by a lever that breaks it (R39)


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class Commitment:
    """One line of the commitment ledger."""

    number: int
    kind: CommitmentKind
    actor: str
    lever: str
    target: str
    unless: Terms
    round: int  # made in this round (1-based); the deadline is its end
    status: CommitmentStatus = CommitmentStatus.PENDING
