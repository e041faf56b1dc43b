"""Whatever the scenario and the table, an AI delegate only ever makes legal moves."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from game import engine
from game.engine.model import AgendaChange
from tests.ai.helpers import RandomSeat, play
from tests.engine.fixtures import generated_scenario
from tests.examples import examples


@settings(max_examples=examples(30), deadline=None)
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


def test_an_agenda_emptied_by_an_effect_leaves_the_ai_nothing_to_propose() -> None:
    """R34: once an effect takes every issue off the round's agenda, an AI delegate must
    not fall back on the agenda the scenario file gave the round (its proposals and its
    threats' terms would be off the table, and refused)."""
    import dataclasses

    from game.ai.tactics import key_demands
    from game.ai.view import own_prefs, table_from_view
    from tests.engine.world_fixture import world_scenario

    world = world_scenario()
    first = world.rounds[0]
    events = tuple(
        dataclasses.replace(
            c,
            condition=dataclasses.replace(c.condition, round=first.id),
            agenda=(AgendaChange(first.id, first.agenda, False),),
        )
        if c.id == "council-opens"
        else c
        for c in world.events
    )
    emptied = dataclasses.replace(world, events=events)
    state = engine.new_game(emptied, 1)
    assert state.agenda == ()  # the card played at the opening took every issue off
    actor = engine.to_move(state) or ""
    view = engine.view(state, actor)
    table = table_from_view(view, own_prefs(view))
    assert table.open_issues == ()
    assert key_demands(table) == ()  # a threat asks nothing that is off the table
    for seed in range(3):
        played = play(emptied, seed)
        for _actor, before, decision in played.decisions:
            engine.check(before, decision.action)
            if not before.agenda:
                assert not isinstance(decision.action, engine.Propose)
