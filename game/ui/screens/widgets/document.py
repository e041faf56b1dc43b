"""A scrolling document of headings, paragraphs and embedded widgets, laid out again on resize.

Briefings, round summaries and the debrief are long texts of mixed styles; a
``Document`` keeps the list of blocks and re-flows them inside a ``ScrollPanel``
whenever the width or the UI scale changes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.kit.theme import ColorLike
from game.ui.kit.widgets.base import Widget
from game.ui.kit.widgets.label import WrappedText
from game.ui.kit.widgets.scrollpanel import ScrollPanel
from game.ui.screens.common import prose


@dataclass
class _Block:
    widget: Widget
    gap: str  # spacing name above the block
    height: int | None  # fixed height at scale 1 (None: a paragraph's own height)
    indent: int  # left indent at scale 1


class Document:
    """Blocks added top to bottom into a scroll panel."""

    def __init__(self, panel: ScrollPanel, prefix: str) -> None:
        self.panel = panel
        self.prefix = prefix
        self.blocks: list[_Block] = []

    def _id(self) -> str:
        return f"{self.prefix}.{len(self.blocks)}"

    def clear(self) -> None:
        """Remove every block (a panel shared with another document keeps that one's)."""
        for block in self.blocks:
            self.panel.remove(block.widget)
        self.blocks.clear()

    def text(
        self,
        text: str,
        style: str = "body",
        color: ColorLike = "text",
        *,
        gap: str = "sm",
        indent: int = 0,
    ) -> WrappedText:
        """A wrapped paragraph (empty text adds nothing visible but keeps the order)."""
        widget = self.panel.add(WrappedText(self._id(), prose(text), style=style, color=color))
        self.blocks.append(_Block(widget, gap, None, indent))
        return widget

    def heading(self, text: str, *, gap: str = "xl", style: str = "subheading") -> WrappedText:
        """A section heading."""
        return self.text(text, style, "accent" if style == "overline" else "text", gap=gap)

    def widget(
        self, widget: Widget, height: int | None = None, *, gap: str = "md", indent: int = 0
    ) -> Widget:
        """Any widget, full width, at a fixed height at scale 1 (None: its preferred height)."""
        self.panel.add(widget)
        self.blocks.append(_Block(widget, gap, height, indent))
        return widget

    def arrange(
        self, top: int = 0, first: int = 0, last: int | None = None, *, place: bool = True
    ) -> int:
        """Flow the blocks at the panel's width (call after the panel's rect is set); returns
        the bottom.  ``top``, ``first`` and ``last``: flow only ``blocks[first:last]``, from
        ``top`` down, so that another document's blocks can come between (a form's notes);
        ``place=False`` leaves placing the panel's children to the last of those calls."""
        theme = self.panel.theme
        width = self.panel.content_width()
        y = top
        for n, block in enumerate(self.blocks[first:last]):
            if n or top:
                y += theme.space(block.gap)
            indent = theme.px(block.indent)
            w = max(1, width - indent)
            if block.height is None and isinstance(block.widget, WrappedText):
                h = block.widget.height_for(w) if block.widget.text else 0
            elif block.height is None:
                block.widget.rect = pygame.Rect(indent, y, w, 0)  # its height depends on width
                h = block.widget.preferred_size()[1]
            else:
                h = theme.px(block.height)
            block.widget.rect = pygame.Rect(indent, y, w, h)
            y += h
        if place:
            self.panel.arrange()
        return y
