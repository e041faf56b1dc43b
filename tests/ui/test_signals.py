"""SIGTERM and SIGINT quit the window cleanly, even while a scene is busy (issue 14.9)."""

from __future__ import annotations

import signal
from pathlib import Path

import pygame
import pytest

from game.ui.kit.app import App
from game.ui.kit.context import Context
from game.ui.kit.scene import Quit, Scene, Transition

BUSY_STEPS = 2_000_000


class _Busy(Scene):
    """On its first update, the signal arrives and the scene grinds (as a frozen layout did)."""

    def __init__(self, ctx: Context, signum: int, record: list[int]) -> None:
        super().__init__(ctx)
        self.signum, self.record = signum, record

    def update(self, dt: float) -> Transition | None:  # noqa: ARG002 - the Scene API
        if self.record:
            return Quit()  # without the fix: the loop finished, so stop the test here
        steps = 0
        signal.raise_signal(self.signum)
        for steps in range(1, BUSY_STEPS + 1):  # noqa: B007 - counted for the test
            pass
        self.record.append(steps)
        return None


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_a_busy_window_at_once_and_closes_it_cleanly(
    home: Path, signum: int
) -> None:
    record: list[int] = []
    saved: list[bool] = []
    app = App(lambda ctx: _Busy(ctx, signum, record), settings_dir=home)
    app.start()
    app.context.autosave = lambda: saved.append(True)
    before = signal.getsignal(signum)
    status = app.run()
    assert record == []  # the busy loop was cut short, not run to its end
    assert status == 128 + signum
    assert saved == [True]  # the game was autosaved on the way out
    assert (home / "settings.json").is_file()  # closed as on any exit
    assert not pygame.display.get_init()
    assert signal.getsignal(signum) == before  # the previous handler is back
