"""The host's own window as a game controller: the hosted session, as its screens see it.

``HostGame`` stands in for ``LocalGame`` on the teacher's machine while laptops
play: its reads are the session's, and every call first hands the network's
news to the host (``HostedGame.pump``), so the window's main loop is the host's
loop.  The computer seats and the laptops' moves are made by the host as they
come; like a laptop's ``RemoteGame``, ``ComputerMove`` hands the screens the
moves made since they last asked.  A person's move at this window (a ``human``
seat), the facilitator's steps and an undo go through the same session and are
told to every laptop.  The clock and pause are the host's own facilitation.
"""

from __future__ import annotations

from collections.abc import Mapping

from game.engine import Action, ActorView, GameEvent, PublicView
from game.engine.state import OutcomeResult
from game.net.hosting import HostedGame
from game.session.controller import (
    Applied,
    ClockReading,
    ComputerMove,
    FacilitatorStep,
    GameIntent,
    Reloaded,
    Submit,
    TimeUp,
    Undo,
    Upcoming,
)
from game.session.local import LocalGame
from game.session.records import Turn
from game.session.seats import Seat

WAITING = "waiting for the host"


class HostGame:
    """A hosted game on the host's own screens (``GameController``)."""

    def __init__(self, hosted: HostedGame) -> None:
        self.hosted = hosted
        self.host = hosted.host
        self.local = LocalGame(self.host.session, facilitation=self.host.facilitation)
        self.local.now = hosted.clock
        self._handed = len(self.host.session.log)  # moves the screens have been given

    def pump(self) -> None:
        """Hand what the network brought to the host (never waits)."""
        self.hosted.pump(0)

    # --- reading --------------------------------------------------------------------

    def to_move(self) -> str | None:
        self.pump()
        return self.local.to_move()

    def human_to_move(self) -> bool:
        """True when a person at this window is to move (a laptop's seat is waited for)."""
        mover = self.to_move()
        return mover is not None and mover not in self.host.remote and self.local.human_to_move()

    def is_over(self) -> bool:
        self.pump()
        return self.local.is_over()

    def seats(self) -> Mapping[str, Seat]:
        return self.local.seats()

    def public_view(self) -> PublicView:
        self.pump()
        return self.local.public_view()

    def view(self, actor: str) -> ActorView:
        return self.local.view(actor)

    def legal_actions(self, actor: str | None = None) -> tuple[Action, ...]:
        return self.local.legal_actions(actor)

    def undo_actor(self) -> str | None:
        """A person's last move made at this window (a laptop undoes its own)."""
        actor = self.local.undo_actor()
        return actor if actor is not None and actor not in self.host.remote else None

    def deck(self) -> Mapping[str, str]:
        return self.local.deck()

    def opening(self) -> PublicView:
        return self.local.opening()

    def outcome(self) -> OutcomeResult | None:
        return self.local.outcome()

    def turns_since(self, number: int) -> tuple[Turn, ...]:
        return self.local.turns_since(number)

    def events_since(self, number: int) -> tuple[GameEvent, ...]:
        return self.local.events_since(number)

    def clock(self) -> ClockReading:
        return self.local.clock()

    def save_warning(self) -> str | None:
        return self.local.save_warning()

    def save(self) -> None:
        self.local.save()

    def close(self) -> None:
        """Nothing to let go when a screen leaves: the host's screen keeps hosting (it lets
        the session's outside agents go when it stops)."""

    def polls(self) -> bool:
        return False  # a hosted game does not reload its file under the laptops

    def poll(self) -> Reloaded | None:
        return None

    def upcoming(self) -> Upcoming | None:
        return None  # the computer's moves are made by the host as they come, not ahead

    def file_errors(self) -> tuple[str, ...]:
        return ()

    # --- acting ---------------------------------------------------------------------

    def apply(self, intent: GameIntent) -> Applied:
        self.pump()
        if isinstance(intent, ComputerMove | TimeUp):
            # The host moves the computer seats and times out a late delegation itself.
            turns = self.take_new()
            return Applied(intent, turns=turns, refused="" if turns else WAITING)
        if isinstance(intent, Submit) and intent.action.actor in self.host.remote:
            return Applied(intent, refused=f"{intent.action.actor!r} plays from its laptop")
        if isinstance(intent, Undo) and self.undo_actor() is None:
            return Applied(intent, refused="a laptop takes back its own moves")
        session = self.host.session
        before_log, before_transcript = list(session.log), len(session.transcript)
        applied = self.local.apply(intent)
        now = self.hosted.clock()
        if isinstance(intent, Undo) and applied.ok:
            undone = before_log[len(session.log) :]
            self._handed = min(self._handed, len(session.log))
            self.host.publish([], 0, now, undone=undone)
            return applied
        if isinstance(intent, Submit | FacilitatorStep) and applied.turns:
            self.host.publish(applied.turns, before_transcript, now)
            return Applied(intent, turns=self.take_new(), late=applied.late)
        return applied

    def take_new(self) -> tuple[Turn, ...]:
        """The moves made since the screens last asked, oldest first."""
        turns = self.local.turns_since(self._handed)
        self._handed = len(self.host.session.log)
        return turns

    def hand_to_ai(self, actor: str, seat: Seat) -> None:
        """A waiting laptop seat is played by the computer from now on."""
        self.host.hand_to_ai(actor, seat, self.hosted.clock())
