"""The facilitator PIN survives a resume and wrong PINs cost time (issue 14 items 13 and 15).

Driven with the pilot on a fake classroom clock: no test sleeps.
"""

from __future__ import annotations

from pathlib import Path

from game.scenario import load_scenario
from game.session.lockout import FIRST_DELAY, FREE_TRIES
from game.session.pins import PinHash
from game.session.seats import Seat, SeatKind
from game.session.store import read_save
from game.ui.kit.context import Context
from game.ui.kit.scene import Replace, Scene
from game.ui.main import title_factory
from game.ui.screens.briefing import BriefingScene
from game.ui.screens.classroom import Classroom, classroom_of, install
from game.ui.screens.console import FacilitatorConsole
from game.ui.screens.flow import start_scene
from game.ui.screens.handover import HandoverScene
from game.ui.screens.panel import PinGate
from game.ui.screens.seats import SeatsScene
from game.ui.screens.table.scene import TableScene
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import SCENARIO, new_setup, play_until, shown_text

PIN = "correct horse battery"  # a passphrase: longer than the old 12-character limit


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_continue_asks_for_the_facilitator_pin_set_before_the_kill(
    make_pilot: MakePilot, home: Path
) -> None:
    setup = new_setup({"us": Seat(SeatKind.HUMAN)})

    def first(ctx: Context) -> Scene:
        install(ctx, Classroom(pin=PinHash.make(PIN)))
        return start_scene(ctx, setup)

    pilot = make_pilot(first, ai_pace="fast")
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    session = setup.session
    session.submit(session.legal_actions()[0])  # a move: the autosave is written
    pilot.close()  # killed: the next window knows no PIN of its own
    again = make_pilot(title_factory(None, None, None), ai_pace="fast")
    assert classroom_of(again.app.ctx).pin is None
    again.click("title.continue")
    again.advance()
    assert isinstance(again.scene, TableScene)
    again.press("f9")
    assert isinstance(again.scene, PinGate), type(again.scene).__name__
    again.type("0000")
    again.press("return")
    assert isinstance(again.scene, PinGate)
    again.type(PIN)
    again.press("return")
    assert isinstance(again.scene, FacilitatorConsole)


def test_wrong_console_pins_lock_the_gate_for_a_growing_while(
    make_pilot: MakePilot, home: Path
) -> None:
    clock = FakeTime()
    room = Classroom(pin=PinHash.make(PIN), now=clock)
    setup = new_setup({"us": Seat(SeatKind.HUMAN)})

    def first(ctx: Context) -> Scene:
        install(ctx, room)
        return start_scene(ctx, setup)

    pilot = make_pilot(first, ai_pace="fast")
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    pilot.press("f9")
    for guess in range(FREE_TRIES):
        pilot.type(f"{guess:04d}")
        pilot.press("return")
    gate = pilot.scene
    assert isinstance(gate, PinGate)
    assert f"wait {FIRST_DELAY:g} s" in shown_text(gate)
    pilot.type(PIN)  # the right PIN, too early: refused unseen
    pilot.press("return")
    assert pilot.scene is gate
    assert "Too many wrong tries" in shown_text(gate)
    pilot.press("escape")  # closing and reopening the gate does not reset the count
    pilot.press("f9")
    clock.now += FIRST_DELAY - 1
    pilot.type(PIN)
    pilot.press("return")
    assert isinstance(pilot.scene, PinGate)
    clock.now += 1
    pilot.type(PIN)
    pilot.press("return")
    assert isinstance(pilot.scene, FacilitatorConsole)
    assert pilot.app.crashes == []


def test_wrong_hand_over_pins_lock_that_delegations_screen(
    make_pilot: MakePilot, home: Path
) -> None:
    clock = FakeTime()
    humans = {a: Seat(SeatKind.HUMAN) for a in ("us", "russia")}
    setup = new_setup(humans, {"us": PIN})
    setup.now = clock
    pilot = make_pilot(lambda ctx: start_scene(ctx, setup), ai_pace="fast")
    handover = pilot.scene
    assert isinstance(handover, HandoverScene)
    for guess in range(FREE_TRIES):
        pilot.type(f"{guess:04d}")
        pilot.press("return")
    assert "Too many wrong tries" in shown_text(handover)
    pilot.move((2, 2))
    pilot.screenshot(home / "handover-locked.png")
    assert [f.text for f in handover.text_fits() if f.overflows] == []
    pilot.type(PIN)
    pilot.press("return")
    assert pilot.scene is handover  # the right PIN, too early
    clock.now += FIRST_DELAY
    pilot.type(PIN)
    pilot.press("return")
    assert isinstance(pilot.scene, BriefingScene)


def test_a_console_pin_for_a_new_game_never_touches_the_game_before_it(
    make_pilot: MakePilot, home: Path
) -> None:
    """The seats screen's PIN goes to the new game, not into the running one's save."""
    old = new_setup({"us": Seat(SeatKind.HUMAN)})

    def first(ctx: Context) -> Scene:
        return start_scene(ctx, old)

    pilot = make_pilot(first, ai_pace="fast")
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    room = classroom_of(pilot.app.ctx)
    assert room.game is not None
    assert room.game.session is old.session
    old.session.submit(old.session.legal_actions()[0])  # a move: the autosave is written
    saved_before = old.session.autosave_file.read_bytes()

    seats = SeatsScene(pilot.app.ctx, load_scenario(SCENARIO), seed=5)
    seats.fpin.text = PIN
    assert isinstance(seats.begin(), Replace)

    assert old.session.facilitator_pin is None
    assert old.session.autosave_file.read_bytes() == saved_before
    folder = old.session.autosave_file.parent
    (new,) = [p for p in folder.glob("*.json") if p.name != old.session.autosave_file.name]
    assert read_save(new).facilitator_pin is not None  # the new game took it
