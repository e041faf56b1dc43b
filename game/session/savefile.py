"""The save file format (JSON, checked by pydantic) and the atomic write that keeps it safe.

A save is the whole game as its log: scenario id and content hash, seed,
seats, and the actions in the engine's text notation.  Writing goes to a
temporary file in the same folder, is flushed and fsynced, and only then
replaces the old save, so a failed write never leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from game.session.seats import Difficulty, SeatKind

FORMAT = 1  # bump when a save written by this version would not load in an older one
GAME: Literal["redlines"] = "redlines"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScenarioRef(_Strict):
    id: str = Field(min_length=1)
    hash: str = Field(min_length=1)
    path: str = ""  # where it was loaded from; a hint, the id and hash are what count


class SeatRecord(_Strict):
    kind: SeatKind
    difficulty: Difficulty = Difficulty.NORMAL


class SaveFile(_Strict):
    """One saved game; ``actions``, ``by`` and ``rationales`` are parallel lists."""

    format: int
    game: Literal["redlines"] = GAME
    game_version: str
    scenario: ScenarioRef
    seed: int
    seats: dict[str, SeatRecord]
    actions: list[str]
    by: list[SeatKind]  # the kind of seat that chose each action (human for facilitator moves)
    rationales: list[str]

    @model_validator(mode="after")
    def _parallel(self) -> SaveFile:
        if not len(self.actions) == len(self.by) == len(self.rationales):
            raise ValueError(
                f"'actions', 'by' and 'rationales' must have the same length "
                f"(they have {len(self.actions)}, {len(self.by)} and {len(self.rationales)})"
            )
        return self


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once, or leave it as it was.

    Raises ``OSError`` when the write fails; the temporary file is removed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o777  # keep the permissions of the save it replaces
    except OSError:
        mode = 0o644  # mkstemp's private 0600 would surprise anyone sharing a classroom folder
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    # The rename itself lives in the folder's entry list; syncing the folder makes
    # it survive a power cut.  Windows cannot open a folder for this, and does not need to.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
