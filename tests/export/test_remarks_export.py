"""The exported debrief reveals each AI move's rationale beside what the delegate said."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from game.engine import Statement
from game.export import render
from game.export.debrief import build_debrief
from game.session.seats import SeatKind
from tests.export.helpers import play_full


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_export_shows_remarks_and_rationales(tmp_path: Path, fmt: str) -> None:
    session = play_full(tmp_path / "game.json")
    text = render(build_debrief(session), fmt)
    if fmt == "html":
        text = html.unescape(text)
    computer = [e for e in session.log if e.by is not SeatKind.HUMAN]
    spoken = [e for e in computer if e.remark and not isinstance(e.action, Statement)]
    assert spoken
    for entry in spoken:
        assert f"said: “{entry.remark}" in text.replace("\\", ""), entry.remark
    assert any(e.rationale in text.replace("\\", "") for e in computer)
