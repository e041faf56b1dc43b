"""The facilitator console: the teacher's controls over the table, safe to show on a projector.

It reads the game only through its controller: the public view and the deck's
card titles, never a delegation's view, so nothing private can appear on it.
It never changes the game itself: each button asks for an intent (``Pause``,
``ExtendTurn``, ``FacilitatorStep(Inject(card))``, ...) that ``settle`` hands to
the game controller, and ``on_applied`` shows what happened.  Opened from the
title (no game yet) it only sets up the timer and the PIN.  It closes with
``Pop(ConsoleDone)`` carrying the moves it made, which the table then shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from game.engine import Action, Bookmark, EndGame, EndRound, ExtendRound, Inject, News
from game.engine.actions import FACILITATOR
from game.engine.words import counted
from game.errors import UserError
from game.session.controller import (
    Applied,
    ExtendTurn,
    FacilitatorStep,
    GameController,
    GameIntent,
    Pause,
    Resume,
    SetTurnLimit,
    TimeUp,
)
from game.session.pins import PinHash
from game.session.records import Turn
from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.dialog import Dialog
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Push, Transition
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.dropdown import Dropdown
from game.ui.kit.widgets.entry import TextEntry
from game.ui.kit.widgets.label import Label, WrappedText
from game.ui.kit.widgets.stepper import Stepper
from game.ui.screens.classroom import (
    Classroom,
    classroom_of,
    countdown_text,
    ms_to_next_second,
    timer_options,
)
from game.ui.screens.common import current_round, short_name
from game.ui.screens.control import SceneResult, settle
from game.ui.screens.panel import PanelScene, PinGate, Row
from game.ui.screens.widgets.chips import PinEntry

EXTEND_TURN_SECONDS = 30.0
MAX_ROUND_EXTENSION = 5  # the console offers 1..5; the engine accepts up to 20
CONSOLE_KEYS = (
    KeyBinding("f9", "console", "Facilitator console (pause, timer, events, bookmarks)"),
    KeyBinding("ctrl+f", "console", "Facilitator console"),
)


@dataclass(frozen=True)
class ConsoleDone:
    """The console closed; ``turns``: the facilitator's moves made meanwhile, for the table."""

    turns: list[Turn] = field(default_factory=list)


def open_console(ctx: Context, game: GameController | None = None) -> Transition:
    """The console of ``game`` (None: no game yet), behind the PIN screen when a PIN is set."""
    room = classroom_of(ctx)
    if room.pin is None:
        return Push(FacilitatorConsole(ctx, game))
    gate = PinGate(
        ctx,
        room.check_pin,
        lambda: FacilitatorConsole(ctx, game),
        ConsoleDone(),
        lockout=room.lockout,
    )
    return Push(gate)


class FacilitatorConsole(PanelScene):
    """Pause, timer, round, events, news and bookmarks; only public information on it."""

    title = "Facilitator console"
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        KeyBinding("escape", "close", "Close the console"),
        KeyBinding("f9", "close", "Close the console"),
        KeyBinding("ctrl+f", "close", "Close the console"),
    )

    def __init__(self, ctx: Context, game: GameController | None = None) -> None:
        super().__init__(ctx, "console")
        self.room: Classroom = classroom_of(ctx)
        self.game = game if game is not None and not game.is_over() else None
        self.turns: list[Turn] = []
        self._done_text = ""  # what the feedback says when the controller applied the intent
        self._shown_second: int | None = None
        add = self.add
        self.overline = add(
            Label("console.overline", "FACILITATOR", style="overline", color="accent")
        )
        self.heading = add(Label("console.title", "Facilitator console", style="subheading"))
        self.status = add(WrappedText("console.status", "", color="text_dim"))
        options, index = timer_options(self.room.turn_seconds)
        self.timer_label = self.body.add(Label("console.timer.label", "Turn timer", style="label"))
        self.timer = self.body.add(Stepper("console.timer", options, index))
        self.feedback = add(WrappedText("console.feedback", "", color="ok"))
        self.close = add(Button("console.close", "Close", variant="primary"))
        self._head_rows: list[Row] = [
            [(self.overline, layout.Flex())],
            [(self.heading, layout.Flex())],
            [(self.status, layout.Flex())],
        ]
        self._body_rows: list[Row] = []
        self._foot_rows: list[Row] = [
            [(self.feedback, layout.Flex()), (self.close, self.theme.px(140))]
        ]
        if self.game is None:
            self._setup_rows()
        else:
            self._game_rows(self.game)
        self.refresh()
        self.focus(self.close)

    # -- building ----------------------------------------------------------------------
    def _head(self, text: str, id: str) -> Label:
        return self.body.add(Label(id, text, style="overline", color="accent"))

    def _space(self, n: int) -> Row:
        """An empty row that sets a section apart from the one above."""
        return [(Label(f"console.space{n}", "", style="caption"), layout.Flex())]

    def _setup_rows(self) -> None:
        """From the title: the timer for the next games and the PIN."""
        t = self.theme
        add = self.body.add
        self.pin_label = add(Label("console.pin.label", "New PIN", style="label"))
        self.pin_entry = add(PinEntry("console.pin", placeholder="no PIN", max_length=64))
        self.pin_set = add(Button("console.pin.set", "Set PIN"))
        self.pin_clear = add(Button("console.pin.clear", "Remove PIN"))
        label_w = t.px(150)
        self._body_rows = [
            [(self.timer_label, label_w), (self.timer, layout.Flex())],
            [(self.pin_label, label_w), (self.pin_entry, layout.Flex())],
            [
                (Label("console.gap1", ""), label_w),
                (self.pin_set, layout.Flex()),
                (self.pin_clear, layout.Flex()),
            ],
        ]

    def _game_rows(self, game: GameController) -> None:
        t = self.theme
        add = self.body.add
        self.pause = add(Button("console.pause", "Pause"))
        self.extend_turn = add(
            Button("console.extend-turn", f"+{EXTEND_TURN_SECONDS:g} s this turn")
        )
        turns = [(n, f"{n} turn{'s' if n > 1 else ''}") for n in range(1, MAX_ROUND_EXTENSION + 1)]
        self.round_turns = add(Stepper("console.round.turns", turns, 0))
        self.extend_round = add(Button("console.extend-round", "Extend round"))
        self.end_round = add(Button("console.end-round", "End round"))
        self.end_game = add(Button("console.end-game", "End game → debrief"))
        titles = game.deck()
        cards = [
            (a.card, titles.get(a.card, a.card))
            for a in game.legal_actions(FACILITATOR)
            if isinstance(a, Inject)
        ]
        self.card = add(Dropdown("console.card", cards or [("", "No cards left")]))
        self.card.enabled = bool(cards)
        self.inject = add(Button("console.inject", "Inject", enabled=bool(cards)))
        self.news = add(TextEntry("console.news", placeholder="Custom news item", max_length=200))
        self.send_news = add(Button("console.send-news", "Send news"))
        self.note = add(TextEntry("console.note", placeholder="Bookmark note", max_length=120))
        self.bookmark = add(Button("console.bookmark", "Bookmark"))
        label_w = t.px(130)
        button_w = t.px(170)
        gap = Label("console.gap", "")
        self._body_rows = [
            self._space(0),
            [(self._head("THE CLOCK", "console.head.clock"), layout.Flex())],
            [(self.pause, t.px(160)), (self.extend_turn, t.px(200)), (gap, layout.Flex())],
            [(self.timer_label, label_w), (self.timer, t.px(230)), (gap, layout.Flex())],
            self._space(1),
            [(self._head("THE ROUND", "console.head.round"), layout.Flex())],
            [(self.round_turns, t.px(200)), (self.extend_round, t.px(180)), (gap, layout.Flex())],
            [(self.end_round, t.px(160)), (self.end_game, t.px(240)), (gap, layout.Flex())],
            self._space(2),
            [(self._head("TO THE TABLE (PUBLIC)", "console.head.public"), layout.Flex())],
            [(self.card, layout.Flex()), (self.inject, button_w)],
            [(self.news, layout.Flex()), (self.send_news, button_w)],
            [(self.note, layout.Flex()), (self.bookmark, button_w)],
        ]

    def head_rows(self) -> list[Row]:
        return self._head_rows

    def body_rows(self) -> list[Row]:
        return self._body_rows

    def foot_rows(self) -> list[Row]:
        return self._foot_rows

    # -- reading -----------------------------------------------------------------------
    def status_text(self) -> str:
        """Where the game stands, from the public view only."""
        game = self.game
        if game is None:
            pin = "a PIN protects the console" if self.room.pin else "no PIN"
            return f"No game is running. These settings apply to the next game ({pin})."
        if game.is_over():
            return "The game is over."
        pv = game.public_view()
        rnd = current_round(pv)
        turns = pv.round_turns
        parts = [
            f"Round {pv.round_number} of {len(pv.rounds)} ({rnd.city})",
            f"turn {min(pv.turn, turns)} of {turns}",
        ]
        mover = game.to_move()
        if mover is not None:
            who = short_name(pv, mover)
            parts.append(f"{who} to move" + ("" if game.human_to_move() else " (AI)"))
        clock = game.clock()
        if clock.remaining is not None:
            parts.append(f"{countdown_text(clock.remaining)} left")
        text = "  ·  ".join(parts)
        return ("PAUSED  ·  " + text) if clock.paused else text

    def refresh(self) -> None:
        self.status.text = self.status_text()
        game = self.game
        if game is None:
            return
        clock = game.clock()
        self.pause.text = "Resume" if clock.paused else "Pause"
        self.pause.variant = "primary" if clock.paused else "secondary"
        self.extend_turn.enabled = clock.remaining is not None
        over = game.is_over()
        for button in (
            self.extend_round,
            self.end_round,
            self.end_game,
            self.send_news,
            self.bookmark,
        ):
            button.enabled = not over
        if self.rect.width:
            self.relayout(self.rect)

    # -- acting ------------------------------------------------------------------------
    def ask(self, intent: GameIntent, done: str = "") -> Transition | None:
        """Hand ``intent`` to the game controller; ``done`` is the feedback when it is applied."""
        if self.game is None:
            return None
        self._done_text = done
        return settle(self.game, intent, self.on_applied)

    def on_applied(self, applied: Applied) -> SceneResult:
        """Show what the controller did with what the console asked."""
        intent = applied.intent
        self.turns += applied.turns
        if isinstance(intent, TimeUp):
            if applied.turns:
                self.feedback.text, self.feedback.color = (
                    "Time was up: the delegation passed.",
                    "warning",
                )
            return None
        if isinstance(intent, SetTurnLimit):
            return None
        if not applied.ok:
            self.feedback.text, self.feedback.color = applied.refused, "danger"
            self.refresh()
            return None
        self.feedback.text, self.feedback.color = self._done_text, "ok"
        self.refresh()
        if self.game is not None and self.game.is_over():
            return self.done()
        return None

    def done(self) -> Transition:
        return Pop(ConsoleDone(list(self.turns)))

    def facilitate(self, action: Action, done: str) -> Transition | None:
        """A facilitator action of the engine (it goes into the log)."""
        return self.ask(FacilitatorStep(action), done)

    def toggle_pause(self) -> None:
        game = self.game
        assert game is not None
        if game.clock().paused:
            self.ask(Resume(), "Resumed: the clock runs again.")
        else:
            self.ask(Pause(), "Paused: the clock and the AI delegates wait.")

    def on_intent(self, intent: Intent) -> Transition | None:
        src = intent.source
        game = self.game
        if src == "console.close":
            return self.done()
        if src == "console.timer" and intent.kind == "change":
            value = self.timer.value
            seconds = None if value is None else float(value)  # type: ignore[arg-type]
            self.room.set_turn_seconds(seconds)  # for the next games too
            self.ask(SetTurnLimit(seconds))
            self.refresh()
            return None
        if src in ("console.pin.set", "console.pin.clear"):
            return self._set_pin(src == "console.pin.clear")
        if game is not None and intent.value == "confirm-round.yes":
            return self.facilitate(EndRound(), "The round was closed.")
        if game is not None and intent.value == "confirm-game.yes":
            return self.facilitate(EndGame(), "The game was ended.")
        if game is None or intent.kind not in ("click", "submit"):
            return None
        if src == "console.pause":
            self.toggle_pause()
            return None
        if src == "console.extend-turn":
            return self.ask(
                ExtendTurn(EXTEND_TURN_SECONDS), f"This turn has {EXTEND_TURN_SECONDS:g} s more."
            )
        if src == "console.extend-round":
            n = int(self.round_turns.value)  # type: ignore[call-overload]
            return self.facilitate(ExtendRound(n), f"The round is {counted(n, 'turn')} longer.")
        if src in ("console.end-round", "console.end-game"):
            what = "round" if src == "console.end-round" else "game"
            return Push(
                Dialog(
                    self.ctx,
                    f"confirm-{what}",
                    f"End the {what} now?",
                    "The round closes as it stands."
                    if what == "round"
                    else "The game ends now and is scored as it stands; the debrief follows.",
                    [(f"confirm-{what}.yes", f"End the {what}"), (f"confirm-{what}.no", "Cancel")],
                    cancel=f"confirm-{what}.no",
                )
            )
        if src == "console.inject" and self.card.value:
            card = str(self.card.value)
            title = self.card.options[self.card.index][1]
            result = self.facilitate(Inject(card), f"Injected: {title}")
            self._drop_played()
            return result
        if src in ("console.send-news", "console.news"):
            return self._text(self.news, News, "News sent to the table.")
        if src in ("console.bookmark", "console.note"):
            return self._text(self.note, Bookmark, "Bookmark dropped into the transcript.")
        return None

    def _text(
        self, entry: TextEntry, action: Callable[[str], Action], done: str
    ) -> Transition | None:
        text = " ".join(entry.text.split())
        if not text:
            self.feedback.text, self.feedback.color = "Type the text first.", "warning"
            return None
        result = self.facilitate(action(text), done)
        if self.feedback.color == "ok":
            entry.clear()
        return result

    def _drop_played(self) -> None:
        """A played card that is played once leaves the list."""
        game = self.game
        if game is None:
            return
        legal = {a.card for a in game.legal_actions(FACILITATOR) if isinstance(a, Inject)}
        options = [o for o in self.card.options if o[0] in legal]
        if not options:
            self.card.options, self.card.index = [("", "No cards left")], 0
            self.card.enabled = self.inject.enabled = False
            return
        self.card.options = options
        self.card.index = min(self.card.index, len(options) - 1)

    def _set_pin(self, clear: bool) -> Transition | None:
        if clear:
            self.room.set_pin(None)
            self.feedback.text, self.feedback.color = "The console has no PIN now.", "ok"
        else:
            try:
                self.room.set_pin(PinHash.make(self.pin_entry.text))
            except UserError as exc:
                self.feedback.text, self.feedback.color = str(exc), "danger"
                return None
            self.pin_entry.clear()
            self.feedback.text, self.feedback.color = "PIN set: the console asks for it.", "ok"
        self.refresh()
        return None

    def on_action(self, action: str) -> Transition | None:
        return self.done() if action == "close" else None

    # -- time --------------------------------------------------------------------------
    def update(self, dt: float) -> Transition | None:
        super().update(dt)
        game = self.game
        if game is None:
            return None
        moves = len(self.turns)
        if game.clock().expired:  # the turn timer runs on while the console is open
            self.ask(TimeUp())
        left = game.clock().remaining
        second = None if left is None else int(left)
        if len(self.turns) > moves or second != self._shown_second:
            self._shown_second = second
            self.refresh()
        return None

    def wakeup_in(self) -> float | None:
        times = [t for t in (super().wakeup_in(), self._next_second()) if t is not None]
        return min(times) if times else None

    def _next_second(self) -> float | None:
        game = self.game
        if game is None:
            return None
        clock = game.clock()
        if clock.paused or clock.remaining is None:
            return None
        return ms_to_next_second(clock.remaining)

    def all_text(self) -> list[str]:
        """Every text the console shows, dropdown entries included (for the privacy test)."""
        texts = [f.text for f in self.text_fits()]
        if self.game is not None:
            texts += [label for _, label in self.card.options]
        return texts
