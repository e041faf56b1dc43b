"""The table's classroom side: the turn timer's ticks, pause, live reload, and their overlays.

The table asks this helper each update whether a person's time ran out and
whether the watched scenario file changed (polled twice a second, not every
frame), and when to wake next (the next whole second of the countdown), so the
app still sleeps while nobody acts.  It draws the PAUSED banner, the located
errors of a broken scenario file, and a short-lived toast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.session.facilitator import Facilitation
from game.session.session import Turn
from game.session.watch import ReloadResult, apply_change
from game.ui.kit.text import ellipsize, wrap_lines
from game.ui.kit.widgets.base import draw_box
from game.ui.screens.classroom import (
    URGENT_SECONDS,
    classroom_of,
    countdown_text,
    ms_to_next_second,
)

if TYPE_CHECKING:
    from game.ui.screens.table.scene import TableScene

POLL_MS = 500.0  # how often the watched scenario file is looked at
TOAST_MS = 5000.0
MAX_ERROR_LINES = 10
ERRORS_TITLE = "The scenario file has errors — the game goes on with the last good version"
ERRORS_FOOT = "Fix the file and save it: the game reloads by itself."
PAUSED_TEXT = "The facilitator has paused the game: the clock and the AI delegates wait."


class TableRoom:
    """Timer, pause and reload for one table scene."""

    def __init__(self, scene: TableScene) -> None:
        self.scene = scene
        self.room = classroom_of(scene.ctx)
        self.fac: Facilitation = self.room.attach(scene.session)
        self.poll_left: float | None = POLL_MS if self.room.watches(scene.session) else None
        self.toast = ""
        self.toast_left = 0.0
        self.last_reload: ReloadResult | None = None
        self._second: int | None = None

    # -- reading -----------------------------------------------------------------------
    @property
    def paused(self) -> bool:
        return self.fac.paused

    def remaining(self) -> float | None:
        """Seconds left for the person to move (None: no timer running now)."""
        return self.fac.remaining(self.room.now())

    def clock(self) -> tuple[str, bool]:
        """The top bar's countdown text and whether it is urgent ("" when there is none)."""
        if self.paused:
            return "PAUSED", False
        left = self.remaining()
        if left is None:
            return "", False
        return f"{countdown_text(left)} left", left <= URGENT_SECONDS

    def errors(self) -> tuple[str, ...]:
        """The watched file's located errors while it is broken (shown in the overlay)."""
        watcher = self.room.watcher
        return watcher.errors if watcher is not None and self.poll_left is not None else ()

    # -- time --------------------------------------------------------------------------
    def restart_clock(self) -> None:
        """Screens between turns (hand-over, summary) do not count against the next mover."""
        self.fac.clock.start(None, self.room.now())

    def tick(self) -> Turn | None:
        """The ``Timeout`` of a person whose time is up, or None."""
        return self.fac.tick(self.room.now())

    def second_changed(self) -> bool:
        """Whether the countdown's shown second changed since the last call."""
        left = self.remaining()
        second = None if left is None else int(left)
        changed = second != self._second
        self._second = second
        return changed

    def advance(self, dt: float) -> ReloadResult | None:
        """Count down the toast and the next poll; a reload or a newly broken file, or None."""
        if self.toast_left > 0:
            self.toast_left = max(0.0, self.toast_left - dt)
        if self.poll_left is None:
            return None
        self.poll_left -= dt
        if self.poll_left > 0:
            return None
        self.poll_left = POLL_MS
        return self.poll()

    def poll(self) -> ReloadResult | None:
        """Look at the watched file now: a reload result when it changed, else None."""
        watcher = self.room.watcher
        if watcher is None:
            return None
        change = watcher.poll()
        if change is None:
            return None
        result = apply_change(self.scene.session, change)
        self.last_reload = result
        if result.reloaded:
            self.fac.replace_session(result.session, self.room.now())
            notes = f" ({'; '.join(result.notes)})" if result.notes else ""
            self.show_toast(f"scenario reloaded: {result.message}{notes}")
        return result

    def show_toast(self, text: str) -> None:
        self.toast, self.toast_left = text, TOAST_MS

    def wakeup_in(self) -> float | None:
        """Milliseconds to the next thing this helper must do (None: nothing timed)."""
        times: list[float] = []
        if self.poll_left is not None:
            times.append(max(1.0, self.poll_left))
        if self.toast_left > 0:
            times.append(self.toast_left)
        left = None if self.paused else self.remaining()
        if left is not None:
            times.append(ms_to_next_second(left))
        return min(times) if times else None

    # -- drawing -----------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        if self.paused:
            self._draw_paused(surface)
        if self.errors():
            self._draw_errors(surface)
        if self.toast_left > 0 and self.toast:
            self._draw_toast(surface)

    def _draw_paused(self, surface: pygame.Surface) -> None:
        t = self.scene.theme
        area = self.scene.rect
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

    def error_lines(self, width: int) -> list[tuple[str, str, str]]:
        """(text, style, colour) of the errors overlay at ``width`` pixels, capped."""
        t = self.scene.theme
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

    def _draw_errors(self, surface: pygame.Surface) -> None:
        t = self.scene.theme
        area = self.scene.rect
        width = min(t.px(900), area.width - 2 * t.space("lg"))
        inner_w = width - 2 * t.space("lg")
        lines = self.error_lines(inner_w)
        height = sum(t.line_height(style) for _, style, _ in lines) + 2 * t.space("md")
        height = min(height, area.height * 2 // 3)
        box = pygame.Rect(0, 0, width, height)
        bar = self.scene.bar
        bottom = bar.rect.top if bar.shown and bar.rect.height else bar.status.rect.top
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

    def _draw_toast(self, surface: pygame.Surface) -> None:
        t = self.scene.theme
        area = self.scene.rect
        max_w = min(t.px(900), area.width - 2 * t.space("lg"))
        text = ellipsize(t.font("label"), self.toast, max_w - 2 * t.space("lg"))
        w, _ = t.text_size(text, "label")
        box = pygame.Rect(0, 0, w + 2 * t.space("lg"), t.control_height())
        box.midtop = (area.centerx, self.scene.topbar.rect.bottom + t.space("sm"))
        draw_box(surface, t, box, "panel", border="ok", radius="lg")
        image = t.text(text, "label", "ok")
        surface.blit(image, image.get_rect(center=box.center))
