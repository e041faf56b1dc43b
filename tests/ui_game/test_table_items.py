"""The table's play-test items: whole last moves, tension explained, costs shown, warnings."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.session.seats import Seat, SeatKind
from game.ui.kit.pilot import Pilot
from game.ui.kit.settings import SettingsStore
from game.ui.screens.flow import start_scene
from game.ui.screens.table.delegations import NO_MOVE
from game.ui.screens.table.howto import HowToPlay
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


def _first_game(make_pilot: MakePilot, **settings: object) -> Pilot:
    setup = new_setup({"us": Seat(SeatKind.HUMAN)})
    pilot = make_pilot(
        lambda ctx: start_scene(ctx, setup), ai_pace="fast", how_to_play_seen=False, **settings
    )
    pilot.click("briefing.done")
    play_until(
        pilot,
        lambda p: (
            isinstance(p.scene, HowToPlay | TableScene)
            and not (isinstance(p.scene, TableScene) and not p.scene.viewer_moves())
        ),
    )
    return pilot


def test_the_first_game_opens_the_how_to_play_card_pointing_at_each_part(
    make_pilot: MakePilot,
) -> None:
    pilot = _first_game(make_pilot)
    card = pilot.scene
    assert isinstance(card, HowToPlay)
    assert 1 < len(card.steps) <= 6
    titles = [step.title for step in card.steps]
    assert titles[:2] == ["The goal", "The tension meter"]
    assert {"Proposals and acceptance", "Consent across venues", "Red lines"} <= set(titles)
    table = card.table
    screen = pygame.Rect(0, 0, 1280, 720)
    targets = []
    for n in range(len(card.steps)):
        assert card.index == n
        target = card.target()
        assert target.width > 0
        assert screen.contains(target)
        assert not card.card.colliderect(target)  # the card stands beside what it explains
        assert screen.contains(card.card)
        assert [f for f in card.text_fits() if f.overflows] == []
        targets.append(target)
        if n < len(card.steps) - 1:
            pilot.click("howto.next")
    assert targets[1] == table.topbar.meter_rect()
    pilot.click("howto.next")  # "Start playing"
    assert isinstance(pilot.scene, TableScene)
    assert pilot.app.context.settings.how_to_play_seen


def test_the_card_is_remembered_and_reachable_again_with_f2(
    make_pilot: MakePilot, home: Path
) -> None:
    pilot = _first_game(make_pilot)
    assert isinstance(pilot.scene, HowToPlay)
    pilot.press("escape")  # dismissed at once
    assert isinstance(pilot.scene, TableScene)
    assert SettingsStore(home).load().how_to_play_seen
    pilot.press("f1")
    assert any("How to play" in f.text for f in pilot.scene.text_fits())
    pilot.press("escape")
    pilot.press("f2")
    assert isinstance(pilot.scene, HowToPlay)
    pilot.click("howto.skip")
    assert isinstance(pilot.scene, TableScene)
