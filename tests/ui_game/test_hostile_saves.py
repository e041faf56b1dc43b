"""Hostile saves and file names in the window (issue 14 items 4-8), driven with the pilot.

Continue and Load answer each broken save with a message (never the crash
screen), leave the file as it was, and go back; the scenario picker lists a
scenario whose file name is not UTF-8 and plays it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from game import paths
from game.session import autosaves
from game.session.seats import Seat, SeatKind
from game.session.session import Session
from game.ui.kit.dialog import Dialog
from game.ui.main import title_factory
from game.ui.screens.loadgame import LoadScene
from game.ui.screens.picker import PickerScene
from game.ui.screens.seats import SeatsScene
from game.ui.screens.title import GameTitle
from tests.hostile_saves import BREAKS
from tests.scenarios import bundled
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import SCENARIO, shown_text


def _autosaved_game(home: Path) -> Path:
    """A game a few moves in, autosaved as the window would (the file Continue opens)."""
    loaded = bundled(SCENARIO)
    seats = {a.id: Seat(SeatKind.AI) for a in loaded.scenario.playable}
    seats["us"] = Seat(SeatKind.HUMAN)
    session = Session(loaded, 3, seats, autosave=True)
    session.run_until_human()
    session.submit(session.legal_actions()[0])
    session.run_until_human()
    return session.autosave_file


@pytest.mark.parametrize("damage", BREAKS)
def test_continue_and_load_explain_a_hostile_save(
    make_pilot: MakePilot, home: Path, damage: str
) -> None:
    edit, expected = BREAKS[damage]
    autosave = _autosaved_game(home)
    for path in (autosave, autosaves.continue_path(), home / "data" / "autosave.json"):
        if path.is_file():
            path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    before = autosave.read_bytes()
    pilot = make_pilot(title_factory(None, None, None))
    pilot.click("title.continue")
    assert isinstance(pilot.scene, Dialog), type(pilot.scene).__name__
    assert expected in shown_text(pilot.scene)
    pilot.press("escape")
    assert isinstance(pilot.scene, GameTitle)
    pilot.click("title.load")
    load = pilot.scene
    assert isinstance(load, LoadScene)
    for index in range(len(load.files)):
        pilot.click_at(load.list.row_rect(index).center)
        pilot.click("load.load")
        assert isinstance(pilot.scene, Dialog), load.files[index]
        assert expected in shown_text(pilot.scene)
        pilot.press("escape")
        assert pilot.scene is load
    assert pilot.app.crashes == []
    assert autosave.read_bytes() == before


def test_the_picker_plays_a_scenario_whose_file_name_is_not_utf8(
    make_pilot: MakePilot, home: Path
) -> None:
    folder = home / "data" / "scenarios"
    folder.mkdir(parents=True)
    odd = Path(os.fsdecode(bytes(folder) + b"/bad\xff\xfe.yaml"))
    shutil.copy(paths.scenarios_dir() / "geneva-2022.yaml", odd)
    pilot = make_pilot(title_factory(None, None, None), ai_pace="fast")
    pilot.click("title.new")
    picker = pilot.scene
    assert isinstance(picker, PickerScene)
    index = next(i for i, e in enumerate(picker.entries) if e.origin.endswith(odd.name))
    for _ in range(index):
        pilot.press("down")
    pilot.screenshot()  # draws every label of the list
    pilot.click("picker.choose")
    assert isinstance(pilot.scene, SeatsScene)
    pilot.click("seats.start")
    pilot.click("briefing.done")
    for _ in range(20):
        pilot.advance()
    assert pilot.app.crashes == []
    saved = autosaves.continue_path()
    assert saved.is_file()
    saved.read_text(encoding="utf-8")
