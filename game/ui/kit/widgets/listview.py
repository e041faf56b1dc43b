"""A scrolling list that stays fast with thousands of rows (a transcript, a file picker).

Only the rows in view are drawn, each row is rendered once and cached until
its text, width, selection or the theme changes, and rows of different
heights are located by bisecting a table of row offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Sequence
from itertools import accumulate

import pygame

from game.ui.kit.intent import Handled
from game.ui.kit.text import ellipsize
from game.ui.kit.theme import Theme
from game.ui.kit.widgets.base import (
    TextFit,
    Widget,
    blit_text,
    draw_box,
    draw_focus_ring,
    is_activate_key,
)

# (theme, item, width, selected) -> the rendered row; its height is the row's height.
RowRenderer = Callable[[Theme, object, int, bool], pygame.Surface]
# (theme, item, width) -> the row's height in pixels, for rows that are not all alike.
RowMeasurer = Callable[[Theme, object, int], int]

_CACHE_ROWS = 512
_WHEEL_ROWS = 3


def default_row_height(theme: Theme) -> int:
    """Height of a one-line text row."""
    return theme.line_height("body") + 2 * theme.metric("row_pad_y")


def default_row(theme: Theme, item: object, width: int, selected: bool) -> pygame.Surface:
    """A one-line row showing ``str(item)``, cut with an ellipsis if too long."""
    surface = pygame.Surface((width, default_row_height(theme)), pygame.SRCALPHA)
    pad = theme.space("md")
    text = ellipsize(theme.font("body"), str(item), width - 2 * pad)
    colour = "text" if selected else "text_dim"
    blit_text(surface, theme.text(text, "body", colour), surface.get_rect().inflate(-2 * pad, 0))
    return surface


class ListView(Widget):
    """A list of items; reports ``select`` (index) on a new selection and ``activate`` on Enter."""

    focusable = True

    def __init__(
        self,
        id: str,
        items: Sequence[object] = (),
        *,
        render_row: RowRenderer = default_row,
        measure_row: RowMeasurer | None = None,
        empty_text: str = "",
        framed: bool = True,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(id, tooltip=tooltip)
        self.items: list[object] = list(items)
        self.render_row = render_row
        self.measure_row = measure_row
        self.empty_text = empty_text
        self.framed = framed  # False: no box and no focus ring (a list that is the panel itself)
        self.selected: int | None = None
        self._scroll = 0
        # Rows were appended while the list followed its end: it scrolls there when next
        # read (drawn), so rows added under a screen that covers the list (a round's
        # summary) are measured when they are shown, not in the frame they arrive.
        self._following = False
        self._offsets: list[int] = [0]
        self._offsets_key: tuple[object, ...] = ()
        self._cache: OrderedDict[tuple[object, ...], pygame.Surface] = OrderedDict()
        self._dragging: int | None = None  # pointer y offset inside the scrollbar thumb
        self.rows_rendered = 0  # rows rendered afresh (not from cache) since creation

    # -- items -------------------------------------------------------------------------
    def set_items(self, items: Sequence[object]) -> None:
        """Replace the rows; keeps the scroll position where possible."""
        self.items = list(items)
        self._cache.clear()
        self._offsets_key = ()
        if self.selected is not None and self.selected >= len(self.items):
            self.selected = len(self.items) - 1 if self.items else None
        self._clamp()

    @property
    def scroll(self) -> int:
        """The scroll offset in pixels (at the end, if following appended rows)."""
        if self._following:
            self._following = False
            self._scroll = self.max_scroll()
        return self._scroll

    @scroll.setter
    def scroll(self, value: int) -> None:
        self._following = False
        self._scroll = value

    def at_end(self) -> bool:
        """Whether the list shows (or will show, when next drawn) its last row."""
        return self._following or self.scroll >= self.max_scroll()

    def append(self, item: object, *, follow: bool = True) -> None:
        """Add a row at the end (a new transcript line); scroll to it if already at the end."""
        at_end = self.at_end()
        self.items.append(item)  # its height is added to the offsets when next asked
        if follow and at_end:
            self._following = True  # measured and scrolled to when next read

    # -- geometry ----------------------------------------------------------------------
    def _row_width(self) -> int:
        bar = self.theme.metric("scrollbar") + self.theme.space("xs")
        return max(1, self.rect.width - 2 - bar)

    def _ensure_offsets(self) -> list[int]:
        width = self._row_width()
        key = (width, self.theme.version, len(self.items))
        if key == self._offsets_key:
            return self._offsets
        # Rows only appended since the last measure: measure just those (an AI move's
        # frame must not re-measure a long transcript).
        known = len(self._offsets) - 1
        appended = self._offsets_key[:2] == key[:2] and known <= len(self.items)
        start = known if appended else 0
        heights = self._measure_all(self.items[start:], width)
        if appended:
            self._offsets += list(accumulate(heights, initial=self._offsets[-1]))[1:]
        else:
            self._offsets = [0, *accumulate(heights)]
        self._offsets_key = key
        return self._offsets

    def _measure_all(self, items: Sequence[object], width: int) -> list[int]:
        if self.measure_row is None or self.rect.width <= 0:
            # Not laid out yet: measuring rows one pixel wide (a line per letter) would
            # only cost time, a long text minutes; the real width re-measures them.
            return [default_row_height(self.theme)] * len(items)
        measure = self.measure_row
        return [measure(self.theme, item, width) for item in items]

    def content_height(self) -> int:
        """Total height of all rows."""
        return self._ensure_offsets()[-1]

    def max_scroll(self) -> int:
        """Largest scroll offset (0 if everything fits)."""
        return max(0, self.content_height() - self.rect.height + 2)

    def _clamp(self) -> None:
        self.scroll = max(0, min(self.scroll, self.max_scroll()))

    def visible_range(self) -> range:
        """Indices of the rows at least partly in view."""
        offsets = self._ensure_offsets()
        if not self.items:
            return range(0)
        first = max(0, bisect_right(offsets, self.scroll) - 1)
        last = bisect_right(offsets, self.scroll + self.rect.height)
        return range(first, min(len(self.items), last))

    def row_rect(self, index: int) -> pygame.Rect:
        """Where row ``index`` is on screen (may lie outside the list when scrolled away)."""
        offsets = self._ensure_offsets()
        top = self.rect.top + 1 + offsets[index] - self.scroll
        return pygame.Rect(
            self.rect.left + 1, top, self._row_width(), offsets[index + 1] - offsets[index]
        )

    def index_at(self, pos: tuple[int, int]) -> int | None:
        """The row under a screen position."""
        if not self.rect.collidepoint(pos) or pos[0] >= self.rect.left + 1 + self._row_width():
            return None
        offsets = self._ensure_offsets()
        i = bisect_right(offsets, pos[1] - self.rect.top - 1 + self.scroll) - 1
        return i if 0 <= i < len(self.items) else None

    def ensure_visible(self, index: int) -> None:
        """Scroll the least amount that shows row ``index`` entirely."""
        offsets = self._ensure_offsets()
        top, bottom = offsets[index], offsets[index + 1]
        view = self.rect.height - 2
        if top < self.scroll:
            self.scroll = top
        elif bottom > self.scroll + view:
            self.scroll = bottom - view
        self._clamp()

    def _thumb(self) -> pygame.Rect | None:
        total = self.content_height()
        if total <= self.rect.height - 2:
            return None
        track = self._track()
        height = max(self.theme.px(24), track.height * track.height // total)
        top = track.top + (track.height - height) * self.scroll // max(1, self.max_scroll())
        return pygame.Rect(track.left, top, track.width, height)

    def _track(self) -> pygame.Rect:
        width = self.theme.metric("scrollbar")
        return pygame.Rect(
            self.rect.right - width - 2, self.rect.top + 2, width, self.rect.height - 4
        )

    # -- behaviour ---------------------------------------------------------------------
    def _select(self, index: int) -> Handled:
        if not self.items:
            return True
        index = max(0, min(index, len(self.items) - 1))
        self.ensure_visible(index)
        if index == self.selected:
            return True
        self.selected = index
        return self.intent("select", index)

    def _page_rows(self) -> int:
        return max(1, len(self.visible_range()) - 1)

    def _key(self, event: pygame.event.Event) -> Handled:
        current = -1 if self.selected is None else self.selected
        keys = {
            pygame.K_UP: current - 1,
            pygame.K_DOWN: current + 1,
            pygame.K_PAGEUP: current - self._page_rows(),
            pygame.K_PAGEDOWN: current + self._page_rows(),
            pygame.K_HOME: 0,
            pygame.K_END: len(self.items) - 1,
        }
        if event.key in keys:
            return self._select(keys[event.key])
        if is_activate_key(event) and self.selected is not None:
            return self.intent("activate", self.selected)
        return False

    def scroll_by(self, pixels: int) -> None:
        """Scroll down (positive) or up (negative) by ``pixels``."""
        self.scroll += pixels
        self._clamp()

    def handle_event(self, event: pygame.event.Event) -> Handled:
        if event.type == pygame.MOUSEMOTION and self._dragging is not None:
            track, thumb = self._track(), self._thumb()
            if thumb is not None and track.height > thumb.height:
                fraction = (event.pos[1] - self._dragging - track.top) / (
                    track.height - thumb.height
                )
                self.scroll = round(fraction * self.max_scroll())
                self._clamp()
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self._dragging is not None:
            self._dragging = None
            self.pressed = False
            return True
        pointer = self._track_pointer(event)
        if event.type == pygame.MOUSEWHEEL and self.hovered:
            self.scroll_by(-event.y * _WHEEL_ROWS * default_row_height(self.theme))
            return True
        if pointer == "down":
            thumb = self._thumb()
            if thumb is not None and self._track().collidepoint(event.pos):
                if not thumb.collidepoint(event.pos):  # jump a page towards the pointer
                    self.scroll_by(
                        self.rect.height if event.pos[1] > thumb.centery else -self.rect.height
                    )
                    thumb = self._thumb() or thumb
                self._dragging = max(0, min(event.pos[1] - thumb.top, thumb.height))
                return True
            index = self.index_at(event.pos)
            return self._select(index) if index is not None else True
        if pointer == "click":
            return True
        if self.focused and event.type == pygame.KEYDOWN:
            return self._key(event)
        return False

    # -- drawing -----------------------------------------------------------------------
    def _row_surface(self, index: int, width: int) -> pygame.Surface:
        selected = index == self.selected
        key = (index, width, selected, self.theme.version)
        surface = self._cache.get(key)
        if surface is None:
            surface = self.render_row(self.theme, self.items[index], width, selected)
            self.rows_rendered += 1
            self._cache[key] = surface
            if len(self._cache) > _CACHE_ROWS:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return surface

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.theme
        if self.framed:
            draw_box(surface, theme, self.rect, "surface", radius="sm")
        inner = self.rect.inflate(-2, -2)
        previous = surface.get_clip()
        surface.set_clip(inner.clip(previous))
        if not self.items and self.empty_text:
            blit_text(
                surface, theme.text(self.empty_text, "body_italic", "text_dim"), inner, "center"
            )
        width = self._row_width()
        for index in self.visible_range():
            rect = self.row_rect(index)
            if index == self.selected:
                pygame.draw.rect(surface, theme.color("selection"), rect)
            surface.blit(self._row_surface(index, width), rect.topleft)
        thumb = self._thumb()
        if thumb is not None:
            colour = "border_strong" if self._dragging is not None or self.hovered else "border"
            pygame.draw.rect(surface, theme.color(colour), thumb, border_radius=thumb.width // 2)
        surface.set_clip(previous)
        if self.focused and self.framed:
            draw_focus_ring(surface, theme, self.rect, "sm")

    def text_fits(self) -> list[TextFit]:
        if not self.items and self.empty_text:
            return [self._fit(self.empty_text, "body_italic", self.rect.inflate(-2, -2))]
        return []
