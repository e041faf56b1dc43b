"""The debrief exports: everything a discussion needs is there, as valid, self-contained HTML."""

from __future__ import annotations

import html
import re
from pathlib import Path

from game.engine.words import paragraphs, signed
from game.export import build_debrief
from game.export.html_debrief import debrief_html
from game.export.markdown import debrief_markdown, md
from game.session import Session
from tests.export.helpers import HOSTILE_NOTE, check_html
from tests.scenarios import bundled


def test_html_holds_the_whole_debrief(finished: tuple[Session, Path]) -> None:
    session, _ = finished
    debrief = build_debrief(session)
    page = debrief_html(debrief)
    check_html(page)
    assert debrief.outcome is not None
    for text in (debrief.outcome.label, debrief.outcome.why):
        assert html.escape(text) in page
    for actor in debrief.scored:
        row = re.search(rf"{re.escape(html.escape(actor.name))}</th>.*?</tr>", page)
        assert row is not None, actor.name
        assert signed(actor.total) in row.group(0)
        for line in actor.red_lines:
            assert html.escape(line.status_text) in page
    for entry in debrief.ledger:
        assert html.escape(entry.lever_name) in page
        assert f"<strong>{entry.status}</strong>" in page
    for mark in debrief.bookmarks:
        assert html.escape(mark.note) in page
        assert f'href="#line-{mark.index}"' in page
        assert f'id="line-{mark.index}"' in page
    for entry in debrief.history:
        assert html.escape(entry.text) in page
    for question in debrief.discussion_questions:
        assert html.escape(question) in page
    for reason in debrief.rationales:
        assert html.escape(reason.rationale) in page
    for para in paragraphs(debrief.general_briefing):
        assert html.escape(para) in page


def test_html_has_the_tension_chart_with_threshold_and_rounds(
    finished: tuple[Session, Path],
) -> None:
    session, _ = finished
    debrief = build_debrief(session)
    page = debrief_html(debrief)
    svg = page[page.index("<svg viewBox") : page.index("</svg>", page.index("<svg viewBox"))]
    assert f"war ({debrief.tension.war_threshold:.0f})" in svg
    assert svg.count('stroke-dasharray="2 3"') == len(debrief.tension.rounds)
    points = re.search(r'<polyline points="([^"]+)"', svg)
    assert points is not None
    assert len(points.group(1).split()) == len(debrief.tension.points)
    for number, mark in enumerate(debrief.bookmarks, 1):
        assert f">B{number}</text>" in svg
        assert html.escape(f"Bookmark {number}: {mark.note}") in svg
    for tracker in debrief.trackers:
        assert html.escape(tracker.label) in page


def test_html_prints(finished: tuple[Session, Path]) -> None:
    page = debrief_html(build_debrief(finished[0]))
    assert "@media print" in page
    assert 'class="page-break"' in page
    assert "<script" not in page.lower()
    assert "<link" not in page.lower()


def test_markdown_holds_the_whole_debrief(finished: tuple[Session, Path]) -> None:
    session, _ = finished
    debrief = build_debrief(session)
    text = debrief_markdown(debrief)
    assert debrief.outcome is not None
    assert md(debrief.outcome.label) in text
    for actor in debrief.scored:
        assert f"| {md(actor.name)} |" in text
        assert signed(actor.total) in text
    for entry in debrief.ledger:
        assert md(entry.lever_name) in text
    assert md(HOSTILE_NOTE) in text
    assert "<b>" not in text
    for entry in debrief.history:
        assert md(entry.text) in text
    for question in debrief.discussion_questions:
        assert md(question) in text


def test_markdown_tables_keep_their_columns(finished: tuple[Session, Path]) -> None:
    text = debrief_markdown(build_debrief(finished[0]))
    table: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            widths = {len(re.findall(r"(?<!\\)\|", row)) for row in table}
            assert len(widths) == 1, table[:3]
            table = []


def test_unfinished_game_exports(tmp_path: Path) -> None:
    from game.session import Seat, SeatKind

    loaded = bundled("geneva-2022")
    seats = {a.id: Seat(SeatKind.RANDOM) for a in loaded.scenario.playable}
    session = Session(loaded, 5, seats, autosave=False)
    session.step()
    debrief = build_debrief(session)
    page = debrief_html(debrief)
    check_html(page)
    assert "The game is not finished" in page
    assert "not finished" in debrief_markdown(debrief)


def test_a_second_scenario_exports_without_a_code_change(tmp_path: Path) -> None:
    """Data, not code: the minimal test scenario debriefs and prints like the bundled one."""
    from game.export.briefings import briefing_pages
    from tests.export.helpers import play_full
    from tests.scenario.helpers import MINIMAL

    session = play_full(tmp_path / "minimal.json", MINIMAL, seed=2)
    debrief = build_debrief(session)
    check_html(debrief_html(debrief))
    assert debrief.outcome is not None
    assert md(debrief.outcome.label) in debrief_markdown(debrief)
    pages = briefing_pages(session.scenario)
    assert len(pages) == 3 + len(session.scenario.playable)
    for page in pages.values():
        check_html(page)
