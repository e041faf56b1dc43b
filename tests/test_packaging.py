"""The package installs what it promises: pygame-ce (not upstream pygame) and its data."""

from __future__ import annotations

import subprocess
import sys

from game import paths


def test_pygame_is_the_community_edition() -> None:
    # Upstream pygame installs over pygame-ce silently under the same import name;
    # IS_CE exists (and is true) only in the community edition.
    result = subprocess.run(
        [sys.executable, "-c", "import pygame; print(getattr(pygame, 'IS_CE', False))"],
        capture_output=True,
        text=True,
        check=True,
        env={"PYGAME_HIDE_SUPPORT_PROMPT": "1", "PATH": ""},
    )
    assert result.stdout.strip().splitlines()[-1] in {"True", "1"}


def test_bundled_data_is_found() -> None:
    assert (paths.assets_dir() / "fonts" / "Inter-Regular.otf").is_file()
    assert (paths.assets_dir() / "fonts" / "LICENSE-Inter.txt").is_file()
    assert paths.scenarios_dir().is_dir()


def test_unknown_scenario_id_is_none() -> None:
    assert paths.bundled_scenario("no-such-scenario") is None


def test_cli_misuse_exits_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "game", "no-such-command"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "unknown command" in result.stderr
    assert "Traceback" not in result.stderr
