"""``export`` of an unfinished game keeps private texts out unless ``--reveal`` (issue 14 item 14).

Mid-game, a student with the autosave must not get the full debrief: the
confidential briefings, priorities, secret red lines, objectives, scores, AI
rationales and teacher notes.  A finished game's export reveals them all.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.session import Seat, SeatKind, Session, load
from tests.scenarios import bundled


def _secrets(session: Session) -> list[str]:
    scenario = session.scenario
    found = [a.briefing[:50] for a in scenario.actors if a.briefing]
    for prefs in scenario.preferences.values():
        found += [line.reason[:50] for line in prefs.red_lines if not line.public and line.reason]
        found += [o.text[:50] for o in prefs.objectives]
    found += [e.rationale[:50] for e in session.revealed_log() if e.rationale]
    if scenario.teacher_notes:
        found.append(scenario.teacher_notes[:50])
    return [s for s in found if s.strip()]


@pytest.fixture
def unfinished(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))
    loaded = bundled("geneva-2022")
    seats = {a.id: Seat(SeatKind.AI) for a in loaded.scenario.playable}
    session = Session(loaded, 4, seats, autosave=False)
    for _ in range(12):
        session.step()
    assert not session.is_over
    path = tmp_path / "autosave.json"
    session.save(path)
    return path


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_an_unfinished_game_exports_without_private_texts(
    unfinished: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    out = tmp_path / f"debrief.{fmt}"
    assert main(["export", str(unfinished), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "not over" in said
    assert "--reveal" in said
    text = out.read_text(encoding="utf-8")
    secrets = _secrets(load(unfinished))
    assert len(secrets) > 5
    for secret in secrets:
        assert _plain(secret) not in _plain(text), secret
    assert "--reveal" in text  # the page says what was left out and how to get it


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_reveal_puts_them_in_and_says_so(
    unfinished: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    out = tmp_path / f"debrief.{fmt}"
    assert main(["export", str(unfinished), "-o", str(out), "--reveal"]) == 0
    assert "private" in capsys.readouterr().out
    text = _plain(out.read_text(encoding="utf-8"))
    rationales = [e.rationale for e in load(unfinished).revealed_log() if e.rationale]
    assert rationales
    assert any(_plain(r[:40]) in text for r in rationales)
    briefing = load(unfinished).scenario.actors[0].briefing
    assert _plain(briefing[:40]) in text


def test_a_finished_game_reveals_everything_without_asking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))
    save = tmp_path / "done.json"
    assert main(["play", "--text", "--seats", "all=ai", "--seed", "2", "--save", str(save)]) == 0
    assert load(save).is_over
    out = tmp_path / "d.html"
    capsys.readouterr()
    assert main(["export", str(save), "-o", str(out)]) == 0
    assert "--reveal" not in capsys.readouterr().out
    assert "Briefings revealed" in out.read_text(encoding="utf-8")
    assert json.loads(save.read_text(encoding="utf-8"))["rationales"][0] == ""


def _plain(text: str) -> str:
    """Text compared without markup escapes or line breaks."""
    import html
    import re

    return " ".join(re.sub(r"\\(.)", r"\1", html.unescape(text)).split())
