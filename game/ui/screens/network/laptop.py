"""A laptop's table: the table of today over a ``RemoteGame``, and rejoining after a drop.

``LaptopTable`` is the table scene reading a game hosted elsewhere; the app's
background work reads the host's frames about ten times a second (the host's
moves arrive by themselves) and, when the connection is lost, the table puts
``RejoinScene`` over itself: "connection lost — rejoining", trying again with
the same seat and PIN in the background until the host takes it back (or the
player leaves).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from game.net.remote_game import RemoteGame
from game.session.controller import ComputerMove
from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Push, Transition
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.label import Label, WrappedText
from game.ui.screens.common import GameSetup
from game.ui.screens.control import SceneResult
from game.ui.screens.network.background import POLL_MS, Task
from game.ui.screens.panel import PanelScene, Row
from game.ui.screens.table.scene import TableScene
from game.ui.screens.table.transcript import game_rows

NET = "net"  # the context's background work: this window's network
RETRY_MS = 2000.0  # between two tries at rejoining


@dataclass(frozen=True, slots=True)
class Rejoined:
    """The rejoin screen closed with the seat taken back."""


@dataclass(frozen=True, slots=True)
class LeftGame:
    """The rejoin screen closed because the player left the game."""


class LaptopTable(TableScene):
    """The table of one delegation (or a spectator) whose game the host keeps."""

    def __init__(self, ctx: Context, setup: GameSetup, game: RemoteGame) -> None:
        self.remote = game
        super().__init__(ctx, setup, viewer=game.seat)
        # The host's frames are read on this thread about ten times a second, whatever
        # screen is on top; a frame is drawn only when they changed something.
        ctx.background[NET] = self.listen

    def listen(self) -> bool:
        """The background work: the host's news; it ends with the game's connection."""
        if self.remote.lost is not None and self.remote.is_over():
            self.ctx.background.pop(NET, None)  # the debrief is here: nothing more will come
            return False
        return bool(self.remote.pump())

    def update(self, dt: float) -> Transition | None:
        if self.remote.lost is not None and not self.remote.is_over():
            self.pacer.stop()
            return Push(RejoinScene(self.ctx, self.remote))
        return super().update(dt)

    def decide_update(self, dt: float) -> SceneResult:
        # The host's moves arrive by themselves, also while this delegation is to move (the
        # facilitator's steps, a timeout at the host): take them as soon as they are here.
        if self.remote.has_news() and not self.pacer.active:
            return ComputerMove()
        return super().decide_update(dt)

    def disconnect(self) -> None:
        self.ctx.background.pop(NET, None)
        self.remote.connection.close()

    def decide_intent(self, intent: Intent) -> SceneResult:
        if intent.source == "leave" and intent.value == "leave.yes":
            self.disconnect()  # the seat waits at the host for a rejoin
        return super().decide_intent(intent)

    def decide_resume(self, result: object) -> SceneResult:
        if isinstance(result, LeftGame):
            self.disconnect()
            return Pop()
        if isinstance(result, Rejoined):  # the host's table may have moved on: read it all
            self.transcript.set_items(game_rows(self.game))
            self.transcript.scroll = self.transcript.max_scroll()
            self.refresh()
            return self.next_step()
        return super().decide_resume(result)


class RejoinScene(PanelScene):
    """Connection lost: rejoin with the same seat and PIN, again and again, in the background."""

    title = "Connection lost"
    width = 640
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        KeyBinding("escape", "leave", "Leave the game (the seat waits at the host)"),
    )

    def __init__(self, ctx: Context, game: RemoteGame) -> None:
        super().__init__(ctx, "rejoin")
        self.game = game
        self.heading = self.add(
            Label("rejoin.title", "Connection lost — rejoining", style="heading", color="warning")
        )
        self.message = self.add(
            WrappedText(
                "rejoin.message",
                f"The host at {game.url} cannot be reached ({game.lost}). The game goes on "
                "there and this seat waits for you; this laptop keeps trying to take it back.",
                color="text_dim",
            )
        )
        self.status = self.add(WrappedText("rejoin.status", "Trying again…", color="text"))
        self.spacer = self.add(Label("rejoin.spacer", ""))
        self.leave = self.add(Button("rejoin.leave", "Leave the game"))
        self.task: Task[None] | None = None
        self.tries = 0
        self.wait = 0.0
        self.stopped = False  # the host closed this seat for good: no more tries
        if game.rejoinable:
            self._start()
        else:
            self._stop(
                f"The host closed this seat: {game.lost}. The game goes on there without "
                "this laptop.",
                "",
            )

    def _stop(self, message: str, status: str) -> None:
        """No more tries: say why, and leave only the way out."""
        self.stopped = True
        self.heading.text = "This laptop is out of the game"
        self.message.text = message
        self.status.text = status

    def head_rows(self) -> list[Row]:
        return [
            [(self.heading, layout.Flex())],
            [(self.message, layout.Flex())],
            [(self.status, layout.Flex())],
        ]

    def foot_rows(self) -> list[Row]:
        return [[(self.spacer, layout.Flex()), (self.leave, self.theme.px(220))]]

    def _start(self) -> None:
        self.tries += 1
        self.task = Task(self.game.reconnect, name="redlines-rejoin")

    def update(self, dt: float) -> Transition | None:
        super().update(dt)
        if self.stopped:
            return None
        if self.task is None:
            self.wait -= dt
            if self.wait <= 0:
                self._start()
            return None
        done = self.task.poll()
        if done is None:
            return None
        self.task = None
        if done.ok:
            return Pop(Rejoined())
        if done.refused:  # a wrong PIN, a seat given away: the same try would be refused
            self._stop(
                f"The host at {self.game.url} would not give this seat back: {done.error}.",
                "Ask the facilitator, then join again from the title screen.",
            )
            self.relayout(self.rect)
            return None
        self.status.text = f"Try {self.tries}: {done.error}. Trying again in a moment…"
        self.relayout(self.rect)
        self.wait = RETRY_MS
        return None

    def wakeup_in(self) -> float | None:
        return POLL_MS

    def on_intent(self, intent: Intent) -> Transition | None:
        return Pop(LeftGame()) if intent.source == "rejoin.leave" else None

    def on_action(self, action: str) -> Transition | None:
        return Pop(LeftGame()) if action == "leave" else None
