"""Where the table's panels go: three columns on a wide window, tabs on a narrow one.

At a large UI scale (a projector) or in a small window the table shows one
panel at a time behind tabs (Act, Board, Transcript, Delegations), with the
status line always at the bottom.  These functions take the theme and the
window's rect and return a ``Placement``; the table puts its widgets there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.ui.kit import layout
from game.ui.kit.theme import Theme

PANELS = ("delegations", "board", "transcript")


@dataclass(frozen=True, slots=True)
class Placement:
    """The table's rects for one window size.

    ``panels``: each panel's rect; ``shown``: the panels visible; ``tabs``: the
    tab buttons' rects (none on a wide window); ``bar``: the action bar's area, or
    None when it is hidden; ``status``: the status line's own rect when the bar
    does not place it (narrow windows).
    """

    top: pygame.Rect
    panels: dict[str, pygame.Rect]
    shown: frozenset[str]
    tabs: tuple[pygame.Rect, ...] = ()
    bar: pygame.Rect | None = None
    status: pygame.Rect | None = None


def top_height(t: Theme) -> int:
    """The top bar's height: two lines of text or the tension meter, with padding."""
    return max(
        t.line_height("subheading") + t.line_height("caption"),
        t.line_height("label") + t.px(18),
    ) + 2 * t.space("sm")


def wide(t: Theme, rect: pygame.Rect, bar_height: int) -> Placement:
    """Delegations, board and transcript side by side; the action bar below."""
    top, body, bar = layout.column(rect, [top_height(t), layout.Flex(), bar_height])
    body = layout.pad(body, t.space("md"))
    left = max(t.px(230), body.width * 19 // 100)
    right = max(t.px(340), body.width * 30 // 100)
    boxes = layout.row(body, [left, layout.Flex(), right], t.space("md"))
    return Placement(top, dict(zip(PANELS, boxes, strict=True)), frozenset(PANELS), bar=bar)


def compact(t: Theme, rect: pygame.Rect, tabs: Sequence[str], tab: str) -> Placement:
    """One panel at a time behind ``tabs``; the Act tab ("move") holds the action bar."""
    status_h = t.control_height() + 2 * t.space("sm")
    top, body, status = layout.column(rect, [top_height(t), layout.Flex(), status_h])
    body = layout.pad(body, t.space("md"), t.space("sm"))
    tab_row, body = layout.column(body, [t.control_height(), layout.Flex()], t.space("sm"))
    boxes = layout.row(tab_row, [layout.Flex()] * len(tabs), t.space("sm"))
    bar = None
    if tab == "move":
        bar = pygame.Rect(
            body.left - t.space("lg"),
            body.top - t.space("md"),
            body.width + 2 * t.space("lg"),
            body.height,
        )
    return Placement(
        top,
        {panel: pygame.Rect(body) for panel in PANELS},
        frozenset(panel for panel in PANELS if panel == tab),
        tabs=tuple(boxes),
        bar=bar,
        status=layout.pad(status, t.space("lg"), t.space("sm")),
    )
