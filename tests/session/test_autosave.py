"""Autosave after every move, into REDLINES_HOME; a failing save never stops the game."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine import Pass
from game.session import Session, read_save
from game.session import savefile as savefile_module
from tests.session.conftest import FakeLoaded, new_session


def _actions(path: Path) -> list[str]:
    return list(json.loads(path.read_text(encoding="utf-8"))["actions"])


def test_autosave_lives_in_the_user_data_folder(home: Path) -> None:
    assert Session.autosave_path() == home / "data" / "autosave.json"


def test_autosave_is_written_after_every_move(loaded: FakeLoaded, home: Path) -> None:
    session = new_session(loaded, autosave=True)
    path = Session.autosave_path()
    assert not path.exists()  # nothing happened yet, nothing written
    session.submit(Pass(str(session.to_move)))
    assert _actions(path) == [f"{session.log[0].action.actor} pass"]
    while not session.is_over:
        turn = session.step() or session.submit(Pass(str(session.to_move)))
        # after each move the autosave holds the whole log, in order
        assert len(_actions(path)) == turn.number == len(session.log)
    record = read_save(path)
    assert record.seed == session.seed
    assert record.by == [entry.by for entry in session.log]


def test_save_path_is_written_too_and_undo_is_saved(loaded: FakeLoaded, tmp_path: Path) -> None:
    extra = tmp_path / "class" / "game.json"
    session = new_session(loaded, autosave=True, save_path=extra)
    session.submit(Pass(str(session.to_move)))
    session.run_until_human()
    assert _actions(extra) == _actions(Session.autosave_path())
    session.undo()
    assert _actions(extra) == [] == _actions(Session.autosave_path())


def test_autosave_off_writes_nothing(loaded: FakeLoaded, home: Path) -> None:
    session = new_session(loaded, autosave=False)
    session.submit(Pass(str(session.to_move)))
    session.run_until_human()
    assert not home.exists() or not any(home.rglob("*.json"))


def test_a_failing_autosave_warns_keeps_the_old_save_and_the_game_goes_on(
    loaded: FakeLoaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = new_session(loaded, autosave=True)
    session.submit(Pass(str(session.to_move)))
    path = Session.autosave_path()
    before = path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:  # undone at the end; the REDLINES_HOME setting stays
        patch.setattr(savefile_module.os, "fsync", full_disk)
        turns = session.run_until_human()
    assert turns
    assert session.save_warning == f"cannot save the game to {path}: No space left on device"
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["autosave.json"]  # no temp file left
    session.persist()
    assert session.save_warning is None
    assert len(_actions(path)) == len(session.log)
