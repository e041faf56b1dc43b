"""How a game ended: a leaf, so the state, the flow and the vocabulary all use it."""

from __future__ import annotations

import enum


class Termination(enum.StrEnum):
    """How a game ended (python-chess's ``Termination``): its ``GameState.ended_by``."""

    ROUNDS = "rounds"  # the last round closed
    ESCALATION = "escalation"  # tension reached the war threshold, or a lever was war
    FACILITATOR = "facilitator"  # the facilitator ended the game
