"""Reading and writing the user's files safely: bounded reads of regular files, atomic writes.

Saves, scenarios, settings and exports all go through here, so that a FIFO or
``/dev/zero`` given as a file never hangs or fills memory, and a crash or a full
disk in the middle of a write never leaves a half-written file behind.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

# ``write_atomic``'s temporary file: ``.NAME.`` + mkstemp's 8 characters + ``.tmp``.
_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")
# A write lasts milliseconds (seconds for a huge file on a slow stick); a temporary file
# older than this was left by a process killed mid-write, not one writing now.
STALE_SECONDS = 300.0


class NotRegularFileError(OSError):
    """The path is a device, a FIFO or a socket: nothing a game file can be."""


class TooLargeError(OSError):
    """The file holds more than the reader allows; ``size`` is what was seen (at least)."""

    def __init__(self, size: int) -> None:
        super().__init__(f"too large ({size} bytes)")
        self.size = size


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file ``path``, refusing anything else or more than ``max_bytes``.

    Raises ``NotRegularFileError``, ``TooLargeError``, or the ``OSError`` of opening it
    (``FileNotFoundError``, ``IsADirectoryError``, ``PermissionError``...).
    """
    # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError(f"{path}: not a regular file")
        if info.st_size > max_bytes:
            raise TooLargeError(info.st_size)
        raw = handle.read(max_bytes + 1)  # the size may change under us; never read more
    if len(raw) > max_bytes:
        raise TooLargeError(len(raw))
    return raw


def write_atomic(
    path: Path, data: bytes, *, overwrite: bool = True, make_parents: bool = True
) -> None:
    """Replace ``path`` with ``data`` all at once, or leave it as it was.

    Raises ``OSError`` when the write fails; the temporary file is removed.  With
    ``overwrite=False`` an existing ``path`` is ``FileExistsError`` and is kept.
    Missing folders are made (for the game's own folders) unless ``make_parents=False``.
    """
    tmp_name = write_temporary(path, data, make_parents=make_parents)
    try:
        if overwrite:
            os.replace(tmp_name, path)
        else:
            _place_new(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    sync_folder(path.parent)


def write_temporary(path: Path, data: bytes, *, make_parents: bool = True) -> str:
    """``data`` written and synced to a new temporary file beside ``path``: its name.

    The first half of ``write_atomic``: ``os.replace(name, path)`` is the second, so
    that a file can be written ahead and put in place in an instant later.  Raises
    ``OSError`` when the write fails (the temporary file is removed); one never put in
    place is removed by ``clean_stale_temporaries`` once stale.
    """
    if make_parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o777  # keep the permissions of the file it replaces
    except OSError:
        mode = 0o644  # mkstemp's private 0600 would surprise anyone sharing a classroom folder
    # The name must stay what ``clean_stale_temporaries`` recognises.
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return tmp_name


def clean_stale_temporaries(
    folder: Path,
    *,
    name: str | None = None,
    now: float | None = None,
    older_than: float = STALE_SECONDS,
) -> list[Path]:
    """Remove the temporary files ``write_atomic`` left in ``folder`` when it was killed.

    Only regular files named as ours (``.NAME.xxxxxxxx.tmp``; with ``name``, only that
    file's) and not touched for ``older_than`` seconds: another game may be writing
    its own right now.  Returns what was removed; a folder that cannot be read is no
    error.  ``now`` is for tests (default: the wall clock, as file times are).
    """
    limit = (time.time() if now is None else now) - older_than
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        found = _TEMPORARY.match(entry.name)
        if found is None or (name is not None and found["name"] != name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < limit:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # gone already, or not ours to remove
    return sorted(removed)


def _place_new(tmp_name: str, path: Path) -> None:
    # A hard link fails if the name exists, atomically: no window where another writer's
    # file would be replaced.  Filesystems without links fall back to check-then-rename.
    try:
        os.link(tmp_name, path)
    except FileExistsError:
        raise
    except OSError:
        if path.exists():
            raise FileExistsError(17, "File exists", str(path)) from None
        os.replace(tmp_name, path)
        return
    os.unlink(tmp_name)


def sync_folder(folder: Path) -> None:
    """Make the files just renamed into ``folder`` survive a power cut (errors ignored)."""
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


def same_file(a: Path, b: Path) -> bool:
    """Do ``a`` and ``b`` name the same file (through links, ``..`` or a different spelling)?"""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()  # one does not exist yet: compare the names
