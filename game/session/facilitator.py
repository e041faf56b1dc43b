"""The teacher's controls over a running game: turn timer, pause, and facilitator actions.

Pause and the timer belong to the room, not to the rules, so they live here and
not in the engine; but everything that changes the game (a turn timing out, an
injected card, a bookmark...) is submitted as an engine action, so it is in the
log and a replay of the save reproduces it.  Time comes in as ``now`` from the
caller (see ``game.session.clock``).  The console's PIN is the room's
(``game.ui.screens.classroom``), saved with the game as ``Session.facilitator_pin``.
"""

from __future__ import annotations

from collections.abc import Hashable

from game.engine import Action
from game.engine.actions import (
    FACILITATOR,
    Timeout,
)
from game.session.clock import TurnClock
from game.session.errors import SessionError
from game.session.session import Session, Turn


class Facilitation:
    """A session under a teacher's control: ``tick(now)`` every frame, ``submit`` for the
    facilitator's actions (``facilitator inject/news/bookmark/extend/end-round/end``).

    The turn timer runs only while a person is to move: a computer seat answers
    at once, and the window's pacing of its moves is not the delegation's time.
    When a person's time is up, ``tick`` submits ``Timeout`` for them: they pass.
    While paused the countdown stops and ``step`` lets no computer seat move; the
    front end must not take a delegation's move either.
    """

    def __init__(self, session: Session, *, turn_seconds: float | None = None) -> None:
        self.session = session
        self.clock = TurnClock(turn_seconds)

    # --- reading ----------------------------------------------------------------

    @property
    def paused(self) -> bool:
        return self.clock.paused

    def remaining(self, now: float) -> float | None:
        """Seconds left for the person to move (None: no timer, or nobody is being timed)."""
        self.sync(now)
        return self.clock.remaining(now) if self.clock.turn is not None else None

    # --- time -------------------------------------------------------------------

    def sync(self, now: float) -> None:
        """Restart the countdown if the turn changed since the clock last looked."""
        self.clock.start(self.timed_turn(), now)

    def tick(self, now: float) -> Turn | None:
        """Time out the person to move if their time is up; the ``Timeout`` turn, or None."""
        self.sync(now)
        s = self.session
        mover = s.to_move
        if self.paused or mover is None or not self.clock.expired(now):
            return None
        turn = s.submit(Timeout(mover))
        # A fresh countdown for whoever moves next, even if the turn key did not change.
        self.clock.start(None, now)
        self.sync(now)
        return turn

    def step(self) -> Turn | None:
        """Let a computer seat move, unless the game is paused (then None, like a person's turn)."""
        return None if self.paused else self.session.step()

    def pause(self, now: float) -> None:
        self.sync(now)
        self.clock.pause(now)

    def resume(self, now: float) -> None:
        self.sync(now)
        self.clock.resume(now)

    def extend_turn(self, seconds: float, now: float) -> None:
        """More time for the person to move now (the timer's own extension, not the round's)."""
        self.sync(now)
        self.clock.extend(seconds)

    def replace_session(self, session: Session, now: float) -> None:
        """Control ``session`` from now on (a live reload); pause and limit carry over."""
        self.session = session
        self.clock.start(None, now)
        self.sync(now)

    # --- facilitator actions (each one an engine action in the log) --------------

    def submit(self, action: Action) -> Turn:
        """Apply a facilitator action; a refused one raises ``SessionError`` and changes nothing."""
        if action.actor != FACILITATOR:
            raise SessionError("only facilitator actions go through the facilitator's controls")
        return self.session.submit(action)

    def timed_turn(self) -> Hashable | None:
        """What identifies the turn being timed: None when no person is to move."""
        s = self.session
        mover = s.to_move
        if mover is None or not s.human_to_move:
            return None
        state = s.state
        return (state.round_index, state.turn, state.position, mover)
