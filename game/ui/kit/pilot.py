"""Drive the real app headless for tests, like Textual's Pilot: keys, typing, clicks by widget id.

Input is posted to pygame's event queue and the app takes it from there, as
it would from a person; time only moves when the test calls ``advance``
(a fake clock: no test ever sleeps).  Needs ``SDL_VIDEODRIVER=dummy``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

import pygame

from game.ui.kit.app import App
from game.ui.kit.context import Context
from game.ui.kit.scene import Scene
from game.ui.kit.settings import Settings
from game.ui.kit.widgets.base import Widget

FRAME_MS = 1000 / 60

# At a scripted time: an event to post, or None to only mark the time (see ScriptedClock).
Cue = tuple[float, pygame.event.Event | None]


class ScriptedClock:
    """A fake ``LoopClock`` for the real loop (``App.run``): time jumps, nobody sleeps.

    ``script`` is a list of (milliseconds, event or None).  When the loop waits, the
    clock jumps to the next cue (or by the wait's timeout, if that comes first), calls
    ``on_cue(ms)`` and hands over the cue's event; while the loop animates, each frame
    is 1/60 s.  Events already in pygame's queue come first, as they would.  Once the
    script is played out, the loop is sent ``QUIT``.  ``waits`` records what the loop
    asked for: None is a wait for input only, the idle loop's.
    """

    def __init__(
        self, script: Sequence[Cue], on_cue: Callable[[float], None] | None = None
    ) -> None:
        self.now = 0.0
        self.script = sorted(script, key=lambda cue: cue[0])
        self.on_cue = on_cue
        self.waits: list[float | None] = []

    def now_ms(self) -> float:
        return self.now

    def _due(self) -> list[pygame.event.Event]:
        events = []
        while self.script and self.script[0][0] <= self.now:
            at, event = self.script.pop(0)
            if self.on_cue is not None:
                self.on_cue(at)
            if event is not None:
                events.append(event)
        return events

    def frame(self) -> list[pygame.event.Event]:
        self.now += FRAME_MS
        return pygame.event.get() + self._due()

    def wait(self, timeout_ms: float | None) -> list[pygame.event.Event]:
        self.waits.append(timeout_ms)
        queued = pygame.event.get()
        if queued:
            return queued
        if not self.script:
            return [pygame.event.Event(pygame.QUIT)]
        at = self.script[0][0]
        if timeout_ms is not None and self.now + timeout_ms < at:
            self.now += timeout_ms
            return []
        self.now = max(self.now, at)
        return self._due()


class Pilot:
    """A headless app with a fake clock and helpers to poke it."""

    def __init__(
        self,
        first: Callable[[Context], Scene],
        *,
        settings_dir: Path,
        settings: Settings | None = None,
    ) -> None:
        self.app = App(first, settings_dir=settings_dir, settings=settings)
        self.app.start()
        pygame.event.clear()  # nothing left over from an earlier pilot
        self.now = 0.0
        self.pump()

    # -- context manager ---------------------------------------------------------------
    def __enter__(self) -> Pilot:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Save settings and stop (pygame stays initialised for the next test)."""
        self.app.close(quit_pygame=False)

    # -- looking -----------------------------------------------------------------------
    @property
    def scene(self) -> Scene:
        """The scene on top of the stack."""
        return self.app.scene

    @property
    def running(self) -> bool:
        """Whether the app is still running (False after Quit)."""
        return self.app.running

    def widget(self, id: str) -> Widget:
        """A widget of the current scene by id."""
        return self.scene.widget(id)

    def screenshot(self, path: Path | None = None) -> pygame.Surface:
        """Draw the current frame (even if nothing changed) and optionally save it as PNG."""
        self.app.dirty = True
        self.app.render()
        frame = self.app.screen.copy()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            pygame.image.save(frame, str(path))
        return frame

    # -- time --------------------------------------------------------------------------
    def pump(self, dt: float = 0.0) -> None:
        """Let the app take the posted events, advance ``dt`` ms, and render if needed."""
        self.now += dt
        self.app.step(pygame.event.get(), dt)
        self.app.render()

    def advance(self, frames: int = 1, *, ms: float | None = None) -> None:
        """Let time pass: a number of 60 Hz frames, or ``ms`` milliseconds in one step."""
        if ms is not None:
            self.pump(ms)
            return
        for _ in range(frames):
            self.pump(FRAME_MS)

    # -- input -------------------------------------------------------------------------
    def press(self, key: str | int, mods: int = 0, *, unicode: str = "") -> None:
        """Press and release a key (``"tab"``, ``"f1"``, ``pygame.K_RETURN``) with modifiers."""
        code = pygame.key.key_code(key) if isinstance(key, str) else key
        pygame.event.post(
            pygame.event.Event(pygame.KEYDOWN, key=code, mod=mods, unicode=unicode, scancode=0)
        )
        pygame.event.post(
            pygame.event.Event(pygame.KEYUP, key=code, mod=mods, unicode="", scancode=0)
        )
        self.pump()

    def type(self, text: str) -> None:
        """Type text as the OS would deliver it: one TEXTINPUT event per character."""
        for char in text:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
        self.pump()

    def move(self, pos: tuple[int, int]) -> None:
        """Move the pointer to ``pos``."""
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        )
        self.pump()

    def click_at(self, pos: tuple[int, int], button: int = 1) -> None:
        """Move there, press and release a mouse button."""
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        )
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))
        self.pump()

    def click(self, widget_id: str) -> None:
        """Click the centre of a widget of the current scene (KeyError if there is none)."""
        box = self.scene.visible_box(self.widget(widget_id))
        if box is None:
            raise AssertionError(f"widget {widget_id!r} is not on screen (hidden or scrolled away)")
        self.click_at(box.center)

    def clickable(self) -> list[str]:
        """Ids of the current scene's widgets that are at least partly on screen."""
        scene = self.scene
        screen = self.app.screen.get_rect()
        ids = []
        for widget in scene.widgets():
            box = scene.visible_box(widget)
            if box is not None and screen.contains(pygame.Rect(box.center, (1, 1))):
                ids.append(widget.id)
        return ids

    def scroll(self, dy: int, widget_id: str | None = None) -> None:
        """Turn the mouse wheel (positive: up, away from the user) over a widget or in place."""
        if widget_id is not None:
            self.move(self.widget(widget_id).rect.center)
        pygame.event.post(
            pygame.event.Event(
                pygame.MOUSEWHEEL, x=0, y=dy, precise_x=0.0, precise_y=float(dy), flipped=False
            )
        )
        self.pump()

    def resize(self, width: int, height: int) -> None:
        """Resize the window as a person dragging its corner would."""
        pygame.event.post(
            pygame.event.Event(pygame.VIDEORESIZE, size=(width, height), w=width, h=height)
        )
        self.pump()
