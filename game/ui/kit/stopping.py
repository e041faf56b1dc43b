"""SIGTERM and SIGINT quit the window at once, even in the middle of a long computation.

SDL's own handlers only queue a quit event, which a busy or frozen loop never
reads, and which a scene may answer with "really quit?".  Ours raise
``Stopped`` in the main thread instead: Python runs a handler between two
bytecodes, so the app unwinds from wherever it is and closes as on any exit
(settings kept, the game autosaved).  ``Stopped`` is a ``BaseException`` so that
no scene's ``except Exception`` turns it into an error screen.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stopped(BaseException):
    """The process was asked to stop by ``signum``."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_status(self) -> int:
        """The shell's convention for a process ended by a signal: 128 + its number."""
        return 128 + self.signum


def _raise_stopped(signum: int, _frame: FrameType | None) -> None:
    raise Stopped(signum)


@contextmanager
def signals_stop() -> Iterator[None]:
    """While inside, SIGINT and SIGTERM raise ``Stopped``; the old handlers come back after.

    Only the main thread can install handlers: elsewhere (a test thread) nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _raise_stopped) for sig in SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
