"""AI seats resume identically: a saved and loaded game goes on as the straight game does."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.session import Difficulty, Seat, SeatKind, Session, load, save
from game.session.agents import derive_seed, make_agent
from tests.scenarios import bundled


def _seats(loaded: object, difficulty: Difficulty) -> dict[str, Seat]:
    scenario = loaded.scenario  # type: ignore[attr-defined]
    return {a.id: Seat(SeatKind.AI, difficulty) for a in scenario.playable}


@pytest.mark.parametrize(
    "difficulty",
    # Normal in the quick run; every level in the full run.
    [d if d is Difficulty.NORMAL else pytest.param(d, marks=pytest.mark.slow) for d in Difficulty],
)
def test_a_loaded_ai_game_continues_as_the_straight_game(
    difficulty: Difficulty, tmp_path: Path
) -> None:
    """Play N moves, save, load, play on: the same digest and rationales as straight through,
    at every difficulty and at several points of the game (each needs fresh AI agents)."""
    real = bundled("geneva-2022")
    seats = _seats(real, difficulty)
    straight = Session(real, 5, seats, autosave=False)  # type: ignore[arg-type]
    straight.run_until_human()
    total = len(straight.log)
    assert total > 10
    for cut in (1, total // 3, total // 2, total - 1):
        halfway = Session(real, 5, seats, autosave=False)  # type: ignore[arg-type]
        for _ in range(cut):
            halfway.step()
        save(halfway, tmp_path / f"cut{cut}.json")
        resumed = load(tmp_path / f"cut{cut}.json")
        resumed.run_until_human()
        assert resumed.digest() == straight.digest()
        assert [e.rationale for e in resumed.revealed_log()] == [e.rationale for e in straight.log]


def test_an_ai_seat_is_seeded_without_the_ply() -> None:
    """The agent's seed depends on the game's seed and the actor only, never on the move."""
    scenario = bundled("geneva-2022").scenario
    actor = scenario.playable[0].id
    agent = make_agent(scenario, actor, Seat(SeatKind.AI), 9)
    assert agent.seed == derive_seed(9, actor)  # type: ignore[attr-defined]
