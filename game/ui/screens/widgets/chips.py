"""Small labelled marks: a colour swatch with its name, and a PIN entry that shows dots."""

from __future__ import annotations

import pygame

from game.ui.kit.text import ellipsize
from game.ui.kit.widgets.base import TextFit, Widget, blit_text
from game.ui.kit.widgets.entry import TextEntry

MASK = "•"


class Swatch(Widget):
    """A colour square followed by a one-line label (colour is never the only cue)."""

    def __init__(self, id: str, text: str, colour: pygame.Color, *, style: str = "label") -> None:
        super().__init__(id)
        self.text = text
        self.colour = colour
        self.style = style

    def _box(self) -> tuple[pygame.Rect, pygame.Rect]:
        size = self.theme.px(14)
        square = pygame.Rect(self.rect.left, self.rect.centery - size // 2, size, size)
        left = square.right + self.theme.space("sm")
        return square, pygame.Rect(left, self.rect.top, self.rect.right - left, self.rect.height)

    def preferred_size(self) -> tuple[int, int]:
        w, _ = self.theme.text_size(self.text, self.style)
        return (w + self.theme.px(14) + self.theme.space("sm"), self.theme.line_height(self.style))

    def draw(self, surface: pygame.Surface) -> None:
        square, box = self._box()
        pygame.draw.rect(surface, self.colour, square, border_radius=self.theme.radius("sm"))
        shown = ellipsize(self.theme.font(self.style), self.text, box.width)
        blit_text(surface, self.theme.text(shown, self.style), box)

    def text_fits(self) -> list[TextFit]:
        return [self._fit(self.text, self.style, self._box()[1])]


class PinEntry(TextEntry):
    """A text entry whose characters are drawn as dots (a delegation's PIN)."""

    def draw(self, surface: pygame.Surface) -> None:
        real = self.text
        self.text = MASK * len(real)  # same length: the caret stays where it was
        try:
            super().draw(surface)
        finally:
            self.text = real

    def text_fits(self) -> list[TextFit]:
        real = self.text
        self.text = MASK * len(real)
        try:
            return super().text_fits()
        finally:
            self.text = real
