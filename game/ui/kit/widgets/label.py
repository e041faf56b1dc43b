"""Static text: a one-line ``Label`` and a ``WrappedText`` paragraph that wraps to its width."""

from __future__ import annotations

import pygame

from game.ui.kit.text import ellipsize, wrap_lines
from game.ui.kit.theme import ColorLike
from game.ui.kit.widgets.base import TextFit, Widget, blit_text


class Label(Widget):
    """One line of text; cut with an ellipsis (and reported by ``text_fits``) if too long."""

    def __init__(
        self,
        id: str,
        text: str,
        *,
        style: str = "body",
        color: ColorLike = "text",
        align: str = "left",
        tooltip: str | None = None,
    ) -> None:
        super().__init__(id, tooltip=tooltip)
        self.text = text
        self.style = style
        self.color = color
        self.align = align

    def preferred_size(self) -> tuple[int, int]:
        width, _ = self.theme.text_size(self.text, self.style)
        return (width, self.theme.line_height(self.style))

    def draw(self, surface: pygame.Surface) -> None:
        if not self.text:
            return
        font = self.theme.font(self.style)
        shown = ellipsize(font, self.text, self.rect.width)
        blit_text(surface, self.theme.text(shown, self.style, self.color), self.rect, self.align)

    def text_fits(self) -> list[TextFit]:
        return [self._fit(self.text, self.style, self.rect)] if self.text else []


class WrappedText(Widget):
    """A paragraph (newlines kept) wrapped to the widget's width; long words are broken."""

    def __init__(
        self,
        id: str,
        text: str,
        *,
        style: str = "body",
        color: ColorLike = "text",
        align: str = "left",
        line_spacing: float = 1.15,
    ) -> None:
        super().__init__(id)
        self.text = text
        self.style = style
        self.color = color
        self.align = align
        self.line_spacing = line_spacing
        self._cache_key: tuple[object, ...] = ()
        self._lines: list[str] = []

    def lines(self, width: int | None = None) -> list[str]:
        """The wrapped lines at ``width`` (default: the widget's width), cached."""
        width = self.rect.width if width is None else width
        key = (self.text, width, self.theme.version)
        if key != self._cache_key:
            self._lines = wrap_lines(self.theme.font(self.style), self.text, width)
            self._cache_key = key
        return self._lines

    def _step(self) -> int:
        return round(self.theme.line_height(self.style) * self.line_spacing)

    def height_for(self, width: int) -> int:
        """Pixel height the paragraph needs at ``width``."""
        count = len(self.lines(width))
        return self._step() * (count - 1) + self.theme.line_height(self.style) if count else 0

    def preferred_size(self) -> tuple[int, int]:
        return (self.rect.width, self.height_for(self.rect.width))

    def draw(self, surface: pygame.Surface) -> None:
        step = self._step()
        height = self.theme.line_height(self.style)
        y = self.rect.top
        for line in self.lines():
            if y + height > self.rect.bottom:
                break
            if line:
                box = pygame.Rect(self.rect.left, y, self.rect.width, height)
                blit_text(surface, self.theme.text(line, self.style, self.color), box, self.align)
            y += step

    def text_fits(self) -> list[TextFit]:
        width = max((self.theme.text_size(line, self.style)[0] for line in self.lines()), default=0)
        return [TextFit(self.id, self.text, (width, self.height_for(self.rect.width)), self.rect)]
