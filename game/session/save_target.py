"""May a game write its ``--save FILE``?  Only over its own save, unless told to.

A file that holds another game (another scenario, seed, or moves this game does
not have) is refused unless ``force``: a class's twelve-move game must not be
replaced by a new game's first autosave because the same name was typed.  A
device, a pipe or the scenario being played is refused even with ``force``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from game import engine
from game.fileio import same_file
from game.session.errors import SaveError
from game.session.session import Session
from game.session.store import read_save


def check_save_target(
    target: Path, session: Session, *, force: bool = False, resumed: Path | None = None
) -> None:
    """``SaveError`` unless ``session`` may write its save to ``target``.

    ``resumed`` is the save the session was loaded from: writing back to it is its own.
    """
    scenario = session.loaded.path
    if scenario is not None and same_file(target, scenario):
        raise SaveError(f"refusing to save the game over the scenario it plays ({target})")
    try:
        info = os.stat(target)
    except OSError:
        return  # nothing there (or nothing we can see): the write itself reports any trouble
    if stat.S_ISDIR(info.st_mode):
        return  # the write reports "is a folder"
    if not stat.S_ISREG(info.st_mode):
        raise SaveError(
            f"refusing to save the game to {target}: it is not a regular file (a device or a pipe?)"
        )
    if force or (resumed is not None and same_file(target, resumed)):
        return
    held = _held_game(target, session)
    if held is None:
        return
    raise SaveError(
        f"refusing to replace {target}: it holds {held}; choose another file, "
        "or give --force to replace it"
    )


def _held_game(target: Path, session: Session) -> str | None:
    """What ``target`` holds that this game would lose, or None when it is this game's own."""
    try:
        record = read_save(target)
    except SaveError:
        return "something that is not a save of this game"
    moves = [engine.format_action(entry.action) for entry in session.log]
    ours = (
        record.scenario.id == session.scenario.id
        and record.scenario.hash == session.loaded.content_hash
        and record.seed == session.seed
        and record.actions == moves[: len(record.actions)]
    )
    if ours:
        return None  # an earlier save of this very game: every move it holds is kept
    count = len(record.actions)
    return (
        f"another game ({record.scenario.id}, seed {record.seed}, "
        f"{count} move{'' if count == 1 else 's'})"
    )
