"""Temporary files of killed saves are cleaned at start-up: only ours, only stale (issue 14 item 3).

A save is written to ``.NAME.XXXXXXXX.tmp`` beside it and renamed over it; a kill
between the two left the temporary file there for ever.  Time is a fake clock.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from game import fileio
from game.cli import main
from game.session import autosaves

NOW = 1_000_000.0


def _file(folder: Path, name: str, age: float) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"{half a sa")
    os.utime(path, (NOW - age, NOW - age))
    return path


def test_only_our_stale_temporaries_go(tmp_path: Path) -> None:
    stale = _file(tmp_path, ".game.json.k2j_x9ab.tmp", age=3600)
    fresh = _file(tmp_path, ".game.json.p0q1r2s3.tmp", age=5)  # another game writing now
    theirs = [
        _file(tmp_path, "game.json.tmp", age=3600),  # not our pattern
        _file(tmp_path, ".game.json.tmp", age=3600),
        _file(tmp_path, ".game.json.ABCDEFGH.tmp", age=3600),  # mkstemp never uses capitals
        _file(tmp_path, ".notes.swp", age=3600),
    ]
    (tmp_path / ".dir.abcdefgh.tmp").mkdir()
    removed = fileio.clean_stale_temporaries(tmp_path, now=NOW)
    assert removed == [stale]
    assert not stale.exists()
    assert fresh.exists()
    assert all(p.exists() for p in theirs)
    assert (tmp_path / ".dir.abcdefgh.tmp").is_dir()


def test_a_name_limits_the_cleaning_to_that_files_temporaries(tmp_path: Path) -> None:
    mine = _file(tmp_path, ".class.json.abcd1234.tmp", age=3600)
    other = _file(tmp_path, ".other.json.abcd1234.tmp", age=3600)
    assert fileio.clean_stale_temporaries(tmp_path, name="class.json", now=NOW) == [mine]
    assert other.exists()


def test_the_games_own_folders_are_cleaned_at_start_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))
    in_autosaves = _file(autosaves.autosave_dir(), ".geneva-2022-1-x.json.abcdefgh.tmp", 9999)
    in_data = _file(autosaves.latest_copy_path().parent, ".autosave.json.abcdefgh.tmp", 9999)
    beside_save = _file(tmp_path, ".class.json.abcdefgh.tmp", 9999)
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    args = ["play", "--text", "--seats", "all=ai,us=human", "--save", str(tmp_path / "class.json")]
    assert main(args) == 0
    assert not in_autosaves.exists()
    assert not in_data.exists()
    assert not beside_save.exists()


def test_a_folder_that_cannot_be_read_is_no_error(tmp_path: Path) -> None:
    assert fileio.clean_stale_temporaries(tmp_path / "missing", now=NOW) == []
