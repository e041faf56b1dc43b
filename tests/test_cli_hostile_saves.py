"""Hostile saves at the command line (issue 14 items 4-8): replay, export and resume each
answer with one clean message, exit 1, and leave the file as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from tests.hostile_saves import BREAKS


@pytest.fixture
def game_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))
    path = tmp_path / "game.json"
    seats = "all=random"
    code = main(["play", "--text", "--seats", seats, "--seed", "3", "--save", str(path)])
    assert code == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    # An unfinished game: keep the first few moves.
    for key in ("actions", "by", "rationales", "remarks"):
        data[key] = data[key][:6]
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


COMMANDS = {
    "replay": ["replay"],
    "export": ["export", "-o", "OUT"],
    "resume": ["play", "--text", "--resume"],
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("damage", BREAKS)
def test_a_hostile_save_is_one_message_for_every_command(
    game_save: Path, capsys: pytest.CaptureFixture[str], command: str, damage: str
) -> None:
    edit, expected = BREAKS[damage]
    game_save.write_text(edit(game_save.read_text(encoding="utf-8")), encoding="utf-8")
    before = game_save.read_bytes()
    out = game_save.parent / "debrief.html"
    args = [a.replace("OUT", str(out)) for a in COMMANDS[command]]
    capsys.readouterr()
    assert main([*args, str(game_save)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith(f"cannot load the save {game_save}: ")
    assert expected in err
    assert game_save.read_bytes() == before
    assert not out.exists()
