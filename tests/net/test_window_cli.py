"""``redlines host`` and ``redlines join`` without ``--headless``/``--text`` open the window.

Each runs the real window (SDL's dummy driver) in a process of its own on
loopback; SIGTERM closes it cleanly (exit 143), with nothing on standard error
that looks like a traceback.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.net.protocol import Join
from game.net.remote_game import RemoteGame
from game.session.pins import PinHash
from tests.net.helpers import hosted, session

# Processes with a window each: the quick run leaves them out.
pytestmark = pytest.mark.slow

WAIT = 60  # seconds a process may take on a loaded machine (a bound, not a measure)


def _env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "PYGAME_HIDE_SUPPORT_PROMPT": "1",
        "REDLINES_HOME": str(home),
    }


def _stop(proc: subprocess.Popen[str]) -> str:
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=WAIT)
    assert proc.returncode == 143, err
    assert "Traceback" not in err
    return err


def test_host_opens_its_window_whose_loop_serves_the_laptops(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "game",
            "host",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--seats",
            "us=remote,russia=remote,nato=ai",
            "--seed",
            "7",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("listening on ws://127.0.0.1:"), line
        # The window's loop is the host's: a laptop joining is welcomed while it runs.
        laptop = RemoteGame.join(line.split()[-1], Join("us", None))
        assert laptop.seat == "us"
        assert laptop.view("us").briefing
        laptop.connection.close()
    finally:
        if proc.poll() is None:
            _stop(proc)


def test_join_opens_the_window_and_a_refused_pin_is_no_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    game = session()
    game.pins = {"us": PinHash.make("4821")}
    caplog.set_level(logging.WARNING, logger="game.net")
    with hosted(game) as host:
        url = f"ws://127.0.0.1:{host.server.port}"
        proc = subprocess.Popen(
            [sys.executable, "-m", "game", "join", url, "--seat", "us", "--pin", "1111"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(tmp_path),
        )
        try:
            deadline = time.monotonic() + WAIT
            while "wrong PIN for us" not in caplog.text:  # the window's join reached the host
                assert proc.poll() is None, proc.communicate()
                assert time.monotonic() < deadline, "the window never joined"
                time.sleep(0.05)
            assert proc.poll() is None  # the window stays open, saying why, on the join screen
        finally:
            _stop(proc)
