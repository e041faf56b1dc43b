"""Two columns of paragraphs side by side (stacked when narrow): a result beside history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.ui.kit.text import wrap_lines
from game.ui.kit.theme import ColorLike, Theme
from game.ui.kit.widgets.base import TextFit, Widget

STACK_BELOW = 640  # narrower than this (at scale 1), the columns stack


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    style: str = "body"
    colour: ColorLike = "text"
    gap: str = "sm"  # space above


class Columns(Widget):
    """``left`` and ``right`` paragraphs; ``height_for(width)`` says how tall the pair is."""

    def __init__(self, id: str, left: Sequence[Para], right: Sequence[Para]) -> None:
        super().__init__(id)
        self.left = list(left)
        self.right = list(right)

    def _boxes(self, width: int) -> list[tuple[list[Para], int, int]]:
        """(paragraphs, x offset, column width) for each column."""
        t = self.theme
        if width < t.px(STACK_BELOW):
            return [(self.left, 0, width), (self.right, 0, width)]
        gap = t.space("xl")
        half = (width - gap) // 2
        return [(self.left, 0, half), (self.right, half + gap, half)]

    def _lines(self, theme: Theme, width: int) -> list[tuple[str, str, ColorLike, int, int, int]]:
        """Every line: (text, style, colour, x, y, column width)."""
        out = []
        stacked = width < theme.px(STACK_BELOW)
        y0 = 0
        for paras, x, w in self._boxes(width):
            y = y0
            for n, para in enumerate(paras):
                if n:
                    y += theme.space(para.gap)
                h = theme.line_height(para.style)
                for line in wrap_lines(theme.font(para.style), para.text, w):
                    out.append((line, para.style, para.colour, x, y, w))
                    y += h
            if stacked:
                y0 = y + theme.space("lg")
        return out

    def height_for(self, width: int) -> int:
        """Pixel height of the columns at ``width`` (the taller one, or both when stacked)."""
        t = self.theme
        return max(
            (y + t.line_height(style) for _, style, _, _, y, _ in self._lines(t, width)), default=0
        )

    def preferred_size(self) -> tuple[int, int]:
        return (self.rect.width, self.height_for(self.rect.width))

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        for text, style, colour, x, y, _ in self._lines(t, self.rect.width):
            if text:
                surface.blit(t.text(text, style, colour), (self.rect.left + x, self.rect.top + y))

    def text_fits(self) -> list[TextFit]:
        t = self.theme
        return [
            TextFit(
                self.id,
                text,
                t.text_size(text, style),
                pygame.Rect(
                    self.rect.left + x,
                    self.rect.top + y,
                    w,
                    max(t.line_height(style), t.text_size(text, style)[1]),
                ),
            )
            for text, style, _, x, y, w in self._lines(t, self.rect.width)
        ]
