"""Rows, columns and padding as pure functions of a rectangle, so screens lay out again on resize.

A scene's ``layout(rect)`` splits its rectangle with these helpers each time
the window size or the UI scale changes; no widget stores absolute positions
it computed once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame


@dataclass(frozen=True, slots=True)
class Flex:
    """A share of the space left after fixed sizes, by weight."""

    weight: float = 1.0


Size = int | Flex


def _split(total: int, sizes: Sequence[Size], gap: int) -> list[int]:
    fixed = sum(s for s in sizes if isinstance(s, int))
    weights = sum(s.weight for s in sizes if isinstance(s, Flex))
    free = max(0, total - fixed - gap * max(0, len(sizes) - 1))
    out: list[int] = []
    given = 0
    flex_seen = 0.0
    for size in sizes:
        if isinstance(size, int):
            out.append(size)
            continue
        # Hand out rounding remainders so the flexible parts fill ``free`` exactly.
        flex_seen += size.weight
        upto = round(free * flex_seen / weights) if weights else 0
        out.append(upto - given)
        given = upto
    return out


def column(rect: pygame.Rect, sizes: Sequence[Size], gap: int = 0) -> list[pygame.Rect]:
    """Split ``rect`` top to bottom into rows of the given heights."""
    rects = []
    y = rect.top
    for height in _split(rect.height, sizes, gap):
        rects.append(pygame.Rect(rect.left, y, rect.width, height))
        y += height + gap
    return rects


def row(rect: pygame.Rect, sizes: Sequence[Size], gap: int = 0) -> list[pygame.Rect]:
    """Split ``rect`` left to right into columns of the given widths."""
    rects = []
    x = rect.left
    for width in _split(rect.width, sizes, gap):
        rects.append(pygame.Rect(x, rect.top, width, rect.height))
        x += width + gap
    return rects


def pad(rect: pygame.Rect, x: int, y: int | None = None) -> pygame.Rect:
    """``rect`` shrunk by ``x`` on the left and right and ``y`` (default ``x``) top and bottom."""
    y = x if y is None else y
    return pygame.Rect(
        rect.left + x, rect.top + y, max(0, rect.width - 2 * x), max(0, rect.height - 2 * y)
    )


def centred(size: tuple[int, int], within: pygame.Rect) -> pygame.Rect:
    """A rectangle of ``size`` centred in ``within``."""
    out = pygame.Rect((0, 0), size)
    out.center = within.center
    return out


def stack_height(sizes: Sequence[int], gap: int) -> int:
    """Total height of fixed rows with gaps between them."""
    return sum(sizes) + gap * max(0, len(sizes) - 1)
