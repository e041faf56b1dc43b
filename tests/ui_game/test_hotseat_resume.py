"""A continued hot-seat game still asks each delegation for its PIN at the hand-over."""

from __future__ import annotations

import json
from pathlib import Path

from game.session import autosaves
from game.session.seats import Seat, SeatKind
from game.ui.screens.flow import continue_scene
from game.ui.screens.handover import HandoverScene
from game.ui.screens.seats import SeatsScene
from game.ui.screens.table.scene import TableScene
from tests.scenarios import bundled
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import SCENARIO, new_setup, shown_text

PINS = {"us": "owl42", "russia": "kite7"}  # both: whoever moves first must give a PIN


def test_a_continued_hot_seat_game_checks_the_saved_pins(make_pilot: MakePilot, home: Path) -> None:
    setup = new_setup({a: Seat(SeatKind.HUMAN) for a in PINS}, PINS)
    setup.session.persist()  # the autosave "Continue" opens
    autosave = setup.session.autosave_file.read_text(encoding="utf-8")
    assert not any(pin in autosave for pin in PINS.values())  # hashes only
    pilot = make_pilot(continue_scene, ai_pace="fast")
    for _ in range(20):  # the computer's moves first, up to the first person's turn
        if isinstance(pilot.scene, HandoverScene):
            break
        pilot.advance(ms=450)
    scene = pilot.scene
    assert isinstance(scene, HandoverScene)
    assert scene.pin is not None  # restored from the save, not typed again
    pilot.type("0000")
    pilot.press("return")
    assert pilot.scene is scene  # a wrong PIN opens nothing
    assert "not the PIN" in shown_text(scene)
    pilot.type(PINS[scene.actor])
    pilot.press("return")
    assert isinstance(pilot.scene, TableScene)
    assert pilot.scene.viewer == scene.actor
    assert pilot.app.crashes == [], pilot.app.crashes


def test_the_seats_screen_saves_the_pins_hashed_from_the_first_autosave(
    make_pilot: MakePilot, home: Path
) -> None:
    loaded = bundled(SCENARIO)
    seats = {a: Seat(SeatKind.HUMAN) for a in PINS}
    pilot = make_pilot(lambda ctx: SeatsScene(ctx, loaded, seats=seats, seed=5))
    scene = pilot.scene
    assert isinstance(scene, SeatsScene)
    for actor, _, _, entry in scene.rows:
        if actor in PINS:
            entry.text = PINS[actor]
    pilot.click("seats.start")
    handover = pilot.scene
    assert isinstance(handover, HandoverScene)
    assert handover.pin is not None
    assert handover.pin.check(PINS[handover.actor])
    text = autosaves.continue_path().read_text(encoding="utf-8")
    assert not any(pin in text for pin in PINS.values())
    assert set(json.loads(text)["pins"]) == set(PINS)
