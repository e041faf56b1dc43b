"""The real loop (not the pilot's step): once the window has settled, it redraws only on input.

``App.run`` runs on the pilot's ``ScriptedClock``: time jumps from cue to cue,
so nothing here sleeps or depends on how fast the machine is.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

from game.ui.kit.app import App
from game.ui.kit.pilot import Cue, ScriptedClock
from game.ui.screens.title import TitleScene

QUIT = pygame.event.Event(pygame.QUIT)


def _run(home: Path, script: list[Cue]) -> tuple[ScriptedClock, list[int]]:
    """Run the real loop; at each cue note the frames drawn so far, then post its event."""
    app = App(lambda ctx: TitleScene(ctx, subtitle="Loop"), settings_dir=home)
    seen: list[int] = []
    clock = ScriptedClock(script, on_cue=lambda _ms: seen.append(app.frames))
    assert app.run(clock) == 0
    seen.append(app.frames)
    return clock, seen


def test_an_idle_window_is_not_redrawn(home: Path) -> None:
    clock, seen = _run(home, [(150, None), (400, QUIT)])
    settled, before_quit, _ = seen
    assert settled >= 1
    assert before_quit == settled  # a quarter second of nothing: no frames drawn
    assert clock.waits[-1] is None  # idle: the loop slept until input, no timed wake-up
    assert (home / "settings.json").is_file()  # the window size was remembered


def test_input_wakes_the_loop_and_redraws_once(home: Path) -> None:
    key = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_DOWN, mod=0, unicode="", scancode=0)
    _, seen = _run(home, [(150, None), (150, key), (300, None), (400, QUIT)])
    settled, _, after_key, before_quit, _ = seen
    assert after_key == settled + 1
    assert before_quit == after_key


def test_run_opens_the_title_and_logs_warnings_to_the_user_log_folder(home: Path) -> None:
    from game.ui import run

    home.mkdir(parents=True)
    (home / "settings.json").write_text("[1, 2", encoding="utf-8")  # corrupt: a warning
    assert run(home, subtitle="Entry point", clock=ScriptedClock([(200, QUIT)])) == 0
    logger = logging.getLogger("game")
    ours = [h for h in logger.handlers if str(home) in str(getattr(h, "baseFilename", ""))]
    assert len(ours) == 1
    for handler in ours:
        handler.close()
        logger.removeHandler(handler)
    assert "not valid JSON" in (home / "logs" / "redlines.log").read_text(encoding="utf-8")


class _Quiet(TitleScene):
    """A title that has quiet work (readying pictures) five times, every 20 ms."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.worked = 0

    def work_in(self) -> float | None:
        return 20.0 if self.worked < 5 else None

    def update(self, dt: float) -> None:  # type: ignore[override]
        super().update(dt)
        if self.work_in() is not None:
            self.worked += 1


def test_quiet_work_wakes_the_loop_but_draws_no_frame(home: Path) -> None:
    # A scene readying pictures ahead (``Scene.work_in``) is updated on time, and the
    # window is not redrawn for it: nothing it shows has changed.
    app = App(lambda ctx: _Quiet(ctx, subtitle="Loop"), settings_dir=home)
    seen: list[int] = []
    clock = ScriptedClock([(150, None), (400, QUIT)], on_cue=lambda _ms: seen.append(app.frames))
    assert app.run(clock) == 0
    settled, before_quit = seen
    scene = app.stack[-1]
    assert isinstance(scene, _Quiet)
    assert scene.worked == 5  # woken for each piece of work
    assert 20.0 in clock.waits  # ... by a timed wake-up, not by input
    assert before_quit == settled  # and no frame was drawn for it


class _Changes(TitleScene):
    """Quiet work due at 250 ms that changes what the scene shows."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.elapsed = 0.0
        self.done = False

    def work_in(self) -> float | None:
        return None if self.done else max(1.0, 250.0 - self.elapsed)

    def update(self, dt: float) -> None:  # type: ignore[override]
        super().update(dt)
        self.elapsed += dt
        if not self.done and self.elapsed >= 250.0:
            self.done = True
            self.changed = True


def test_quiet_work_that_changes_the_scene_draws_one_frame(home: Path) -> None:
    app = App(lambda ctx: _Changes(ctx, subtitle="Loop"), settings_dir=home)
    seen: list[int] = []
    clock = ScriptedClock([(150, None), (400, QUIT)], on_cue=lambda _ms: seen.append(app.frames))
    assert app.run(clock) == 0
    scene = app.stack[-1]
    assert isinstance(scene, _Changes)
    assert scene.done
    settled, before_quit = seen
    assert before_quit == settled + 1  # the change was drawn, once
