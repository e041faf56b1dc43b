"""A scrolling container for content taller than its box (a briefing, a long form, the debrief).

The scene lays children out in *content* coordinates (0, 0 is the panel's
top-left) and calls ``arrange()``; the panel moves them on screen as it
scrolls, clips their drawing, keeps pointer events outside its box from
reaching them, and scrolls a child into view when it gets keyboard focus.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import pygame

from game.ui.kit.intent import Handled
from game.ui.kit.widgets.base import Widget, draw_focus_ring

W = TypeVar("W", bound=Widget)
_WHEEL_STEP = 48


class ScrollPanel(Widget):
    """Holds child widgets; scrolls vertically by wheel, keys and scrollbar."""

    focusable = True

    def __init__(self, id: str) -> None:
        super().__init__(id)
        self._children: list[Widget] = []
        self._content: dict[int, pygame.Rect] = {}
        self.scroll = 0
        self.content_height = 0

    # -- children ----------------------------------------------------------------------
    def add(self, child: W) -> W:
        """Add a child (laid out by the scene in content coordinates) and return it."""
        if self._theme is not None:
            child.attach(self._theme)
        self._children.append(child)
        return child

    def remove(self, child: Widget) -> None:
        """Take one child out (nothing if it is not one)."""
        if child in self._children:
            self._children.remove(child)
            self._content.pop(id(child), None)

    def clear(self) -> None:
        """Remove every child."""
        self._children.clear()
        self._content.clear()

    def children(self) -> Sequence[Widget]:
        return tuple(self._children)

    def can_focus(self) -> bool:
        # Focusable for keyboard scrolling only when there is something to scroll.
        return super().can_focus() and self.max_scroll() > 0

    def content_width(self) -> int:
        """Width children may use (the scrollbar keeps its own strip)."""
        return max(1, self.rect.width - self.theme.metric("scrollbar") - self.theme.space("md"))

    def inset(self) -> int:
        """Space kept around the content so that focus rings (drawn outside a child) show."""
        return self.theme.metric("focus_ring") + 3

    def height_for(self, content_height: int) -> int:
        """The panel height that shows ``content_height`` without scrolling."""
        return content_height + 2 * self.inset()

    def arrange(self) -> None:
        """Record the children's content rectangles (as just set by the scene) and place them."""
        self._content = {id(c): pygame.Rect(c.rect) for c in self._children}
        bottom = max((r.bottom for r in self._content.values()), default=0)
        # An empty panel has nothing to scroll (its inset alone would draw a scrollbar).
        self.content_height = self.height_for(bottom) if self._content else 0
        self._place()

    def _place(self) -> None:
        self.scroll = max(0, min(self.scroll, self.max_scroll()))
        inset = self.inset()
        for child in self._children:
            content = self._content.get(id(child))
            if content is not None:
                child.rect = content.move(self.rect.left, self.rect.top + inset - self.scroll)

    def max_scroll(self) -> int:
        """Largest scroll offset."""
        return max(0, self.content_height - self.rect.height)

    def scroll_by(self, pixels: int) -> None:
        """Scroll down (positive) or up (negative)."""
        self.scroll += pixels
        self._place()

    def reveal(self, child: Widget) -> None:
        """Scroll the least amount that shows ``child`` whole (called when it gets focus)."""
        content = self._content.get(id(child))
        if content is None:
            return
        top, bottom = content.top, content.bottom + 2 * self.inset()
        if top < self.scroll:
            self.scroll = top
        elif bottom > self.scroll + self.rect.height:
            self.scroll = bottom - self.rect.height
        self._place()

    def child_clip(self) -> pygame.Rect | None:
        # Wider than the panel by the inset, so that the children's focus rings show at the sides.
        return self.rect.inflate(2 * self.inset(), 0)

    # -- events ------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Handled:
        if event.type == pygame.MOUSEMOTION:
            self.hovered = self.rect.collidepoint(event.pos)
            return False
        if (
            event.type == pygame.MOUSEBUTTONDOWN
            and event.button == 1
            and self.rect.collidepoint(event.pos)
        ):
            strip = self.rect.right - self.theme.metric("scrollbar") - self.theme.space("sm")
            if event.pos[0] >= strip and self.max_scroll() > 0:  # the scrollbar: a page at a time
                below = event.pos[1] > self.rect.top + self.rect.height * self.scroll // max(
                    1, self.content_height
                )
                self.scroll_by(self.rect.height if below else -self.rect.height)
            return True  # takes focus, so that the keys scroll it
        if event.type == pygame.MOUSEWHEEL and self.hovered and self.max_scroll() > 0:
            self.scroll_by(-event.y * self.theme.px(_WHEEL_STEP))
            return True
        if self.focused and event.type == pygame.KEYDOWN:
            page = max(1, self.rect.height - self.theme.px(_WHEEL_STEP))
            steps = {
                pygame.K_UP: -self.theme.px(_WHEEL_STEP),
                pygame.K_DOWN: self.theme.px(_WHEEL_STEP),
                pygame.K_PAGEUP: -page,
                pygame.K_PAGEDOWN: page,
                pygame.K_HOME: -self.content_height,
                pygame.K_END: self.content_height,
            }
            if event.key in steps:
                self.scroll_by(steps[event.key])
                return True
        return False

    # -- drawing -----------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        previous = surface.get_clip()
        clip = self.child_clip()
        surface.set_clip(clip.clip(previous) if clip is not None else previous)
        for child in self._children:
            if child.visible and child.rect.colliderect(self.rect):
                child.draw(surface)
        surface.set_clip(previous)
        if self.max_scroll() > 0:
            width = self.theme.metric("scrollbar")
            track = pygame.Rect(self.rect.right - width, self.rect.top, width, self.rect.height)
            height = max(
                self.theme.px(24), track.height * track.height // max(1, self.content_height)
            )
            top = track.top + (track.height - height) * self.scroll // self.max_scroll()
            thumb = pygame.Rect(track.left, top, width, height)
            colour = "border_strong" if self.hovered else "border"
            pygame.draw.rect(surface, self.theme.color(colour), thumb, border_radius=width // 2)
        if self.focused:
            draw_focus_ring(surface, self.theme, self.rect, "sm")
