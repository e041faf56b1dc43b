"""Play-test fixes on the screens around the table: labels and stray scrollbars."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game import paths
from game.engine import EndGame
from game.scenario import load_scenario
from game.session.seats import Seat, SeatKind
from game.ui.kit import desktop
from game.ui.kit.dialog import Dialog
from game.ui.kit.pilot import Pilot
from game.ui.kit.widgets.label import Label, WrappedText
from game.ui.main import title_factory
from game.ui.screens.common import prose
from game.ui.screens.debrief import DebriefScene
from game.ui.screens.panel import PinGate
from game.ui.screens.picker import PickerScene
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import SCENARIO, new_setup, shown_text

SCALES = [{}, {"ui_scale": 2.0}]


@pytest.mark.parametrize("settings", SCALES)
def test_the_facilitator_pin_box_has_no_scrollbar(
    make_pilot: MakePilot, settings: dict[str, object]
) -> None:
    pilot = make_pilot(lambda ctx: PinGate(ctx, lambda pin: pin == "1", lambda: ctx), **settings)
    assert isinstance(pilot.scene, PinGate)
    assert pilot.scene.body.max_scroll() == 0  # nothing in it: nothing to scroll


@pytest.mark.parametrize("settings", SCALES)
def test_the_console_pin_box_on_the_seats_screen_has_a_label(
    make_pilot: MakePilot, settings: dict[str, object]
) -> None:
    pilot = make_pilot(title_factory(load_scenario(SCENARIO), None, 7), **settings)
    pilot.click("title.new")
    pilot.click("picker.choose")
    entry = pilot.widget("seats.facilitator-pin")
    label = pilot.widget("seats.facilitator-pin.label")
    assert isinstance(label, Label)
    assert "PIN" in label.text
    assert "console" in label.text.lower()
    # beside the box, on its row
    assert label.rect.right <= entry.rect.left
    assert abs(label.rect.centery - entry.rect.centery) <= entry.rect.height // 2
    assert [f for f in pilot.scene.text_fits() if f.overflows] == []


@pytest.mark.parametrize("settings", SCALES)
def test_the_picker_shows_the_scenario_folder_without_scrolling_and_opens_it(
    make_pilot: MakePilot, home: Path, monkeypatch: pytest.MonkeyPatch, settings: dict[str, object]
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(desktop, "launcher", opened.append)
    pilot = make_pilot(title_factory(load_scenario(SCENARIO), None, 7), **settings)
    pilot.click("title.new")
    assert isinstance(pilot.scene, PickerScene)
    folder = paths.user_scenarios_dir()
    note = pilot.widget("picker.folder")
    assert isinstance(note, WrappedText)
    assert str(folder) in note.text
    screen = pygame.Rect(0, 0, 1280, 720)
    assert screen.contains(note.rect)
    assert screen.contains(pilot.widget("picker.open-folder").rect)
    assert [f for f in pilot.scene.text_fits() if f.overflows] == []
    pilot.click("picker.open-folder")
    assert opened == [folder]
    assert folder.is_dir()  # made if it was missing
    assert isinstance(pilot.scene, PickerScene)


def test_a_folder_the_desktop_cannot_open_is_explained(
    make_pilot: MakePilot, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path) -> None:
        raise FileNotFoundError(2, "No such file or directory", "xdg-open")

    monkeypatch.setattr(desktop, "launcher", refuse)
    pilot = make_pilot(title_factory(load_scenario(SCENARIO), None, 7))
    pilot.click("title.new")
    pilot.click("picker.open-folder")
    assert isinstance(pilot.scene, Dialog)
    assert str(paths.user_scenarios_dir()) in shown_text(pilot.scene)
    assert pilot.app.crashes == []


def _finished_debrief(make_pilot: MakePilot, **settings: object) -> Pilot:
    setup = new_setup({a: Seat(SeatKind.HUMAN) for a in ("us", "russia", "nato")})
    setup.session.submit(EndGame())
    return make_pilot(lambda ctx: DebriefScene(ctx, setup), **settings)


def test_the_debrief_says_which_secret_objectives_were_met(make_pilot: MakePilot) -> None:
    pilot = _finished_debrief(make_pilot)
    scene = pilot.scene
    assert isinstance(scene, DebriefScene)
    text = shown_text(scene)
    assert "Secret objectives, met or not" in text
    objectives = [o for a in scene.debrief.scored for o in a.objectives]
    assert objectives
    for objective in objectives:
        verdict = f"met (+{objective.points:g})" if objective.met else "not met"
        assert f"{verdict} — {prose(objective.text)}" in text


def test_the_exported_debrief_can_be_opened_from_the_game(
    make_pilot: MakePilot, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(desktop, "launcher", opened.append)
    pilot = _finished_debrief(make_pilot)
    pilot.click("debrief.export.html")
    assert isinstance(pilot.scene, Dialog)
    pilot.click("exported.open")
    assert isinstance(pilot.scene, DebriefScene)
    assert len(opened) == 1
    assert opened[0].suffix == ".html"
    assert opened[0].is_file()


def _export_clash(make_pilot: MakePilot) -> tuple[Pilot, Path, str]:
    """The debrief, with a file of the person's own where the HTML export goes."""
    pilot = _finished_debrief(make_pilot)
    scene = pilot.scene
    assert isinstance(scene, DebriefScene)
    target = scene.export_target("html")
    target.parent.mkdir(parents=True, exist_ok=True)
    mine = "<p>my own notes, not a debrief</p>"
    target.write_text(mine, encoding="utf-8")
    pilot.click("debrief.export.html")
    dialog = pilot.scene
    assert isinstance(dialog, Dialog)
    assert dialog.id == "export-clash"
    text = shown_text(dialog)
    assert "--force" not in text  # a window user has no command line to give it on
    assert "Red Lines did not write it" in text
    assert target.read_text(encoding="utf-8") == mine  # nothing replaced unasked
    return pilot, target, mine


def test_a_file_in_the_way_of_an_export_is_kept_and_a_new_name_offered(
    make_pilot: MakePilot, home: Path
) -> None:
    # Issue 12: the window's refusal said "give --force", which a window user cannot.
    pilot, target, mine = _export_clash(make_pilot)
    other = target.with_name(f"{target.stem}-2{target.suffix}")
    pilot.click("export-clash.rename")
    assert isinstance(pilot.scene, Dialog)
    assert pilot.scene.id == "exported"
    assert str(other) in shown_text(pilot.scene)
    assert target.read_text(encoding="utf-8") == mine
    assert "Red Lines" in other.read_text(encoding="utf-8")


def test_a_file_in_the_way_of_an_export_is_replaced_only_when_asked(
    make_pilot: MakePilot, home: Path
) -> None:
    pilot, target, mine = _export_clash(make_pilot)
    pilot.click("export-clash.cancel")
    assert isinstance(pilot.scene, DebriefScene)
    assert target.read_text(encoding="utf-8") == mine
    pilot.click("debrief.export.html")
    pilot.click("export-clash.replace")
    assert isinstance(pilot.scene, Dialog)
    assert pilot.scene.id == "exported"
    assert target.read_text(encoding="utf-8") != mine
