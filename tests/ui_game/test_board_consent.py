"""The board says who must consent: the issue's playable consenters, and on an option's
cell the delegations that option's own ``consent`` adds (R37)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pygame

from game import engine
from game.scenario import load_scenario
from game.session.seats import Seat, SeatKind
from game.session.session import Session
from game.ui.kit.theme import load_theme
from game.ui.screens.table.board import BoardView

EVERY = Path(__file__).parent.parent / "scenario" / "data" / "every-addition.yaml"


def _board_text(pv: engine.PublicView) -> list[str]:
    pygame.font.init()
    board = BoardView("board")
    board.attach(load_theme())
    board.rect = pygame.Rect(0, 0, 1200, 10)
    board.set_view(pv)
    board.picture(1200)
    return board.all_text()


def _view() -> engine.PublicView:
    loaded = load_scenario(EVERY)
    seats = {a.id: Seat(SeatKind.HUMAN) for a in loaded.scenario.playable}
    return engine.public_view(Session(loaded, 3, seats, autosave=False).state)


def test_an_option_that_adds_a_consenter_says_so_on_its_cell() -> None:
    texts = _board_text(_view())
    # Full withdrawal (border) also needs Green; no other option adds anyone.
    assert texts.count("+ needs Green") == 1
    assert "Needs Blue, Red" in " ".join(texts)


def test_the_needs_note_names_only_playable_consenters() -> None:
    pv = _view()
    border = next(i for i in pv.issues if i.id == "border")
    issues = tuple(
        dataclasses.replace(i, consent=(*i.consent, "mediator")) if i is border else i
        for i in pv.issues
    )
    texts = " ".join(_board_text(dataclasses.replace(pv, issues=issues)))
    assert "Mediator" not in texts  # never asked (R9): not playable


def test_consenters_follow_the_engine_rule() -> None:
    loaded = load_scenario(EVERY)
    scenario = loaded.scenario
    assert engine.consenting(scenario, "border") == ("blue", "red")
    assert engine.consenting(scenario, "border", "withdrawal") == ("blue", "red", "green")
    assert engine.consenting(scenario, "border", "pullback") == ("blue", "red")
    border = scenario.issue("border")
    assert engine.option_consenters(border, {"blue", "red", "green"}) == {"withdrawal": ("green",)}
    assert engine.option_consenters(border, {"blue", "red"}) == {}


def test_consenting_agrees_with_the_tables_the_rules_use() -> None:
    from game.engine.tables import tables_for
    from tests.scenarios import bundled

    for scenario in (load_scenario(EVERY).scenario, bundled("geneva-2022").scenario):
        consent_of = tables_for(scenario).consent_of
        for issue in scenario.issues:
            for option in issue.options:
                got = engine.consenting(scenario, issue.id, option.id)
                assert set(got) == consent_of[(issue.id, option.id)]


def test_the_legend_explains_the_consent_chip_only_where_it_appears() -> None:
    from tests.scenarios import bundled

    assert any("+ needs name = " in t for t in _board_text(_view()))
    loaded = bundled("geneva-2022")
    seats = {a.id: Seat(SeatKind.HUMAN) for a in loaded.scenario.playable}
    geneva = engine.public_view(Session(loaded, 3, seats, autosave=False).state)
    assert not any("+ needs name" in t for t in _board_text(geneva))
