"""Where the table's panels go: three columns on a wide window, tabs on a narrow one.

At a large UI scale (a projector) or in a small window the table shows one
panel at a time behind tabs (Act, Board, Transcript, Delegations), with the
status line always at the bottom.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.kit import layout

if TYPE_CHECKING:
    from game.ui.screens.table.scene import TableScene


def top_height(scene: TableScene) -> int:
    """The top bar's height: two lines of text or the tension meter, with padding."""
    t = scene.theme
    return max(
        t.line_height("subheading") + t.line_height("caption"),
        t.line_height("label") + t.px(18),
    ) + 2 * t.space("sm")


def wide(scene: TableScene, rect: pygame.Rect) -> None:
    """Delegations, board and transcript side by side; the action bar below."""
    t = scene.theme
    bar_h = scene.bar.height_for(t, rect.width)
    top, body, bar = layout.column(rect, [top_height(scene), layout.Flex(), bar_h])
    scene.topbar.rect = top
    scene.bar.show(True)
    scene.bar.layout(t, bar)
    body = layout.pad(body, t.space("md"))
    left = max(t.px(230), body.width * 19 // 100)
    right = max(t.px(340), body.width * 30 // 100)
    (
        scene.delegations.rect,
        scene.board_panel.rect,
        scene.transcript.rect,
    ) = layout.row(body, [left, layout.Flex(), right], t.space("md"))
    for panel in (scene.delegations, scene.board_panel, scene.transcript):
        panel.visible = True
    for button in scene.tabs:
        button.visible = False


def compact(scene: TableScene, rect: pygame.Rect) -> None:
    """One panel at a time behind tabs; the Act tab holds the action bar."""
    t = scene.theme
    status_h = t.control_height() + 2 * t.space("sm")
    top, body, status = layout.column(rect, [top_height(scene), layout.Flex(), status_h])
    scene.topbar.rect = top
    scene.bar.status.rect = layout.pad(status, t.space("lg"), t.space("sm"))
    body = layout.pad(body, t.space("md"), t.space("sm"))
    tabs, body = layout.column(body, [t.control_height(), layout.Flex()], t.space("sm"))
    boxes = layout.row(tabs, [layout.Flex()] * len(scene.tabs), t.space("sm"))
    for button, box in zip(scene.tabs, boxes, strict=True):
        button.rect = box
        button.visible = True
        button.variant = "primary" if button.id == f"table.tab.{scene.tab}" else "secondary"
    for panel in (scene.delegations, scene.board_panel, scene.transcript):
        panel.rect = pygame.Rect(body)
    scene.delegations.visible = scene.tab == "delegations"
    scene.board_panel.visible = scene.tab == "board"
    scene.transcript.visible = scene.tab == "transcript"
    scene.bar.show(scene.tab == "move")
    if scene.tab == "move":
        area = pygame.Rect(
            body.left - t.space("lg"),
            body.top - t.space("md"),
            body.width + 2 * t.space("lg"),
            body.height,
        )
        scene.bar.layout(t, area, with_status=False)
