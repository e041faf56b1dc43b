"""A game hosted on another machine, as one laptop's screens see it: a ``GameController``.

``RemoteGame`` stands in for ``LocalGame``: it reads the table from the host's
frames (``Mirror``) and turns the screens' intents into frames.  The person at
this laptop plays one delegation, so ``human_to_move`` is True only when that
delegation is to move; every other move (another laptop's, the computer's) is
made at the host and arrives by itself, and a ``ComputerMove`` intent hands the
screens whatever has arrived.  The clock, pause and the facilitator's steps
belong to the host: asked of a laptop, they are refused with the reason.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable, Mapping

from game import engine
from game.engine import Action, ActorView, GameEvent, PublicView
from game.engine.state import OutcomeResult
from game.net.client import Closed, Connection, NetError
from game.net.mirror import Change, HostFrameError, Mirror, RemoteTurn, seat_of_kind
from game.net.protocol import Act, Join
from game.net.protocol import Undo as UndoFrame
from game.session.controller import (
    Applied,
    ClockReading,
    ComputerMove,
    GameController,
    GameIntent,
    Reloaded,
    Submit,
    Undo,
    Upcoming,
)
from game.session.errors import SessionError
from game.session.records import LogEntry, Turn
from game.session.seats import Seat, SeatKind

ANSWER_SECONDS = 5.0  # how long a move waits for the host's answer before it is given up
HOST_KEEPS = "the host's facilitator keeps the clock and the game's course"
# Fatal error codes after which this laptop does not try to take its seat back.
FINAL = frozenset({"replaced", "locked-out"})


class RemoteGame:
    """One seat (or a spectator) of a hosted game, behind the game controller protocol."""

    def __init__(
        self,
        connection: Connection,
        mirror: Mirror,
        *,
        now: Callable[[], float] = time.monotonic,
        answer_seconds: float = ANSWER_SECONDS,
    ) -> None:
        self.connection = connection
        self.mirror = mirror
        self.now = now
        self.answer_seconds = answer_seconds
        self.lost: str | None = None  # why the connection ended, once it has
        # False once the host closed this seat for good (the facilitator gave it to the
        # computer, or it joined from another laptop): rejoining would only be refused,
        # or take the seat back from that other laptop, again and again.
        self.rejoinable = True
        self._closing: str | None = None  # the host's last word before it closed
        self._handed = len(mirror.turns)  # moves the screens have been given
        self._prompted_at = now()

    @classmethod
    def join(cls, url: str, join: Join) -> RemoteGame:
        """Connect and join; ``NetError`` (one clean message) when the host says no."""
        connection = Connection(url, join)
        return cls(connection, _mirror(connection))

    def reconnect(self) -> None:
        """Join again with the same seat and PIN after a drop (blocking: call it off the
        window's thread); the screens keep this object and read the fresh table from it.
        ``NetError`` when the host cannot be reached or says no."""
        connection = Connection(self.connection.url, self.connection.join)
        mirror = _mirror(connection)
        self.connection, self.mirror, self.lost = connection, mirror, None
        self._closing = None
        # The screens read the whole table again after a rejoin (the moves made meanwhile too).
        self._handed = len(mirror.turns)
        self._prompted_at = self.now()

    @property
    def url(self) -> str:
        return self.connection.url

    @property
    def seat(self) -> str | None:
        return self.mirror.seat

    def has_news(self) -> bool:
        """Whether moves arrived that the screens have not been handed yet (a ``ComputerMove``
        hands them over), or the end of the game."""
        return len(self.mirror.turns) > self._handed or (
            self.mirror.table.over and self.mirror.result is not None
        )

    def debrief_data(self, wait: float = 0.0) -> object:
        """The debrief the host sent in ``over`` (JSON; None without one), waiting up to
        ``wait`` seconds for that frame when the table already says the game is over."""
        deadline = self.now() + wait
        while self.mirror.result is None and self.lost is None and self.now() < deadline:
            self.pump(wait=deadline - self.now())
        return self.mirror.result.debrief if self.mirror.result is not None else None

    # --- news from the host --------------------------------------------------------

    def pump(self, wait: float = 0.0) -> list[Change]:
        """Bring the mirror up to date with what has arrived (waiting up to ``wait`` s)."""
        changes: list[Change] = []
        deadline = self.now() + wait
        while True:
            timeout = max(0.0, deadline - self.now())
            try:
                incoming = (
                    self.connection.frames.get(timeout=timeout)
                    if timeout > 0
                    else self.connection.frames.get_nowait()
                )
            except queue.Empty:
                return changes
            if isinstance(incoming, Closed):
                self.lost = self._closing or incoming.reason
                return changes
            try:
                change = self.mirror.apply(incoming)
            except HostFrameError as exc:  # a host speaking nonsense: lost, not a traceback
                self.lost = str(exc)
                self.connection.close()
                return changes
            if change.kind == "your-move":
                self._prompted_at = self.now()
            if change.kind == "error" and change.fatal:
                self._closing = change.message
                self.rejoinable = change.code not in FINAL
            changes.append(change)
            if wait > 0:
                return changes  # the caller looks at each change as it comes

    # --- reading --------------------------------------------------------------------

    def to_move(self) -> str | None:
        self.pump()
        return None if self.mirror.table.over else self.mirror.table.to_move

    def human_to_move(self) -> bool:
        """True when the person at this laptop is to move (every other mover is remote)."""
        mover = self.to_move()
        # Its legal moves come in the host's prompt, just after the update that names it.
        return mover is not None and mover == self.mirror.seat and bool(self.mirror.legal)

    def is_over(self) -> bool:
        # Over for this laptop once the host's ``over`` frame (outcome, scores, the
        # reveal) has arrived, not at the update that ended the game just before it: a
        # screen that sees "over" asks for the outcome next.
        self.pump()
        return self.mirror.table.over and self.mirror.result is not None

    def seats(self) -> Mapping[str, Seat]:
        return {actor: seat_of_kind(kind) for actor, kind in self.mirror.kinds.items()}

    def public_view(self) -> PublicView:
        self.pump()
        return self.mirror.table

    def view(self, actor: str) -> ActorView:
        view = self.mirror.view
        if view is None or actor != self.mirror.seat:
            raise SessionError(f"this laptop sees only its own delegation's view, not {actor!r}")
        return view

    def legal_actions(self, actor: str | None = None) -> tuple[Action, ...]:
        self.pump()
        who = actor if actor is not None else self.to_move()
        if who is None or who != self.mirror.seat or self.mirror.table.to_move != who:
            return ()
        return tuple(move.action for move in self.mirror.legal)

    def undo_actor(self) -> str | None:
        """This delegation, when its move is the last a person made (as the host judges it)."""
        for turn in reversed(self.mirror.turns):
            if turn.actor == engine.FACILITATOR:
                return None
            if turn.by == str(SeatKind.HUMAN):
                return turn.actor if turn.actor == self.mirror.seat else None
        return None

    def deck(self) -> Mapping[str, str]:
        return {}  # the facilitator's deck is on the host

    def opening(self) -> PublicView:
        opening = self.mirror.opening
        return opening if opening is not None else self.mirror.table

    def outcome(self) -> OutcomeResult | None:
        self.pump()
        result = self.mirror.result
        if result is None or result.outcome is None:
            return None
        return OutcomeResult(result.outcome, result.label, result.why, result.passed_over)

    def turns_since(self, number: int) -> tuple[Turn, ...]:
        self.pump()
        return tuple(_turn(t) for t in self.mirror.turns[max(0, number) :])

    def events_since(self, number: int) -> tuple[GameEvent, ...]:
        self.pump()
        return tuple(self.mirror.table.log[max(0, number) :])

    def clock(self) -> ClockReading:
        seconds = self.mirror.seconds
        if seconds is None or not self.human_to_move():
            return ClockReading()
        return ClockReading(False, max(0.0, seconds - (self.now() - self._prompted_at)))

    def save_warning(self) -> str | None:
        return None  # the host saves every move; a lost connection is ``lost`` (the window
        # says "connection lost — rejoining" over the table), not a failed save

    def _lost_reason(self) -> str | None:
        return f"the connection to the host was lost: {self.lost}" if self.lost else None

    def save(self) -> None:
        """Nothing to write here: the host saves every move."""

    def close(self) -> None:
        """Nothing to let go here: the host runs the agents, and the connection is the
        joining screen's."""

    def polls(self) -> bool:
        return False

    def poll(self) -> Reloaded | None:
        return None

    def upcoming(self) -> Upcoming | None:
        return None  # the computer's moves are made by the host as they come, not ahead

    def file_errors(self) -> tuple[str, ...]:
        return ()

    # --- acting ---------------------------------------------------------------------

    def apply(self, intent: GameIntent) -> Applied:
        if self.lost is not None:
            return Applied(intent, refused=f"the connection to the host was lost: {self.lost}")
        if isinstance(intent, Submit):
            if intent.action.actor != self.mirror.seat:
                return Applied(intent, refused=f"this laptop plays {self.mirror.seat!r}")
            self.connection.send(Act(engine.format_action(intent.action)))
            return self._answer(intent)
        if isinstance(intent, Undo):
            self.connection.send(UndoFrame())
            return self._answer(intent)
        if isinstance(intent, ComputerMove):
            self.pump()
            turns = self._new_turns()
            return Applied(intent, turns=turns, refused="" if turns else "waiting for the host")
        return Applied(intent, refused=HOST_KEEPS)

    def _answer(self, intent: Submit | Undo) -> Applied:
        """Wait for the host's answer to a move or an undo: its update, or its refusal."""
        deadline = self.now() + self.answer_seconds
        undone = 0
        while self.now() < deadline and self.lost is None:
            for change in self.pump(wait=deadline - self.now()):
                if change.kind in ("refused", "error"):
                    return Applied(intent, refused=change.message)
                if change.kind == "update" and change.undone and isinstance(intent, Undo):
                    undone = len(change.undone)
                    self._handed = min(self._handed, len(self.mirror.turns))
                    return Applied(intent, undone=undone)
                if change.kind == "update" and any(
                    t.actor == self.mirror.seat for t in change.turns
                ):
                    return Applied(intent, turns=self._new_turns())
        return Applied(intent, refused=self._lost_reason() or "the host did not answer in time")

    def _new_turns(self) -> tuple[Turn, ...]:
        turns = tuple(_turn(t) for t in self.mirror.turns[self._handed :])
        self._handed = len(self.mirror.turns)
        return turns


def _mirror(connection: Connection) -> Mirror:
    welcome = connection.open()
    try:
        return Mirror.from_welcome(welcome)
    except HostFrameError as exc:
        connection.close()
        raise NetError(str(exc)) from None


def _turn(turn: RemoteTurn) -> Turn:
    # The rationale stays at the host until the debrief: a remote turn has none.
    entry = LogEntry(
        engine.parse_action(turn.action, check_text=False), SeatKind(turn.by), "", turn.remark
    )
    return Turn(turn.number, entry, turn.action, turn.events)


def connect_game(url: str, join: Join) -> GameController:
    """A laptop's game controller for a hosted game (what a join screen opens)."""
    return RemoteGame.join(url, join)
