"""Commands write through one atomic writer and read through one bounded reader."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game import fileio
from game.cli import main


def test_new_never_overwrites_and_leaves_no_temporary_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "crisis.yaml"
    assert main(["new", str(target)]) == 0
    first = target.read_bytes()
    target.write_text("mine", encoding="utf-8")
    assert main(["new", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crisis.yaml"]
    assert first.startswith(b"#")


def test_schema_output_is_written_atomically(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "scenario.schema.json"
    target.write_text("old", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", full_disk)
    assert main(["schema", "-o", str(target), "--force"]) == 1
    assert target.read_text(encoding="utf-8") == "old"  # not half a schema
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scenario.schema.json"]
    monkeypatch.undo()
    assert main(["schema", "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("{")


def test_write_atomic_without_overwrite_keeps_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "x.txt"
    fileio.write_atomic(target, b"one", overwrite=False)
    with pytest.raises(FileExistsError):
        fileio.write_atomic(target, b"two", overwrite=False)
    assert target.read_bytes() == b"one"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_read_limited_refuses_what_is_not_a_small_regular_file(tmp_path: Path) -> None:
    small = tmp_path / "small"
    small.write_bytes(b"12345")
    assert fileio.read_limited(small, 5) == b"12345"
    with pytest.raises(fileio.TooLargeError):
        fileio.read_limited(small, 4)
    with pytest.raises(IsADirectoryError):
        fileio.read_limited(tmp_path, 10)
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        with pytest.raises(fileio.NotRegularFileError):
            fileio.read_limited(fifo, 10)  # refused at once, not after waiting for a writer


def test_same_file_sees_through_links_and_dots(tmp_path: Path) -> None:
    real = tmp_path / "a.json"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "b.html"
    link.symlink_to(real)
    assert fileio.same_file(real, link)
    assert fileio.same_file(real, tmp_path / "missing" / ".." / "a.json")
    assert not fileio.same_file(real, tmp_path / "c.html")
