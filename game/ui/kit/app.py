"""The app shell: the window, the scene stack, and a loop that sleeps while nothing changes.

Scenes return transitions; only this module changes the stack.  The loop
sleeps (``game.ui.kit.loop_clock``) until input arrives or a scene's next timed
wake-up (a caret blink, a tooltip) is due, redraws only when something
changed, and ticks at 60 fps only while a scene animates.  ``step`` and
``render`` are public so that the pilot can drive the same code with a fake
clock.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pygame

from game.errors import UserError
from game.ui.kit.context import Context
from game.ui.kit.crash import ErrorScene, write_crash_log
from game.ui.kit.help import HelpOverlay
from game.ui.kit.keys import KeyBinding, find_action
from game.ui.kit.loop_clock import LoopClock, SystemClock
from game.ui.kit.scene import Pop, Push, Quit, Replace, Scene, Transition
from game.ui.kit.settings import MIN_WINDOW, Settings, SettingsStore, log_dir
from game.ui.kit.sound import forget_sounds
from game.ui.kit.stopping import Stopped, signals_stop
from game.ui.kit.theme import (
    COLOUR_BLIND_PALETTE,
    DEFAULT_PALETTE,
    UI_SCALES,
    forget_fonts,
    load_theme,
)

log = logging.getLogger(__name__)

SceneFactory = Callable[[Context], Scene]


class NoWindowError(UserError):
    """There is no display to open the game's window on."""


# Screens are designed for at least this many unscaled pixels; a larger UI scale than
# the window allows is lowered (800x480 at 200 % would otherwise not fit a menu).
MIN_LOGICAL = (600, 340)
_MAX_CHAINED_TRANSITIONS = 32
BACKGROUND_MS = 100.0  # how often background work (the network) is looked at
# SDL falls back to these when no window system answers (no DISPLAY, no Wayland): a game
# opened there runs in a window nobody can see, so unless asked for by name they mean
# "no display".
_INVISIBLE_DRIVERS = frozenset({"offscreen", "dummy"})
TERMINAL_HINT = "play in the terminal instead: redlines play --text"
_REDRAW_EVENTS = {
    pygame.KEYDOWN,
    pygame.KEYUP,
    pygame.TEXTINPUT,
    pygame.TEXTEDITING,
    pygame.MOUSEMOTION,
    pygame.MOUSEBUTTONDOWN,
    pygame.MOUSEBUTTONUP,
    pygame.MOUSEWHEEL,
    pygame.VIDEORESIZE,
    pygame.VIDEOEXPOSE,
    pygame.WINDOWEXPOSED,
    pygame.WINDOWSHOWN,
    pygame.WINDOWRESTORED,
    pygame.WINDOWFOCUSGAINED,
    pygame.WINDOWLEAVE,
}


def _init_display() -> None:
    """Start SDL's video, or say why no window can be opened (and what to do instead)."""
    requested = {name.strip().lower() for name in os.environ.get("SDL_VIDEODRIVER", "").split(",")}
    try:
        pygame.display.init()
    except pygame.error as exc:
        raise NoWindowError(f"no window can be opened ({exc}); {TERMINAL_HINT}") from None
    driver = pygame.display.get_driver()
    if driver in _INVISIBLE_DRIVERS and driver not in requested:
        pygame.display.quit()
        raise NoWindowError(f"no window can be opened: no display was found; {TERMINAL_HINT}")


class App:
    """One game window and its scene stack."""

    GLOBAL_KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        KeyBinding("f1", "help", "Show the keyboard shortcuts"),
        KeyBinding("f11", "fullscreen", "Full screen on or off"),
        KeyBinding("alt+return", "fullscreen", "Full screen on or off"),
        KeyBinding("ctrl+plus", "bigger", "Larger text"),
        KeyBinding("ctrl+equals", "bigger", "Larger text"),
        KeyBinding("ctrl+keypad plus", "bigger", "Larger text"),
        KeyBinding("ctrl+minus", "smaller", "Smaller text"),
        KeyBinding("ctrl+keypad minus", "smaller", "Smaller text"),
        KeyBinding("tab", "-", "Move to the next control"),
        KeyBinding("shift+tab", "-", "Move to the previous control"),
    )

    def __init__(
        self,
        first: SceneFactory,
        *,
        settings_dir: Path | None = None,
        settings: Settings | None = None,
        on_frame: Callable[[int], None] | None = None,
    ) -> None:
        self.store = SettingsStore(settings_dir)
        self.initial_settings = settings or self.store.load()
        self.log_dir = log_dir(settings_dir)
        self.first = first
        self.on_frame = on_frame
        self.stack: list[Scene] = []
        self.running = False
        self.dirty = True
        self.frames = 0
        self.crashes: list[BaseException] = []
        self._pending_wakeup: float | None = None
        # A key that changed the scene (N: pass, then a hand-over with a PIN box) must not
        # also type its letter into the new scene: its TEXTINPUT is dropped.
        self._typed_by_old_scene = False
        self._dim: pygame.Surface | None = None
        self.screen: pygame.Surface = pygame.Surface((1, 1))
        self.ctx: Context | None = None

    # -- start and stop ----------------------------------------------------------------
    def start(self) -> None:
        """Open the window and show the first scene (NoWindowError if none can be opened)."""
        _init_display()
        pygame.font.init()
        pygame.display.set_caption("Red Lines")
        settings = self.initial_settings
        try:
            self.screen = self._open_window(settings)
        except pygame.error as exc:
            pygame.display.quit()
            raise NoWindowError(f"no window can be opened ({exc}); {TERMINAL_HINT}") from None
        pygame.key.stop_text_input()  # on only while a text entry has focus
        theme = load_theme(scale=self._scale_for(settings), colour_blind=settings.colour_blind)
        self.ctx = Context(theme, self.store, settings, self.log_dir)
        self.ctx.apply_settings = self.apply_settings
        self.running = True
        self._apply(self._guard(None, "the first scene", lambda: Push(self.first(self.context))))

    def close(self, *, quit_pygame: bool = True) -> None:
        """Remember the window size and shut down."""
        if self.ctx is not None:
            self.store.save(self.ctx.settings)
            self.ctx.sound.close()
        self.running = False
        if quit_pygame:
            forget_fonts()
            forget_sounds()
            pygame.quit()

    @property
    def context(self) -> Context:
        """The scenes' context (after ``start``)."""
        if self.ctx is None:
            raise RuntimeError("the app has not started")
        return self.ctx

    def _open_window(self, settings: Settings) -> pygame.Surface:
        if settings.fullscreen:
            try:
                return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            except pygame.error as exc:
                log.warning("full screen is not available (%s); using a window", exc)
        size = (
            max(MIN_WINDOW[0], settings.window_size[0]),
            max(MIN_WINDOW[1], settings.window_size[1]),
        )
        return pygame.display.set_mode(size, pygame.RESIZABLE)

    # -- settings ----------------------------------------------------------------------
    def apply_settings(self, new: Settings) -> None:
        """Apply settings live (look, window, sound) and save them."""
        ctx = self.context
        old = ctx.settings
        ctx.settings = new
        ctx.sound.enabled = new.sound
        self.store.save(new)
        ctx.theme.set_scale(self._scale_for(new))
        ctx.theme.set_palette(COLOUR_BLIND_PALETTE if new.colour_blind else DEFAULT_PALETTE)
        if (new.fullscreen, new.window_size) != (old.fullscreen, old.window_size):
            self.screen = self._open_window(new)
        for scene in list(self.stack):
            self._guard(scene, "settings", lambda s=scene: s.on_settings_changed(new))  # type: ignore[misc]
        self._relayout_all()

    def _scale_for(self, settings: Settings) -> float:
        """The chosen UI scale, lowered if the window is too small to lay screens out at it."""
        width, height = self.screen.get_size()
        fits = min(width / MIN_LOGICAL[0], height / MIN_LOGICAL[1])
        return max(1.0, min(settings.ui_scale, math.floor(fits * 20) / 20))

    def _relayout_all(self) -> None:
        for scene in list(self.stack):
            self._guard(scene, "layout", lambda s=scene: s.relayout(self.screen.get_rect()))  # type: ignore[misc]
        self.dirty = True

    def _resized(self, size: tuple[int, int]) -> None:
        current = pygame.display.get_surface()
        if current is not None and current.get_size() != size:
            # The dummy driver (tests) does not resize by itself.
            current = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.screen = current or self.screen
        ctx = self.context
        if not ctx.settings.fullscreen:
            ctx.settings = ctx.settings.with_(window_size=self.screen.get_size())
        ctx.theme.set_scale(self._scale_for(ctx.settings))
        self._relayout_all()

    def step_scale(self, step: int) -> None:
        """The next larger (1) or smaller (-1) UI scale, for a projector in a hurry."""
        settings = self.context.settings
        here = UI_SCALES.index(settings.ui_scale) if settings.ui_scale in UI_SCALES else 0
        there = max(0, min(len(UI_SCALES) - 1, here + step))
        if there != here:
            self.apply_settings(settings.with_(ui_scale=UI_SCALES[there]))

    def toggle_fullscreen(self) -> None:
        """Switch between full screen and a window (remembered in the settings)."""
        ctx = self.context
        self.apply_settings(ctx.settings.with_(fullscreen=not ctx.settings.fullscreen))

    # -- the stack ---------------------------------------------------------------------
    @property
    def scene(self) -> Scene:
        """The scene on top."""
        return self.stack[-1]

    def _enter(self, scene: Scene) -> None:
        scene.relayout(self.screen.get_rect())
        scene.focus_first()

    def _apply(self, transition: Transition | None) -> None:
        for _ in range(_MAX_CHAINED_TRANSITIONS):
            if transition is None:
                return
            self.dirty = True
            if isinstance(transition, Quit):
                self.running = False
                return
            if isinstance(transition, Push | Replace):
                scene = transition.scene
                if isinstance(transition, Replace) and self.stack:
                    self.stack.pop()
                self.stack.append(scene)
                transition = self._guard(scene, "opening", lambda s=scene: self._enter(s))  # type: ignore[misc]
            elif isinstance(transition, Pop):
                if self.stack:
                    self.stack.pop()
                if not self.stack:
                    self.running = False
                    return
                transition = self._resume(self.stack[-1], transition.result)
        log.error("too many chained transitions; stopped following them")

    def _resume(self, below: Scene, result: object) -> Transition | None:
        return self._guard(below, "resuming", lambda: below.on_resume(result))

    def _guard(
        self, scene: Scene | None, where: str, call: Callable[[], Transition | None]
    ) -> Transition | None:
        """Run scene code; an unexpected exception becomes an error screen, never a crash."""
        try:
            return call()
        except Exception as exc:
            self._crash(scene, where, exc)
            return None

    def _crash(self, scene: Scene | None, where: str, exc: Exception) -> None:
        self.crashes.append(exc)
        name = type(scene).__name__ if scene is not None else "start-up"
        self._autosave()
        path = write_crash_log(self.log_dir, exc, f"{name} ({where})")
        if isinstance(scene, ErrorScene) or self.ctx is None:
            self.running = False  # the error screen itself failed: give up calmly
            return
        if scene in self.stack:
            del self.stack[self.stack.index(scene) :]
        error = ErrorScene(self.ctx, path, can_return=bool(self.stack))
        self.stack.append(error)
        self._guard(error, "opening", lambda: self._enter(error))
        self.dirty = True

    # -- events and time ---------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        """Deliver one event: window events, global keys, then the top scene."""
        if event.type in _REDRAW_EVENTS:
            self.dirty = True
        if event.type == pygame.QUIT:
            if not self.stack:
                self.running = False
                return
            top, crashes = self.stack[-1], len(self.crashes)
            asked = self._guard(top, "quit request", top.on_quit_request)
            if len(self.crashes) != crashes:
                self.running = False  # a scene failing to ask must not trap the player
                return
            self._apply(asked)
            return
        if event.type == pygame.VIDEORESIZE:
            self._resized((max(1, event.w), max(1, event.h)))
            return
        if not self.stack:
            return
        top = self.stack[-1]
        if event.type == pygame.TEXTINPUT and self._typed_by_old_scene:
            self._typed_by_old_scene = False
            return
        if event.type == pygame.KEYDOWN:
            self._typed_by_old_scene = False
        action = find_action(self.GLOBAL_KEYS, event)
        if action == "help" and not isinstance(top, HelpOverlay):
            keys = (*top.shortcuts(), *self.GLOBAL_KEYS)
            self._apply(Push(HelpOverlay(self.context, top.title, keys)))
            return
        if action == "fullscreen":
            self.toggle_fullscreen()
            return
        if action in ("bigger", "smaller"):
            self.step_scale(1 if action == "bigger" else -1)
            return
        self._apply(self._guard(top, "an event", lambda: top.handle_event(event)))
        if event.type == pygame.KEYDOWN and self.stack and self.stack[-1] is not top:
            typed = getattr(event, "unicode", "")
            self._typed_by_old_scene = bool(typed) and typed.isprintable()

    def step(self, events: list[pygame.event.Event], dt: float) -> bool:
        """Handle events, then advance time by ``dt`` ms; returns whether the app still runs."""
        for event in events:
            if not self.running:
                break
            self.handle(event)
        if self.running and self.stack:
            pending = self._pending_wakeup
            if pending is not None and dt >= pending:
                self.dirty = True
            self._background()
            top = self.stack[-1]
            self._apply(self._guard(top, "update", lambda: top.update(dt)))
            if top.changed:  # quiet work that changed what it shows (``Scene.work_in``)
                top.changed = False
                self.dirty = True
            self._pending_wakeup = self.scene_wakeup_in()
        return self.running

    def _background(self) -> None:
        """The context's background work; a frame is drawn only when it brought news."""
        for name, work in list(self.context.background.items()):
            try:
                if work():
                    self.dirty = True
            except Exception:  # background work must never take the window down
                log.exception("background work %r failed; it is stopped", name)
                self.context.background.pop(name, None)

    def wakeup_in(self) -> float | None:
        """Milliseconds until the app needs a step: the top scene's wake-up, its quiet work
        (which draws nothing), and every ``BACKGROUND_MS`` while there is background work
        (which redraws only on news)."""
        times = [self.scene_wakeup_in(), self.scene_work_in()]
        if self.stack and self.context.background:
            times.append(BACKGROUND_MS)
        known = [t for t in times if t is not None]
        return min(known) if known else None

    def scene_work_in(self) -> float | None:
        """Milliseconds until the top scene has quiet work to do (``Scene.work_in``)."""
        if not self.stack:
            return None
        top = self.stack[-1]
        try:
            return top.work_in()
        except Exception as exc:
            self._crash(top, "wakeup", exc)
            return 0

    def scene_wakeup_in(self) -> float | None:
        """Milliseconds until the top scene needs an update (0: animating; None: only on input)."""
        if not self.stack:
            return None
        top = self.stack[-1]
        try:
            return top.wakeup_in()
        except Exception as exc:
            self._crash(top, "wakeup", exc)
            return 0

    # -- drawing -----------------------------------------------------------------------
    def _dim_surface(self) -> pygame.Surface:
        size = self.screen.get_size()
        if self._dim is None or self._dim.get_size() != size:
            self._dim = pygame.Surface(size, pygame.SRCALPHA)
        self._dim.fill(self.context.theme.color("dim"))
        return self._dim

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the top scene, and under a modal the scenes below it, dimmed."""
        if not self.stack:
            return
        base = max((i for i, s in enumerate(self.stack) if not s.modal), default=0)
        crashes = len(self.crashes)
        for i, scene in enumerate(self.stack[base:]):
            if i > 0:
                surface.blit(self._dim_surface(), (0, 0))
            self._guard(scene, "drawing", lambda s=scene: s.draw(surface))  # type: ignore[misc]
            if len(self.crashes) != crashes:
                # The stack now ends in an error screen: draw that frame afresh.
                self.draw(surface)
                return

    def render(self) -> bool:
        """Redraw and flip if anything changed; returns whether a frame was drawn."""
        if not self.dirty or not self.running:
            return False
        self.dirty = False
        self.draw(self.screen)
        pygame.display.flip()
        self.frames += 1
        if self.on_frame is not None:
            self.on_frame(self.frames)
        return True

    def run(self, clock: LoopClock | None = None) -> int:
        """The real loop: sleep until input or a wake-up is due, redraw on change.

        ``clock`` gives the time and does the waiting (default: the system's); a test
        passes the pilot's ``ScriptedClock`` so that the loop runs on a fake clock.
        Returns 0 on an ordinary exit, 128 + the signal's number when SIGTERM or
        SIGINT stopped it (after the same clean close, and an autosave).
        """
        status = 0
        if not self.running:
            self.start()
        if clock is None and self.ctx is not None:
            # Frames run in real time: a computer seat decides on a worker thread while they
            # draw.  A stepped or scripted loop (the pilot, tests) keeps it in the frame.
            self.ctx.think_ahead = True
        try:
            with signals_stop():
                self._loop(clock or SystemClock())
        except Stopped as stop:
            log.warning("stopped by %s; closing the window", stop)
            status = stop.exit_status
            self._autosave()
        self.close()
        return status

    def _autosave(self) -> None:
        if self.ctx is not None and self.ctx.autosave is not None:
            try:
                self.ctx.autosave()
            except Exception:
                log.exception("the autosave failed on closing")

    def _loop(self, clock: LoopClock) -> None:
        if not self.running:
            self.start()
        last = clock.now_ms()
        self.render()
        while self.running:
            wake = self.wakeup_in()
            events = clock.frame() if wake == 0 else clock.wait(wake)
            now = clock.now_ms()
            self.step(events, now - last)
            last = now
            self.render()
