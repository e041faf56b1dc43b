"""Golden playthrough: a seeded random-seat game written as a transcript and diffed line by line.

Regenerate on purpose only: ``REDLINES_REGEN_GOLDEN=1 pytest tests/engine/test_golden.py``.
"""

from __future__ import annotations

import random
from pathlib import Path

from game.engine import (
    GameState,
    apply,
    digest,
    format_action,
    is_over,
    legal_actions,
    new_game,
    outcome,
    scores,
    to_move,
)
from tests.engine.fixtures import small_scenario
from tests.engine.helpers import assert_matches_golden

GOLDEN = Path(__file__).parent / "golden" / "fixture-summit-seed-2425.txt"
SEED = 2425  # chosen for a varied game: agreements, a lever, events, quotes


def transcript(seed: int) -> str:
    """Play a random-seat game (choices from a generator seeded like the game) and describe it."""
    state: GameState = new_game(small_scenario(), seed)
    seats = random.Random(seed)
    lines = [f"# scenario {state.scenario.id}, seed {seed}, random seats", ""]
    lines += [f"  [{e.kind.value}] {e.text}" for e in state.log]
    while not is_over(state):
        action = seats.choice(legal_actions(state, to_move(state) or ""))
        state, events = apply(state, action)
        lines.append(f"> {format_action(action)}")
        lines += [f"  [{e.kind.value}] {e.text}" for e in events]
    result = outcome(state)
    assert result is not None
    lines += ["", f"outcome: {result.label} ({result.id}): {result.why}"]
    for actor, s in scores(state).items():
        lines.append(
            f"score {actor}: total {s.total:+.4f} = utility {s.utility:.4f}"
            f" - reservation {s.reservation:.4f} + objectives {s.objective_points:.4f}"
            f" {list(s.objectives_met)} - red lines {s.red_line_penalty:.4f}"
            f" {list(s.red_lines_crossed)} + outcome {s.outcome_bonus:+.4f}"
        )
    for c in state.ledger:
        lines.append(f"ledger #{c.number}: {c.actor} {c.kind.value} {c.lever} -> {c.status.value}")
    lines.append(f"digest: {digest(state)}")
    return "\n".join(lines) + "\n"


def test_golden_playthrough() -> None:
    assert_matches_golden(GOLDEN, transcript(SEED))
