"""The delegations panel is painted once for what it shows and blitted (issue 12: frame time).

What it blits must be what drawing it afresh draws, pixel for pixel, move after
move: a card whose stance, status or trackers change is painted again.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui.screens.table.delegations import DelegationsPanel
from game.ui.screens.table.scene import TableScene
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import new_setup


def _direct(panel: DelegationsPanel, size: tuple[int, int]) -> bytes:
    surface = pygame.Surface(size)
    surface.fill(panel.theme.color("background"))
    panel._draw_cards(surface)  # drawn straight onto the screen, as before the cache
    return pygame.image.tobytes(surface, "RGB")


def _cached(panel: DelegationsPanel, size: tuple[int, int]) -> bytes:
    surface = pygame.Surface(size)
    surface.fill(panel.theme.color("background"))
    panel.draw(surface)
    return pygame.image.tobytes(surface, "RGB")


def test_the_panel_blitted_is_the_panel_drawn_move_after_move(
    make_pilot: MakePilot, home: Path
) -> None:
    del home
    setup = new_setup({})
    pilot = make_pilot(lambda ctx: TableScene(ctx, setup))
    scene = pilot.scene
    assert isinstance(scene, TableScene)
    panel = scene.delegations
    size = pilot.app.screen.get_size()
    session = setup.session
    assert session is not None
    seen = set()
    for _ in range(30):
        session.step()
        scene.refresh()
        seen.add(tuple(panel.cards))
        assert _cached(panel, size) == _direct(panel, size)
    assert len(seen) > 5  # the cards changed along the way, and were painted again
    pilot.resize(900, 700)  # another size: painted again
    assert _cached(panel, pilot.app.screen.get_size()) == _direct(
        panel, pilot.app.screen.get_size()
    )
