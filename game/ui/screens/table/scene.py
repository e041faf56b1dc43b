"""The negotiation table: the scene that drives a game from its first move to the debrief.

It reads the public view (and the viewer's own view in its forms), submits
people's moves through the session, paces the AI delegates' moves, and hands
control over between human delegations behind a hand-over screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import pygame

from game import engine
from game.engine import Action, EventKind, PublicView, WalkOut
from game.engine.actions import PLAYER_ACTIONS
from game.session.errors import SessionError
from game.session.seats import Difficulty, SeatKind
from game.session.session import Session, Turn
from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.dialog import Dialog
from game.ui.kit.intent import Intent, Pop, Push, Replace, Transition
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Scene
from game.ui.kit.sound import cue_for
from game.ui.kit.widgets.base import draw_box
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.scrollpanel import ScrollPanel
from game.ui.screens.common import GameSetup, adjective, current_round, short_name
from game.ui.screens.console import CONSOLE_KEYS, ConsoleDone, open_console
from game.ui.screens.pacing import Pacer, pace_ms
from game.ui.screens.table import arrange, commands
from game.ui.screens.table.actionbar import ActionBar
from game.ui.screens.table.board import BoardView
from game.ui.screens.table.delegations import DelegationsPanel
from game.ui.screens.table.howto import HowToPlay
from game.ui.screens.table.room import TableRoom
from game.ui.screens.table.topbar import TopBar
from game.ui.screens.table.transcript import TranscriptView, rows_of_turns, session_rows

TABS = (
    ("move", "Act"),
    ("board", "Board"),
    ("transcript", "Transcript"),
    ("delegations", "Delegations"),
)
_FORMS = {"propose", "statement", "threaten", "carry"}


class TableScene(Scene):
    """The table for one game; ``viewer`` is the human delegation whose screen this is now."""

    title = "The table"
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        KeyBinding("space", "skip", "Show the AI delegates' moves at once"),
        KeyBinding("ctrl+z", "undo", "Undo your last move"),
        KeyBinding("p", "propose", "Propose a package"),
        KeyBinding("a", "accept", "Accept the chosen proposal"),
        KeyBinding("r", "reject", "Reject the chosen proposal"),
        KeyBinding("s", "statement", "Make a public statement"),
        KeyBinding("t", "threaten", "Threaten with a lever"),
        KeyBinding("c", "carry", "Carry out a lever"),
        KeyBinding("w", "walkout", "Walk out of this round"),
        KeyBinding("n", "pass", "Pass this turn"),
        KeyBinding("b", "briefing", "Read your briefing again"),
        KeyBinding("h", "hint", "Ask an easy AI delegate what it would take"),
        KeyBinding("1", "tab.move", "Show your actions (narrow windows)"),
        KeyBinding("2", "tab.board", "Show the board (narrow windows)"),
        KeyBinding("3", "tab.transcript", "Show the transcript (narrow windows)"),
        KeyBinding("4", "tab.delegations", "Show the delegations (narrow windows)"),
        KeyBinding("f2", "how-to-play", "How to play: the table in six steps"),
        KeyBinding("escape", "menu", "Leave the table (the game is saved)"),
        *CONSOLE_KEYS,
    )

    def __init__(self, ctx: Context, setup: GameSetup, viewer: str | None = None) -> None:
        super().__init__(ctx)
        self.setup = setup
        self.session = setup.session
        humans = setup.humans
        self.viewer = viewer if viewer is not None else (humans[0] if len(humans) == 1 else None)
        self.pacer = Pacer(pace_ms(ctx.settings.ai_pace))
        self.pv: PublicView = engine.public_view(self.session.state)
        self.compact = False
        self.board_frame = pygame.Rect(0, 0, 0, 0)
        self.tab = "board"
        self._check = True  # decide what happens next on the first update
        self.topbar = self.add(TopBar("table.top"))
        self.tabs = [self.add(Button(f"table.tab.{key}", text)) for key, text in TABS]
        self.delegations = self.add(DelegationsPanel("table.delegations"))
        self.board_panel = self.add(ScrollPanel("table.board"))
        self.board = self.board_panel.add(BoardView("table.board.view"))
        self.transcript = self.add(TranscriptView("table.transcript", self.pv))
        self.transcript.set_items(session_rows(self.session))
        self.transcript.scroll = self.transcript.max_scroll()
        self.bar = ActionBar(self)
        self.room = TableRoom(self)
        ctx.autosave = self.session.persist
        self.refresh()

    # -- state -------------------------------------------------------------------------
    def viewer_moves(self) -> bool:
        """Whether the delegation to move is a person and its screen is showing."""
        return self.session.human_to_move and self.session.to_move == self.viewer

    def undo_allowed(self) -> bool:
        """Undo only the viewer's own last move (never another delegation's, in hot-seat)."""
        if self.viewer is None or self.room.paused:
            return False
        return self.session.undo_actor == self.viewer

    def easy_ai(self) -> list[str]:
        """AI delegations at the easy level sitting at this round's table."""
        rnd = current_round(self.pv)
        return [
            a
            for a, seat in self.session.seats.items()
            if seat.kind is SeatKind.AI
            and seat.difficulty is Difficulty.EASY
            and a in rnd.participants
        ]

    def refresh(self) -> None:
        """Read the session again and update every panel."""
        s = self.session
        self.pv = engine.public_view(s.state)
        self.transcript.pv = self.pv
        self.topbar.set_view(self.pv)
        self.topbar.set_clock(*self.room.clock())
        self.delegations.set_view(self.pv, s.seats, self.viewer)
        self.board.set_view(self.pv)
        mine = self.viewer_moves() and not self.room.paused
        legal = s.legal_actions() if mine else ()
        self.bar.set_legal(
            legal,
            undo=self.undo_allowed(),
            briefing=self.viewer is not None,
            hint=mine and bool(self.easy_ai()),
        )
        self.bar.status.text, self.bar.status.color = self.status_text()
        if self.rect.width:
            self._arrange_board()

    def status_text(self) -> tuple[str, str]:
        """What the action bar says, and in which colour."""
        s = self.session
        if s.is_over:
            return "The talks are over.", "accent"
        mover = s.to_move
        assert mover is not None
        if self.room.paused:
            return "Paused by the facilitator.", "warning"
        if s.save_warning:
            return f"Not saved: {s.save_warning}", "danger"
        if self.viewer_moves():
            return f"Your move — the {adjective(self.pv, mover)} delegation", "accent"
        if s.human_to_move:
            return f"Waiting for the {adjective(self.pv, mover)} delegation", "text_dim"
        return f"{short_name(self.pv, mover)} is considering its move…  (Space: skip)", "text_dim"

    # -- layout ------------------------------------------------------------------------
    def layout(self, rect: pygame.Rect) -> None:
        following = self.transcript.unseen == 0  # a reader scrolled up stays where they were
        self.compact = rect.width < self.theme.px(1040)
        if self.compact:
            arrange.compact(self, rect)
        else:
            arrange.wide(self, rect)
        # The board sits on a framed surface like the transcript's, inset by a small margin.
        self.board_frame = pygame.Rect(self.board_panel.rect)
        self.board_panel.rect = layout.pad(self.board_frame, self.theme.space("sm"))
        self._arrange_board()
        if following:
            self.transcript.follow()
        if self.focused is not None and not self.focused.can_focus():
            self.focus(None)

    def _arrange_board(self) -> None:
        width = self.board_panel.content_width()
        self.board.rect = pygame.Rect(0, 0, width, self.board.height_for(width))
        self.board_panel.arrange()

    # -- the flow of the game ----------------------------------------------------------
    def update(self, dt: float) -> Transition | None:
        super().update(dt)
        timed_out = self.room.tick()
        if timed_out is not None:
            return self.after([timed_out])
        reload = self.room.advance(dt)
        if reload is not None and reload.reloaded:
            return self.swap_session(reload.session)
        if self.room.second_changed():
            self.topbar.set_clock(*self.room.clock())
        if self._check:
            self._check = False
            return self.next_step()
        if self.pacer.due(dt):
            turn = self.room.fac.step()
            return self.after([turn]) if turn is not None else self.next_step()
        return None

    def wakeup_in(self) -> float | None:
        times = [
            t
            for t in (super().wakeup_in(), self.pacer.wakeup_in(), self.room.wakeup_in())
            if t is not None
        ]
        if self._check:
            times.append(1.0)
        return min(times) if times else None

    def swap_session(self, session: Session) -> Transition | None:
        """Play on ``session`` from now on (a live reload of the scenario file)."""
        session.pins = dict(self.session.pins)  # the same game: the same delegations' PINs
        self.setup.session = self.session = session
        if self.viewer is not None and not session.seat_of(self.viewer).is_human:
            self.viewer = None
        self.ctx.autosave = session.persist
        self.pacer.stop()
        self.transcript.set_items(session_rows(session))
        self.transcript.scroll = self.transcript.max_scroll()
        self.refresh()
        return self.next_step()

    def next_step(self) -> Transition | None:
        """Decide what comes next: the debrief, a hand-over, a person's move, or an AI move."""
        s = self.session
        if s.is_over:
            self.pacer.stop()
            from game.ui.screens.debrief import DebriefScene

            return Replace(DebriefScene(self.ctx, self.setup))
        mover = s.to_move
        assert mover is not None
        if s.human_to_move:
            self.pacer.stop()
            if self.setup.hot_seat and mover != self.viewer:
                from game.ui.screens.handover import HandoverScene

                self.room.restart_clock()  # the hand-over's time is not the delegation's

                return Push(HandoverScene.for_table(self.ctx, self.setup, mover))
            self.viewer = mover
            self.ctx.sound.play("turn")  # ranked above the move's own cue, so it is heard
            self.show_tab("move")
            self.refresh()
            self.focus_action()
            if not self.ctx.settings.how_to_play_seen:  # a first game teaches itself
                return Push(HowToPlay(self.ctx, self))
            return None
        if self.room.paused:
            self.pacer.stop()  # the AI delegates wait while the game is paused
            self.refresh()
            return None
        self.pacer.start()
        self.show_tab("transcript")
        self.refresh()
        return None

    def show_tab(self, tab: str) -> None:
        """Switch the narrow layout's panel (no effect on wide windows)."""
        if self.tab != tab:
            self.tab = tab
            if self.compact and self.rect.width:
                self.relayout(self.rect)

    def focus_action(self) -> None:
        """Put keyboard focus on the first thing the mover can do (not on a panel)."""
        if (
            self.focused is not None
            and self.focused.can_focus()
            and self.focused
            in (self.bar.proposal, self.bar.accept, self.bar.reject, *self.bar.buttons.values())
        ):
            return
        first = [self.bar.accept, *self.bar.buttons.values()]
        target = next((b for b in first if b.can_focus()), None)
        self.focus(target)

    def focus_first(self) -> None:
        self.focus_action()

    def after(self, turns: list[Turn]) -> Transition | None:
        """Show moves just made; between rounds, the round's summary comes first."""
        self.ctx.sound.play(cue_for(e for t in turns for e in t.events))
        for row in rows_of_turns(self.pv, turns):
            self.transcript.append(row)
        closed = [e.round for t in turns for e in t.events if e.kind is EventKind.ROUND_CLOSED]
        if closed:
            self.refresh()
            self.pacer.stop()
            from game.ui.screens.summary import RoundSummaryScene

            self.room.restart_clock()
            return Push(RoundSummaryScene(self.ctx, self.setup, closed[-1]))
        return self.next_step()

    def submit(self, action: Action) -> Transition | None:
        """Apply a person's move; a refusal is explained and changes nothing."""
        late = self.room.tick()
        if late is not None:  # the move came after the time was up: the delegation passed
            self.room.show_toast("Time was up: the move was not used.")
            return self.after([late])
        if self.room.paused:
            return self._refused("The game is paused", "The facilitator has paused the game.")
        try:
            turn = self.session.submit(action)
        except SessionError as exc:
            return self._refused("That move is not possible", str(exc))
        return self.after([turn])

    def _refused(self, title: str, message: str) -> Transition:
        return Push(
            Dialog(self.ctx, "refused", title, message, [("refused.ok", "OK")], cancel="refused.ok")
        )

    def undo(self) -> Transition | None:
        """Take back the viewer's last move (and the AI moves after it)."""
        if not self.undo_allowed():
            return None
        try:
            self.session.undo()
        except SessionError as exc:
            return self._refused("Nothing to undo", str(exc))
        self.pacer.stop()
        self.transcript.set_items(session_rows(self.session))
        self.transcript.scroll = self.transcript.max_scroll()
        return self.next_step()

    # -- input -------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.MOUSEBUTTONDOWN and self.pacer.active:
            self.pacer.skip()
        return super().handle_event(event)

    def on_intent(self, intent: Intent) -> Transition | None:
        source = intent.source
        if (
            source in _FORMS
            and intent.kind == "submit"
            and isinstance(intent.value, PLAYER_ACTIONS)
        ):
            return self.submit(intent.value)
        if source == "handover" and intent.kind == "done":
            self.viewer = str(intent.value)
            self.refresh()
            return self.next_step()
        if source == "summary":
            return self.next_step()
        if source == "walkout" and intent.value == "walkout.yes" and self.viewer is not None:
            return self.submit(WalkOut(self.viewer))
        if source == "leave" and intent.value == "leave.yes":
            self.session.persist()
            self.ctx.autosave = None
            return Pop()
        if source == "table.proposal" and intent.kind == "change":
            self.refresh()
            return None
        if intent.kind == "click":
            return self.on_action(source.removeprefix("table."))
        return None

    def on_action(self, action: str) -> Transition | None:
        if action == "skip":
            self.pacer.skip()
            return None
        if action == "console":
            self.pacer.stop()
            return open_console(self.ctx)
        if action.startswith("tab."):
            self.show_tab(action.removeprefix("tab."))
            return None
        if action in _FORMS:
            return commands.open_form(self, action)
        handlers: dict[str, Callable[[], Transition | None]] = {
            "undo": self.undo,
            "accept": lambda: commands.answer(self, True),
            "reject": lambda: commands.answer(self, False),
            "pass": lambda: commands.simple(self, "pass"),
            "walkout": lambda: commands.simple(self, "walkout"),
            "briefing": lambda: commands.briefing(self),
            "hint": lambda: commands.hint(self),
            "menu": lambda: commands.leave(self),
            "how-to-play": lambda: Push(HowToPlay(self.ctx, self)),
        }
        handler = handlers.get(action)
        return handler() if handler is not None else None

    def on_resume(self, result: object) -> Transition | None:
        # Back from a form, dialog, summary or hand-over: the pacer waits again if an AI moves.
        if isinstance(result, ConsoleDone):
            self.refresh()
            if result.turns:
                return self.after(result.turns)
            return self.next_step() if not self.session.is_over else None
        if isinstance(result, Intent):
            return self.on_intent(result)
        return self.next_step() if not self.session.is_over else None

    # -- drawing -----------------------------------------------------------------------
    def draw_background(self, surface: pygame.Surface) -> None:
        super().draw_background(surface)
        if self.board_panel.visible:
            draw_box(surface, self.theme, self.board_frame, "surface", radius="sm")

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        self.room.draw(surface)  # the PAUSED banner, a broken file's errors, a toast

    def all_text(self) -> list[str]:
        """Every text this screen shows (for the privacy tests)."""
        texts = [f.text for f in self.text_fits()]
        texts += self.board.all_text() + self.delegations.all_text() + self.transcript.all_text()
        return texts
