"""Work that waits on the network, done off the window's thread: its answer comes on a queue.

Connecting to a host, joining, rejoining and looking for hosts can each take
seconds; the pygame loop must keep drawing meanwhile, and no pygame call may
happen off its thread.  A ``Task`` runs a plain function (no pygame) in a
daemon thread and keeps what it returned, or the ``UserError`` it raised, for
the screen to ``poll`` once a frame.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from game.errors import UserError
from game.net.client import RefusedError

log = logging.getLogger(__name__)
T = TypeVar("T")
POLL_MS = 100.0  # how often a screen waiting on the network looks at its queue


@dataclass(frozen=True, slots=True)
class Done(Generic[T]):
    """What the work gave: ``value``, or ``error`` (a sentence for the player)."""

    value: T | None = None
    error: str = ""
    refused: bool = False  # the host answered and said no: trying again will not help

    @property
    def ok(self) -> bool:
        return not self.error


class Task(Generic[T]):
    """``work()`` running in a thread of its own; ``poll()`` is None until it is done."""

    def __init__(self, work: Callable[[], T], name: str = "redlines-net") -> None:
        self._answers: queue.Queue[Done[T]] = queue.Queue(maxsize=1)
        self._thread = threading.Thread(target=self._run, args=(work,), name=name, daemon=True)
        self._thread.start()
        self.result: Done[T] | None = None

    def _run(self, work: Callable[[], T]) -> None:
        try:
            self._answers.put(Done(work()))
        except UserError as exc:  # a refusal or an unreachable host: said, not raised
            final = isinstance(exc, RefusedError) and exc.final
            self._answers.put(Done(error=str(exc), refused=final))
        except Exception as exc:  # a bug must reach the player as a sentence, never a traceback
            log.exception("network work failed")
            self._answers.put(Done(error=f"something went wrong ({type(exc).__name__})"))

    def poll(self) -> Done[T] | None:
        """The answer once the work is done (and from then on), else None."""
        if self.result is None:
            try:
                self.result = self._answers.get_nowait()
            except queue.Empty:
                return None
        return self.result

    def wait(self, seconds: float) -> Done[T] | None:
        """Block up to ``seconds`` for the answer (tests, and nothing on the window's thread)."""
        self._thread.join(seconds)
        return self.poll()
