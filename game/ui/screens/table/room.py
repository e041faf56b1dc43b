"""The table's classroom side: the turn timer's display, live reload, and their overlays.

The table asks this helper each update whether the watched scenario file
changed (the game controller is polled twice a second, not every frame), and
when to wake next (the next whole second of the countdown), so the app still
sleeps while nobody acts.  It draws the PAUSED banner, the located errors of a
broken scenario file, and a short-lived toast, into the rects it is given.
It reads the game only through its controller and never changes it.
"""

from __future__ import annotations

import pygame

from game.session.controller import GameController, Reloaded
from game.ui.kit.text import ellipsize, wrap_lines
from game.ui.kit.theme import Theme
from game.ui.kit.widgets.base import draw_box
from game.ui.screens.classroom import clock_text, ms_to_next_second

POLL_MS = 500.0  # how often the game is asked for news (a changed scenario file)
TOAST_MS = 5000.0
MAX_ERROR_LINES = 10
ERRORS_TITLE = "The scenario file has errors — the game goes on with the last good version"
ERRORS_FOOT = "Fix the file and save it: the game reloads by itself."
PAUSED_TEXT = "The facilitator has paused the game: the clock and the AI delegates wait."


class TableRoom:
    """Timer display, reload news and toast for one table."""

    def __init__(self, game: GameController) -> None:
        self.game = game
        self.poll_left: float | None = POLL_MS if game.polls() else None
        self.toast = ""
        self.toast_left = 0.0
        self.last_reload: Reloaded | None = None
        self._second: int | None = None

    # -- reading -----------------------------------------------------------------------
    @property
    def paused(self) -> bool:
        return self.game.clock().paused

    def remaining(self) -> float | None:
        """Seconds left for the person to move (None: no timer running now)."""
        return self.game.clock().remaining

    def clock(self) -> tuple[str, bool]:
        """The top bar's countdown text and whether it is urgent ("" when there is none)."""
        return clock_text(self.game.clock())

    def errors(self) -> tuple[str, ...]:
        """The watched file's located errors while it is broken (shown in the overlay)."""
        return self.game.file_errors() if self.poll_left is not None else ()

    # -- time --------------------------------------------------------------------------
    def second_changed(self) -> bool:
        """Whether the countdown's shown second changed since the last call."""
        left = self.remaining()
        second = None if left is None else int(left)
        changed = second != self._second
        self._second = second
        return changed

    def advance(self, dt: float) -> Reloaded | None:
        """Count down the toast and the next poll; the game's news when it has some, or None."""
        if self.toast_left > 0:
            self.toast_left = max(0.0, self.toast_left - dt)
        if self.poll_left is None:
            return None
        self.poll_left -= dt
        if self.poll_left > 0:
            return None
        self.poll_left = POLL_MS
        return self.poll()

    def poll(self) -> Reloaded | None:
        """Ask the game for news now: a reload result when the file changed, else None."""
        news = self.game.poll()
        if news is None:
            return None
        self.last_reload = news
        if news.reloaded:
            notes = f" ({'; '.join(news.notes)})" if news.notes else ""
            self.show_toast(f"scenario reloaded: {news.message}{notes}")
        return news

    def show_toast(self, text: str) -> None:
        self.toast, self.toast_left = text, TOAST_MS

    def wakeup_in(self) -> float | None:
        """Milliseconds to the next thing this helper must do (None: nothing timed)."""
        times: list[float] = []
        if self.poll_left is not None:
            times.append(max(1.0, self.poll_left))
        if self.toast_left > 0:
            times.append(self.toast_left)
        reading = self.game.clock()
        left = None if reading.paused else reading.remaining
        if left is not None:
            times.append(ms_to_next_second(left))
        return min(times) if times else None

    # -- drawing -----------------------------------------------------------------------
    def draw(
        self,
        surface: pygame.Surface,
        theme: Theme,
        area: pygame.Rect,
        *,
        errors_bottom: int,
        toast_top: int,
    ) -> None:
        """The overlays over ``area``: the errors above ``errors_bottom``, the toast below
        ``toast_top``."""
        if self.paused:
            self._draw_paused(surface, theme, area)
        if self.errors():
            self._draw_errors(surface, theme, area, errors_bottom)
        if self.toast_left > 0 and self.toast:
            self._draw_toast(surface, theme, area, toast_top)

    def _draw_paused(self, surface: pygame.Surface, t: Theme, area: pygame.Rect) -> None:
        width = min(t.px(640), area.width - 2 * t.space("lg"))
        inner_w = width - 2 * t.space("xl")
        lines = wrap_lines(t.font("body"), PAUSED_TEXT, inner_w)
        height = t.line_height("title") + len(lines) * t.line_height("body") + 2 * t.space("lg")
        box = pygame.Rect(0, 0, width, height)
        box.center = area.center
        draw_box(surface, t, box, "surface", border="warning", radius="lg")
        pygame.draw.rect(
            surface, t.color("warning"), box, width=t.px(3), border_radius=t.radius("lg")
        )
        y = box.top + t.space("lg")
        head = t.text("PAUSED", "title", "warning")
        surface.blit(head, head.get_rect(midtop=(box.centerx, y)))
        y += t.line_height("title")
        for line in lines:
            image = t.text(line, "body", "text")
            surface.blit(image, image.get_rect(midtop=(box.centerx, y)))
            y += t.line_height("body")

    def error_lines(self, t: Theme, width: int) -> list[tuple[str, str, str]]:
        """(text, style, colour) of the errors overlay at ``width`` pixels, capped."""
        out = [
            (line, "label", "danger") for line in wrap_lines(t.font("label"), ERRORS_TITLE, width)
        ]
        errors = self.errors()
        for error in errors[:MAX_ERROR_LINES]:
            out += [
                (line, "caption", "text") for line in wrap_lines(t.font("caption"), error, width)
            ]
        if len(errors) > MAX_ERROR_LINES:
            out.append((f"… and {len(errors) - MAX_ERROR_LINES} more", "caption", "text_dim"))
        out.append((ERRORS_FOOT, "caption", "text_dim"))
        return out

    def _draw_errors(
        self, surface: pygame.Surface, t: Theme, area: pygame.Rect, bottom: int
    ) -> None:
        width = min(t.px(900), area.width - 2 * t.space("lg"))
        inner_w = width - 2 * t.space("lg")
        lines = self.error_lines(t, inner_w)
        height = sum(t.line_height(style) for _, style, _ in lines) + 2 * t.space("md")
        height = min(height, area.height * 2 // 3)
        box = pygame.Rect(0, 0, width, height)
        box.midbottom = (area.centerx, bottom - t.space("sm"))
        box.top = max(box.top, area.top + t.space("sm"))
        draw_box(surface, t, box, "panel", border="danger", radius="md")
        y = box.top + t.space("md")
        previous = surface.get_clip()
        surface.set_clip(box)
        for text, style, colour in lines:
            shown = ellipsize(t.font(style), text, inner_w)
            surface.blit(t.text(shown, style, colour), (box.left + t.space("lg"), y))
            y += t.line_height(style)
        surface.set_clip(previous)

    def _draw_toast(self, surface: pygame.Surface, t: Theme, area: pygame.Rect, top: int) -> None:
        max_w = min(t.px(900), area.width - 2 * t.space("lg"))
        text = ellipsize(t.font("label"), self.toast, max_w - 2 * t.space("lg"))
        w, _ = t.text_size(text, "label")
        box = pygame.Rect(0, 0, w + 2 * t.space("lg"), t.control_height())
        box.midtop = (area.centerx, top + t.space("sm"))
        draw_box(surface, t, box, "panel", border="ok", radius="lg")
        image = t.text(text, "label", "ok")
        surface.blit(image, image.get_rect(center=box.center))
