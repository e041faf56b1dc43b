"""Commands that write a file never destroy a user's file (issue 14 item 1).

``export -o``, ``briefings -o``, ``schema -o`` and ``new`` replace only a file
they wrote before, or any regular file with ``--force``; never a FIFO (nor a
device), never the save or scenario being read; a missing folder is reported.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from game import paths
from game.cli import main

GENEVA = paths.scenarios_dir() / "geneva-2022.yaml"
MINE = "my own notes\n"


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    path = tmp_path / "crisis.yaml"
    shutil.copy(GENEVA, path)
    return path


@pytest.fixture
def save(tmp_path: Path, scenario: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))
    path = tmp_path / "game.json"
    seats = "all=random"
    args = ["play", "--text", str(scenario), "--seats", seats, "--seed", "1", "--save", str(path)]
    assert main(args) == 0
    return path


def _fifo(tmp_path: Path) -> Path:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    return fifo


def _err(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err


# --- export -------------------------------------------------------------------------


def test_export_never_writes_over_the_scenario_of_the_game(
    save: Path, scenario: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = scenario.read_bytes()
    for extra in ([], ["--force"]):
        capsys.readouterr()
        assert main(["export", str(save), "-o", str(scenario), *extra]) == 1
        assert "refusing to write over the scenario" in _err(capsys)
    assert scenario.read_bytes() == before


def test_export_never_writes_over_the_save_even_with_force(
    save: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = save.read_bytes()
    capsys.readouterr()
    assert main(["export", str(save), "-o", str(save), "--force"]) == 1
    assert "refusing to write" in _err(capsys)
    assert save.read_bytes() == before


def test_export_refuses_a_users_file_unless_forced(
    save: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("notes.html", "notes.md"):
        target = tmp_path / name
        target.write_text(MINE, encoding="utf-8")
        capsys.readouterr()
        assert main(["export", str(save), "-o", str(target)]) == 1
        assert "--force" in _err(capsys)
        assert target.read_text(encoding="utf-8") == MINE
        assert main(["export", str(save), "-o", str(target), "--force"]) == 0
        assert target.read_text(encoding="utf-8") != MINE


def test_export_replaces_its_own_earlier_export(
    save: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("debrief.html", "debrief.md"):
        target = tmp_path / name
        assert main(["export", str(save), "-o", str(target)]) == 0
        first = target.read_bytes()
        target.write_bytes(first.replace(b"Debrief", b"Old debrief", 1))
        assert main(["export", str(save), "-o", str(target)]) == 0, capsys.readouterr().err
        assert target.read_bytes() == first


def test_export_default_target_beside_the_save_follows_the_same_rule(
    save: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    beside = save.with_suffix(".html")
    beside.write_text(MINE, encoding="utf-8")
    capsys.readouterr()
    assert main(["export", str(save)]) == 1
    assert "--force" in _err(capsys)
    assert beside.read_text(encoding="utf-8") == MINE


def test_export_never_replaces_a_fifo(
    save: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = _fifo(tmp_path)
    for extra in ([], ["--force"]):
        capsys.readouterr()
        assert main(["export", str(save), "-o", str(fifo), *extra]) == 1
        assert "not a regular file" in _err(capsys)
        assert fifo.is_fifo()


def test_export_into_a_missing_folder_is_reported_and_creates_nothing(
    save: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nonexistent" / "dir" / "x.html"
    capsys.readouterr()
    assert main(["export", str(save), "-o", str(target)]) == 1
    assert "does not exist" in _err(capsys)
    assert not (tmp_path / "nonexistent").exists()


# --- briefings ------------------------------------------------------------------------


def test_briefings_replace_their_own_pages_but_not_a_users_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "print"
    assert main(["briefings", "geneva-2022", "-o", str(folder)]) == 0
    assert main(["briefings", "geneva-2022", "-o", str(folder)]) == 0  # its own pages
    (folder / "index.html").write_text(MINE, encoding="utf-8")
    capsys.readouterr()
    assert main(["briefings", "geneva-2022", "-o", str(folder)]) == 1
    assert "--force" in _err(capsys)
    assert (folder / "index.html").read_text(encoding="utf-8") == MINE
    assert main(["briefings", "geneva-2022", "-o", str(folder), "--force"]) == 0
    assert (folder / "index.html").read_text(encoding="utf-8") != MINE


def test_briefings_check_every_page_before_writing_any(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "print"
    folder.mkdir()
    (folder / "teacher.html").write_text(MINE, encoding="utf-8")
    assert main(["briefings", "geneva-2022", "-o", str(folder)]) == 1
    assert sorted(p.name for p in folder.iterdir()) == ["teacher.html"]


def test_briefings_never_replace_a_fifo_nor_make_missing_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "print"
    folder.mkdir()
    os.mkfifo(folder / "index.html")
    assert main(["briefings", "geneva-2022", "-o", str(folder), "--force"]) == 1
    assert "not a regular file" in _err(capsys)
    assert (folder / "index.html").is_fifo()
    deep = tmp_path / "no" / "such" / "print"
    assert main(["briefings", "geneva-2022", "-o", str(deep)]) == 1
    assert "does not exist" in _err(capsys)
    assert not (tmp_path / "no").exists()


def test_briefings_never_write_over_the_scenario(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "print"
    folder.mkdir()
    scenario = folder / "index.html"  # an odd name for a scenario, but a user's file
    shutil.copy(GENEVA, scenario)
    before = scenario.read_bytes()
    assert main(["briefings", str(scenario), "-o", str(folder), "--force"]) == 1
    assert "refusing to write over the scenario" in _err(capsys)
    assert scenario.read_bytes() == before


# --- schema and new ---------------------------------------------------------------


def test_schema_replaces_a_schema_but_not_a_users_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "scenario.schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert main(["schema", "-o", str(target)]) == 0  # its own
    other = tmp_path / "crisis.yaml"
    shutil.copy(GENEVA, other)
    capsys.readouterr()
    assert main(["schema", "-o", str(other)]) == 1
    assert "--force" in _err(capsys)
    assert other.read_bytes() == GENEVA.read_bytes()
    assert main(["schema", "-o", str(other), "--force"]) == 0
    fifo = _fifo(tmp_path)
    assert main(["schema", "-o", str(fifo), "--force"]) == 1
    assert fifo.is_fifo()
    assert main(["schema", "-o", str(tmp_path / "gone" / "s.json")]) == 1
    assert not (tmp_path / "gone").exists()


def test_new_replaces_a_file_only_with_force_and_never_a_fifo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "crisis.yaml"
    target.write_text(MINE, encoding="utf-8")
    assert main(["new", str(target)]) == 1
    assert "already exists" in _err(capsys)
    assert target.read_text(encoding="utf-8") == MINE
    assert main(["new", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("#")
    fifo = _fifo(tmp_path)
    assert main(["new", str(fifo), "--force"]) == 1
    assert "not a regular file" in _err(capsys)
    assert fifo.is_fifo()
    assert main(["new", str(tmp_path / "gone" / "x.yaml")]) == 1
    assert "does not exist" in _err(capsys)
    assert not (tmp_path / "gone").exists()


def test_a_device_is_refused_before_anything_is_written() -> None:
    """``-o /dev/full`` once replaced the device (as root).  Only the check runs here:
    a failing test must not be able to replace a real device."""
    from game.outputs import OutputRefusedError, check_output

    for device in (Path("/dev/null"), Path("/dev/full")):
        if not device.exists():
            continue
        with pytest.raises(OutputRefusedError, match="not a regular file"):
            check_output(device, ours=lambda _h, _t: True, force=True)
