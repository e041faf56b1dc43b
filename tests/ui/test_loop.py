"""The real loop (not the pilot): once the window has settled, it redraws only on input."""

from __future__ import annotations

import threading
from pathlib import Path

import pygame

from game.ui.kit.app import App
from game.ui.screens.title import TitleScene


def _run(
    home: Path, script: list[tuple[float, pygame.event.Event | None]]
) -> tuple[App, list[int]]:
    """Run the real loop; at each (seconds, event) note the frame count, then post the event."""
    app = App(lambda ctx: TitleScene(ctx, subtitle="Loop"), settings_dir=home)
    app.start()
    seen: list[int] = []

    def at(event: pygame.event.Event | None) -> None:
        seen.append(app.frames)
        if event is not None:
            pygame.event.post(event)

    timers = [threading.Timer(when, at, (event,)) for when, event in script]
    for timer in timers:
        timer.start()
    try:
        assert app.run() == 0
    finally:
        for timer in timers:
            timer.cancel()
    seen.append(app.frames)
    return app, seen


def test_an_idle_window_is_not_redrawn(home: Path) -> None:
    _, seen = _run(home, [(0.15, None), (0.4, pygame.event.Event(pygame.QUIT))])
    settled, before_quit, _ = seen
    assert settled >= 1
    assert before_quit == settled  # a quarter second of nothing: no frames drawn
    assert (home / "settings.json").is_file()  # the window size was remembered


def test_input_wakes_the_loop_and_redraws_once(home: Path) -> None:
    key = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_DOWN, mod=0, unicode="", scancode=0)
    _, seen = _run(
        home,
        [(0.15, key), (0.3, None), (0.4, pygame.event.Event(pygame.QUIT))],
    )
    settled, after_key, before_quit, _ = seen
    assert after_key == settled + 1
    assert before_quit == after_key


def test_run_opens_the_title_and_logs_warnings_to_the_user_log_folder(home: Path) -> None:
    import logging

    from game.ui import run

    home.mkdir(parents=True)
    (home / "settings.json").write_text("[1, 2", encoding="utf-8")  # corrupt: a warning
    threading.Timer(0.2, lambda: pygame.event.post(pygame.event.Event(pygame.QUIT))).start()
    assert run(home, subtitle="Entry point") == 0
    logger = logging.getLogger("game")
    ours = [h for h in logger.handlers if str(home) in str(getattr(h, "baseFilename", ""))]
    assert len(ours) == 1
    for handler in ours:
        handler.close()
        logger.removeHandler(handler)
    assert "not valid JSON" in (home / "logs" / "redlines.log").read_text(encoding="utf-8")
