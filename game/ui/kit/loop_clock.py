"""Where the real loop gets its time and waits for input: the system's clock, or a test's.

``App.run`` asks a ``LoopClock`` for three things: the time, to sleep until input
arrives or a wake-up is due, and to wait out the rest of a 60 fps frame while a
scene animates.  ``SystemClock`` does it with pygame's timers; the pilot's
``ScriptedClock`` (``game.ui.kit.pilot``) does it on a fake clock, so a test of
the real loop never sleeps.
"""

from __future__ import annotations

import math
import time
from typing import Protocol

import pygame

FPS = 60
IDLE_POLL_MS = 10  # how often the idle loop looks for input: well under a frame


class LoopClock(Protocol):
    def now_ms(self) -> float:
        """Milliseconds on this clock (only differences count)."""
        ...

    def wait(self, timeout_ms: float | None) -> list[pygame.event.Event]:
        """Sleep until events arrive or ``timeout_ms`` pass (None: until events arrive)."""
        ...

    def frame(self) -> list[pygame.event.Event]:
        """Wait out the rest of an animation frame, then return the events that came."""
        ...


class SystemClock:
    """The real time and pygame's event queue."""

    def __init__(self, idle_poll_ms: float = IDLE_POLL_MS) -> None:
        self.idle_poll_ms = idle_poll_ms
        self._clock = pygame.time.Clock()

    def now_ms(self) -> float:
        return float(pygame.time.get_ticks())

    def frame(self) -> list[pygame.event.Event]:
        self._clock.tick(FPS)  # animating: a steady frame rate
        return pygame.event.get()

    def wait(self, timeout_ms: float | None) -> list[pygame.event.Event]:
        """``pygame.event.wait`` in pygame-ce polls every millisecond (about 2 % of a
        core while idle); sleeping ``idle_poll_ms`` between polls costs a tenth of
        that, and a delay under one frame is not felt.  ``idle_poll_ms = 0`` uses
        ``pygame.event.wait`` instead.
        """
        if self.idle_poll_ms <= 0:
            first = (
                pygame.event.wait()
                if timeout_ms is None
                else pygame.event.wait(max(1, math.ceil(timeout_ms)))
            )
            return [first, *pygame.event.get()] if first.type != pygame.NOEVENT else []
        deadline = None if timeout_ms is None else time.monotonic() + timeout_ms / 1000
        while True:
            events = pygame.event.get()
            if events:
                return events
            pause = self.idle_poll_ms / 1000
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return []
                pause = min(pause, remaining)
            time.sleep(pause)
