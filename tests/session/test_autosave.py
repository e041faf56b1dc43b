"""Autosave, one file per game in REDLINES_HOME; a failing save never stops the game."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game import fileio
from game.engine import Pass
from game.session import autosaves, read_save
from game.session.store import load
from tests.session.conftest import AI, HUMAN, FakeLoaded, new_session, resolver, seats_for


def _actions(path: Path) -> list[str]:
    return list(json.loads(path.read_text(encoding="utf-8"))["actions"])


def test_each_game_has_its_own_autosave_in_the_user_data_folder(
    loaded: FakeLoaded, home: Path
) -> None:
    first = new_session(loaded, seed=1, autosave=True)
    second = new_session(loaded, seed=2, autosave=True)
    assert first.autosave_file != second.autosave_file
    for session in (first, second):
        assert session.autosave_file.parent == home / "data" / "autosave"
        assert session.autosave_file.name.startswith(f"{loaded.scenario.id}-{session.seed}-")
        session.submit(Pass(str(session.to_move)))
    # Starting the second game did not overwrite the first one's autosave.
    assert read_save(first.autosave_file).seed == 1
    assert read_save(second.autosave_file).seed == 2


def test_continue_finds_the_latest_autosave(loaded: FakeLoaded, home: Path) -> None:
    assert autosaves.latest_autosave() is None
    assert not autosaves.continue_path().is_file()  # the title's Continue stays disabled
    first = new_session(loaded, seed=1, autosave=True)
    first.submit(Pass(str(first.to_move)))
    second = new_session(loaded, seed=2, autosave=True)
    second.submit(Pass(str(second.to_move)))
    latest = autosaves.latest_autosave()
    assert latest is not None
    assert autosaves.continue_path() == latest  # on the class: what Continue opens
    # It is the copy beside the player's saves (the Load screen lists it), of the second game,
    # and a game continued from it keeps writing to the second game's own file.
    assert latest == home / "data" / "autosave.json"
    assert latest.read_bytes() == second.autosave_file.read_bytes()
    assert autosaves.own_file(latest) == second.autosave_file
    assert load(latest, autosave=True, resolve=resolver(loaded)).autosave_file == (
        second.autosave_file
    )
    first.run_until_human()
    first.submit(Pass(str(first.to_move)))  # the first game moves again: now it is the latest
    assert autosaves.own_file(autosaves.latest_copy_path()) == first.autosave_file


def test_without_the_latest_copy_the_newest_autosave_is_continued(
    loaded: FakeLoaded, home: Path
) -> None:
    first = new_session(loaded, seed=1, autosave=True)
    first.submit(Pass(str(first.to_move)))
    second = new_session(loaded, seed=2, autosave=True)
    second.submit(Pass(str(second.to_move)))
    autosaves.latest_copy_path().unlink()
    os.utime(second.autosave_file, (1, 1))  # written long ago
    assert autosaves.latest_autosave() == first.autosave_file


def test_autosave_is_written_after_every_human_move_and_each_run_of_ai_moves(
    loaded: FakeLoaded, home: Path
) -> None:
    session = new_session(loaded, autosave=True, seats=seats_for(loaded, HUMAN, AI))
    path = session.autosave_file
    assert not path.exists()  # nothing happened yet, nothing written
    session.submit(Pass(str(session.to_move)))
    assert _actions(path) == [f"{session.log[0].action.actor} pass"]
    while not session.is_over:
        if session.human_to_move:
            turn = session.submit(Pass(str(session.to_move)))
            assert len(_actions(path)) == turn.number == len(session.log)
            continue
        before = _actions(path)
        turn = session.step()
        assert turn is not None
        if session.human_to_move or session.is_over:
            # the run of computer moves is over: all of it is saved, like the UI's step() expects
            assert len(_actions(path)) == turn.number == len(session.log)
        else:
            assert _actions(path) == before  # in the middle of a run: no file written per move
    record = read_save(path)
    assert record.seed == session.seed
    assert record.by == [entry.by for entry in session.log]


def test_save_path_is_written_too_and_undo_is_saved(loaded: FakeLoaded, tmp_path: Path) -> None:
    extra = tmp_path / "class" / "game.json"
    session = new_session(loaded, autosave=True, save_path=extra)
    session.submit(Pass(str(session.to_move)))
    session.run_until_human()
    assert _actions(extra) == _actions(session.autosave_file)
    session.undo()
    assert _actions(extra) == [] == _actions(session.autosave_file)


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
    path = session.autosave_file
    before = path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:  # undone at the end; the REDLINES_HOME setting stays
        patch.setattr(fileio.os, "fsync", full_disk)
        turns = session.run_until_human()
    assert turns
    assert session.save_warning == f"cannot save the game to {path}: No space left on device"
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left
    session.persist()
    assert session.save_warning is None
    assert len(_actions(path)) == len(session.log)
