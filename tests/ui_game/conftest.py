"""Fixtures for the game-screen tests: a private REDLINES_HOME, games ready to play, goldens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from game.engine.variants import drawn_variant
from game.session.pins import PinHash
from game.session.seats import Seat, SeatKind
from game.session.session import Session
from game.ui.kit.context import Context
from game.ui.kit.dialog import Dialog
from game.ui.kit.pilot import Pilot
from game.ui.kit.scene import Push, Scene
from game.ui.screens.common import GameSetup, prose
from tests.scenarios import bundled
from tests.ui.conftest import assert_golden as kit_assert_golden
from tests.ui.conftest import home, make_pilot

__all__ = ["home", "make_pilot"]

GOLDEN = Path(__file__).parent / "golden"
FAILURES = Path(__file__).parent / "_failures"
SCENARIO = "geneva-2022"
SEED = 7


def new_setup(seats: dict[str, Seat], pins: dict[str, str] | None = None) -> GameSetup:
    """A fresh game of the bundled scenario with these seats (AI for those not named) and PINs."""
    loaded = bundled(SCENARIO)
    full = {a.id: seats.get(a.id, Seat(SeatKind.AI)) for a in loaded.scenario.playable}
    session = Session(loaded, SEED, full, autosave=True)
    session.pins = {actor: PinHash.make(pin) for actor, pin in (pins or {}).items()}
    return GameSetup(session)


def private_texts(setup: GameSetup, actor: str) -> list[str]:
    """Snippets only ``actor`` may see: its briefing and its secret red lines' reasons."""
    sc = setup.session.scenario
    texts = [prose(sc.actor(actor).briefing)[:60]]
    drawn = drawn_variant(sc.preferences.get(actor))  # its hidden type's instructions
    if drawn is not None:
        texts.append(prose(drawn.briefing)[:60])
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
    kit_assert_golden(frame, name, GOLDEN, FAILURES)


def factory(scene: Callable[[Context], Scene]) -> Callable[[Context], Scene]:
    """A scene factory (for readability at call sites)."""
    return scene


def long_warning(pilot: Pilot, lines: int) -> Dialog:
    """Open an accept warning listing ``lines`` red lines over the current screen."""
    text = "\n".join(
        f"Your own red line on issue {n}: the terms cross what your capital will sign."
        for n in range(1, lines + 1)
    )
    dialog = Dialog(
        pilot.app.ctx,  # type: ignore[arg-type]
        "accept-warning",
        "Accept #3? It crosses red lines",
        text,
        [("accept-warning.no", "Think again"), ("accept-warning.yes", "Accept anyway")],
        cancel="accept-warning.no",
    )
    pilot.app._apply(Push(dialog))
    pilot.advance()
    assert pilot.scene is dialog
    return dialog
