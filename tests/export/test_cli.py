"""``redlines export`` and ``redlines briefings`` as a teacher runs them; mistakes too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.session import Session
from tests.export.helpers import check_html


def test_export_writes_html_next_to_the_save(
    finished: tuple[Session, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save = tmp_path / "class-3b.json"
    save.write_bytes(finished[1].read_bytes())
    assert main(["export", str(save)]) == 0
    out = tmp_path / "class-3b.html"
    check_html(out.read_text(encoding="utf-8"))
    assert str(out) in capsys.readouterr().out


def test_export_markdown_by_flag_or_by_extension(
    finished: tuple[Session, Path], tmp_path: Path
) -> None:
    _, save = finished
    assert main(["export", str(save), "--format", "md", "-o", str(tmp_path / "a.txt")]) == 0
    assert (tmp_path / "a.txt").read_text(encoding="utf-8").startswith("# ")
    assert main(["export", str(save), "-o", str(tmp_path / "b.md")]) == 0
    assert (tmp_path / "b.md").read_text(encoding="utf-8").startswith("# ")


def test_export_to_stdout(
    finished: tuple[Session, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(finished[1]), "--format", "html", "-o", "-"]) == 0
    check_html(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "the file is empty"),
        (b'{"format": 1, "game": "redlines"', "truncated"),
        (b"\xff\xfe\x00binary", "not a text file"),
        (b'{"format": 99, "game": "redlines"}', "newer version"),
    ],
)
def test_broken_save_is_one_message_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    save = tmp_path / "broken.json"
    if content is not None:
        save.write_bytes(content)
    assert main(["export", str(save)]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "broken.html").exists()


@pytest.mark.slow  # a Python process of its own
def test_broken_save_from_a_shell_has_no_traceback(tmp_path: Path) -> None:
    save = tmp_path / "broken.json"
    save.write_text('{"format": 1, "game": "redlines", "seed": "x"}', encoding="utf-8")
    env = dict(os.environ, REDLINES_HOME=str(tmp_path / "home"), PYTHONIOENCODING="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "game", "export", str(save)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "cannot load the save" in done.stderr
    assert "Traceback" not in done.stderr


def test_export_to_an_unwritable_place_is_a_message(
    finished: tuple[Session, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["export", str(finished[1]), "-o", str(blocker / "out.html")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_briefings_command_writes_every_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "print"
    assert main(["briefings", "geneva-2022", "-o", str(folder)]) == 0
    names = {p.name for p in folder.iterdir()}
    assert {"index.html", "general.html", "teacher.html"} <= names
    assert sum(name.startswith("delegation-") for name in names) == 3
    assert "index.html" in capsys.readouterr().out


def test_briefings_command_mistakes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["briefings", "no-such-scenario", "-o", str(tmp_path / "x")]) == 1
    assert "no such file" in capsys.readouterr().err
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["briefings", "geneva-2022", "-o", str(blocker)]) == 1
    assert "not a folder" in capsys.readouterr().err


def test_export_refuses_to_write_over_the_save_it_reads(
    finished: tuple[Session, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = finished[1].read_bytes()
    named_like_a_debrief = tmp_path / "g3.md"
    named_like_a_debrief.write_bytes(original)
    plain = tmp_path / "g2.json"
    plain.write_bytes(original)
    link = tmp_path / "link.html"
    link.symlink_to(plain)
    attempts = [
        [str(plain), "-o", str(plain)],
        [str(plain), "-o", str(tmp_path / "sub" / ".." / "g2.json")],
        [str(named_like_a_debrief), "--format", "md"],  # the default target is the save itself
        [str(plain), "-o", str(link)],  # a link to the save is the save
    ]
    for args in attempts:
        capsys.readouterr()
        assert main(["export", *args]) == 1, args
        assert "refusing to write over the save it is made from" in capsys.readouterr().err
    assert plain.read_bytes() == original == named_like_a_debrief.read_bytes()


def test_export_rounds_the_size_up_to_whole_kilobytes(
    finished: tuple[Session, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from game.export import files

    for size, shown in ((2048, "2 KB"), (2049, "3 KB"), (1, "1 KB")):
        monkeypatch.setattr(files, "write_export", lambda *_a, n=size, **_k: n)
        assert main(["export", str(finished[1]), "-o", str(tmp_path / "x.html")]) == 0
        assert f"({shown})" in capsys.readouterr().out
