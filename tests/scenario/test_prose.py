"""Long scenario texts as the guide describes them: paragraphs, wrapped lines joined, lists kept."""

from __future__ import annotations

import dataclasses

import pytest

from game import engine
from game.engine.words import paragraphs
from game.export.briefings import briefing_pages, delegation_file
from game.export.markdown import md_prose
from game.scenario import load_scenario
from game.text import table as text
from game.ui.screens.common import prose
from tests.engine.fixtures import small_scenario

BRIEFING = """You lead the delegation. Lines wrapped to fit
an editor flow together.

What you want:
- a ceasefire
* observers on the line
• a channel that stays open
1. first this
2) then that
and a closing line that continues the list item.
"""


def test_blank_lines_part_paragraphs_and_wrapped_lines_are_joined() -> None:
    assert paragraphs(BRIEFING) == [
        "You lead the delegation. Lines wrapped to fit an editor flow together.",
        "What you want:\n- a ceasefire\n* observers on the line\n• a channel that stays open\n"
        "1. first this\n2) then that and a closing line that continues the list item.",
    ]


@pytest.mark.parametrize("text", ["", "\n\n", "  \n \t\n"])
def test_empty_texts_have_no_paragraphs(text: str) -> None:
    assert paragraphs(text) == []


def test_windows_line_ends_and_blank_lines_with_spaces() -> None:
    assert paragraphs("one\r\ntwo\r\n   \r\n- three") == ["one two", "- three"]


def test_the_window_shows_list_items_on_their_own_lines() -> None:
    shown = prose(BRIEFING)
    assert "What you want:\n- a ceasefire\n* observers" in shown
    assert "fit an editor" in shown


def test_the_printed_briefing_breaks_lines_before_list_items() -> None:
    scenario = small_scenario()
    actor = scenario.playable[0]
    changed = dataclasses.replace(
        scenario,
        actors=tuple(
            dataclasses.replace(a, briefing=BRIEFING) if a.id == actor.id else a
            for a in scenario.actors
        ),
    )
    page = briefing_pages(changed)[delegation_file(actor.id)]
    assert "What you want:<br />- a ceasefire<br />* observers on the line" in page
    assert "Lines wrapped to fit an editor flow together." in page


def test_markdown_keeps_list_lines_as_hard_breaks() -> None:
    assert md_prose("Wants:\n- a\n- b") == "Wants:\\\n\\- a\\\n\\- b"


def test_the_bundled_scenario_reads_as_the_guide_says() -> None:
    # Geneva's briefings are wrapped at ~80 columns with `|`: on screen they are
    # paragraphs, never lines broken where the file happened to wrap.
    scenario = load_scenario("geneva-2022").scenario
    for actor in scenario.actors:
        for paragraph in paragraphs(actor.briefing):
            assert "\n" not in paragraph, paragraph[:80]
    assert len(paragraphs(scenario.briefing)) > 1


def test_the_terminal_brief_keeps_list_items_and_wraps_paragraphs() -> None:
    scenario = small_scenario()
    actor = scenario.playable[0].id
    changed = dataclasses.replace(
        scenario,
        actors=tuple(
            dataclasses.replace(a, briefing=BRIEFING) if a.id == actor else a
            for a in scenario.actors
        ),
    )
    state = engine.new_game(changed, 1)
    lines = text.brief(engine.view(state, actor), engine.public_view(state))
    assert "  You lead the delegation. Lines wrapped to fit an editor flow together." in lines
    assert lines[lines.index("  What you want:") + 1] == "  - a ceasefire"
    assert all(len(line) <= 80 for line in lines[:12])
