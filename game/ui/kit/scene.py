"""The base of every screen: owns widgets and keyboard focus, routes events, returns transitions.

A scene turns widget intents and key-table actions into a ``Transition`` (or
None); it never touches the app's scene stack.  Subclasses fill in
``layout``, ``on_intent`` and ``on_action``, and usually ``draw_background``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar, TypeVar

import pygame

from game.ui.kit.context import Context
from game.ui.kit.intent import Handled, Intent
from game.ui.kit.keys import KeyBinding, find_action
from game.ui.kit.settings import Settings
from game.ui.kit.theme import Theme
from game.ui.kit.widgets.base import TextFit, Widget
from game.ui.kit.widgets.tooltip import TooltipLayer

W = TypeVar("W", bound=Widget)

_KEYBOARD = (pygame.KEYDOWN, pygame.KEYUP, pygame.TEXTINPUT, pygame.TEXTEDITING)
_MOUSE = (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL)


# What a scene returns to the app: the scene stack changes only through these.
@dataclass(frozen=True, slots=True)
class Push:
    """Open ``scene`` on top of the current one."""

    scene: Scene


@dataclass(frozen=True, slots=True)
class Pop:
    """Close the current scene; ``result`` goes to the scene below's ``on_resume``."""

    result: object = None


@dataclass(frozen=True, slots=True)
class Replace:
    """Swap the current scene for ``scene``."""

    scene: Scene


@dataclass(frozen=True, slots=True)
class Quit:
    """Leave the game."""


Transition = Push | Pop | Replace | Quit


class Scene:
    """A screen (or a modal drawn over one)."""

    KEYS: ClassVar[tuple[KeyBinding, ...]] = ()
    # A modal scene is drawn over the scene below, which is dimmed.
    modal: ClassVar[bool] = False
    title: str = ""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.focused: Widget | None = None
        self.pointer = (0, 0)
        self.tooltips = TooltipLayer()
        self._widgets: list[Widget] = []
        # Set when an update changed what the scene shows without a timed wake-up asking
        # for a frame (quiet work that turned out to matter): the app draws one.
        self.changed = False

    @property
    def theme(self) -> Theme:
        """The app's theme."""
        return self.ctx.theme

    # -- widgets -----------------------------------------------------------------------
    def add(self, widget: W) -> W:
        """Add a widget (drawn and traversed in the order added) and return it."""
        widget.attach(self.theme)
        self._widgets.append(widget)
        return widget

    def remove(self, widget: Widget) -> None:
        """Take a widget out of the scene."""
        if widget is self.focused:
            self.focus(None)
        self._widgets.remove(widget)

    def _walk(
        self, widgets: Sequence[Widget], clip: pygame.Rect | None
    ) -> Iterator[tuple[Widget, pygame.Rect | None]]:
        for widget in widgets:
            yield widget, clip
            inner = widget.child_clip()
            if inner is not None:
                inner = inner.clip(clip) if clip is not None else inner
            yield from self._walk(widget.children(), inner if inner is not None else clip)

    def widgets(self) -> list[Widget]:
        """All widgets, containers before their children, in drawing order."""
        return [widget for widget, _ in self._walk(self._widgets, None)]

    def widget(self, id: str) -> Widget:
        """The widget with this id (KeyError if none)."""
        for widget in self.widgets():
            if widget.id == id:
                return widget
        raise KeyError(f"no widget {id!r} in {type(self).__name__}")

    def visible_box(self, widget: Widget) -> pygame.Rect | None:
        """The part of ``widget`` not hidden by a scrolling container (None if all hidden)."""
        for candidate, clip in self._walk(self._widgets, None):
            if candidate is widget:
                box = widget.rect if clip is None else widget.rect.clip(clip)
                return box if box.width > 0 and box.height > 0 and widget.visible else None
        return None

    def text_fits(self) -> list[TextFit]:
        """Every visible text and its box, for the no-overflow test (scrolled-away ones skipped)."""
        return [
            fit
            for widget, clip in self._walk(self._widgets, None)
            if widget.visible and (clip is None or clip.colliderect(widget.rect))
            for fit in widget.text_fits()
        ]

    # -- focus -------------------------------------------------------------------------
    def focus(self, widget: Widget | None) -> None:
        """Move keyboard focus (None: nowhere)."""
        if widget is self.focused:
            return
        if self.focused is not None:
            self.focused.on_blur()
        self.focused = widget
        if widget is not None:
            widget.on_focus()
            for container in self.widgets():
                if widget in container.children():
                    container.reveal(widget)

    def focus_next(self, step: int = 1) -> None:
        """Tab (step 1) or Shift+Tab (step -1) to the next focusable widget, wrapping around."""
        order = [w for w in self.widgets() if w.can_focus()]
        if not order:
            return
        if self.focused not in order:
            self.focus(order[0] if step > 0 else order[-1])
            return
        i = order.index(self.focused)
        self.focus(order[(i + step) % len(order)])

    def focus_first(self) -> None:
        """Focus the first focusable widget, if nothing valid has focus."""
        if self.focused is None or not self.focused.can_focus():
            self.focus(None)
            self.focus_next(1)

    # -- lifecycle ---------------------------------------------------------------------
    def relayout(self, rect: pygame.Rect) -> None:
        """Lay out for a window rectangle (on entry, resize and UI-scale change)."""
        self.rect = pygame.Rect(rect)
        self.layout(self.rect)

    def layout(self, rect: pygame.Rect) -> None:
        """Position the widgets inside ``rect``."""

    def on_resume(self, result: object) -> Transition | None:
        """The scene above closed with ``result`` (e.g. the button chosen in a dialog)."""
        if isinstance(result, Intent):
            return self.on_intent(result)
        return None

    def on_settings_changed(self, settings: Settings) -> None:
        """The settings changed (from any scene or a global key); show the new values."""
        del settings

    def on_quit_request(self) -> Transition | None:
        """The window's close button was pressed; a game screen may ask first (default: quit)."""
        return Quit()

    def on_intent(self, intent: Intent) -> Transition | None:
        """A widget reported something."""
        del intent
        return None

    def on_action(self, action: str) -> Transition | None:
        """A shortcut from ``KEYS`` was pressed."""
        del action
        return None

    def shortcuts(self) -> tuple[KeyBinding, ...]:
        """The key table shown in the help overlay."""
        return self.KEYS

    # -- events ------------------------------------------------------------------------
    def _result(self, handled: Handled) -> Transition | None:
        return self.on_intent(handled) if isinstance(handled, Intent) else None

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        """Route one event: open popups first, then Tab, the focused widget, the mouse, the keys."""
        if event.type in _MOUSE and hasattr(event, "pos"):
            self.pointer = event.pos
        if event.type == pygame.MOUSEBUTTONDOWN:
            self.tooltips.hide()
        for widget in reversed(self.widgets()):
            if widget.visible and widget.captures_input():
                handled = widget.handle_event(event)
                if handled is not False:
                    return self._result(handled)
        if event.type in _KEYBOARD:
            return self._keyboard(event)
        if event.type in _MOUSE:
            return self._mouse(event)
        return None

    def _keyboard(self, event: pygame.event.Event) -> Transition | None:
        self.tooltips.hide()
        if self.focused is not None and self.focused.visible:
            handled = self.focused.handle_event(event)
            if handled is not False:
                return self._result(handled)
        if (
            event.type == pygame.KEYDOWN
            and event.key == pygame.K_TAB
            and not event.mod & pygame.KMOD_CTRL
        ):
            self.focus_next(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return None
        action = find_action(self.shortcuts(), event)
        return self.on_action(action) if action is not None else None

    def _mouse(self, event: pygame.event.Event) -> Transition | None:
        outcome: Transition | None = None
        top: Widget | None = None
        targets = list(self._walk(self._widgets, None))
        if event.type == pygame.MOUSEWHEEL:
            # The innermost widget under the pointer that scrolls takes the wheel.
            for widget, _ in reversed(targets):
                if widget.visible and widget.handle_event(event) is not False:
                    return None
            return None
        for widget, clip in targets:
            if not widget.visible:
                continue
            if clip is not None and not clip.collidepoint(event.pos):
                widget.hovered = False  # scrolled out of sight: no pointer events
                if event.type == pygame.MOUSEBUTTONUP:
                    widget.pressed = False
                continue
            handled = widget.handle_event(event)
            if event.type == pygame.MOUSEBUTTONDOWN and handled is not False and widget.can_focus():
                self.focus(widget)
            if isinstance(handled, Intent) and outcome is None:
                outcome = self.on_intent(handled)
            if widget.hovered and widget.tooltip:
                top = widget
        if event.type == pygame.MOUSEMOTION:
            self.tooltips.hover(top, event.pos)
        return outcome

    # -- time --------------------------------------------------------------------------
    def update(self, dt: float) -> Transition | None:
        """Advance widget animations and the tooltip timer by ``dt`` ms."""
        for widget in self.widgets():
            widget.update(dt)
        self.tooltips.update(dt)
        return None

    def wakeup_in(self) -> float | None:
        """Milliseconds until the scene needs an update (0: animating; None: only on input)."""
        times = [w.wakeup_in() for w in self.widgets() if w.visible]
        times.append(self.tooltips.wakeup_in())
        known = [t for t in times if t is not None]
        return min(known) if known else None

    def work_in(self) -> float | None:
        """Milliseconds until the scene has quiet work: it is updated then, but not redrawn
        for it (readying pictures ahead of time; a wait whose end may change nothing).  If
        it does change what the scene shows, the update sets ``changed``."""
        return None

    # -- drawing -----------------------------------------------------------------------
    def draw_background(self, surface: pygame.Surface) -> None:
        """Fill behind the widgets (modals leave the scene below visible)."""
        if not self.modal:
            surface.fill(self.theme.color("background"))

    def draw(self, surface: pygame.Surface) -> None:
        """Background, widgets, popups, tooltip."""
        self.draw_background(surface)
        # Containers draw their own children (clipped); popups go above everything.
        for widget in self._widgets:
            if widget.visible:
                widget.draw(surface)
        for widget in self.widgets():
            if widget.visible:
                widget.draw_overlay(surface)
        self.tooltips.draw(surface)
