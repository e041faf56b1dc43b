"""A save of a user's own scenario replays from any folder, and says where it looked if not."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game import paths
from game.cli import main
from game.errors import UserError
from game.scenario import load_scenario
from game.session import Seat, SeatKind, Session, load

GENEVA = paths.scenarios_dir() / "geneva-2022.yaml"


@pytest.fixture
def own_scenario(tmp_path: Path) -> Path:
    """A user's scenario: the bundled one with another title (same id, another content hash)."""
    folder = tmp_path / "work"
    folder.mkdir()
    path = folder / "crisis.yaml"
    text = GENEVA.read_text(encoding="utf-8")
    path.write_text(text.replace('title: "', 'title: "Our own ', 1), encoding="utf-8")
    return path


def _saved_game(scenario: Path, save: Path, monkeypatch: pytest.MonkeyPatch) -> Session:
    monkeypatch.chdir(scenario.parent)
    loaded = load_scenario("crisis.yaml")  # typed as a relative path, as a player would
    seats = {actor.id: Seat(SeatKind.RANDOM) for actor in loaded.scenario.playable}
    session = Session(loaded, 5, seats, autosave=False)
    for _ in range(6):
        session.step()
    session.save(save)
    return session


def test_the_recorded_scenario_path_is_absolute_and_replays_from_another_folder(
    own_scenario: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save = own_scenario.parent / "game.json"
    session = _saved_game(own_scenario, save, monkeypatch)
    recorded = json.loads(save.read_text(encoding="utf-8"))["scenario"]["path"]
    assert recorded == str(own_scenario.resolve())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert load(save).digest() == session.digest()


def test_a_relative_recorded_path_is_found_beside_the_save(
    own_scenario: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save = own_scenario.parent / "game.json"
    session = _saved_game(own_scenario, save, monkeypatch)
    data = json.loads(save.read_text(encoding="utf-8"))
    data["scenario"]["path"] = "crisis.yaml"  # as older versions wrote it
    save.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert load(save).digest() == session.digest()


def test_a_moved_scenario_is_named_and_scenario_option_points_at_it(
    own_scenario: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    save = tmp_path / "game.json"
    session = _saved_game(own_scenario, save, monkeypatch)
    moved = tmp_path / "moved" / "renamed.yaml"
    moved.parent.mkdir()
    own_scenario.rename(moved)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UserError) as caught:
        load(save)
    # The bundled scenario of that id is found, but it is not the one the game was played on.
    assert "has changed since this game was saved" in str(caught.value)
    assert load(save, scenario=moved).digest() == session.digest()
    for command in (["replay"], ["export", "-o", str(tmp_path / "d.md")]):
        assert main([*command, str(save), "--scenario", str(moved)]) == 0, capsys.readouterr()
    assert main(["replay", str(save)]) == 1
    # play --resume finds it the same way (its random seats play the game on to the end).
    resumed = tmp_path / "resumed.json"
    code = main(
        ["play", "--text", "--resume", str(save), "--scenario", str(moved), "--save", str(resumed)]
    )
    assert code == 0, capsys.readouterr()
    finished = load(resumed, scenario=moved)
    assert finished.is_over
    assert finished.log[: len(session.log)] == session.log  # it went on from the saved game


def test_a_missing_scenario_names_the_recorded_path(tmp_path: Path) -> None:
    save = tmp_path / "game.json"
    data = {
        "format": 1,
        "game": "redlines",
        "game_version": "0",
        "scenario": {"id": "atlantis", "hash": "sha256:x", "path": "/gone/atlantis.yaml"},
        "seed": 1,
        "seats": {"a": {"kind": "ai"}},
        "actions": [],
        "by": [],
        "rationales": [],
    }
    save.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load(save)
    message = str(caught.value)
    assert "'atlantis' it was played on from /gone/atlantis.yaml cannot be loaded" in message
    assert "--scenario PATH" in message


def test_scenario_option_names_a_file_even_when_its_name_looks_like_an_id(
    own_scenario: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--scenario geneva-2022` given as a file (no folder, no .yaml) is that file,
    not the bundled scenario of the same id."""
    save = tmp_path / "game.json"
    session = _saved_game(own_scenario, save, monkeypatch)
    lookalike = tmp_path / "geneva-2022"
    own_scenario.rename(lookalike)
    monkeypatch.chdir(tmp_path)
    assert load(save, scenario=Path("geneva-2022")).digest() == session.digest()


def test_a_scenario_whose_file_name_is_not_utf8_saves_and_replays(
    own_scenario: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 14 item 8: ``bad\\xff\\xfe.yaml`` played until the first save, then a traceback."""
    odd = Path(os.fsdecode(bytes(own_scenario.parent) + b"/bad\xff\xfe.yaml"))
    own_scenario.rename(odd)
    save = tmp_path / "odd.json"
    code = main(["play", "--text", str(odd), "--seats", "all=random", "--seed", "2"])
    assert code == 0, capsys.readouterr().err
    loaded = load_scenario(odd)
    seats = {actor.id: Seat(SeatKind.RANDOM) for actor in loaded.scenario.playable}
    session = Session(loaded, 5, seats, autosave=True)
    session.step()
    session.save(save)
    save.read_text(encoding="utf-8")  # valid UTF-8: the name is recorded so that it maps back
    assert load(save).digest() == session.digest()
    for command in (["replay"], ["export", "-o", str(tmp_path / "d.md")]):
        assert main([*command, str(save)]) == 0, capsys.readouterr()
