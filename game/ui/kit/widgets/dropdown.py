"""A dropdown selector: shows the chosen option; opens a popup list to choose another.

Closed, arrow keys step through the options directly; Enter, Space or a click
opens the popup, which captures input until an option is chosen, Escape is
pressed or the user clicks elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.ui.kit.intent import Handled
from game.ui.kit.text import ellipsize
from game.ui.kit.widgets.base import (
    TextFit,
    blit_text,
    draw_box,
    draw_focus_ring,
    is_activate_key,
)
from game.ui.kit.widgets.choice import Choice


class Dropdown(Choice):
    """Choose one of ``options`` (value, label); reports ``Intent(id, "change", value)``."""

    def __init__(
        self,
        id: str,
        options: Sequence[tuple[object, str]],
        index: int = 0,
        *,
        tooltip: str | None = None,
        enabled: bool = True,
    ) -> None:
        super().__init__(id, options, index, tooltip=tooltip, enabled=enabled)
        self.open = False
        self.highlight = self.index

    # -- geometry ----------------------------------------------------------------------
    def _row_height(self) -> int:
        return self.theme.control_height("body")

    def popup_rect(self) -> pygame.Rect:
        """Where the open list is drawn: below the control, or above if no room below."""
        height = self._row_height() * len(self.options) + 2
        popup = pygame.Rect(self.rect.left, self.rect.bottom + 2, self.rect.width, height)
        screen = pygame.display.get_surface()
        if screen is not None and popup.bottom > screen.get_height():
            popup.bottom = self.rect.top - 2
        return popup

    def _row_rect(self, i: int) -> pygame.Rect:
        popup = self.popup_rect()
        h = self._row_height()
        return pygame.Rect(popup.left + 1, popup.top + 1 + i * h, popup.width - 2, h)

    def _text_box(self) -> pygame.Rect:
        pad = self.theme.metric("control_pad_x")
        return pygame.Rect(
            self.rect.left + pad,
            self.rect.top,
            max(0, self.rect.width - 2 * pad - self.rect.height // 2),
            self.rect.height,
        )

    def preferred_size(self) -> tuple[int, int]:
        widest = max(self.theme.text_size(label, "body")[0] for _, label in self.options)
        height = self.theme.control_height()
        return (widest + 2 * self.theme.metric("control_pad_x") + height // 2, height)

    # -- behaviour ---------------------------------------------------------------------
    def captures_input(self) -> bool:
        return self.open

    def on_blur(self) -> None:
        super().on_blur()
        self.open = False

    def _choose(self, i: int) -> Handled:
        self.open = False
        if i == self.index:
            return True
        self.index = i
        return self.intent("change", self.value)

    def _handle_open(self, event: pygame.event.Event) -> Handled:
        if event.type == pygame.MOUSEMOTION:
            for i in range(len(self.options)):
                if self._row_rect(i).collidepoint(event.pos):
                    self.highlight = i
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            for i in range(len(self.options)):
                if self._row_rect(i).collidepoint(event.pos):
                    return self._choose(i)
            self.open = False
            return True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.open = False
            elif event.key == pygame.K_UP:
                self.highlight = max(0, self.highlight - 1)
            elif event.key == pygame.K_DOWN:
                self.highlight = min(len(self.options) - 1, self.highlight + 1)
            elif is_activate_key(event):
                return self._choose(self.highlight)
            elif event.key == pygame.K_TAB:
                self.open = False
                return False  # let focus move on
            return True
        return event.type in (pygame.TEXTINPUT, pygame.MOUSEWHEEL)

    def handle_event(self, event: pygame.event.Event) -> Handled:
        if self.open:
            return self._handle_open(event)
        pointer = self._track_pointer(event)
        if pointer == "click" or (self.enabled and self.focused and is_activate_key(event)):
            self.open = True
            self.highlight = self.index
            return True
        if pointer == "down":
            return True
        if self.enabled and self.focused and event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_LEFT, pygame.K_UP):
                return self._choose(max(0, self.index - 1))
            if event.key in (pygame.K_RIGHT, pygame.K_DOWN):
                return self._choose(min(len(self.options) - 1, self.index + 1))
        return False

    # -- drawing -----------------------------------------------------------------------
    def _chevron(self, surface: pygame.Surface) -> None:
        size = self.theme.px(5)
        cx = self.rect.right - self.theme.metric("control_pad_x") - size
        cy = self.rect.centery
        points = [
            (cx - size, cy - size // 2),
            (cx + size, cy - size // 2),
            (cx, cy + size // 2 + 1),
        ]
        colour = "text_dim" if self.enabled else "text_disabled"
        pygame.draw.polygon(surface, self.theme.color(colour), points)

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.theme
        fill = "panel_hover" if (self.hovered or self.open) and self.enabled else "panel"
        draw_box(surface, theme, self.rect, fill)
        box = self._text_box()
        label = ellipsize(theme.font("body"), self.options[self.index][1], box.width)
        blit_text(
            surface, theme.text(label, "body", "text" if self.enabled else "text_disabled"), box
        )
        self._chevron(surface)
        if self.focused:
            draw_focus_ring(surface, theme, self.rect)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        if not self.open:
            return
        theme = self.theme
        popup = self.popup_rect()
        shadow = popup.move(0, theme.px(4))
        pygame.draw.rect(
            surface, theme.color("background_edge"), shadow, border_radius=theme.radius("md")
        )
        draw_box(surface, theme, popup, "surface", border="border_strong")
        pad = theme.metric("control_pad_x")
        for i, (_, label) in enumerate(self.options):
            row = self._row_rect(i)
            if i == self.highlight:
                pygame.draw.rect(
                    surface, theme.color("selection"), row, border_radius=theme.radius("sm")
                )
            colour = "accent" if i == self.index else "text"
            shown = ellipsize(theme.font("body"), label, row.width - 2 * pad)
            blit_text(surface, theme.text(shown, "body", colour), row.inflate(-2 * pad, 0))

    def text_fits(self) -> list[TextFit]:
        box = self._text_box()
        return [self._fit(label, "body", box) for _, label in self.options]
