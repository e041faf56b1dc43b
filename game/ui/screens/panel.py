"""A centred modal panel built from rows of widgets, and the PIN gate that guards one.

The facilitator console and its PIN screen share it: a fixed head and foot,
and a middle that scrolls when the panel does not fit the window (a projector
at a large text size), so every control stays reachable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import pygame

from game.session.lockout import PinLockout
from game.session.pins import MAX_PIN_LENGTH
from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Replace, Scene, Transition
from game.ui.kit.widgets.base import Widget, draw_panel
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.label import Label, WrappedText
from game.ui.kit.widgets.scrollpanel import ScrollPanel
from game.ui.screens.widgets.chips import PinEntry

Row = list[tuple[Widget, int | layout.Flex]]


class PanelScene(Scene):
    """Rows of (widget, width or Flex): ``head_rows`` and ``foot_rows`` fixed, ``body_rows`` scroll.

    Widgets of the body rows must be added to ``self.body`` (they are laid out in
    its content coordinates); the others to the scene.
    """

    modal = True
    width = 940

    def __init__(self, ctx: Context, id: str) -> None:
        super().__init__(ctx)
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.body = self.add(ScrollPanel(f"{id}.body"))

    def head_rows(self) -> list[Row]:
        return []

    def body_rows(self) -> list[Row]:
        return []

    def foot_rows(self) -> list[Row]:
        return []

    def row_height(self, row: Row, width: int) -> int:
        t = self.theme
        heights = []
        for w, _ in row:
            if isinstance(w, WrappedText):
                heights.append(w.height_for(width))
            elif isinstance(w, Label):
                heights.append(t.line_height(w.style))
            else:
                heights.append(t.control_height())
        return max(heights)

    def _place(self, rows: list[Row], box: pygame.Rect, heights: list[int]) -> None:
        t = self.theme
        for row, spot_row in zip(rows, layout.column(box, heights, t.space("sm")), strict=True):
            spots = layout.row(spot_row, [size for _, size in row], t.space("md"))
            for (widget, _), spot in zip(row, spots, strict=True):
                widget.rect = spot

    def layout(self, rect: pygame.Rect) -> None:
        t = self.theme
        gap = t.space("sm")
        width = min(t.px(self.width), rect.width - 2 * t.space("md"))
        pad = t.space("xl") if width > t.px(700) else t.space("md")
        inner_w = width - 2 * pad
        parts = (self.head_rows(), self.body_rows(), self.foot_rows())
        heights = [[self.row_height(r, inner_w) for r in rows] for rows in parts]
        head_h, body_h, foot_h = (layout.stack_height(h, gap) for h in heights)
        body_full = self.body.height_for(body_h) if body_h else 0
        wanted = head_h + body_full + foot_h + 2 * gap + 2 * pad
        self.panel = layout.centred((width, min(wanted, rect.height - 2 * gap)), rect)
        head, middle, foot = layout.column(
            layout.pad(self.panel, pad), [head_h, layout.Flex(), foot_h], gap
        )
        self._place(parts[0], head, heights[0])
        self._place(parts[2], foot, heights[2])
        self.body.rect = middle
        content = pygame.Rect(0, 0, self.body.content_width(), body_h)
        self._place(parts[1], content, heights[1])
        self.body.arrange()

    def draw_background(self, surface: pygame.Surface) -> None:
        draw_panel(surface, self.theme, self.panel, border="border_strong")


class PinGate(PanelScene):
    """Asks for a PIN; the right one opens ``then()`` in its place, Cancel pops ``cancelled``."""

    title = "Facilitator PIN"
    width = 520
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (KeyBinding("escape", "close", "Close"),)

    def __init__(
        self,
        ctx: Context,
        check: Callable[[str], bool],
        then: Callable[[], Scene],
        cancelled: object = None,
        *,
        lockout: PinLockout | None = None,
    ) -> None:
        super().__init__(ctx, "pin")
        self.check = check
        self.then = then
        self.cancelled = cancelled
        self.lockout = lockout if lockout is not None else PinLockout()
        self.heading = self.add(Label("pin.title", "Facilitator console", style="subheading"))
        self.message = self.add(
            WrappedText("pin.message", "Enter the facilitator PIN.", color="text_dim")
        )
        self.entry = self.add(
            PinEntry("pin.entry", placeholder="PIN or passphrase", max_length=MAX_PIN_LENGTH)
        )
        self.gap = self.add(Label("pin.gap", ""))
        self.cancel = self.add(Button("pin.cancel", "Cancel"))
        self.ok = self.add(Button("pin.ok", "Open", variant="primary"))
        self.focus(self.entry)

    def head_rows(self) -> list[Row]:
        t = self.theme
        return [
            [(self.heading, layout.Flex())],
            [(self.message, layout.Flex())],
            [(self.entry, layout.Flex())],
            [(self.gap, layout.Flex()), (self.cancel, t.px(120)), (self.ok, t.px(120))],
        ]

    def attempt(self) -> Transition | None:
        answer = self.lockout.attempt(self.entry.text, self.check)
        if answer.ok:
            return Replace(self.then())
        self.entry.clear()
        self.message.text = answer.message("That is not the facilitator PIN.")
        self.message.color = "danger"
        self.relayout(self.rect)
        return None

    def on_intent(self, intent: Intent) -> Transition | None:
        if intent.source == "pin.ok" or (intent.source == "pin.entry" and intent.kind == "submit"):
            return self.attempt()
        if intent.source == "pin.cancel":
            return Pop(self.cancelled)
        return None

    def on_action(self, action: str) -> Transition | None:
        return Pop(self.cancelled) if action == "close" else None
