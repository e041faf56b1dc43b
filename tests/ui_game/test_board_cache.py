"""The board paints each issue's row once for what it shows: the same pixels as painting afresh."""

from __future__ import annotations

import pygame
import pytest

from game import engine
from game.scenario import load_scenario
from game.session.seats import Seat, SeatKind
from game.session.session import Session
from game.ui.kit.theme import load_theme
from game.ui.screens.table.board import BoardView
from tests.scenarios import bundled


@pytest.mark.slow  # paints the board twice after every move of a whole game
def test_a_board_kept_across_moves_paints_what_a_fresh_one_paints() -> None:
    pygame.font.init()
    loaded = bundled("geneva-2022")
    seats = {a.id: Seat(SeatKind.AI) for a in loaded.scenario.playable}
    session = Session(loaded, 7, seats, autosave=False)
    theme = load_theme()
    kept = BoardView("kept")
    kept.attach(theme)
    for _ in range(60):
        if session.is_over:
            break
        session.step()
        pv = engine.public_view(session.state)
        fresh = BoardView("fresh")
        fresh.attach(theme)
        kept.set_view(pv)
        fresh.set_view(pv)
        a, b = kept.picture(600), fresh.picture(600)
        assert a.get_size() == b.get_size()
        assert pygame.image.tobytes(a, "RGBA") == pygame.image.tobytes(b, "RGBA")
        assert kept.all_text() == fresh.all_text()


def test_a_kept_row_changes_when_terms_on_another_issue_lift_its_red_line() -> None:
    # R27: Blue's public line on suspending sanctions holds "unless inspections" bind.
    # Inspections binding is a change to another issue's row, yet the sanctions row's
    # chip turns from "× Blue unless" to "Blue lifted": a kept row must be repainted.
    from pathlib import Path

    pygame.font.init()
    every = Path(__file__).parent.parent / "scenario" / "data" / "every-addition.yaml"
    loaded = load_scenario(every)
    seats = {"blue": Seat(SeatKind.HUMAN), "red": Seat(SeatKind.HUMAN), "green": Seat(SeatKind.AI)}
    session = Session(loaded, 3, seats, autosave=False)
    theme = load_theme()
    kept = BoardView("kept")
    kept.attach(theme)
    kept.rect = pygame.Rect(0, 0, 1000, 10)
    kept.set_view(engine.public_view(session.state))
    assert "× Blue unless" in kept.all_text()
    session.submit_text("blue propose verification=inspections")
    session.submit_text("red accept 1")
    kept.set_view(engine.public_view(session.state))
    assert "Blue lifted" in kept.all_text()
    assert "× Blue unless" not in kept.all_text()
