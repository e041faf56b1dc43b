"""The terminal's end-of-game summary: the outcome's reasons in the window's words (R19)."""

from __future__ import annotations

from game import engine
from game.engine import words
from game.session.seats import Seat, SeatKind
from game.session.session import Session
from game.text.summary import summarize, summary_json, summary_lines
from tests.scenarios import bundled


def test_the_summary_says_why_in_the_words_the_window_uses() -> None:
    loaded = bundled("geneva-2022")
    seats = {a.id: Seat(SeatKind.AI) for a in loaded.scenario.playable}
    session = Session(loaded, 3, seats, autosave=False)
    while not session.is_over:
        session.step()
    summary = summarize(session)
    lines = summary_lines(summary)
    why = next(line for line in lines if line.startswith("  why: "))
    result = engine.outcome(session.state)
    assert result is not None

    assert why == f"  why: {words.outcome_reasons(result.why, result.passed_over)}"
    assert summary_json(summary)["outcome_passed_over"] == list(result.passed_over)
