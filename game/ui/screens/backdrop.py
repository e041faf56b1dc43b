"""The calm backdrop shared by the menu screens: a navy gradient with a faint negotiating table.

Rendered once per window size and theme version, then blitted: drawing it is
one copy per frame.
"""

from __future__ import annotations

import math

import pygame

from game.ui.kit.theme import Theme


def _lerp(a: pygame.Color, b: pygame.Color, t: float) -> tuple[int, int, int]:
    return (
        round(a.r + (b.r - a.r) * t),
        round(a.g + (b.g - a.g) * t),
        round(a.b + (b.b - a.b) * t),
    )


# Rendered backdrops shared by every screen: a round summary opened in the frame of
# the move that closed the round blits the one the last summary rendered.
_RENDERED: dict[tuple[object, ...], pygame.Surface] = {}
_KEPT = 4  # a few window sizes and looks
_COLOURS = ("background", "background_edge", "border_strong", "danger")


class Backdrop:
    """A cached background surface."""

    def draw(self, surface: pygame.Surface, theme: Theme, table: pygame.Rect | None = None) -> None:
        """Blit the backdrop; ``table`` is where the table motif goes (None: no motif)."""
        surface.blit(rendered(surface.get_size(), theme, table), (0, 0))


def rendered(
    size: tuple[int, int], theme: Theme, table: pygame.Rect | None = None
) -> pygame.Surface:
    """The backdrop of ``size``, rendered once (the table renders it early, between moves,
    for the round summaries that open in the frame of a move)."""
    # What the picture is made of (a theme object may be garbage and its id reused).
    colours = tuple(tuple(theme.color(c)) for c in _COLOURS)
    key = (size, theme.scale, colours, None if table is None else tuple(table))
    found = _RENDERED.get(key)
    if found is None:
        if len(_RENDERED) >= _KEPT:
            _RENDERED.pop(next(iter(_RENDERED)))
        found = _RENDERED[key] = _render(size, theme, table)
    return found


def _render(size: tuple[int, int], theme: Theme, table: pygame.Rect | None) -> pygame.Surface:
    width, height = size
    out = pygame.Surface(size)
    top, edge = theme.color("background"), theme.color("background_edge")
    for y in range(height):
        # Lighter towards the upper middle, darker towards the bottom: a lamp over the table.
        t = min(1.0, abs(y / max(1, height) - 0.3) * 1.3)
        pygame.draw.line(out, _lerp(top, edge, t * t), (0, y), (width, y))
    if table is not None and table.width > 0:
        _table(out, theme, table)
    return out


def _table(out: pygame.Surface, theme: Theme, box: pygame.Rect) -> None:
    """A round table seen from above: rings, seats, and one red line across it."""
    layer = pygame.Surface(out.get_size(), pygame.SRCALPHA)
    cx, cy = box.center
    radius = min(box.width, box.height) // 2
    ring = theme.color("border_strong")
    faint = (ring.r, ring.g, ring.b, 70)
    fainter = (ring.r, ring.g, ring.b, 38)
    pygame.draw.circle(layer, fainter, (cx, cy), radius, width=max(1, theme.px(1)))
    pygame.draw.circle(layer, faint, (cx, cy), int(radius * 0.72), width=max(2, theme.px(2)))
    pygame.draw.circle(layer, fainter, (cx, cy), int(radius * 0.70), width=max(1, theme.px(1)))
    seats = 10
    for i in range(seats):
        angle = 2 * math.pi * i / seats + math.pi / seats
        sx = cx + math.cos(angle) * radius * 0.86
        sy = cy + math.sin(angle) * radius * 0.86
        pygame.draw.circle(
            layer,
            faint,
            (round(sx), round(sy)),
            max(3, int(radius * 0.06)),
            width=max(1, theme.px(1)),
        )
    red = theme.color("danger")
    half = int(radius * 0.70)
    pygame.draw.line(
        layer, (red.r, red.g, red.b, 150), (cx - half, cy), (cx + half, cy), max(2, theme.px(2))
    )
    out.blit(layer, (0, 0))
