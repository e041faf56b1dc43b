"""Tooltips: after the pointer rests on a widget with a ``tooltip`` text, show it in a bubble."""

from __future__ import annotations

import pygame

from game.ui.kit.text import wrap_lines
from game.ui.kit.theme import Theme
from game.ui.kit.widgets.base import Widget


class TooltipLayer:
    """Tracks what the pointer rests on and draws its tooltip above everything."""

    def __init__(self) -> None:
        self.target: Widget | None = None
        self.pointer = (0, 0)
        self.rested = 0.0

    def hover(self, widget: Widget | None, pointer: tuple[int, int]) -> bool:
        """The pointer moved; returns whether a visible tooltip changed (needs a redraw)."""
        was_visible = self.target is not None and self.visible_text() is not None
        if widget is not self.target:
            self.target = widget
            self.rested = 0.0
        self.pointer = pointer
        return was_visible

    def hide(self) -> None:
        """Forget the target (a click or a key hides the tooltip)."""
        self.target = None
        self.rested = 0.0

    def _delay(self) -> int:
        if self.target is None:
            return 0
        return self.target.theme.metric("tooltip_delay_ms", scaled=False)

    def update(self, dt: float) -> None:
        """Count how long the pointer has rested."""
        if self.target is not None:
            self.rested += dt

    def wakeup_in(self) -> float | None:
        """Time until the tooltip should appear, if one is pending."""
        if self.target is None or not self.target.tooltip:
            return None
        remaining = self._delay() - self.rested
        return remaining if remaining > 0 else None

    def visible_text(self) -> str | None:
        """The text shown now, if any."""
        if self.target is None or not self.target.tooltip or not self.target.visible:
            return None
        return self.target.tooltip if self.rested >= self._delay() else None

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the bubble near the pointer, kept inside the window."""
        text = self.visible_text()
        if text is None or self.target is None:
            return
        theme: Theme = self.target.theme
        pad = theme.space("sm")
        font = theme.font("caption")
        lines = wrap_lines(font, text, theme.px(320))
        line_h = font.get_linesize()
        width = max(font.size(line)[0] for line in lines) + 2 * pad
        height = line_h * len(lines) + 2 * pad
        box = pygame.Rect(
            self.pointer[0] + theme.px(14), self.pointer[1] + theme.px(20), width, height
        )
        box.clamp_ip(surface.get_rect())
        pygame.draw.rect(surface, theme.color("tooltip"), box, border_radius=theme.radius("sm"))
        for i, line in enumerate(lines):
            surface.blit(
                theme.text(line, "caption", "tooltip_text"),
                (box.left + pad, box.top + pad + i * line_h),
            )
