"""How well an AI delegate plays: the one list of levels, shared by the seats, saves and screens."""

from __future__ import annotations

import enum


class Difficulty(enum.StrEnum):
    """A delegate's level (see the table in ``game.ai``); its value is what seat specs spell."""

    EASY = "easy"
    NORMAL = "normal"
    HARD = "hard"
