"""The room's side of a window: turn timer, facilitator PIN, scenario watcher and the clock.

One ``Classroom`` per app context, kept beside the context (not in it) so that
the UI kit knows nothing of classrooms.  The table and the facilitator console
share it, and reach the running game only through its controller; ``now`` is
the time source (``time.monotonic``; tests put a fake one in, so no test sleeps).
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from game.session.controller import ClockReading
from game.session.local import LocalGame
from game.session.lockout import PinLockout
from game.session.pins import PinHash
from game.session.session import Session
from game.session.watch import ScenarioWatcher
from game.ui.kit.context import Context

URGENT_SECONDS = 10.0  # the countdown turns red for the last seconds of a turn
# The lengths the seats screen and the console offer (None: no timer).
TIMER_CHOICES: tuple[float | None, ...] = (None, 20, 30, 40, 45, 60, 90, 120, 180, 300)


def timer_label(seconds: float | None) -> str:
    """``Off``, ``40 s``, ``2 min``."""
    if seconds is None:
        return "Off"
    if seconds >= 60 and seconds % 60 == 0:
        return f"{seconds / 60:g} min"
    return f"{seconds:g} s"


def timer_options(current: float | None) -> tuple[list[tuple[object, str]], int]:
    """(value, label) options for a timer stepper, with ``current`` among them, and its index."""
    numbers = [float(v) for v in TIMER_CHOICES if v is not None]
    if current is not None and current not in numbers:
        numbers = sorted([*numbers, current])
    values: list[float | None] = [None, *numbers]
    return [(v, timer_label(v)) for v in values], values.index(current)


def countdown_text(seconds: float) -> str:
    """``0:35`` for what is left of a turn (rounded up: 0:00 only when the time is up)."""
    whole = int(-(-seconds // 1))
    return f"{whole // 60}:{whole % 60:02d}"


def clock_text(reading: ClockReading) -> tuple[str, bool]:
    """The countdown as the table shows it, and whether it is urgent ("" when there is none)."""
    if reading.paused:
        return "PAUSED", False
    left = reading.remaining
    if left is None:
        return "", False
    return f"{countdown_text(left)} left", left <= URGENT_SECONDS


def ms_to_next_second(left: float) -> float:
    """Milliseconds until a countdown showing ``left`` seconds (rounded up) changes its digits."""
    fraction = left - int(left)
    return max(1.0, (fraction if fraction > 0 else 1.0) * 1000 + 5)


@dataclass
class Classroom:
    """What the facilitator set for this window, and the game it runs now."""

    turn_seconds: float | None = None
    pin: PinHash | None = None
    watcher: ScenarioWatcher | None = None
    now: Callable[[], float] = time.monotonic
    game: LocalGame | None = field(default=None, repr=False)
    # Wrong console PINs cost time; it reads ``now`` late, so a test's fake clock counts.
    lockout: PinLockout = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.lockout = PinLockout(now=self._clock)

    def _clock(self) -> float:
        return self.now()

    def attach(self, game: LocalGame) -> LocalGame:
        """Run ``game`` in this room: its timer, this room's clock, and the watched file
        if the game plays it.

        The console's PIN is saved with the game: a game that has one brings it into
        the room (a resumed game asks for it again); a game without one takes the room's.
        """
        if self.game is not game:
            session = game.session
            if session.facilitator_pin is not None:
                self.pin = session.facilitator_pin
            elif self.pin is not None:
                session.facilitator_pin = self.pin
                session.persist()  # the autosave carries it before the first move
            game.now = lambda: self.now()  # noqa: PLW0108 (read late: a test may swap the clock)
            game.facilitation.clock.set_limit(self.turn_seconds)
            game.watcher = self.watcher if self.watches(game.session) else None
            self.game = game
        return game

    def set_turn_seconds(self, seconds: float | None) -> None:
        """The timer for the next games (None: off); the running game's is an intent to it."""
        self.turn_seconds = seconds

    def set_pin(self, pin: PinHash | None) -> None:
        """Protect the console with ``pin`` from now on (None: no PIN)."""
        self.pin = pin
        if self.game is not None:
            session = self.game.session
            session.facilitator_pin = pin
            session.persist()  # saved now: a game killed before its next move keeps it

    def check_pin(self, pin: str) -> bool:
        """True when ``pin`` opens the console (always, when none is set)."""
        return self.pin is None or self.pin.check(pin)

    def watches(self, session: Session) -> bool:
        """Whether ``session`` plays the file being watched (another scenario is not reloaded)."""
        path = session.loaded.path
        if self.watcher is None or path is None:
            return False
        return _same(Path(path), self.watcher.path)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


_ROOMS: weakref.WeakKeyDictionary[Context, Classroom] = weakref.WeakKeyDictionary()


def classroom_of(ctx: Context) -> Classroom:
    """The window's classroom settings (a default one the first time)."""
    room = _ROOMS.get(ctx)
    if room is None:
        room = Classroom()
        _ROOMS[ctx] = room
    return room


def install(ctx: Context, room: Classroom) -> Classroom:
    """Use ``room`` for this window (``run_game`` does, with the command line's options)."""
    _ROOMS[ctx] = room
    return room
