"""Who plays each delegation: a person or an AI at a difficulty, with an optional PIN per person."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

import pygame

from game.ai.difficulty import Difficulty
from game.engine import words
from game.errors import UserError
from game.scenario import LoadedScenario
from game.session.agents import fresh_seed
from game.session.pins import MAX_PIN_LENGTH, PinHash
from game.session.seats import Seat, SeatKind, computer_seats, parse_seats
from game.session.session import Session
from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Push, Replace, Scene, Transition
from game.ui.kit.widgets.base import draw_box
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.dropdown import Dropdown
from game.ui.kit.widgets.entry import TextEntry
from game.ui.kit.widgets.label import Label, WrappedText
from game.ui.kit.widgets.scrollpanel import ScrollPanel
from game.ui.kit.widgets.stepper import Stepper
from game.ui.screens.backdrop import Backdrop
from game.ui.screens.classroom import classroom_of, timer_options
from game.ui.screens.common import GameSetup, actor_colour, seat_text
from game.ui.screens.flow import problem, start_scene
from game.ui.screens.widgets.chips import PinEntry, Swatch

# A person, or an AI at each level of the one Difficulty list (shown as the table shows seats).
SEAT_CHOICES: tuple[tuple[Seat, str], ...] = tuple(
    (seat, seat_text(seat))
    for seat in (Seat(SeatKind.HUMAN), *(Seat(SeatKind.AI, level) for level in Difficulty))
)


class SeatsScene(Scene):
    """One row per playable delegation; Start opens the briefings.

    The picker pushes it and it pops back; Start ends with ``then(first scene of the
    game)``: by default it takes this scene's place, and the picker passes a ``then``
    that pops back to it with a ``Replace`` so the game takes the picker's place too.
    """

    title = "Seats"
    # What each delegation's menu offers (value, words): a ``Seat``, or a kind a subclass
    # knows (the host's ``remote``); ``takes_pin`` says which may have a PIN.
    CHOICES: ClassVar[tuple[tuple[object, str], ...]] = SEAT_CHOICES
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        KeyBinding("escape", "back", "Back"),
        KeyBinding("ctrl+return", "start", "Start the game"),
    )

    def __init__(
        self,
        ctx: Context,
        loaded: LoadedScenario,
        *,
        seats: Mapping[str, Seat] | None = None,
        seed: int | None = None,
        then: Callable[[Scene], Transition] = Replace,
    ) -> None:
        super().__init__(ctx)
        self.loaded = loaded
        self.then = then
        sc = loaded.scenario
        playable = [a.id for a in sc.playable]
        chosen = (
            dict(seats)
            if seats is not None
            else parse_seats(None, playable, computer=computer_seats(sc))
        )
        self.backdrop = Backdrop()
        self.panel = pygame.Rect(0, 0, 0, 0)
        # Everything but the buttons scrolls: at large text (or with many delegations)
        # the rows are taller than the window, and Start must stay in reach.
        self.body = self.add(ScrollPanel("seats.body"))
        self.heading = self.body.add(
            Label("seats.title", "Who sits at the table?", style="heading")
        )
        self.intro = self.body.add(
            WrappedText("seats.intro", f"{sc.title}. {self.intro_text()}", color="text_dim")
        )
        self.head_seat = self.body.add(
            Label("seats.head.seat", "Seat", style="overline", color="accent")
        )
        self.head_pin = self.body.add(
            Label("seats.head.pin", "PIN (optional)", style="overline", color="accent")
        )
        self.rows: list[tuple[str, Swatch, Dropdown, PinEntry]] = []
        values = [seat for seat, _ in self.CHOICES]
        for actor in sc.playable:
            seat = self.first_choice(actor.id, chosen.get(actor.id, Seat(SeatKind.AI)))
            index = values.index(seat) if seat in values else values.index(Seat(SeatKind.AI))
            swatch = self.body.add(
                Swatch(f"seats.{actor.id}.name", actor.name, actor_colour(self.theme, sc, actor.id))
            )
            menu = self.body.add(Dropdown(f"seats.{actor.id}", list(self.CHOICES), index))
            pin = self.body.add(
                PinEntry(
                    f"seats.{actor.id}.pin",
                    placeholder="no PIN",
                    max_length=MAX_PIN_LENGTH,
                    enabled=self.takes_pin(values[index]),
                )
            )
            self.rows.append((actor.id, swatch, menu, pin))
        self.seed_label = self.body.add(
            Label("seats.seed.label", "Seed (blank: a new one)", style="label")
        )
        self.seed = self.body.add(
            TextEntry(
                "seats.seed", "" if seed is None else str(seed), placeholder="random", max_length=9
            )
        )
        room = classroom_of(ctx)
        options, index = timer_options(room.turn_seconds)
        self.timer_label = self.body.add(Label("seats.timer.label", "Turn timer", style="label"))
        self.timer = self.body.add(Stepper("seats.timer", options, index))
        self.fpin_label = self.body.add(
            Label("seats.facilitator-pin.label", "Facilitator console PIN", style="label")
        )
        self.fpin = self.body.add(
            PinEntry(
                "seats.facilitator-pin",
                placeholder="PIN set" if room.pin is not None else "optional",
                max_length=MAX_PIN_LENGTH,
                tooltip="The facilitator console's PIN or passphrase (optional): F9 opens "
                "the console",
            )
        )
        self.error = self.add(Label("seats.error", "", color="danger"))
        self.back = self.add(Button("seats.back", "Back"))
        self.start = self.add(Button("seats.start", "Start", variant="primary"))
        self.focus(self.start)

    def layout(self, rect: pygame.Rect) -> None:
        t = self.theme
        width = min(t.px(980), rect.width - 2 * t.space("md"))
        h = t.control_height()
        pad = t.space("xl") if width > t.px(700) else t.space("md")
        gap = t.space("sm")
        foot = [t.line_height("body"), h]  # the error line and the buttons: always in view
        room = rect.height - 2 * t.space("sm") - 2 * pad - layout.stack_height(foot, gap) - gap
        self.body.rect = pygame.Rect(0, 0, width - 2 * pad, max(h, room))
        inner_w = width - 2 * pad
        content = self._content_heights(inner_w)
        if self.body.height_for(layout.stack_height(content, gap)) > room:
            inner_w = self.body.content_width()  # it scrolls: room for the scrollbar
            content = self._content_heights(inner_w)
        body_h = min(self.body.height_for(layout.stack_height(content, gap)), max(h, room))
        height = layout.stack_height([body_h, *foot], gap) + 2 * pad
        self.panel = layout.centred((width, height), rect)
        body, error, buttons = layout.column(layout.pad(self.panel, pad), [body_h, *foot], gap)
        self.body.rect = body
        boxes = layout.column(
            pygame.Rect(0, 0, inner_w, layout.stack_height(content, gap)), content, gap
        )
        self.heading.rect, self.intro.rect, heads = boxes[0], boxes[1], boxes[2]
        columns = [layout.Flex(1.2), layout.Flex(1.3), layout.Flex(0.8)]
        _, self.head_seat.rect, self.head_pin.rect = layout.row(heads, columns, t.space("md"))
        for (_, swatch, menu, pin), box in zip(
            self.rows, boxes[3 : 3 + len(self.rows)], strict=True
        ):
            swatch.rect, menu.rect, pin.rect = layout.row(box, columns, t.space("md"))
            actor = swatch.id.split(".")[1]
            swatch.text = words.actor_name(self.loaded.scenario, actor)
            if swatch.preferred_size()[0] > swatch.rect.width:
                swatch.text = words.short_name(self.loaded.scenario, actor)  # large text
        seed_box = boxes[3 + len(self.rows)]
        self.seed_label.rect, self.seed.rect, _ = layout.row(seed_box, columns, t.space("md"))
        timer_box = boxes[4 + len(self.rows)]
        self.timer_label.rect, self.timer.rect, _ = layout.row(timer_box, columns, t.space("md"))
        self.fpin_label.rect, self.fpin.rect, _ = layout.row(
            boxes[5 + len(self.rows)], columns, t.space("md")
        )
        self.body.arrange()
        self.error.rect = error
        widths = [max(t.px(120), b.preferred_size()[0]) for b in (self.back, self.start)]
        _, self.back.rect, self.start.rect = layout.row(
            buttons, [layout.Flex(), *widths], t.space("md")
        )

    def _content_heights(self, width: int) -> list[int]:
        """The heights of the scrolling part's rows at ``width``."""
        t = self.theme
        h = t.control_height()
        heights = [t.line_height("heading"), self.intro.height_for(width)]
        return [*heights, t.line_height("overline"), *[h] * len(self.rows), h, h, h]

    def draw_background(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.theme)
        draw_box(surface, self.theme, self.panel, "surface", radius="lg")

    def intro_text(self) -> str:
        return (
            "Choose a person or an AI delegate for each delegation. Several people can share "
            "this screen: each human delegation may set a PIN that hides its briefing from the "
            "others at every hand-over (a passphrase of a few words is far harder to guess "
            "than four digits)."
        )

    def first_choice(self, actor: str, seat: Seat) -> object:
        """The menu's value a delegation starts on (its seat from the command line)."""
        del actor
        return seat

    def takes_pin(self, value: object) -> bool:
        """Whether a delegation seated as ``value`` may set a PIN."""
        return isinstance(value, Seat) and value.is_human

    def choice(self, actor: str) -> object:
        """The value chosen in ``actor``'s menu."""
        menu = next(menu for a, _, menu, _ in self.rows if a == actor)
        return menu.options[menu.index][0]

    def seat_map(self) -> dict[str, Seat]:
        """The seats as chosen (a kind that is not a ``Seat`` is a person's to the session)."""
        out = {}
        for actor, _, menu, _ in self.rows:
            value = menu.options[menu.index][0]
            out[actor] = value if isinstance(value, Seat) else Seat(SeatKind.HUMAN)
        return out

    def begin(self) -> Transition | None:
        """Create the game and open the first briefing."""
        text = self.seed.text.strip()
        if text and not text.isdigit():
            self.error.text = "The seed is a whole number (or blank for a new one)."
            return None
        seed = int(text) if text else fresh_seed()
        seats = self.seat_map()
        room = classroom_of(self.ctx)
        try:
            pins = {
                a: PinHash.make(pin.text)
                for a, _, _, pin in self.rows
                if seats[a].is_human and pin.text
            }
            # The new game's own PIN: the room takes it when the game is attached, so the
            # game still running (and its autosave) keeps the PIN it had.
            console = PinHash.make(self.fpin.text) if self.fpin.text else None
        except UserError as exc:
            self.error.text = str(exc)
            return None
        value = self.timer.value
        room.set_turn_seconds(None if value is None else float(value))  # type: ignore[arg-type]
        try:
            session = Session(self.loaded, seed, seats, autosave=True)
        except UserError as exc:
            return Push(problem(self.ctx, "The game cannot start", str(exc)))
        session.pins = pins  # hashed, and saved with the game from its first autosave
        if console is not None:
            session.facilitator_pin = console
        session.persist()
        return self.started(session)

    def started(self, session: Session) -> Transition | None:
        """The game begins: its first screen takes this one's place."""
        return self.then(start_scene(self.ctx, GameSetup(session)))

    def on_intent(self, intent: Intent) -> Transition | None:
        if intent.source == "seats.start":
            return self.begin()
        if intent.source == "seats.back":
            return Pop()
        for _, _, menu, pin in self.rows:
            if intent.source == menu.id and intent.kind == "change":
                pin.enabled = self.takes_pin(menu.options[menu.index][0])
                if not pin.enabled:
                    pin.text = ""
        return None

    def on_action(self, action: str) -> Transition | None:
        if action == "back":
            return Pop()  # back to the picker below, this scenario still chosen
        return self.begin() if action == "start" else None
