"""The negotiation table: the scene that shows a game from its first move to the debrief.

It reads the game only through its controller (``game.session.controller``):
the public view, and the viewer's own view in its forms.  It never changes the
game: its hooks decide, and return a game intent (``Submit``, ``Undo``,
``ComputerMove``, ``TimeUp``, ``RestartClock``) or a transition; ``settle``
hands the intents to the controller, and ``on_applied`` shows what happened.
It paces the AI delegates' moves and hands control over between human
delegations behind a hand-over screen.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from functools import partial
from typing import ClassVar

import pygame

from game.engine import Accept, Action, EventKind, GameEvent, PublicView, WalkOut
from game.engine.actions import PLAYER_ACTIONS
from game.session.controller import (
    Applied,
    ComputerMove,
    GameController,
    Reloaded,
    RestartClock,
    Submit,
    TimeUp,
    Undo,
    Upcoming,
)
from game.session.records import Turn
from game.session.seats import Seat, SeatKind
from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.dialog import Dialog
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Push, Replace, Scene, Transition
from game.ui.kit.sound import cue_for
from game.ui.kit.widgets.base import draw_box
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.scrollpanel import ScrollPanel
from game.ui.screens import backdrop
from game.ui.screens.classroom import classroom_of
from game.ui.screens.common import GameSetup
from game.ui.screens.console import ConsoleDone, open_console
from game.ui.screens.control import SceneResult, settle
from game.ui.screens.pacing import RETRY_MS, Pacer, pace_ms
from game.ui.screens.table import arrange, commands
from game.ui.screens.table.actionbar import ActionBar
from game.ui.screens.table.ahead import Ahead
from game.ui.screens.table.arrange import PANELS, Placement
from game.ui.screens.table.board import BoardView
from game.ui.screens.table.delegations import DelegationsPanel
from game.ui.screens.table.howto import HowToPlay
from game.ui.screens.table.keys import TABLE_KEYS, TABS
from game.ui.screens.table.model import TableModel, easy_ai, status_line
from game.ui.screens.table.room import TableRoom
from game.ui.screens.table.topbar import TopBar
from game.ui.screens.table.transcript import Row, TranscriptView, game_rows, rows_of_turns
from game.ui.screens.table.worth import worth

_AI = Seat(SeatKind.AI)


def _closed(events: Iterable[GameEvent]) -> list[int]:
    """The rounds that ``events`` close."""
    return [e.round for e in events if e.kind is EventKind.ROUND_CLOSED]


# Transcript rows readied ahead in one frame: about this many letters (a long row alone).
ROW_LETTERS = 400


def _chunks(rows: list[Row], letters: int) -> list[list[Row]]:
    """``rows`` in runs of about ``letters`` letters, in order (each run one at least)."""
    runs: list[list[Row]] = []
    size = letters
    for row in rows:
        if size >= letters:
            runs.append([])
            size = 0
        runs[-1].append(row)
        size += len(row.text) + len(row.speaker)
    return runs


class TableScene(Scene):
    """The table for one game; ``viewer`` is the human delegation whose screen this is now."""

    title = "The table"
    KEYS: ClassVar[tuple[KeyBinding, ...]] = TABLE_KEYS

    def __init__(self, ctx: Context, setup: GameSetup, viewer: str | None = None) -> None:
        super().__init__(ctx)
        self.setup = setup
        if setup.local is not None:  # a laptop's game hosted elsewhere has none here
            classroom_of(ctx).attach(setup.local)  # this window's timer, clock, watched file
        self.game: GameController = setup.game
        humans = setup.humans
        self.viewer = viewer if viewer is not None else (humans[0] if len(humans) == 1 else None)
        self.pacer = Pacer(pace_ms(ctx.settings.ai_pace))
        self.pv: PublicView = self.game.public_view()
        self.model = TableModel(self.pv)
        self.compact = False
        self.board_frame = pygame.Rect(0, 0, 0, 0)
        self.tab = "board"
        self._check = True  # decide what happens next on the first update
        self._then: Transition | None = None  # shown once the controller restarted the clock
        self.topbar = self.add(TopBar("table.top"))
        self._opening_tension: float | None = None
        self.tabs = [self.add(Button(f"table.tab.{key}", text)) for key, text in TABS]
        self.delegations = self.add(DelegationsPanel("table.delegations"))
        self.board_panel = self.add(ScrollPanel("table.board"))
        self.board = self.board_panel.add(BoardView("table.board.view"))
        self.transcript = self.add(TranscriptView("table.transcript", self.pv))
        self.transcript.set_items(game_rows(self.game))
        self.transcript.scroll = self.transcript.max_scroll()
        self.bar = ActionBar(self)
        self.room = TableRoom(self.game)
        self.ahead = Ahead(self._readying)
        self._summary: tuple[Turn, Scene] | None = None  # a round's summary, made ahead
        self._scratch = pygame.Surface((1, 1))  # what the summary made ahead is drawn on
        self._refreshed = False  # the table was read afresh in this frame (it will redraw)
        ctx.autosave = self.game.save
        if ctx.think_ahead and self.game is setup.local:
            setup.local.think_ahead()  # the AI decides while the window draws, never in a frame
        # Opened now, not in the frame of a move: the sound cues, every font (a round
        # summary's first), and the summaries' backdrop at this window's size.
        ctx.sound.prepare()
        ctx.theme.prepare_fonts()
        self._backdrop_size: tuple[int, int] = (0, 0)
        # What is built by now (the scenario, the fonts, the opening) lasts the whole game:
        # the garbage collector need not walk it again.  Its full sweeps, 30+ ms, landed
        # in the frames of moves.
        gc.freeze()
        self.refresh()

    # -- state -------------------------------------------------------------------------
    def seat(self, actor: str) -> Seat:
        return self.game.seats().get(actor, _AI)

    def viewer_moves(self) -> bool:
        """Whether the delegation to move is a person and its screen is showing."""
        return self.game.human_to_move() and self.game.to_move() == self.viewer

    def undo_allowed(self) -> bool:
        """Undo only the viewer's own last move (never another delegation's, in hot-seat)."""
        if self.viewer is None or self.room.paused:
            return False
        return self.game.undo_actor() == self.viewer

    def refresh(self) -> None:
        """Read the game again and update every panel (and the helpers' model)."""
        self._refreshed = True
        self.changed = True  # a frame shows it, even when quiet work read it (``work_in``)
        game = self.game
        self.pv = game.public_view()
        self.transcript.pv = self.pv
        if self._opening_tension is None:  # once a game: the opening is replayed to read it
            self._opening_tension = game.opening().trackers.tension
        self.topbar.set_view(self.pv, self._opening_tension)
        self.topbar.set_clock(*self.room.clock())
        self.delegations.set_view(self.pv, game.seats(), self.viewer)
        own = game.view(self.viewer) if self.viewer is not None else None
        self.board.set_view(self.pv, own)
        moves = self.viewer_moves()
        mine = moves and not self.room.paused
        legal = game.legal_actions() if mine else ()
        easy = easy_ai(self.pv, game.seats()) if mine else ()
        offers = {
            p.number: worth(own, self.pv, p).short()
            for p in self.pv.proposals
            if own is not None and str(p.status) == "live"
        }
        self.bar.set_legal(
            legal,
            undo=self.undo_allowed(),
            briefing=self.viewer is not None,
            hint=mine and bool(easy),
            worth=offers,
        )
        self.bar.status.text, self.bar.status.color = self.status_text()
        self.model = self._model(moves, legal, easy)
        if self.rect.width:
            self._arrange_board()

    def _model(self, moves: bool, legal: tuple[Action, ...], easy: tuple[str, ...]) -> TableModel:
        bar = self.bar
        enabled = {bid.removeprefix("table.") for bid, b in bar.buttons.items() if b.enabled}
        enabled |= {
            name for name, b in (("accept", bar.accept), ("reject", bar.reject)) if b.enabled
        }
        return TableModel(
            self.pv, self.viewer, moves, legal, frozenset(enabled), bar.chosen(), easy
        )

    def status_text(self) -> tuple[str, str]:
        """What the action bar says, and in which colour."""
        return status_line(
            self.pv,
            self.viewer,
            human_to_move=self.game.human_to_move(),
            paused=self.room.paused,
            save_warning=self.game.save_warning(),
        )

    # -- layout ------------------------------------------------------------------------
    def layout(self, rect: pygame.Rect) -> None:
        if rect.size != self._backdrop_size:  # the round summaries' (see ``__init__``)
            self._backdrop_size = rect.size
            backdrop.rendered(rect.size, self.theme)
        following = self.transcript.unseen == 0  # a reader scrolled up stays where they were
        t = self.theme
        self.compact = rect.width < t.px(1040)
        if self.compact:
            self._place(arrange.compact(t, rect, [key for key, _ in TABS], self.tab))
        else:
            self._place(arrange.wide(t, rect, self.bar.height_for(t, rect.width)))
        # The board sits on a framed surface like the transcript's, inset by a small margin.
        self.board_frame = pygame.Rect(self.board_panel.rect)
        self.board_panel.rect = layout.pad(self.board_frame, t.space("sm"))
        self._arrange_board()
        if following:
            self.transcript.follow()
        if self.focused is not None and not self.focused.can_focus():
            self.focus(None)

    def _place(self, p: Placement) -> None:
        """Put the widgets where ``arrange`` says."""
        self.topbar.rect = p.top
        panels = dict(
            zip(PANELS, (self.delegations, self.board_panel, self.transcript), strict=True)
        )
        for name, panel in panels.items():
            panel.rect = p.panels[name]
            panel.visible = name in p.shown
        for button, box in zip(self.tabs, p.tabs, strict=False):
            button.rect = box
        for (key, _), button in zip(TABS, self.tabs, strict=True):
            button.visible = bool(p.tabs)
            if p.tabs:
                button.variant = "primary" if key == self.tab else "secondary"
        if p.status is not None:
            self.bar.status.rect = p.status
        self.bar.show(p.bar is not None)
        if p.bar is not None:
            self.bar.layout(self.theme, p.bar, with_status=p.status is None)

    def _arrange_board(self) -> None:
        width = self.board_panel.content_width()
        self.board.rect = pygame.Rect(0, 0, width, self.board.height_for(width))
        self.board_panel.arrange()

    # -- the flow of the game ----------------------------------------------------------
    def settle(self, result: SceneResult) -> Transition | None:
        """Hand the intents in ``result`` to the game controller; the transition left."""
        return settle(self.game, result, self.on_applied)

    def update(self, dt: float) -> Transition | None:
        super().update(dt)
        try:
            return self.settle(self.decide_update(dt))
        finally:
            self._refreshed = False  # the next frame starts afresh

    def decide_update(self, dt: float) -> SceneResult:
        """What time passing asks for: a time-out, a reload's redraw, or the paced AI move."""
        if self.game.clock().expired:
            return TimeUp()
        news = self.room.advance(dt)
        if news is not None and news.reloaded:
            return self.reloaded(news)
        if self.room.second_changed():
            self.topbar.set_clock(*self.room.clock())
        if self._check:
            self._check = False
            return self.next_step()
        due = self.pacer.due(dt)
        upcoming = self._upcoming()
        if upcoming is not None and not self.ahead.finished(upcoming):
            # A decided move lands with its pictures made, one part per frame: not in a
            # frame that read the table afresh (back from a summary or a hand-over), which
            # has its own drawing to do.  Due meanwhile, it lands in the frame after.
            if not self._refreshed:
                self.ahead.step(upcoming)
            if due:
                self.pacer.retry(1.0)
            return None
        if due:
            return ComputerMove()
        return None

    # -- readying a decided computer move (see ``ahead``) --------------------------------
    def _upcoming(self) -> Upcoming | None:
        """The computer move decided on the worker thread, if the table paces one."""
        return self.game.upcoming() if self.pacer.active else None

    def _readying(self, upcoming: Upcoming) -> list[Callable[[], None]]:
        """The parts of ``upcoming``'s pictures: its transcript rows (a few at a time), the
        board's rows it changes, the rest of the board, the delegations' cards, and a
        round's summary."""
        pv = upcoming.public_view()
        own = upcoming.view(self.viewer) if self.viewer is not None else None
        width = self.board_panel.content_width()
        rows = rows_of_turns(pv, (upcoming.turn,))
        parts: list[Callable[[], None]] = [
            partial(self.transcript.prepare, chunk) for chunk in _chunks(rows, ROW_LETTERS)
        ]
        parts.append(partial(self.board.prepare_rows, pv, own, width))
        parts.append(partial(self.board.prepare, pv, own, width))
        parts.append(partial(self.delegations.prepare, pv, self.game.seats(), self.viewer))
        closed = _closed(upcoming.turn.events)
        if closed and self.rect.width:  # the move closes a round: its summary
            parts += [
                partial(self._make_summary, upcoming, closed[-1]),
                self._draw_summary,
            ]
        return parts

    def _make_summary(self, upcoming: Upcoming, number: int) -> None:
        from game.ui.screens.summary import RoundSummaryScene

        summary = RoundSummaryScene(self.ctx, self.setup, number, ahead=upcoming)
        summary.relayout(self.rect)
        self._summary = (upcoming.turn, summary)

    def _draw_summary(self) -> None:
        """Draw the summary made ahead once, off screen: its texts rendered into the cache."""
        if self._summary is None:
            return
        if self._scratch.get_size() != self.rect.size:
            self._scratch = pygame.Surface(self.rect.size)
        self._summary[1].draw(self._scratch)

    def on_applied(self, applied: Applied) -> SceneResult:
        """The game controller did (or refused) what the table asked: show it, decide on."""
        intent = applied.intent
        if isinstance(intent, Submit):
            if applied.late:  # the move came after the time was up: the delegation passed
                self.room.show_toast("Time was up: the move was not used.")
            elif not applied.ok:
                title = "The game is paused" if self.room.paused else "That move is not possible"
                return self._refused(title, applied.refused)
            return self.after(applied.turns)
        if isinstance(intent, Undo):
            if not applied.ok:
                return self._refused("Nothing to undo", applied.refused)
            self.pacer.stop()
            self.transcript.set_items(game_rows(self.game))
            self.transcript.scroll = self.transcript.max_scroll()
            return self.next_step()
        if isinstance(intent, RestartClock):
            then, self._then = self._then, None
            return then
        if isinstance(intent, ComputerMove) and applied.thinking:
            self.pacer.retry()  # the decision is still being taken on the worker thread
            return None
        if isinstance(intent, ComputerMove | TimeUp):
            if applied.turns:
                return self.after(applied.turns)
            return self.next_step() if isinstance(intent, ComputerMove) else None
        return None

    def wakeup_in(self) -> float | None:
        times = [t for t in (super().wakeup_in(), self.room.wakeup_in()) if t is not None]
        if self._check:
            times.append(1.0)
        return min(times) if times else None

    def work_in(self) -> float | None:
        # The paced AI move is quiet work: it may find the computer still deciding, or its
        # pictures still being made (then the frame makes the next part, and draws nothing);
        # a move that lands has the table read again, which asks for a frame (``refresh``).
        wait = self.pacer.wakeup_in()
        if wait is not None and not self.ahead.finished(self._upcoming()):
            wait = min(wait, RETRY_MS)  # to see whether the move is decided, and ready it
        return wait

    def reloaded(self, news: Reloaded) -> SceneResult:
        """The game now plays a reloaded scenario file: read everything again."""
        del news  # the room shows its toast; the game itself says the rest
        if self.viewer is not None and not self.seat(self.viewer).is_human:
            self.viewer = None
        self.ctx.autosave = self.game.save
        self.pacer.stop()
        self._opening_tension = None  # a reloaded scenario may open at another level
        self.transcript.set_items(game_rows(self.game))
        self.transcript.scroll = self.transcript.max_scroll()
        self.refresh()
        return self.next_step()

    def next_step(self) -> SceneResult:
        """Decide what comes next: the debrief, a hand-over, a person's move, or an AI move."""
        game = self.game
        mover = game.to_move()
        if mover is None:
            self.pacer.stop()
            from game.ui.screens.debrief import DebriefScene

            return Replace(DebriefScene(self.ctx, self.setup))
        if game.human_to_move():
            self.pacer.stop()
            if self.setup.hot_seat and mover != self.viewer:
                from game.ui.screens.handover import HandoverScene

                # The hand-over's time is not the delegation's: the clock restarts first.
                return self.restart_then(Push(HandoverScene.for_table(self.ctx, self.setup, mover)))
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

    def after(self, turns: tuple[Turn, ...]) -> SceneResult:
        """Show moves just made; between rounds, the round's summary comes first."""
        self.ctx.sound.play(cue_for(e for t in turns for e in t.events))
        for row in rows_of_turns(self.pv, turns):
            self.transcript.append(row)
        closed = _closed(e for t in turns for e in t.events)
        if closed:
            # The summary covers the table; the table is read again when it comes back
            # (``next_step``), not in this frame.
            self.pacer.stop()
            from game.ui.screens.summary import RoundSummaryScene

            made, self._summary = self._summary, None
            if made is not None and turns == (made[0],):  # made while the move was paced
                summary = made[1]
            else:
                summary = RoundSummaryScene(self.ctx, self.setup, closed[-1])
            # The summary's time is not the next mover's: the clock restarts first.
            return self.restart_then(Push(summary))
        return self.next_step()

    def restart_then(self, transition: Transition) -> RestartClock:
        """Ask for ``RestartClock``; ``transition`` follows once the controller has done it."""
        self._then = transition
        return RestartClock()

    def _refused(self, title: str, message: str) -> Transition:
        return Push(
            Dialog(self.ctx, "refused", title, message, [("refused.ok", "OK")], cancel="refused.ok")
        )

    def undo(self) -> Undo | None:
        """Take back the viewer's last move (and the AI moves after it)."""
        return Undo() if self.undo_allowed() else None

    # -- input -------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.MOUSEBUTTONDOWN and self.pacer.active:
            self.pacer.skip()
        return super().handle_event(event)

    def on_intent(self, intent: Intent) -> Transition | None:
        return self.settle(self.decide_intent(intent))

    def decide_intent(self, intent: Intent) -> SceneResult:
        """What a widget's or a dialog's report asks for."""
        source = intent.source
        if source == "handover" and intent.kind == "done":
            self.viewer = str(intent.value)
            self.refresh()
            return self.next_step()
        if source == "summary":
            return self.next_step()
        if source == "walkout" and intent.value == "walkout.yes" and self.viewer is not None:
            return Submit(WalkOut(self.viewer))
        number = self.model.chosen
        accept_anyway = source == "accept-warning" and intent.value == "accept-warning.yes"
        if accept_anyway and self.viewer is not None and number is not None:
            return Submit(Accept(self.viewer, number))
        if source == "leave" and intent.value == "leave.yes":
            self.game.save()
            self.game.close()  # no agent program outlives the table (Continue restarts it)
            self.ctx.autosave = None
            return Pop()
        if source == "table.proposal" and intent.kind == "change":
            self.refresh()
            return None
        if intent.kind == "click":
            return self.decide_action(source.removeprefix("table."))
        return None

    def on_action(self, action: str) -> Transition | None:
        return self.settle(self.decide_action(action))

    def decide_action(self, action: str) -> SceneResult:
        """What a button or a key of the table asks for."""
        if action == "skip":
            self.pacer.skip()
            return None
        if action == "console":
            self.pacer.stop()
            return open_console(self.ctx, self.game)
        if action.startswith("tab."):
            self.show_tab(action.removeprefix("tab."))
            return None
        if action in commands.FORMS:
            return commands.open_form(self.ctx, self.model, action, self.game.view, self.game.clock)
        handlers: dict[str, Callable[[], SceneResult]] = {
            "undo": self.undo,
            "accept": lambda: commands.answer(self.ctx, self.model, True, self.game.view),
            "reject": lambda: commands.answer(self.ctx, self.model, False, self.game.view),
            "pass": lambda: commands.simple(self.ctx, self.model, "pass"),
            "walkout": lambda: commands.simple(self.ctx, self.model, "walkout"),
            "briefing": self.briefing,
            "hint": lambda: commands.hint(self.ctx, self.model, self.game.view),
            "menu": lambda: commands.leave(self.ctx),
            "how-to-play": lambda: Push(HowToPlay(self.ctx, self)),
        }
        handler = handlers.get(action)
        return handler() if handler is not None else None

    def briefing(self) -> Transition | None:
        """The viewer's own briefing, over the table."""
        if self.viewer is None:
            return None
        from game.ui.screens.briefing import BriefingScene

        return Push(BriefingScene(self.ctx, self.setup, self.viewer, then=Pop))

    def on_resume(self, result: object) -> Transition | None:
        return self.settle(self.decide_resume(result))

    def decide_resume(self, result: object) -> SceneResult:
        """Back from a form, dialog, summary or hand-over: what comes next.

        A form closes with its ``Submit``; the console with the facilitator's moves
        it made; the pacer waits again if an AI delegate moves.
        """
        if isinstance(result, Submit) and isinstance(result.action, PLAYER_ACTIONS):
            return result
        if isinstance(result, ConsoleDone):
            self.refresh()
            if result.turns:
                return self.after(tuple(result.turns))
            return self.next_step() if not self.game.is_over() else None
        if isinstance(result, Intent):
            return self.decide_intent(result)
        return self.next_step() if not self.game.is_over() else None

    # -- drawing -----------------------------------------------------------------------
    def draw_background(self, surface: pygame.Surface) -> None:
        super().draw_background(surface)
        if self.board_panel.visible:
            draw_box(surface, self.theme, self.board_frame, "surface", radius="sm")

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        bar = self.bar
        # The PAUSED banner, a broken file's errors (above the bar), a toast (below the top bar).
        self.room.draw(
            surface,
            self.theme,
            self.rect,
            errors_bottom=bar.rect.top if bar.shown and bar.rect.height else bar.status.rect.top,
            toast_top=self.topbar.rect.bottom,
        )

    def all_text(self) -> list[str]:
        """Every text this screen shows (for the privacy tests)."""
        texts = [f.text for f in self.text_fits()]
        texts += self.board.all_text() + self.delegations.all_text() + self.transcript.all_text()
        return texts
