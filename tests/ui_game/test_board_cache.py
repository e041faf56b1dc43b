"""The board paints each issue's row once for what it shows: the same pixels as painting afresh."""

from __future__ import annotations

import pygame

from game import engine
from game.scenario import load_scenario
from game.session.seats import Seat, SeatKind
from game.session.session import Session
from game.ui.kit.theme import load_theme
from game.ui.screens.table.board import BoardView


def test_a_board_kept_across_moves_paints_what_a_fresh_one_paints() -> None:
    pygame.font.init()
    loaded = load_scenario("geneva-2022")
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
