"""AI moves paced so a person can follow them: one move per delay, skippable, never blocking.

The pacer only counts time the app gives it in ``update(dt)`` and tells the app
when it next needs waking (``wakeup_in``), so the loop sleeps between AI moves
instead of spinning, and a skipped delay costs nothing.
"""

from __future__ import annotations

from game.ui.kit.settings import AI_PACE_MS

DEFAULT_PACE_MS = 600
RETRY_MS = 15.0  # about a frame: how soon to look again for a decision still being taken


def pace_ms(setting: str) -> int:
    """The delay before each AI move for the settings' pace name."""
    return AI_PACE_MS.get(setting, DEFAULT_PACE_MS)


class Pacer:
    """Counts down to the next AI move while active."""

    def __init__(self, delay_ms: float) -> None:
        self.delay_ms = max(0.0, delay_ms)
        self.active = False
        self.waited = 0.0
        self._skip = False

    def start(self) -> None:
        """Begin waiting for the next move (a no-op if already waiting)."""
        if not self.active:
            self.active = True
            self.waited = 0.0

    def stop(self) -> None:
        """Stop waiting (a person is to move, or a screen covers the table)."""
        self.active = False
        self._skip = False

    def skip(self) -> None:
        """Make the moves due at once until a person is to move (Space or a click).

        One move per frame, so the transcript still scrolls by and the window answers.
        """
        if self.active:
            self._skip = True

    def retry(self, ms: float = RETRY_MS) -> None:
        """A move was due but not ready (the computer is still deciding): ask again in ``ms``."""
        if self.active:
            self.waited = max(self.waited, self.delay_ms - ms)

    def due(self, dt: float) -> bool:
        """Advance by ``dt`` ms; True when a move is due (the countdown restarts)."""
        if not self.active:
            return False
        self.waited += dt
        if self._skip or self.waited >= self.delay_ms:
            self.waited = 0.0
            return True
        return False

    def wakeup_in(self) -> float | None:
        """Milliseconds until the next move (at least 1: a wait, not an animation)."""
        if not self.active:
            return None
        if self._skip:
            return 1.0
        return max(1.0, self.delay_ms - self.waited)
