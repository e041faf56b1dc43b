"""Whatever the scenario and the table, an AI delegate only ever makes legal moves."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from game import engine
from tests.ai.helpers import RandomSeat, play
from tests.engine.fixtures import generated_scenario


@settings(max_examples=30, deadline=None)
@given(
    size=st.tuples(st.integers(1, 6), st.integers(2, 5), st.integers(2, 5)),
    seed=st.integers(0, 1000),
    difficulty=st.sampled_from(["easy", "normal", "hard"]),
    random_seats=st.integers(0, 4),
)
def test_ai_moves_are_always_legal(
    size: tuple[int, int, int], seed: int, difficulty: str, random_seats: int
) -> None:
    issues, options, actors = size
    scenario = generated_scenario(issues, options, actors, seed)
    ids = [a.id for a in scenario.playable]
    seats = {a: RandomSeat(seed + k) for k, a in enumerate(ids[:random_seats])}
    # ``play`` applies every decision; an illegal one would raise IllegalActionError.
    played = play(scenario, seed, seats, difficulty)
    assert engine.is_over(played.state)
    for actor, state, decision in played.decisions:
        if actor not in seats:
            engine.check(state, decision.action)
            assert decision.rationale
