"""The classroom's turn timer and pause, as a model fed the time by its caller.

Nothing here reads a clock: every method that needs the time takes ``now``, a
monotonic reading in seconds (``time.monotonic()`` in the front end, plain
numbers in tests), so the countdown is deterministic and testable.
"""

from __future__ import annotations

from collections.abc import Hashable

MAX_TURN_SECONDS = 24 * 60 * 60.0  # a day: anything longer is a typo, not a lesson plan


def check_limit(seconds: float | None) -> float | None:
    """A turn limit as given, or ``ValueError`` saying why it cannot be one."""
    if seconds is None:
        return None
    if not 0 < seconds <= MAX_TURN_SECONDS:  # also refuses NaN
        raise ValueError(f"a turn limit must be more than 0 and at most {MAX_TURN_SECONDS:g} s")
    return float(seconds)


class TurnClock:
    """A countdown for the turn in progress that can be paused, extended and restarted.

    ``limit`` is the time each turn gets (None: no timer; the clock still tracks
    pause).  The clock starts a fresh countdown whenever ``start`` is given a turn
    different from the one it is timing, so a caller can call ``start`` on every
    frame with the current turn and the countdown resets only when the turn changes.
    """

    def __init__(self, limit: float | None = None) -> None:
        self.limit = check_limit(limit)
        self._turn: Hashable | None = None
        self._since = 0.0  # when the running stretch of the countdown began
        self._used = 0.0  # seconds used in earlier stretches (before a pause)
        self._extra = 0.0  # seconds the facilitator added to this turn
        self._paused_at: float | None = None

    # --- reading ---------------------------------------------------------------

    @property
    def turn(self) -> Hashable | None:
        """The turn being timed (whatever the caller passed to ``start``)."""
        return self._turn

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    @property
    def enabled(self) -> bool:
        return self.limit is not None

    def elapsed(self, now: float) -> float:
        """Seconds of this turn used so far; a pause does not count."""
        if self._turn is None:
            return 0.0
        running = 0.0 if self._paused_at is not None else max(0.0, now - self._since)
        return self._used + running

    def remaining(self, now: float) -> float | None:
        """Seconds left of this turn (never below 0), or None when there is no timer."""
        if self.limit is None:
            return None
        return max(0.0, self.limit + self._extra - self.elapsed(now))

    def expired(self, now: float) -> bool:
        """True when a timer is set, a turn is being timed, and its time is up."""
        left = self.remaining(now)
        return left is not None and self._turn is not None and left <= 0.0

    # --- changing --------------------------------------------------------------

    def start(self, turn: Hashable | None, now: float) -> bool:
        """Time ``turn`` from ``now`` unless it is already the one timed; True if it restarted.

        ``None`` stops timing (nobody to wait for: the game is over, or a
        computer seat is to move).  A pause outlasts a change of turn: the next
        turn's countdown starts frozen until ``resume``.
        """
        if turn == self._turn:
            return False
        self._turn = turn
        self._used = 0.0
        self._extra = 0.0
        self._since = now
        if self._paused_at is not None:
            self._paused_at = now
        return True

    def pause(self, now: float) -> None:
        """Stop the countdown where it is; pausing twice is harmless."""
        if self._paused_at is None:
            self._used = self.elapsed(now)
            self._paused_at = now

    def resume(self, now: float) -> None:
        """Let the countdown run on from where it was paused."""
        if self._paused_at is not None:
            self._paused_at = None
            self._since = now

    def extend(self, seconds: float) -> None:
        """Give the turn in progress more time (the next turn gets the plain limit)."""
        if not seconds > 0:
            raise ValueError("a turn can only be extended by a positive number of seconds")
        self._extra += seconds

    def set_limit(self, seconds: float | None) -> None:
        """Change the limit for this and later turns (None switches the timer off)."""
        self.limit = check_limit(seconds)
