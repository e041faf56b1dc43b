"""The scenario that uses every format-2 addition, in the window: the table, and the
proposal builder showing an option unavailable because of ``requires`` (R33).
Regenerate on purpose: ``REDLINES_REGEN_GOLDEN=1``."""

from __future__ import annotations

from pathlib import Path

from game.scenario import load_scenario
from game.session.seats import Seat, SeatKind, computer_seats, parse_seats
from game.session.session import Session
from game.ui.kit.pilot import Pilot
from game.ui.screens.common import GameSetup
from game.ui.screens.flow import start_scene
from game.ui.screens.table.moves import ProposeForm
from game.ui.screens.table.scene import TableScene
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import assert_golden, play_until

EVERY = Path(__file__).parent.parent / "scenario" / "data" / "every-addition.yaml"


def _table(make_pilot: MakePilot) -> Pilot:
    loaded = load_scenario(EVERY)
    playable = [a.id for a in loaded.scenario.playable]
    seats = parse_seats(None, playable, computer=computer_seats(loaded.scenario))
    assert seats == {
        "blue": Seat(SeatKind.HUMAN),
        "red": Seat(SeatKind.AI),
        "green": Seat(SeatKind.AI),
    }
    setup = GameSetup(Session(loaded, 3, seats, autosave=True))
    pilot = make_pilot(lambda ctx: start_scene(ctx, setup), ai_pace="fast")
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    return pilot


def _shot(pilot: Pilot, name: str) -> None:
    pilot.move((2, 2))
    frame = pilot.screenshot()
    assert pilot.app.crashes == []
    assert [f.text for f in pilot.scene.text_fits() if f.overflows] == []
    assert_golden(frame, name)


def test_every_addition_table(make_pilot: MakePilot, home: Path) -> None:
    _shot(_table(make_pilot), "v2-table")


def test_proposal_builder_shows_why_an_option_is_unavailable(
    make_pilot: MakePilot, home: Path
) -> None:
    pilot = _table(make_pilot)
    pilot.press("p")
    form = pilot.scene
    assert isinstance(form, ProposeForm)
    pilot.press("right")
    pilot.press("right")  # Troops on the border: Partial pullback, which needs verification
    assert form.terms() == [("border", "pullback")]
    assert form.action() is None  # an incoherent package cannot be proposed
    notes = " ".join(f.text for f in form.text_fits())
    assert "Unavailable options" in notes
    assert "Partial pullback needs Verification: one of Inspections, Observers" in notes
    labels = dict(form.pickers)["border"].options
    assert ("pullback", "Partial pullback (unavailable)") in labels
    _shot(pilot, "v2-propose-unavailable")
    pilot.press("tab")
    pilot.press("right")
    pilot.press("right")  # Verification: Observers makes the pullback available
    assert form.terms() == [("border", "pullback"), ("verification", "observers")]
    assert form.action() is not None


def _board_text(make_pilot: MakePilot, moves: tuple[str, ...]) -> list[str]:
    loaded = load_scenario(EVERY)
    seats = {"blue": Seat(SeatKind.HUMAN), "red": Seat(SeatKind.HUMAN), "green": Seat(SeatKind.AI)}
    session = Session(loaded, 3, seats, autosave=False)
    for move in moves:
        session.submit_text(move)
    session.set_seat("red", Seat(SeatKind.AI))
    pilot = make_pilot(lambda ctx: start_scene(ctx, GameSetup(session)), ai_pace="fast")
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    scene = pilot.scene
    assert isinstance(scene, TableScene)
    return scene.board.all_text()


def test_a_red_line_with_unless_is_shown_conditional_then_lifted(
    make_pilot: MakePilot, home: Path
) -> None:
    """R27 on the board: Blue's public line on suspending sanctions (unless inspections)
    is an amber "× Blue unless" chip while nothing lifts it, and "Blue lifted" once
    inspections bind -- never the red "× Blue" of a line that is crossed."""
    before = _board_text(make_pilot, ())
    assert "× Blue unless" in before
    assert "× Blue" in before  # the massed troops: a firm line
    assert any("× name unless" in line for line in before)  # the legend explains it
    after = _board_text(make_pilot, ("blue propose verification=inspections", "red accept 1"))
    assert "Blue lifted" in after
    assert "× Blue unless" not in after
