"""Hostile scenario and player text comes out escaped and intact, in every export."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from game.export import build_debrief
from game.export.briefings import briefing_pages
from game.export.html_debrief import debrief_html
from game.export.markdown import debrief_markdown
from game.scenario import load_scenario
from game.session import Session
from tests.export.helpers import (
    CYRILLIC,
    HOSTILE_NOTE,
    LONG,
    QUOTES,
    SCRIPT,
    check_html,
    hostile_scenario,
    play_full,
)

ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Session]:
    folder = tmp_path_factory.mktemp("hostile")
    path = hostile_scenario(folder)
    return path, play_full(folder / "game.json", path, seed=11)


def assert_escaped(page: str) -> None:
    check_html(page)
    assert SCRIPT not in page
    assert "<script" not in page.lower()
    assert "javascript:" not in page.split("<main>", maxsplit=1)[0]  # never in the head
    assert 'href="javascript:' not in page


def test_debrief_html_escapes_and_keeps_text(hostile: tuple[Path, Session]) -> None:
    _, session = hostile
    page = debrief_html(build_debrief(session))
    assert_escaped(page)
    assert ESCAPED_SCRIPT in page
    assert CYRILLIC in page  # verbatim, not as character references
    assert LONG in page  # the 5,000-character line, whole
    assert html.escape(QUOTES, quote=True) in page  # &quot;double&quot; and &#x27;single&#x27;
    assert html.escape(HOSTILE_NOTE, quote=True) in page
    assert "<b>discuss</b>" not in page
    assert "javascript:alert(1)" in page  # the hostile source's address, shown as text only


def test_debrief_markdown_escapes_and_keeps_text(hostile: tuple[Path, Session]) -> None:
    _, session = hostile
    text = debrief_markdown(build_debrief(session))
    assert re.search(r"(?<!\\)<", text) is None  # no "<" that a renderer would read as a tag
    assert "\\<script\\>alert(1)\\</script\\>" in text
    assert CYRILLIC in text
    assert LONG in text
    assert "\\<b\\>discuss\\</b\\>" in text
    assert "\\| pipe \\|" in text  # a pipe in history text cannot split a table cell


def test_briefings_escape_and_keep_text(hostile: tuple[Path, Session]) -> None:
    path, _ = hostile
    pages = briefing_pages(load_scenario(path).scenario)
    for page in pages.values():
        assert_escaped(page)
    first = next(name for name in pages if name.startswith("delegation-"))
    for name in (first, "general.html", "teacher.html", "index.html"):
        assert ESCAPED_SCRIPT in pages[name], name  # the actor's name is on every page
        assert CYRILLIC in pages[name], name
    assert LONG in pages[first]
    assert LONG in pages["general.html"]
    assert html.escape(QUOTES, quote=True) in pages[first]
