"""The save file format (JSON, checked strictly by pydantic).

A save is the whole game as its log: scenario id and content hash, seed,
seats, and the actions in the engine's text notation.  Numbers must be JSON
integers (never ``"7"``, ``true`` or ``3.0``): a save is written by the game,
so anything else is damage.  Writing is ``game.fileio.write_atomic``.
"""

from __future__ import annotations

import os
import urllib.parse
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, model_validator

from game.ai.difficulty import Difficulty
from game.paths import SCENARIO_ID_PATTERN
from game.session.seats import SeatKind

# Bump when a save written by this version would not load in an older one.  2: ``remarks``
# (a save of format 1 has none, and still loads).  3: ``pins`` (hot-seat PIN hashes).
# 4: ``facilitator_pin``.  A save is written in the lowest format that holds it (no
# PINs: 2; delegation PINs only: 3), so older versions keep reading what they can.
FORMAT = 4
FORMAT_WITH_PINS = 3
FORMAT_WITHOUT_PINS = 2
GAME: Literal["redlines"] = "redlines"


_HEX = r"^(?:[0-9a-f]{2})+$"


_FILE_URI = "file://"


def path_hint(path: Path) -> str:
    """``path`` as text a save can hold: itself, or a ``file://`` URI when it is not Unicode.

    A file name that is not UTF-8 (``bad\\xff.yaml`` on Linux) reaches Python as lone
    surrogates, which no JSON file can hold; its bytes go percent-encoded instead.
    """
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _FILE_URI + urllib.parse.quote_from_bytes(os.fsencode(path))
    return text


def hinted_path(text: str) -> Path:
    """The path ``path_hint`` wrote (a plain path as it is)."""
    if text.startswith(_FILE_URI):
        return Path(os.fsdecode(urllib.parse.unquote_to_bytes(text[len(_FILE_URI) :])))
    return Path(text)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScenarioRef(_Strict):
    id: str = Field(pattern=SCENARIO_ID_PATTERN, max_length=64)  # never a path
    hash: str = Field(min_length=1)
    path: str = ""  # where it was loaded from; a hint, the id and hash are what count


class SeatRecord(_Strict):
    kind: SeatKind
    difficulty: Difficulty = Difficulty.NORMAL


class PinRecord(_Strict):
    """A delegation's hot-seat PIN as a salted hash (``facilitator.PinHash``); never the PIN."""

    salt: str = Field(pattern=_HEX, max_length=256)
    hash: str = Field(pattern=_HEX, max_length=256)
    rounds: StrictInt = Field(ge=1, le=10_000_000)  # a bound: a damaged save cannot hang a check


class SaveFile(_Strict):
    """One saved game; ``actions``, ``by``, ``rationales`` and ``remarks`` are parallel lists.

    ``remarks`` (what each computer seat said at the table) came with format 2; a save
    without them loads with empty remarks.  ``pins`` (format 3) are the hot-seat
    delegations' PINs, hashed; absent when none was set.  ``facilitator_pin``
    (format 4) is the console's PIN, hashed, so a resumed game asks for it again.
    ``rationales`` are written empty (see ``game.session.reveal``).
    """

    format: StrictInt
    game: Literal["redlines"] = GAME
    game_version: str
    scenario: ScenarioRef
    seed: StrictInt
    seats: dict[str, SeatRecord] = Field(min_length=1)
    actions: list[str]
    by: list[SeatKind]  # the kind of seat that chose each action (human for facilitator moves)
    rationales: list[str]
    remarks: list[str] | None = None  # None: an older save, without remarks
    pins: dict[str, PinRecord] | None = None  # None: no hot-seat PINs (or an older save)
    facilitator_pin: PinRecord | None = None  # format 4; None: the console had no PIN

    @model_validator(mode="after")
    def _parallel(self) -> SaveFile:
        if not len(self.actions) == len(self.by) == len(self.rationales):
            raise ValueError(
                f"'actions', 'by' and 'rationales' must have the same length "
                f"(they have {len(self.actions)}, {len(self.by)} and {len(self.rationales)})"
            )
        if self.remarks is not None and len(self.remarks) != len(self.actions):
            raise ValueError(
                f"'remarks' must have one entry per action "
                f"(it has {len(self.remarks)} for {len(self.actions)})"
            )
        return self

    def remarks_or_blank(self) -> list[str]:
        """The remarks, or an empty one per action for a save written before them."""
        return list(self.remarks) if self.remarks is not None else [""] * len(self.actions)
