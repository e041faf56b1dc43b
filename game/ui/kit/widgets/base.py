"""The widget contract every control follows: handle an event, update, draw, report its text fit.

A widget owns a rectangle (set by its scene's layout), a stable string ``id``
(what tests click and intents name), and the look states hover, pressed,
focus and disabled.  It never calls game code: ``handle_event`` returns an
``Intent`` or whether it consumed the event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.ui.kit.intent import Handled, Intent
from game.ui.kit.theme import ColorLike, Theme


@dataclass(frozen=True, slots=True)
class TextFit:
    """A piece of text a widget draws: its natural rendered size and the box it must fit."""

    widget_id: str
    text: str
    size: tuple[int, int]
    box: pygame.Rect

    @property
    def overflows(self) -> bool:
        """Whether the text is wider or taller than its box (and was cut or spilled)."""
        return self.size[0] > self.box.width or self.size[1] > self.box.height


class Widget:
    """Base class: geometry, look states, theme access and pointer bookkeeping."""

    focusable = False

    def __init__(self, id: str, *, tooltip: str | None = None, enabled: bool = True) -> None:
        self.id = id
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.tooltip = tooltip
        self.enabled = enabled
        self.visible = True
        self.hovered = False
        self.pressed = False
        self.focused = False
        self._theme: Theme | None = None

    # -- theme -------------------------------------------------------------------------
    def attach(self, theme: Theme) -> None:
        """Give the widget (and its children) the theme it draws with."""
        self._theme = theme
        for child in self.children():
            child.attach(theme)

    @property
    def theme(self) -> Theme:
        """The theme; a widget must be added to a scene before it is laid out or drawn."""
        if self._theme is None:
            raise RuntimeError(f"widget {self.id!r} has no theme: add it to a scene first")
        return self._theme

    # -- the contract ------------------------------------------------------------------
    def children(self) -> Sequence[Widget]:
        """Widgets inside this one (for focus traversal and lookup by id)."""
        return ()

    def child_clip(self) -> pygame.Rect | None:
        """The box the children are seen through (None: not clipped); pointer events outside it
        never reach them."""
        return None

    def reveal(self, child: Widget) -> None:
        """Scroll so that ``child`` is in view (containers that scroll override this)."""
        del child

    def can_focus(self) -> bool:
        """Whether Tab may stop here now."""
        return self.focusable and self.enabled and self.visible

    def preferred_size(self) -> tuple[int, int]:
        """Size the widget would like at the current scale (layouts may ignore it)."""
        return (self.rect.width, self.rect.height)

    def handle_event(self, event: pygame.event.Event) -> Handled:
        """React to an event; return an ``Intent``, or True if consumed, else False."""
        self._track_pointer(event)
        return False

    def update(self, dt: float) -> None:
        """Advance animations by ``dt`` milliseconds."""

    def wakeup_in(self) -> float | None:
        """Milliseconds until the widget needs an update (0: animating now; None: never)."""
        return None

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the widget inside its rectangle."""

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """Draw above every other widget (an open dropdown)."""

    def captures_input(self) -> bool:
        """Whether this widget must see events before all others (an open popup)."""
        return False

    def on_focus(self) -> None:
        """Called when keyboard focus arrives."""
        self.focused = True

    def on_blur(self) -> None:
        """Called when keyboard focus leaves."""
        self.focused = False
        self.pressed = False

    def text_fits(self) -> list[TextFit]:
        """The texts this widget draws, each with its natural size and its box."""
        return []

    # -- helpers for subclasses --------------------------------------------------------
    def _track_pointer(self, event: pygame.event.Event) -> str | None:
        """Update hover/pressed from mouse events; return ``"click"`` on a full click."""
        if event.type == pygame.MOUSEMOTION:
            self.hovered = self.rect.collidepoint(event.pos)
            return "motion"
        if not self.enabled:
            return None
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.rect.collidepoint(event.pos):
                self.pressed = True
                return "down"
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            was_pressed = self.pressed
            self.pressed = False
            if was_pressed and self.rect.collidepoint(event.pos):
                return "click"
            if was_pressed:
                return "up"
        return None

    def _fit(self, text: str, style: str, box: pygame.Rect) -> TextFit:
        return TextFit(self.id, text, self.theme.text_size(text, style), box)

    def intent(self, kind: str, value: object = None) -> Intent:
        """An intent from this widget."""
        return Intent(self.id, kind, value)


def is_activate_key(event: pygame.event.Event) -> bool:
    """Enter, keypad Enter or Space: the keys that press a focused control."""
    return event.type == pygame.KEYDOWN and event.key in (
        pygame.K_RETURN,
        pygame.K_KP_ENTER,
        pygame.K_SPACE,
    )


def draw_box(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    fill: ColorLike,
    *,
    border: ColorLike | None = "border",
    radius: str = "md",
) -> None:
    """A filled rounded rectangle with an optional one-pixel border."""
    r = theme.radius(radius)
    pygame.draw.rect(surface, theme.color(fill), rect, border_radius=r)
    if border is not None:
        pygame.draw.rect(
            surface,
            theme.color(border),
            rect,
            width=max(1, theme.metric("border")),
            border_radius=r,
        )


def draw_panel(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    *,
    border: ColorLike | None = "border",
    accent: ColorLike = "accent",
) -> None:
    """A modal's surface: a large rounded box with a short accent bar on its top edge."""
    draw_box(surface, theme, rect, "surface", border=border, radius="lg")
    bar = pygame.Rect(rect.left + theme.radius("lg"), rect.top, theme.px(64), theme.px(3))
    pygame.draw.rect(surface, theme.color(accent), bar)


def draw_focus_ring(
    surface: pygame.Surface, theme: Theme, rect: pygame.Rect, radius: str = "md"
) -> None:
    """The keyboard-focus outline, drawn just outside ``rect``."""
    width = max(2, theme.metric("focus_ring"))
    ring = rect.inflate(2 * width + 2, 2 * width + 2)
    pygame.draw.rect(
        surface, theme.color("focus"), ring, width=width, border_radius=theme.radius(radius) + width
    )


def blit_text(
    surface: pygame.Surface,
    text_surface: pygame.Surface,
    box: pygame.Rect,
    align: str = "left",
) -> pygame.Rect:
    """Blit a rendered line vertically centred in ``box``, aligned left/centre/right, clipped."""
    target = text_surface.get_rect()
    target.centery = box.centery
    if align == "center":
        target.centerx = box.centerx
    elif align == "right":
        target.right = box.right
    else:
        target.left = box.left
    previous = surface.get_clip()
    surface.set_clip(box.clip(previous) if previous else box)
    surface.blit(text_surface, target)
    surface.set_clip(previous)
    return target
