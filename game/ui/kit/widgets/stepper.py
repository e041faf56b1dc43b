"""A stepper over a fixed list of values (− value +): arrows, +/− keys or clicks report a change."""

from __future__ import annotations

import pygame

from game.ui.kit.intent import Handled
from game.ui.kit.widgets.base import TextFit, blit_text, draw_box, draw_focus_ring
from game.ui.kit.widgets.choice import Choice

_DECREASE = (pygame.K_LEFT, pygame.K_MINUS, pygame.K_KP_MINUS, pygame.K_DOWN)
_INCREASE = (pygame.K_RIGHT, pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS, pygame.K_UP)


class Stepper(Choice):
    """Choose one of ``options`` (value, label) by stepping; reports ``change`` with the value."""

    def _buttons(self) -> tuple[pygame.Rect, pygame.Rect]:
        size = self.rect.height
        minus = pygame.Rect(self.rect.left, self.rect.top, size, size)
        plus = pygame.Rect(self.rect.right - size, self.rect.top, size, size)
        return minus, plus

    def _value_box(self) -> pygame.Rect:
        minus, plus = self._buttons()
        return pygame.Rect(
            minus.right, self.rect.top, max(0, plus.left - minus.right), self.rect.height
        )

    def preferred_size(self) -> tuple[int, int]:
        height = self.theme.control_height()
        widest = max(self.theme.text_size(label, "label")[0] for _, label in self.options)
        return (widest + 2 * height + 2 * self.theme.space("md"), height)

    def step(self, delta: int) -> Handled:
        """Move ``delta`` options (clamped); an intent if the value changed."""
        new = max(0, min(self.index + delta, len(self.options) - 1))
        if new == self.index:
            return True
        self.index = new
        return self.intent("change", self.value)

    def handle_event(self, event: pygame.event.Event) -> Handled:
        pointer = self._track_pointer(event)
        if pointer == "click":
            minus, plus = self._buttons()
            if minus.collidepoint(event.pos):
                return self.step(-1)
            if plus.collidepoint(event.pos):
                return self.step(+1)
            return True
        if pointer == "down":
            return True
        if self.enabled and self.focused and event.type == pygame.KEYDOWN:
            if event.key in _DECREASE:
                return self.step(-1)
            if event.key in _INCREASE:
                return self.step(+1)
        return False

    def _draw_sign(
        self, surface: pygame.Surface, rect: pygame.Rect, plus: bool, active: bool
    ) -> None:
        colour = self.theme.color("text" if active else "text_disabled")
        half = rect.height // 6
        thick = max(2, self.theme.px(2))
        pygame.draw.line(
            surface,
            colour,
            (rect.centerx - half, rect.centery),
            (rect.centerx + half, rect.centery),
            thick,
        )
        if plus:
            pygame.draw.line(
                surface,
                colour,
                (rect.centerx, rect.centery - half),
                (rect.centerx, rect.centery + half),
                thick,
            )

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.theme
        draw_box(
            surface, theme, self.rect, "panel_hover" if self.hovered and self.enabled else "panel"
        )
        minus, plus = self._buttons()
        for rect in (minus, plus):
            pygame.draw.line(
                surface,
                theme.color("border"),
                (rect.left if rect is plus else rect.right, rect.top + 4),
                (rect.left if rect is plus else rect.right, rect.bottom - 5),
            )
        self._draw_sign(surface, minus, False, self.enabled and self.index > 0)
        self._draw_sign(surface, plus, True, self.enabled and self.index < len(self.options) - 1)
        colour = "text" if self.enabled else "text_disabled"
        blit_text(
            surface,
            theme.text(self.options[self.index][1], "label", colour),
            self._value_box(),
            "center",
        )
        if self.focused:
            draw_focus_ring(surface, theme, self.rect)

    def text_fits(self) -> list[TextFit]:
        box = self._value_box()
        return [self._fit(label, "label", box) for _, label in self.options]
