"""Small helpers shared by the engine and AI tests: quiet scenarios, scripted play, goldens."""

from __future__ import annotations

import dataclasses
import difflib
import random
from pathlib import Path
from typing import Any

from game.engine import GameEvent, GameState, apply, legal_actions, new_game, parse_action, to_move
from game.engine.model import RuleTuning, Scenario
from tests.engine.fixtures import small_scenario
from tests.golden import regenerating


def quiet(**changes: Any) -> Scenario:
    """The small scenario without an event deck (no chance), with optional changes."""
    rules = changes.pop("rules", {})
    changes.setdefault("events", ())
    sc = dataclasses.replace(small_scenario(), **changes)
    if rules:
        sc = dataclasses.replace(sc, rules=dataclasses.replace(RuleTuning(), **rules))
    return sc


def start(scenario: Scenario | None = None, seed: int = 1) -> GameState:
    return new_game(scenario or quiet(), seed)


def random_walk(scenario: Scenario, seed: int, moves: int) -> GameState:
    """The game of ``seed`` after up to ``moves`` uniformly random legal moves (its own
    generator, seeded alike), or sooner if it ends."""
    rng = random.Random(seed)
    state = new_game(scenario, seed)
    for _ in range(moves):
        if state.over:
            break
        actor = to_move(state) or ""
        state, _ = apply(state, rng.choice(legal_actions(state, actor)))
    return state


def run(state: GameState, *moves: str) -> GameState:
    """Apply moves written in the text notation, in order."""
    for text in moves:
        state, _ = apply(state, parse_action(text))
    return state


def events_of(state: GameState, *moves: str) -> tuple[GameState, list[GameEvent]]:
    """Apply moves and return the events they caused."""
    out: list[GameEvent] = []
    for text in moves:
        state, events = apply(state, parse_action(text))
        out.extend(events)
    return state, out


def assert_matches_golden(golden: Path, text: str) -> None:
    """``text`` must equal the golden transcript; ``REDLINES_REGEN_GOLDEN=1`` rewrites it."""
    if regenerating():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            text.splitlines(keepends=True),
            golden.name,
            "this run",
        )
    )
    assert not diff, "transcript differs from the golden file:\n" + diff
