"""Thousands of random keys, clicks, wheel turns, typing and resizes never break the app."""

from __future__ import annotations

import random

import pygame
import pytest

from game.ui.kit.context import Context
from game.ui.kit.scene import Scene
from game.ui.screens.title import TitleHooks, TitleScene
from tests.ui.conftest import MakePilot
from tests.ui.sandbox import LongForm, Sandbox

KEYS = [
    "tab", "return", "space", "escape", "up", "down", "left", "right", "home", "end",
    "page up", "page down", "backspace", "delete", "f1", "n", "c", "l", "s", "d", "q", "z",
    "+", "-",
]  # fmt: skip
MODS = [0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL, pygame.KMOD_ALT]
TEXT = ["a", "Ж", "ё", " ", "«", "你", "1"]
SIZES = [(1280, 720), (800, 480), (1920, 1080), (1000, 1000), (640, 360)]


def _title(ctx: Context) -> Scene:
    return TitleScene(
        ctx,
        subtitle="Random input",
        hooks=TitleHooks(new_game=Sandbox, continue_game=LongForm, load_game=Sandbox),
    )


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_input_never_raises(make_pilot: MakePilot, seed: int) -> None:
    rng = random.Random(seed)
    pilot = make_pilot(_title)
    for _ in range(1500):
        if not pilot.running:  # something quit the game: start again
            pilot = make_pilot(_title)
        roll = rng.random()
        width, height = pilot.app.screen.get_size()
        if roll < 0.40:
            pilot.press(rng.choice(KEYS), rng.choice(MODS))
        elif roll < 0.55:
            pilot.type(rng.choice(TEXT))
        elif roll < 0.75:
            ids = pilot.clickable()
            if ids and rng.random() < 0.7:
                pilot.click(rng.choice(ids))
            else:
                pilot.click_at((rng.randrange(width), rng.randrange(height)), rng.choice([1, 1, 3]))
        elif roll < 0.85:
            pilot.move((rng.randrange(width), rng.randrange(height)))
            pilot.scroll(rng.choice([-5, -1, 1, 3]))
        elif roll < 0.90:
            pilot.resize(*rng.choice(SIZES))
        elif roll < 0.93 and isinstance(pilot.scene, TitleScene):
            pilot.click("title.settings")
        else:
            pilot.advance(ms=rng.choice([1, 16, 700, 5000]))
        assert pilot.app.crashes == [], pilot.app.crashes
    pilot.screenshot()
    assert pilot.app.crashes == []
