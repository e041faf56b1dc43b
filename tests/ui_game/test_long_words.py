"""A valid scenario whose texts are 99,999-letter words opens the picker, briefing and table.

Issue 14.9: such a file froze the picker for 40 s, the briefing for 30 s and the table
for minutes (wrapping re-measured the rest of a word for every line).  The screens must
now open at once; the test drives them and checks nothing crashed and the text is there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.scenario import load_bytes
from game.scenario.loader import resolve
from game.ui.kit.widgets.label import WrappedText
from game.ui.main import title_factory
from game.ui.screens.picker import PickerScene
from game.ui.screens.seats import SeatsScene
from game.ui.screens.table.scene import TableScene
from tests.scenario.helpers import dump, read_yaml
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import SCENARIO

LONG = 99_999
NAME = 200  # the longest a name (of an actor, an issue, an option, ...) may be


def _long(text: object) -> str:
    return "W" * LONG if isinstance(text, str) else ""


def _rename(node: Any) -> None:
    """Every name, title and label of the document becomes one 200-letter word."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("name", "title", "label") and isinstance(value, str):
                node[key] = "W" * NAME
            else:
                _rename(value)
    elif isinstance(node, list):
        for item in node:
            _rename(item)


def long_words_scenario(folder: Path) -> Path:
    """The bundled scenario with its shown texts 99,999-letter words (valid: under 2 MiB)."""
    data = read_yaml(resolve(SCENARIO).read_text(encoding="utf-8"))
    _rename(data)
    data["id"] = "long-words"
    for key in ("summary", "decision_point", "briefing"):
        data[key] = _long(data[key])
    for actor in data["actors"]:
        actor["briefing"] = _long(actor.get("briefing", ""))
        actor["short_name"] = "W" * 40  # the longest a short name (on demand chips) may be
    first = data["rounds"][0]
    for key in ("opening", "venue", "city"):
        first[key] = _long(first.get(key, ""))
    data["issues"][0]["description"] = _long("")
    raw = dump(data)
    load_bytes(raw, "long-words.yaml")  # valid: raises if the format refused it
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "long-words.yaml"
    path.write_bytes(raw)
    return path


def test_picker_briefing_and_table_open_with_99999_letter_words(
    make_pilot: MakePilot, home: Path, tmp_path: Path
) -> None:
    long_words_scenario(home / "data" / "scenarios")
    pilot = make_pilot(title_factory(None, None, 3), ai_pace="fast")
    pilot.click("title.new")
    picker = pilot.scene
    assert isinstance(picker, PickerScene)
    index = next(i for i, e in enumerate(picker.entries) if e.origin.endswith("long-words.yaml"))
    for _ in range(index):
        pilot.press("down")
    pilot.advance()
    assert "W" * 30 in "\n".join(f.text for f in picker.text_fits())
    pilot.screenshot(tmp_path / "picker.png")
    pilot.click("picker.choose")
    assert isinstance(pilot.scene, SeatsScene)
    pilot.click("seats.start")
    assert pilot.scene.title.startswith("Briefing")
    pilot.advance()
    pilot.screenshot(tmp_path / "briefing.png")
    # Issue 14.16: a 200-letter actor name left the title an empty "Briefing:".
    heading = pilot.widget("briefing.heading")
    assert isinstance(heading, WrappedText)
    assert heading.shown_lines()[0].startswith("Briefing: WWWWW")
    pilot.click("briefing.done")
    pilot.advance(5)
    assert isinstance(pilot.scene, TableScene)
    shot = pilot.screenshot(tmp_path / "table.png")
    assert isinstance(shot, pygame.Surface)
    # Issue 14.16: demand chips overflowed their cells; every text on the board fits its room.
    table = pilot.scene
    theme = pilot.app.context.theme
    lines = table.board._lines
    assert lines
    for line in lines:
        if len(line.text) > 1:  # a single glyph cannot be cut further
            assert theme.text_size(line.text, line.style)[0] <= line.width, line.text
    assert pilot.app.crashes == []
