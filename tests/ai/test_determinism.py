"""A delegate is a pure function of its view, the legal actions and its seed."""

from __future__ import annotations

import pytest

from game import engine
from game.ai import make_agent
from tests.ai.helpers import play
from tests.engine.fixtures import generated_scenario, small_scenario
from tests.scenarios import bundled


@pytest.mark.parametrize("difficulty", ["easy", "normal", "hard"])
def test_same_seed_same_game(difficulty: str) -> None:
    scenario = bundled("geneva-2022").scenario
    first = play(scenario, 7, difficulty=difficulty)
    second = play(scenario, 7, difficulty=difficulty)
    assert engine.digest(first.state) == engine.digest(second.state)
    assert [d.rationale for _, _, d in first.decisions] == [
        d.rationale for _, _, d in second.decisions
    ]


def test_seeds_make_different_games() -> None:
    scenario = bundled("geneva-2022").scenario
    digests = {engine.digest(play(scenario, seed).state) for seed in range(6)}
    assert len(digests) > 1


@pytest.mark.parametrize("difficulty", ["easy", "normal", "hard"])
def test_a_fresh_delegate_decides_like_one_that_played_all_along(difficulty: str) -> None:
    """What a resumed game relies on: no hidden state between moves changes a decision."""
    scenario = small_scenario()
    for seed in range(3):
        for actor, state, decision in play(scenario, seed, difficulty=difficulty).decisions:
            fresh = make_agent(scenario, actor, difficulty, seed)
            again = fresh.decide(engine.view(state, actor), engine.legal_actions(state, actor))
            assert again == decision


@pytest.mark.slow  # whole AI games of the largest generated scenario
def test_the_generated_12_by_5_scenario_plays_to_the_end() -> None:
    """About 244 million packages: the delegates never enumerate them."""
    scenario = generated_scenario(n_issues=12, n_options=5, n_actors=5, seed=3)
    for difficulty in ("easy", "normal", "hard"):
        played = play(scenario, 3, difficulty=difficulty)
        assert engine.is_over(played.state)
        assert engine.outcome(played.state) is not None
        assert all(d.rationale for _, _, d in played.decisions)
