"""Where a command may write what it makes: never over a user's file unless asked.

``export -o``, ``briefings -o``, ``schema -o`` and ``new`` all write through
``write_output``.  It replaces a file only when that file is one we wrote
before (each kind of output recognises its own by a mark near its start or
end) or the user gave ``--force``; never replaces a device, a pipe or a
folder (not even with ``--force``: ``os.replace`` would swap a FIFO or
``/dev/full`` for a regular file); never writes over the files the command
reads (the save, the scenario); and never creates missing folders on its own.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from game.errors import UserError
from game.fileio import clean_stale_temporaries, same_file, write_atomic

_PEEK = 4096  # every mark of ours sits in the first or the last few hundred bytes

Recognise = Callable[[bytes, bytes], bool]  # (head, tail) of a file -> is it one of ours?


class OutputRefusedError(UserError):
    """A target the command will not write to; ``str()`` says why and what to do."""


class NotOursError(OutputRefusedError):
    """The target is a user's file (not one we wrote): replaced only when asked (``force``).

    A window, which has no ``--force``, asks instead: replace it, or another name.
    """

    def __init__(self, target: Path) -> None:
        super().__init__(
            f"refusing to overwrite {target}: it exists and is not a file this command wrote; "
            "choose another name, or give --force to replace it"
        )
        self.target = target


def never_ours(_head: bytes, _tail: bytes) -> bool:
    """For outputs a user edits afterwards (a new scenario): no file is ever ours to replace."""
    return False


def check_output(
    target: Path,
    *,
    ours: Recognise,
    force: bool = False,
    keep: Iterable[tuple[Path, str]] = (),
) -> None:
    """Refuse (``OutputRefusedError``) to write ``target`` unless it is safe to.

    ``keep`` pairs a file the command reads with how to name it (``"the save it is
    made from"``): those are never written over, ``--force`` or not.
    """
    for path, name in keep:
        if same_file(target, path):
            raise OutputRefusedError(
                f"refusing to write over {name} ({path}); choose another file with -o"
            )
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputRefusedError(
            f"cannot write {target}: the folder {parent} does not exist (create it first)"
        )
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return  # a new file (or a dangling link, which the write replaces)
    except OSError as exc:
        raise OutputRefusedError(f"cannot write {target}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputRefusedError(f"cannot write {target}: it is a folder")
    if not stat.S_ISREG(info.st_mode):
        raise OutputRefusedError(
            f"refusing to replace {target}: it is not a regular file (a device or a pipe?)"
        )
    if force or _recognised(target, ours):
        return
    raise NotOursError(target)


def _recognised(target: Path, ours: Recognise) -> bool:
    try:
        # O_NONBLOCK: a FIFO swapped in since the check must not hang the read.
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return False
        head = handle.read(_PEEK)
        size = os.fstat(handle.fileno()).st_size
        handle.seek(max(0, size - _PEEK))
        tail = handle.read(_PEEK)
    return ours(head, tail)


def write_output(
    target: Path,
    data: bytes,
    *,
    ours: Recognise,
    force: bool = False,
    keep: Iterable[tuple[Path, str]] = (),
) -> int:
    """``check_output``, then write ``data`` atomically; returns the bytes written.

    A place that cannot be written is an ``OutputRefusedError`` with the reason.
    """
    check_output(target, ours=ours, force=force, keep=keep)
    clean_stale_temporaries(target.parent, name=target.name)  # left by a killed export
    try:
        write_atomic(target, data, make_parents=False)
    except OSError as exc:
        raise OutputRefusedError(f"cannot write {target}: {exc.strerror or exc}") from None
    return len(data)
