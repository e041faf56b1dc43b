"""``play --save FILE`` never replaces another game's save (issue 14 item 2).

It may replace this game's own save (the one being resumed, or an earlier save
of the same game whose moves this game still holds), or anything with ``--force``;
never a device or a pipe, never the scenario being played.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from game import paths
from game.cli import main

STARTER = Path(__file__).resolve().parent.parent / "game" / "scenario" / "starter.yaml"
GENEVA = paths.scenarios_dir() / "geneva-2022.yaml"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "home"


def _play(monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str = "q\n") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["play", "--text", *args])


@pytest.fixture
def class_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Geneva game twelve moves in, as the class left it."""
    path = tmp_path / "class.json"
    assert (
        _play(
            monkeypatch,
            "--seats",
            "all=ai,us=human",
            "--seed",
            "7",
            "--save",
            str(path),
            stdin="1\n" * 4 + "q\n",
        )
        == 0
    )
    assert len(json.loads(path.read_text(encoding="utf-8"))["actions"]) >= 4
    return path


def _err(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err


def test_a_new_game_refuses_to_replace_another_games_save(
    class_save: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = class_save.read_bytes()
    capsys.readouterr()
    args = [str(STARTER), "--seats", "all=ai,blue=human", "--seed", "99", "--save", str(class_save)]
    assert _play(monkeypatch, *args) == 1
    err = _err(capsys)
    assert "another game" in err
    assert "--force" in err
    assert class_save.read_bytes() == before
    assert _play(monkeypatch, *args, "--force") == 0
    assert json.loads(class_save.read_text(encoding="utf-8"))["scenario"]["id"] == "my-crisis"


def test_the_same_seed_again_is_another_game_once_moves_were_made(
    class_save: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Starting over with the same seed would throw the class's moves away.
    before = class_save.read_bytes()
    args = ["--seats", "all=ai,us=human", "--seed", "7", "--save", str(class_save)]
    assert _play(monkeypatch, *args) == 1
    assert class_save.read_bytes() == before


def test_resuming_a_save_may_keep_writing_to_it(
    class_save: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    moves = len(json.loads(class_save.read_text(encoding="utf-8"))["actions"])
    args = ["--resume", str(class_save), "--save", str(class_save)]
    assert _play(monkeypatch, *args, stdin="1\nq\n") == 0, capsys.readouterr().err
    assert len(json.loads(class_save.read_text(encoding="utf-8"))["actions"]) > moves


def test_an_earlier_save_of_the_same_game_may_be_replaced(
    class_save: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = tmp_path / "earlier.json"
    data = json.loads(class_save.read_text(encoding="utf-8"))
    for key in ("actions", "by", "rationales", "remarks"):
        data[key] = data[key][:2]
    earlier.write_text(json.dumps(data), encoding="utf-8")
    args = ["--resume", str(class_save), "--save", str(earlier)]
    assert _play(monkeypatch, *args) == 0
    assert earlier.read_bytes() == class_save.read_bytes()


def test_a_file_that_is_not_a_save_is_kept_unless_forced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.json"
    notes.write_text('{"my": "notes"}', encoding="utf-8")
    args = ["--seats", "all=ai,us=human", "--seed", "3", "--save", str(notes)]
    assert _play(monkeypatch, *args) == 1
    assert "--force" in _err(capsys)
    assert notes.read_text(encoding="utf-8") == '{"my": "notes"}'


def test_never_a_fifo_nor_the_scenario_even_with_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert _play(monkeypatch, "--seats", "all=ai,us=human", "--save", str(fifo), "--force") == 1
    assert "not a regular file" in _err(capsys)
    assert fifo.is_fifo()
    scenario = tmp_path / "crisis.yaml"
    shutil.copy(GENEVA, scenario)
    before = scenario.read_bytes()
    args = [str(scenario), "--seats", "all=ai,us=human", "--save", str(scenario), "--force"]
    assert _play(monkeypatch, *args) == 1
    assert "the scenario" in _err(capsys)
    assert scenario.read_bytes() == before
