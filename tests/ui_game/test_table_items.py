"""The table's play-test items: whole last moves, tension explained, costs shown, warnings."""

from __future__ import annotations

from game.session.seats import Seat, SeatKind
from game.ui.kit.pilot import Pilot
from game.ui.screens.flow import start_scene
from game.ui.screens.table.delegations import NO_MOVE
from game.ui.screens.table.scene import TableScene
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import new_setup, play_until


def _at_table(make_pilot: MakePilot, **settings: object) -> Pilot:
    setup = new_setup({"us": Seat(SeatKind.HUMAN)})
    pilot = make_pilot(lambda ctx: start_scene(ctx, setup), ai_pace="fast", **settings)
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    return pilot


def test_a_delegation_card_shows_its_whole_last_move_on_hover(make_pilot: MakePilot) -> None:
    pilot = _at_table(make_pilot)
    pilot.press("n")  # a turn goes round: the others move
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    scene = pilot.scene
    assert isinstance(scene, TableScene)
    panel = scene.delegations
    moved = [c for c in panel.cards if c.stance != NO_MOVE]
    assert moved
    card = max(moved, key=lambda c: len(c.stance))
    rect = panel._card_rects()[panel.cards.index(card)]
    pilot.move(rect.center)
    pilot.advance(ms=1500)
    shown = scene.tooltips.visible_text()
    assert shown == f"{card.name}: {card.stance}"
    # the whole move, as the transcript has it (not cut at the card's width)
    assert any(" ".join(row.text.split()) == card.stance for row in scene.transcript.items)
