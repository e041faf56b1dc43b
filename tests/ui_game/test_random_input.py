"""Thousands of random keys, clicks, wheel turns, typing and resizes over the game screens never
raise: every scene of a game (one human, and hot-seat) from the first briefing to the debrief."""

from __future__ import annotations

import random
from pathlib import Path

import pygame
import pytest

from game.session.seats import Seat, SeatKind
from game.ui.kit.pilot import Pilot
from game.ui.screens.flow import start_scene
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import new_setup

KEYS = [
    "tab", "return", "space", "escape", "up", "down", "left", "right", "home", "end",
    "page up", "page down", "backspace", "f1", "p", "a", "r", "s", "t", "c", "w", "n", "b",
    "h", "z", "1", "2", "3", "4", "+", "-",
]  # fmt: skip
MODS = [0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL]
TEXT = ["a", "Ж", "1", " ", "«"]
SIZES = [(1280, 720), (800, 480), (1920, 1080), (1000, 1000)]


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "humans"), [(1, ("us",)), (2, ("us", "russia")), (3, ("nato",))])
def test_random_input_on_game_screens_never_raises(
    make_pilot: MakePilot, home: Path, seed: int, humans: tuple[str, ...]
) -> None:
    rng = random.Random(seed)

    def fresh() -> Pilot:
        setup = new_setup({a: Seat(SeatKind.HUMAN) for a in humans})
        return make_pilot(lambda ctx: start_scene(ctx, setup), ai_pace="fast")

    pilot = fresh()
    scenes: set[str] = set()
    for _ in range(1500):
        if not pilot.running or type(pilot.scene).__name__ == "GameTitle":
            pilot = fresh()
        scenes.add(type(pilot.scene).__name__)
        roll = rng.random()
        width, height = pilot.app.screen.get_size()
        if roll < 0.40:
            pilot.press(rng.choice(KEYS), rng.choice(MODS))
        elif roll < 0.48:
            pilot.type(rng.choice(TEXT))
        elif roll < 0.75:
            ids = pilot.clickable()
            if ids and rng.random() < 0.8:
                pilot.click(rng.choice(ids))
            else:
                pilot.click_at((rng.randrange(width), rng.randrange(height)))
        elif roll < 0.83:
            pilot.move((rng.randrange(width), rng.randrange(height)))
            pilot.scroll(rng.choice([-5, -1, 1, 3]))
        elif roll < 0.86:
            pilot.resize(*rng.choice(SIZES))
        else:
            pilot.advance(ms=rng.choice([16, 700, 3000]))
        assert pilot.app.crashes == [], pilot.app.crashes
    assert "TableScene" in scenes
