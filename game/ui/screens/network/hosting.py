"""The host's screen, for the projector: the table's tension and transcript, who has joined,
and how to join (the address, a short join code and a QR code of the address).

The window's main loop is the host's loop: the context's background work hands
the network's news to the host about ten times a second, whatever screen is on
top (the table, the console), and this screen shows what came of it.  Nothing
private is on it.  The facilitator's console works here as at a local table
(F9, PIN and all), and a laptop seat still waiting can be given to an AI
delegate.  Delegations played at this screen (``human`` seats) play at the
table (T), behind the usual hand-over.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import pygame

from game.net import invite
from game.net.host_game import HostGame
from game.net.hosting import HostedGame
from game.session.records import Turn
from game.session.seats import Seat, SeatKind
from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.dialog import Dialog
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Push, Scene, Transition
from game.ui.kit.sound import cue_for
from game.ui.kit.widgets.base import draw_box
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.label import Label, WrappedText
from game.ui.kit.widgets.scrollpanel import ScrollPanel
from game.ui.screens.backdrop import Backdrop
from game.ui.screens.classroom import classroom_of, clock_text
from game.ui.screens.common import GameSetup, actor_colour, adjective, short_name
from game.ui.screens.console import CONSOLE_KEYS, ConsoleDone, open_console
from game.ui.screens.network.laptop import NET
from game.ui.screens.network.qr import QrCode
from game.ui.screens.table.board import BoardView
from game.ui.screens.table.scene import TableScene
from game.ui.screens.table.topbar import TopBar
from game.ui.screens.table.transcript import TranscriptView, game_rows, rows_of_turns
from game.ui.screens.widgets.chips import Swatch

STATE_WORDS = {  # short: the projector's roster at a large text size
    "joined": ("joined", "ok"),
    "waiting": ("waiting", "warning"),
    "dropped": ("dropped", "danger"),
}


class HostTable(TableScene):
    """The table at the host: the delegations played at this screen move here."""

    def __init__(self, ctx: Context, hosted: HostedGame) -> None:
        game = HostGame(hosted)  # its own count of the moves it has shown
        super().__init__(ctx, GameSetup(game.local.session, game, local=game.local))


class HostScene(Scene):
    """The projector's view of a hosted game, and the host's controls."""

    title = "Hosting a classroom game"
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        KeyBinding("t", "host.table", "Open the table (delegations played at this screen)"),
        KeyBinding("b", "host.view", "Show the board of proposals or the transcript"),
        KeyBinding("d", "host.debrief", "The debrief, once the game is over"),
        *CONSOLE_KEYS,
        KeyBinding("escape", "host.stop", "Stop hosting"),
    )

    def __init__(self, ctx: Context, hosted: HostedGame) -> None:
        super().__init__(ctx)
        self.hosted = hosted
        self.game = HostGame(hosted)
        session = self.game.local.session
        self.setup = GameSetup(session, self.game, local=self.game.local)
        classroom_of(ctx).attach(self.game.local)  # the console's timer and PIN are the host's
        ctx.autosave = self.game.save
        ctx.background[NET] = self.pump
        self.debriefed = False
        self.compact = False
        self._seen: tuple[object, ...] = ()
        self.address = hosted.address
        self.code = invite.join_code(self.address) or ""
        pv = self.game.public_view()
        self.backdrop = Backdrop()
        self.join_box = pygame.Rect(0, 0, 0, 0)
        self.board_frame = pygame.Rect(0, 0, 0, 0)
        self.topbar = self.add(TopBar("host.top"))
        self.topbar.set_view(pv, self.game.opening().trackers.tension)
        self.join_head = self.add(
            Label("host.join.head", "JOIN THIS GAME", style="overline", color="accent")
        )
        self.address_label = self.add(Label("host.address", self.address, style="subheading"))
        code = f"Join code  {self.code}" if self.code else "No join code (not an IPv4 address)"
        self.code_label = self.add(Label("host.code", code, style="label"))
        self.qr = self.add(QrCode("host.qr", self.address))
        self.how = self.add(
            WrappedText(
                "host.how",
                "On each laptop: Join a game on this network, or "
                f"redlines join {self.address} --seat ID",
                style="caption",
                color="text_dim",
            )
        )
        self.seats_head = self.add(
            Label("host.seats.head", "DELEGATIONS", style="overline", color="accent")
        )
        self.rows: list[tuple[str, Swatch, Label, Button]] = []
        for actor in session.scenario.playable:
            swatch = self.add(
                Swatch(
                    f"host.seat.{actor.id}",
                    short_name(pv, actor.id),
                    actor_colour(self.theme, pv, actor.id),
                )
            )
            state = self.add(Label(f"host.seat.{actor.id}.state", "", style="caption"))
            give = self.add(
                Button(
                    f"host.ai.{actor.id}",
                    "Give to AI",
                    tooltip="An AI delegate plays this seat from now on (its laptop cannot rejoin)",
                )
            )
            self.rows.append((actor.id, swatch, state, give))
        self.spectators = self.add(Label("host.spectators", "", style="caption", color="text_dim"))
        self.board_panel = self.add(ScrollPanel("host.board"))
        self.board = self.board_panel.add(BoardView("host.board.view"))  # public: no own view
        self.board_panel.visible = False
        self.transcript = self.add(TranscriptView("host.transcript", pv))
        self.transcript.set_items(game_rows(self.game))
        self.game.take_new()  # shown above
        self.status = self.add(Label("host.status", "", color="text_dim"))
        self.view_button = self.add(Button("host.view", "Board"))
        self.table_button = self.add(Button("host.table", "Open the table"))
        self.console_button = self.add(Button("host.console", "Console (F9)"))
        self.debrief_button = self.add(Button("host.debrief", "Debrief", enabled=False))
        self.stop_button = self.add(Button("host.stop", "Stop hosting"))
        self.refresh()

    # -- the host's loop -----------------------------------------------------------------
    def pump(self) -> bool:
        """The background work: the network's news to the host; True when there was some."""
        self.game.pump()
        return self._picture() != self._seen

    def _picture(self) -> tuple[object, ...]:
        host = self.hosted.host
        seats = tuple(host.seat_state(a) for a, *_ in self.rows)
        # The clock as shown (whole seconds): a running timer redraws once a second, not at
        # every look at the network.
        return (len(host.session.log), seats, host.spectators, clock_text(self.game.clock()))

    def refresh(self) -> None:
        """Read the game and the roster again."""
        host = self.hosted.host
        pv = self.game.public_view()
        self.transcript.pv = pv
        self.board.set_view(pv)
        if self.board_panel.rect.width:
            self._arrange_board()
        self.topbar.set_view(pv)
        self.topbar.set_clock(*clock_text(self.game.clock()))
        for actor, _, state, give in self.rows:
            kind = host.seat_state(actor)
            words, colour = STATE_WORDS.get(kind, (_seat_words(kind), "text_dim"))
            state.text, state.color = words, colour
            give.visible = kind in ("waiting", "dropped") and not pv.over
        watching = host.spectators
        self.spectators.text = f"{watching} watching" if watching else "Nobody watching yet"
        self.status.text = self.status_text()
        self.debrief_button.enabled = self.game.is_over()
        self._seen = self._picture()

    def focus_first(self) -> None:
        self.focus(None)  # no ring on the projector until someone uses the keyboard

    def status_text(self) -> str:
        if self.game.is_over():
            return "The talks are over: the debrief is on every laptop."
        pv = self.game.public_view()
        mover = pv.to_move
        if mover is None:
            return ""
        if self.game.clock().paused:
            return "Paused by the facilitator."
        who = f"the {adjective(pv, mover)} delegation"
        state = self.hosted.host.seat_state(mover)
        if state in ("waiting", "dropped"):
            return f"Waiting for {who}: its laptop is not connected"
        if state == "joined":
            return f"Waiting for {who} (on its laptop)"
        if self.game.human_to_move():
            return f"{who.capitalize()} plays at this screen: open the table (T)"
        return f"{short_name(pv, mover)} is considering its move…"

    def update(self, dt: float) -> Transition | None:
        super().update(dt)
        turns = self.game.take_new()
        if turns:
            self.show(turns)
        elif self._picture() != self._seen:
            self.refresh()
        if self.game.is_over() and not self.debriefed:
            return self.debrief()
        return None

    def show(self, turns: Sequence[Turn]) -> None:
        pv = self.game.public_view()
        self.ctx.sound.play(cue_for(e for t in turns for e in t.events))
        for row in rows_of_turns(pv, turns):
            self.transcript.append(row)
        self.refresh()

    # -- commands ------------------------------------------------------------------------
    def debrief(self) -> Transition | None:
        from game.ui.screens.debrief import DebriefScene

        if not self.game.is_over():
            return None
        self.debriefed = True
        return Push(DebriefScene(self.ctx, self.setup))

    def give_to_ai(self, actor: str) -> None:
        self.game.hand_to_ai(actor, Seat(SeatKind.AI))
        self.refresh()

    def stop(self) -> Transition:
        self.ctx.background.pop(NET, None)
        self.game.save()
        self.hosted.stop()
        self.game.local.close()  # no outside agent's program outlives the hosted game
        self.ctx.autosave = None
        return Pop()

    def ask_stop(self) -> Transition:
        text = (
            "The laptops lose the game. It is kept in its autosave: "
            "redlines host --resume carries it on."
        )
        if self.game.is_over():
            text = "The game is over; the laptops keep their debrief."
        buttons = [("stop.yes", "Stop hosting"), ("stop.no", "Keep hosting")]
        return Push(Dialog(self.ctx, "stop", "Stop hosting?", text, buttons, cancel="stop.no"))

    def toggle_view(self) -> None:
        """The right of the screen: the transcript, or the board of proposals."""
        board = not self.board_panel.visible
        self.view_button.text = "Transcript" if board else "Board"
        self.board_panel.visible = board
        self.relayout(self.rect)

    def _arrange_board(self) -> None:
        width = self.board_panel.content_width()
        self.board.rect = pygame.Rect(0, 0, width, self.board.height_for(width))
        self.board_panel.arrange()

    def run(self, command: str) -> Transition | None:
        if command == "host.view":
            self.toggle_view()
            return None
        if command == "host.table":
            return Push(HostTable(self.ctx, self.hosted))
        if command == "host.console":
            return open_console(self.ctx, self.game)
        if command == "host.debrief":
            return self.debrief()
        if command == "host.stop":
            return self.ask_stop()
        if command.startswith("host.ai."):
            self.give_to_ai(command.removeprefix("host.ai."))
        return None

    def on_intent(self, intent: Intent) -> Transition | None:
        if intent.source == "stop":
            return self.stop() if intent.value == "stop.yes" else None
        return self.run(intent.source) if intent.kind == "click" else None

    def on_action(self, action: str) -> Transition | None:
        return self.run("host.console" if action == "console" else action)

    def on_resume(self, result: object) -> Transition | None:
        if NET in self.ctx.background:  # still hosting
            self.ctx.autosave = self.game.save  # the table or the debrief let it go on leaving
        if isinstance(result, ConsoleDone) and result.turns:
            self.show(tuple(result.turns))
        if self.game.is_over():
            self.debriefed = True  # the table or this screen has shown it
        self.transcript.set_items(game_rows(self.game))  # the table may have shown moves
        self.transcript.scroll = self.transcript.max_scroll()
        self.game.take_new()
        self.refresh()
        return None

    # -- layout and drawing --------------------------------------------------------------
    def layout(self, rect: pygame.Rect) -> None:
        from game.ui.screens.table.arrange import top_height

        t = self.theme
        gap = t.space("md")
        h = t.control_height()
        top, body, foot = layout.column(rect, [top_height(t), layout.Flex(), h + 2 * gap])
        self.topbar.rect = top
        body = layout.pad(body, gap)
        # A small window (a large text size on a projector): how to join beside who has
        # joined, without the transcript (the laptops show it) or the status line.
        self.compact = body.width < t.px(900) or body.height < t.px(420)
        board = self.view_button.text == "Transcript"  # the board is shown
        self.status.visible = self.view_button.visible = not self.compact
        self.transcript.visible = not self.compact and not board
        self.board_panel.visible = not self.compact and board
        if self.compact:
            self.join_box = body
            join, seats = layout.row(
                layout.pad(body, t.space("md")), [layout.Flex(), layout.Flex(1.2)], gap
            )
        else:
            side_w = max(t.px(300), min(t.px(420), body.width * 2 // 5))
            self.join_box, self.transcript.rect = layout.row(body, [side_w, layout.Flex()], gap)
            self.board_frame = pygame.Rect(self.transcript.rect)
            self.board_panel.rect = layout.pad(self.board_frame, t.space("sm"))
            self._arrange_board()
            join = layout.pad(self.join_box, t.space("md"))
            seats = join
        self._place_join(join, seats)
        self._place_foot(foot)
        self.transcript.follow()

    def _place_join(self, join: pygame.Rect, seats: pygame.Rect) -> None:
        """How to join in ``join``; who has joined under it, or in ``seats`` beside it."""
        t = self.theme
        seat_h = max(t.line_height("label"), t.control_height())
        how: list[layout.Size] = [
            t.line_height("overline"),
            t.line_height("subheading"),
            t.line_height("label"),
            layout.Flex(),
            self.how.height_for(join.width),
        ]
        who: list[layout.Size] = [
            t.line_height("overline") + t.space("md"),  # a gap above the delegations
            *([seat_h] * len(self.rows)),
            t.line_height("caption"),
        ]
        if seats is join:
            boxes = layout.column(join, [*how, *who], t.space("xs"))
        else:
            boxes = layout.column(join, how, t.space("xs"))
            boxes += layout.column(seats, [*who[:-1], layout.Flex(), who[-1]], t.space("xs"))
            del boxes[-2]  # the room left over, above the spectators' line
        self.join_head.rect, self.address_label.rect, self.code_label.rect = boxes[:3]
        self.qr.rect, self.how.rect, seats_head = boxes[3:6]
        self.seats_head.rect = seats_head.inflate(0, -t.space("md")).move(0, t.space("md") // 2)
        give_w = max(t.px(110), self.rows[0][3].preferred_size()[0]) if self.rows else 0
        for (_, swatch, state, give), box in zip(self.rows, boxes[6:-1], strict=True):
            swatch.rect, state.rect, give.rect = layout.row(
                box, [layout.Flex(1), layout.Flex(1.4), give_w], t.space("sm")
            )
        self.spectators.rect = boxes[-1]

    def _place_foot(self, foot: pygame.Rect) -> None:
        t = self.theme
        buttons = (
            self.view_button,
            self.table_button,
            self.console_button,
            self.debrief_button,
            self.stop_button,
        )
        widths = [max(t.px(110), b.preferred_size()[0]) if b.visible else 0 for b in buttons]
        row = layout.row(
            layout.pad(foot, t.space("md"), t.space("sm")),
            [layout.Flex(), *widths],
            t.space("sm"),
        )
        self.status.rect = row[0]
        for button, box in zip(buttons, row[1:], strict=True):
            button.rect = box

    def draw_background(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.theme)
        draw_box(surface, self.theme, self.join_box, "surface", radius="lg")
        if self.board_panel.visible:
            draw_box(surface, self.theme, self.board_frame, "surface", radius="sm")


def _seat_words(kind: str) -> str:
    """A seat that is not a laptop's, as the roster says it (``ai:hard`` -> AI delegate (hard))."""
    if kind == "human":
        return "played at this screen"
    name, _, level = kind.partition(":")
    if name == "ai":
        return f"AI delegate ({level})" if level else "AI delegate"
    return f"{name} delegate" + (f" ({level})" if level else "")
