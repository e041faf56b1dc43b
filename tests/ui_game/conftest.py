"""Fixtures for the game-screen tests: a private REDLINES_HOME, games ready to play, goldens."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from game.scenario import load_scenario
from game.session.seats import Seat, SeatKind
from game.session.session import Session
from game.ui.context import Context
from game.ui.game.common import GameSetup, prose
from game.ui.pilot import Pilot
from game.ui.scene import Scene
from tests.ui.conftest import _rgb, home, make_pilot, mean_difference

__all__ = ["home", "make_pilot"]

GOLDEN = Path(__file__).parent / "golden"
FAILURES = Path(__file__).parent / "_failures"
GOLDEN_TOLERANCE = 1.5
SCENARIO = "geneva-2022"
SEED = 7


def new_setup(seats: dict[str, Seat], pins: dict[str, str] | None = None) -> GameSetup:
    """A fresh game of the bundled scenario with these seats (AI for those not named)."""
    loaded = load_scenario(SCENARIO)
    full = {a.id: seats.get(a.id, Seat(SeatKind.AI)) for a in loaded.scenario.playable}
    return GameSetup(Session(loaded, SEED, full, autosave=True), dict(pins or {}))


def private_texts(setup: GameSetup, actor: str) -> list[str]:
    """Snippets only ``actor`` may see: its briefing and its secret red lines' reasons."""
    sc = setup.session.scenario
    texts = [prose(sc.actor(actor).briefing)[:60]]
    prefs = sc.preferences.get(actor)
    texts += [
        prose(line.reason)[:60] for line in (prefs.red_lines if prefs else ()) if not line.public
    ]
    return [t for t in texts if t]


def shown_text(scene: Scene) -> str:
    """Everything a scene shows as text, joined (scene's own list if it has one)."""
    collect = getattr(scene, "all_text", None)
    texts = collect() if callable(collect) else [f.text for f in scene.text_fits()]
    return "\n".join(prose(t) for t in texts)


def play_until(pilot: Pilot, done: Callable[[Pilot], bool], *, limit: int = 3000) -> None:
    """Advance time (AI moves are paced) until ``done``; fails if it never happens."""
    for _ in range(limit):
        if done(pilot):
            return
        pilot.advance(ms=450)
        assert pilot.app.crashes == [], pilot.app.crashes
    raise AssertionError(f"never reached the expected state; on {type(pilot.scene).__name__}")


def assert_golden(frame: pygame.Surface, name: str) -> None:
    """Compare with ``golden/<name>.png``; on failure save golden|current|diff in _failures/."""
    path = GOLDEN / f"{name}.png"
    if os.environ.get("REDLINES_REGEN_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(frame, str(path))
        return
    if not path.exists():
        pytest.fail(f"no golden image {path.name}; run with REDLINES_REGEN_GOLDEN=1 and look at it")
    golden = _rgb(pygame.image.load(str(path)))
    current = _rgb(frame)
    if golden.get_size() != current.get_size():
        pytest.fail(f"{name}: size {current.get_size()} differs from golden {golden.get_size()}")
    score, diff = mean_difference(current, golden)
    if score > GOLDEN_TOLERANCE:
        width, height = current.get_size()
        sheet = pygame.Surface((width * 3, height))
        sheet.blit(golden, (0, 0))
        sheet.blit(current, (width, 0))
        for _ in range(3):
            diff.blit(diff, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
        sheet.blit(diff, (width * 2, 0))
        FAILURES.mkdir(exist_ok=True)
        out = FAILURES / f"{name}-golden-current-diff.png"
        pygame.image.save(sheet, str(out))
        pytest.fail(f"{name}: mean difference {score:.2f} > {GOLDEN_TOLERANCE}; see {out}")


def factory(scene: Callable[[Context], Scene]) -> Callable[[Context], Scene]:
    """A scene factory (for readability at call sites)."""
    return scene
