"""Event payloads are typed: the proposal an event is about is an int field, not text."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from game import engine
from game.engine.events import EventKind
from tests.engine.fixtures import small_scenario

ABOUT_A_PROPOSAL = {
    EventKind.PROPOSAL,
    EventKind.ACCEPTED,
    EventKind.REJECTED,
    EventKind.AGREEMENT,
}


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_events_about_a_proposal_carry_its_number(seed: int) -> None:
    scenario = small_scenario()
    state = engine.new_game(scenario, seed)
    rng = random.Random(seed)
    seen = set()
    while not state.over:
        actor = engine.to_move(state)
        assert actor is not None
        state, events = engine.apply(state, rng.choice(list(engine.legal_actions(state, actor))))
        for event in events:
            if event.kind in ABOUT_A_PROPOSAL:
                seen.add(event.kind)
                assert isinstance(event.proposal, int)
                assert 1 <= event.proposal <= len(state.proposals)
                assert f"#{event.proposal}" in event.text
            else:
                assert event.proposal is None
    assert "proposal=" not in repr(state.log[-1])  # the digest's text is as it was
