"""The hand-over screen: passing one laptop between human delegations hides everything private.

It is opaque (the table is not drawn below it) and shows only public facts,
until the named delegation confirms — with its PIN, if it set one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import pygame

from game.session.pins import MAX_PIN_LENGTH
from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Scene, Transition
from game.ui.kit.widgets.base import draw_box
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.label import Label, WrappedText
from game.ui.screens.backdrop import Backdrop
from game.ui.screens.common import GameSetup, actor_colour, adjective, current_round
from game.ui.screens.widgets.chips import PinEntry


class HandoverScene(Scene):
    """ "Pass the laptop to the X delegation", then ``then()`` once it confirms."""

    title = "Hand-over"
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        KeyBinding("return", "confirm", "Confirm that your delegation has the screen"),
    )

    def __init__(
        self, ctx: Context, setup: GameSetup, actor: str, *, then: Callable[[], Transition]
    ) -> None:
        super().__init__(ctx)
        pv = setup.game.public_view()
        self.actor = actor
        self.then = then
        self.pin = setup.pins.get(actor)  # a hash: the PIN itself is never kept
        self.lockout = setup.lockout(actor)
        ctx.sound.play("handover")
        self.colour = actor_colour(self.theme, pv, actor)
        self.backdrop = Backdrop()
        self.panel = pygame.Rect(0, 0, 0, 0)
        adj = adjective(pv, actor)
        rnd = current_round(pv)
        self.overline = self.add(
            Label("handover.overline", "HAND-OVER", style="overline", color="accent")
        )
        self.heading = self.add(
            WrappedText(
                "handover.heading", f"Pass the laptop to the {adj} delegation", style="heading"
            )
        )
        where = f"Round {pv.round_number} of {len(pv.rounds)}: {rnd.name}, {rnd.city}"
        ask = (
            "enter your PIN and press Enter"
            if self.pin is not None
            else "press Enter or the button"
        )
        self.message = self.add(
            WrappedText(
                "handover.message",
                f"{where}.\nEverything private is hidden. When only the {adj} delegation can see "
                f"the screen, {ask}.",
                color="text_dim",
            )
        )
        self.entry = (
            self.add(PinEntry("handover.pin", placeholder="PIN", max_length=MAX_PIN_LENGTH))
            if self.pin is not None
            else None
        )
        # Wrapped: a lockout's message takes two lines on a narrow window.
        self.error = self.add(WrappedText("handover.error", "", color="danger"))
        self.confirm = self.add(
            Button("handover.confirm", f"We are the {adj} delegation", variant="primary")
        )
        self.focus(self.entry or self.confirm)

    @classmethod
    def for_table(cls, ctx: Context, setup: GameSetup, actor: str) -> HandoverScene:
        """A hand-over that returns to the table below it."""
        return cls(ctx, setup, actor, then=lambda: Pop(Intent("handover", "done", actor)))

    def layout(self, rect: pygame.Rect) -> None:
        t = self.theme
        width = min(t.px(720), rect.width - 2 * t.space("lg"))
        pad = t.space("xl") if width > t.px(500) else t.space("md")
        inner_w = width - 2 * pad
        h = t.control_height()
        heights = [
            t.line_height("overline"),
            self.heading.height_for(inner_w),
            self.message.height_for(inner_w),
            h if self.entry is not None else 0,
            max(t.line_height("body"), self.error.height_for(inner_w)),
            h,
        ]
        height = min(
            layout.stack_height(heights, t.space("md")) + 2 * pad, rect.height - 2 * t.space("sm")
        )
        self.panel = layout.centred((width, height), rect)
        over, head, msg, pin, err, button = layout.column(
            layout.pad(self.panel, pad), heights, t.space("md")
        )
        self.overline.rect, self.heading.rect, self.message.rect, self.error.rect = (
            over,
            head,
            msg,
            err,
        )
        if self.entry is not None:
            self.entry.rect = pygame.Rect(pin.left, pin.top, min(pin.width, t.px(240)), pin.height)
        bw = min(button.width, self.confirm.preferred_size()[0] + t.space("lg"))
        self.confirm.rect = pygame.Rect(button.right - bw, button.top, bw, button.height)

    def draw_background(self, surface: pygame.Surface) -> None:
        t = self.theme
        self.backdrop.draw(surface, t)
        draw_box(surface, t, self.panel, "surface", border="border_strong", radius="lg")
        stripe = pygame.Rect(self.panel.left, self.panel.top, t.px(8), self.panel.height)
        pygame.draw.rect(
            surface,
            self.colour,
            stripe,
            border_top_left_radius=t.radius("lg"),
            border_bottom_left_radius=t.radius("lg"),
        )

    def attempt(self) -> Transition | None:
        """Go on if the PIN (if any) is right; otherwise say so and clear it."""
        if self.pin is not None and self.entry is not None:
            answer = self.lockout.attempt(self.entry.text, self.pin.check)
            if not answer.ok:
                self.error.text = answer.message("That is not the PIN of this delegation.")
                self.relayout(self.rect)
                self.entry.clear()
                return None
        return self.then()

    def on_intent(self, intent: Intent) -> Transition | None:
        if intent.source == "handover.confirm" or (
            intent.source == "handover.pin" and intent.kind == "submit"
        ):
            return self.attempt()
        if intent.source == "handover.pin" and intent.kind == "change":
            self.error.text = ""
        return None

    def on_action(self, action: str) -> Transition | None:
        return self.attempt() if action == "confirm" else None

    def all_text(self) -> list[str]:
        """Every text on the screen (for the privacy tests)."""
        return [f.text for w in self.widgets() if w.visible for f in w.text_fits()]
