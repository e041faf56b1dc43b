"""Export test set-up: a private REDLINES_HOME, and one finished and one unfinished game."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.session import Session
from tests.export.helpers import play_full


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever writes the real user's autosave."""
    folder = tmp_path / "home"
    monkeypatch.setenv("REDLINES_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def finished(tmp_path_factory: pytest.TempPathFactory) -> tuple[Session, Path]:
    save = tmp_path_factory.mktemp("finished") / "game.json"
    return play_full(save), save
