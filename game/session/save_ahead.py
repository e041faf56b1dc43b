"""A game's save files written one computer move ahead, put in place once the move is made.

A run of computer moves is saved when it hands back to a person or ends the game
(``Session.persist``): a whole JSON file per target, each synced to the disk,
tens of milliseconds of waiting on a disk, inside the window's frame in which
the move lands.  When the window knows that move before it is made (decided on
the worker thread, see ``game.session.thinking``), the files as they will be are
written and synced on a thread of their own, under temporary names beside their
targets; making the move then only renames them into place, which takes an
instant and is done before the frame ends.

Nothing can be lost this way: until the move is made the old files stand; once
it is made, the new ones are in place before anything else happens (a crash one
instant later finds them, as it would after a write in the frame).  A move that
is never made (an undo, a pause, a reload) leaves only temporary files, which are
removed, or cleaned as stale by ``game.fileio.clean_stale_temporaries``.  If the
files could not be written ahead, the save is written the ordinary way, with its
ordinary warning.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from game.fileio import sync_folder, write_temporary
from game.session.records import GameRecord


class SaveAhead:
    """The save files of ``record``, being written on a thread under temporary names."""

    def __init__(
        self, record: GameRecord, targets: Sequence[Path], data: Callable[[GameRecord], bytes]
    ) -> None:
        self.record = record
        self.targets = tuple(targets)
        self._written: dict[Path, str] = {}  # target -> its temporary file
        self._lock = threading.Lock()
        self._finished = False  # the thread is done with the files
        self._failed = False
        self._discarded = False
        self._thread = threading.Thread(
            target=self._write, args=(data,), name="redlines-save-ahead", daemon=True
        )
        self._thread.start()

    def _write(self, data: Callable[[GameRecord], bytes]) -> None:
        try:
            content = data(self.record)
            for target in self.targets:
                self._written[target] = write_temporary(target, content)
        except Exception:  # written the ordinary way instead, which reports why
            self._failed = True
        finally:
            with self._lock:
                self._finished = True
                if self._discarded:
                    self._remove()

    def matches(self, record: GameRecord, targets: Sequence[Path]) -> bool:
        """Whether these are the files of ``record`` for ``targets``."""
        return self.targets == tuple(targets) and self.record == record

    def put_in_place(self) -> bool:
        """Rename every file into place (after waiting for them to be written, if they are
        not yet); False, with nothing changed, if they could not all be written."""
        self._thread.join()
        if self._failed or len(self._written) != len(self.targets):
            self.discard()
            return False
        try:
            for target in self.targets:
                os.replace(self._written.pop(target), target)
        except OSError:
            self.discard()
            return False
        folders = sorted({target.parent for target in self.targets})
        # Syncing the folders makes the renames survive a power cut; a crash of the game
        # itself does not need it, so the frame does not wait for it.
        threading.Thread(
            target=_sync_folders, args=(folders,), name="redlines-save-sync", daemon=True
        ).start()
        return True

    def discard(self) -> None:
        """Remove the temporary files, now or, without waiting, once they are written."""
        with self._lock:
            self._discarded = True
            if self._finished:
                self._remove()

    def _remove(self) -> None:
        for name in self._written.values():
            with contextlib.suppress(OSError):
                os.unlink(name)
        self._written.clear()


def _sync_folders(folders: Sequence[Path]) -> None:
    for folder in folders:
        sync_folder(folder)
