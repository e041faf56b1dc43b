"""A push button: click, Enter or Space reports ``Intent(id, "click")``."""

from __future__ import annotations

import pygame

from game.ui.kit.intent import Handled
from game.ui.kit.text import ellipsize
from game.ui.kit.widgets.base import (
    TextFit,
    Widget,
    blit_text,
    draw_box,
    draw_focus_ring,
    is_activate_key,
)

# variant -> (fill, hover fill, pressed fill, border, text colour)
_LOOKS = {
    "primary": ("accent", "accent_hover", "accent", "accent", "accent_text"),
    "secondary": ("panel", "panel_hover", "panel_pressed", "border", "text"),
    "ghost": ("background", "panel_hover", "panel_pressed", None, "text"),
    "danger": ("danger", "danger", "panel_pressed", "danger", "text"),
}


class Button(Widget):
    """A labelled button in one of the variants primary, secondary, ghost or danger."""

    focusable = True

    def __init__(
        self,
        id: str,
        text: str,
        *,
        variant: str = "secondary",
        style: str = "button",
        align: str = "center",
        tooltip: str | None = None,
        enabled: bool = True,
    ) -> None:
        super().__init__(id, tooltip=tooltip, enabled=enabled)
        if variant not in _LOOKS:
            raise ValueError(f"unknown button variant {variant!r}")
        self.text = text
        self.variant = variant
        self.style = style
        self.align = align

    def preferred_size(self) -> tuple[int, int]:
        width, _ = self.theme.text_size(self.text, self.style)
        return (
            width + 2 * self.theme.metric("control_pad_x"),
            self.theme.control_height(self.style),
        )

    def handle_event(self, event: pygame.event.Event) -> Handled:
        pointer = self._track_pointer(event)
        if pointer == "click":
            return self.intent("click")
        if pointer == "down":
            return True
        if self.enabled and self.focused and is_activate_key(event):
            return self.intent("click")
        return False

    def _text_box(self) -> pygame.Rect:
        pad = self.theme.metric("control_pad_x")
        return self.rect.inflate(-2 * pad, 0)

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.theme
        fill, hover, pressed, border, text_colour = _LOOKS[self.variant]
        ghost = self.variant == "ghost"
        if not self.enabled:
            if not ghost:
                draw_box(surface, theme, self.rect, "panel", border="border")
            text_colour = "text_disabled"
        elif self.pressed or self.hovered or self.focused or not ghost:
            # A ghost (menu) button has no box until it is pointed at or focused.
            colour = pressed if self.pressed else hover if self.hovered or self.focused else fill
            draw_box(surface, theme, self.rect, colour, border=border)
        if (
            self.focused and self.enabled and self.variant != "ghost"
        ):  # ghost items show a bar instead
            draw_focus_ring(surface, theme, self.rect)
        box = self._text_box()
        label = ellipsize(theme.font(self.style), self.text, box.width)
        blit_text(surface, theme.text(label, self.style, text_colour), box, self.align)
        if self.variant == "ghost" and self.enabled and (self.hovered or self.focused):
            # A short accent bar marks the active menu item, like a pointer on a list.
            bar = pygame.Rect(
                self.rect.left,
                self.rect.top + theme.px(10),
                theme.px(3),
                self.rect.height - theme.px(20),
            )
            pygame.draw.rect(surface, theme.color("accent"), bar)

    def text_fits(self) -> list[TextFit]:
        return [self._fit(self.text, self.style, self._text_box())]
