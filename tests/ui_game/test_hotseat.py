"""Hot-seat: two human delegations share the screen; hand-overs hide each one's private data."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.session.seats import Seat, SeatKind
from game.ui.kit.pilot import Pilot
from game.ui.screens.briefing import BriefingScene
from game.ui.screens.debrief import DebriefScene
from game.ui.screens.flow import start_scene
from game.ui.screens.handover import HandoverScene
from game.ui.screens.summary import RoundSummaryScene
from game.ui.screens.table.scene import TableScene
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import assert_golden, new_setup, private_texts, shown_text

HUMANS = ("us", "russia")
PINS = {"us": "1234"}


def _assert_hides(pilot: Pilot, setup: object, *actors: str) -> None:
    text = shown_text(pilot.scene)
    for actor in actors:
        for secret in private_texts(setup, actor):  # type: ignore[arg-type]
            assert secret not in text, f"{actor}'s private text on {type(pilot.scene).__name__}"


def _confirm(pilot: Pilot) -> None:
    scene = pilot.scene
    assert isinstance(scene, HandoverScene)
    if scene.pin is not None:
        pilot.type(PINS[scene.actor])
    pilot.press("return")


def test_hand_over_hides_private_data_and_checks_the_pin(make_pilot: MakePilot, home: Path) -> None:
    setup = new_setup({a: Seat(SeatKind.HUMAN) for a in HUMANS}, PINS)
    pilot = make_pilot(lambda ctx: start_scene(ctx, setup), ai_pace="fast")
    # First the American hand-over: nobody's briefing shows, and the PIN is required.
    assert isinstance(pilot.scene, HandoverScene)
    assert "Pass the laptop to the American delegation" in shown_text(pilot.scene)
    assert pilot.app.ctx is not None
    assert "handover" in pilot.app.ctx.sound.played  # the room hears the laptop change hands
    _assert_hides(pilot, setup, *HUMANS)
    pilot.type("9999")
    pilot.press("return")
    assert isinstance(pilot.scene, HandoverScene)  # a wrong PIN does not open anything
    assert "not the PIN" in shown_text(pilot.scene)
    _confirm(pilot)
    assert isinstance(pilot.scene, BriefingScene)
    assert private_texts(setup, "us")[0] in shown_text(pilot.scene)
    # This game (seed 7) drew the US a hidden type: its briefing says so at the top, and
    # every other screen hides it (private_texts holds its instructions).
    assert "Your instructions this week: Congress and the eastern allies" in shown_text(pilot.scene)
    assert all(t in shown_text(pilot.scene) for t in private_texts(setup, "us"))
    _assert_hides(pilot, setup, "russia", "nato")
    pilot.click("briefing.done")
    # Then the Russian delegation's turn to read: the American briefing is gone.
    assert isinstance(pilot.scene, HandoverScene)
    assert "Russian delegation" in shown_text(pilot.scene)
    _assert_hides(pilot, setup, *HUMANS)
    pilot.move((2, 2))
    assert_golden(pilot.screenshot(), "handover-hotseat")
    _confirm(pilot)
    assert isinstance(pilot.scene, BriefingScene)
    assert private_texts(setup, "russia")[0] in shown_text(pilot.scene)
    _assert_hides(pilot, setup, "us", "nato")


@pytest.mark.slow  # a whole hot-seat game in the window
def test_every_change_of_human_mover_goes_through_a_hand_over(
    make_pilot: MakePilot, home: Path
) -> None:
    setup = new_setup({a: Seat(SeatKind.HUMAN) for a in HUMANS}, PINS)
    pilot = make_pilot(lambda ctx: start_scene(ctx, setup), ai_pace="fast")
    handovers = 0
    last_viewer: str | None = None
    handovers_then = 0  # hand-overs seen when the last viewer moved
    for _ in range(3000):
        scene = pilot.scene
        if isinstance(scene, DebriefScene):
            break
        if isinstance(scene, HandoverScene):
            handovers += 1
            _assert_hides(pilot, setup, *HUMANS)
            _confirm(pilot)
        elif isinstance(scene, BriefingScene):
            pilot.click("briefing.done")
        elif isinstance(scene, RoundSummaryScene):
            pilot.click("summary.continue")
        elif isinstance(scene, TableScene):
            if scene.viewer_moves():
                if last_viewer is not None and scene.viewer != last_viewer:
                    # The screen changed hands, so a hand-over screen came in between.
                    assert handovers > handovers_then
                others = [a for a in HUMANS if a != scene.viewer]
                _assert_hides(pilot, setup, *others)
                last_viewer = scene.viewer
                handovers_then = handovers
                pilot.click("table.pass")
            else:
                pilot.advance(ms=450)
        assert pilot.app.crashes == [], pilot.app.crashes
    assert isinstance(pilot.scene, DebriefScene)
    assert handovers >= 4


def _keystroke(pilot: Pilot, char: str) -> None:
    """A key as SDL delivers it: its KEYDOWN, the TEXTINPUT it types, its KEYUP."""
    code = pygame.key.key_code(char)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=char, scancode=0))
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=code, mod=0, unicode="", scancode=0))
    pilot.pump()


def test_a_table_shortcut_never_types_into_the_next_delegations_pin(
    make_pilot: MakePilot, home: Path
) -> None:
    pins = {"us": "1234", "russia": "5678"}
    setup = new_setup({a: Seat(SeatKind.HUMAN) for a in HUMANS}, pins)
    pilot = make_pilot(lambda ctx: start_scene(ctx, setup), ai_pace="fast")
    for _ in range(40):  # the hand-overs and briefings before the table
        scene = pilot.scene
        if isinstance(scene, TableScene) and scene.viewer_moves():
            break
        if isinstance(scene, HandoverScene):
            pilot.type(pins[scene.actor])
            pilot.press("return")
        elif isinstance(scene, BriefingScene):
            pilot.click("briefing.done")
        else:
            pilot.advance(ms=450)
    assert isinstance(pilot.scene, TableScene)
    _keystroke(pilot, "n")  # pass: the other delegation's hand-over opens
    scene = pilot.scene
    assert isinstance(scene, HandoverScene)
    assert scene.entry is not None
    assert scene.entry.text == ""
    pilot.type(pins[scene.actor])
    pilot.press("return")
    assert not isinstance(pilot.scene, HandoverScene)  # the right PIN opens
