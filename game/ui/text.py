"""Measuring and wrapping text, so that layouts know a paragraph's height before drawing it.

Our own greedy wrap (rather than only ``Font.render(wraplength=...)``) because
the layout needs the line count up front, and because a word longer than the
box (a URL, a long Russian compound) must be broken rather than overflow.
"""

from __future__ import annotations

import pygame

ELLIPSIS = "…"


def _break_word(font: pygame.font.Font, word: str, width: int) -> list[str]:
    """Split a word wider than ``width`` into pieces that each fit (at least one char each)."""
    pieces: list[str] = []
    rest = word
    while rest:
        # Binary search for the longest prefix that fits.
        lo, hi = 1, len(rest)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if font.size(rest[:mid])[0] <= width:
                lo = mid
            else:
                hi = mid - 1
        pieces.append(rest[:lo])
        rest = rest[lo:]
    return pieces


def wrap_lines(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Lines of ``text`` that each fit in ``width`` pixels; newlines start new lines."""
    width = max(1, width)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if font.size(candidate)[0] <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            if font.size(word)[0] <= width:
                current = word
            else:
                *full, current = _break_word(font, word, width)
                lines.extend(full)
        lines.append(current)
    return lines


def ellipsize(font: pygame.font.Font, text: str, width: int) -> str:
    """``text`` cut with an ellipsis so that it fits ``width`` pixels."""
    if font.size(text)[0] <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if font.size(text[:mid] + ELLIPSIS)[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS
