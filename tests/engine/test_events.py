"""Event payloads are typed: what an event is about is in typed fields, never parsed from text.

The facts of each event are checked against the state it left (the proposal it
names exists, the lever and card are the scenario's, the terms are the proposal's),
and the words and the record's ``subject`` are made from them alone.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from game import engine
from game.engine import words
from game.engine.events import EventKind, GameEvent
from tests.engine.fixtures import small_scenario
from tests.examples import examples

ABOUT_A_PROPOSAL = {
    EventKind.PROPOSAL,
    EventKind.ACCEPTED,
    EventKind.REJECTED,
    EventKind.AGREEMENT,
}


def _random_game(seed: int) -> tuple[engine.GameState, list[GameEvent]]:
    state = engine.new_game(small_scenario(), seed)
    rng = random.Random(seed)
    log = list(state.log)
    while not state.over:
        actor = engine.to_move(state)
        assert actor is not None
        state, events = engine.apply(state, rng.choice(list(engine.legal_actions(state, actor))))
        log += events
    return state, log


@settings(max_examples=examples(30), deadline=None)
@given(seed=st.integers(0, 10_000))
def test_events_about_a_proposal_carry_its_number(seed: int) -> None:
    state, log = _random_game(seed)
    proposals = {p.number: p for p in state.proposals}
    for event in log:
        if event.kind in ABOUT_A_PROPOSAL:
            assert isinstance(event.proposal, int)
            assert event.proposal in proposals
            assert f"#{event.proposal}" in event.text
            assert event.subject == str(event.proposal)  # the record's text, as it was
        if event.kind is EventKind.PROPOSAL:
            assert event.terms == proposals[event.proposal or 0].terms
        if event.kind is EventKind.PROPOSAL_WITHDRAWN and not event.lapsed:
            assert event.proposal in proposals
            assert event.overtaken_by in proposals
    assert "proposal=" not in repr(state.log[-1])  # the digest's text is as it was


@settings(max_examples=examples(30), deadline=None)
@given(seed=st.integers(0, 10_000))
def test_every_event_is_worded_from_its_facts_alone(seed: int) -> None:
    state, log = _random_game(seed)
    scenario = state.scenario
    levers = {lv.id for lv in scenario.levers}
    cards = {c.id for c in scenario.events}
    issues = {i.id for i in scenario.issues}
    for event in log:
        # The words are the vocabulary's, from the typed facts: the same event without
        # its text and subject words the same.
        bare = GameEvent(
            **{f: getattr(event, f) for f in event.__dataclass_fields__}
            | {"text": "", "subject": ""}
        )
        assert words.event_text(scenario, bare) == event.text
        assert bare.recorded(event.text, event.round, event.turn) == event
        if event.lever:
            assert event.lever in levers
        if event.card:
            assert event.card in cards
        if event.issue:
            assert event.issue in issues
        if event.kind is EventKind.STATEMENT:
            assert event.tone is not None
            assert event.subject == event.tone.value


def test_a_statement_and_a_threat_read_back_into_the_notation_from_their_fields() -> None:
    from game.session.protocol import LogReader

    scenario = small_scenario()
    state = engine.new_game(scenario, 1)
    actor = engine.to_move(state)
    assert actor is not None
    said = engine.Statement(actor, engine.Tone.FIRM, "We hold: “no” (firm): really")
    state, _ = engine.apply(state, said)
    reader = LogReader()
    assert reader.since(engine.public_view(state))[-1] == engine.format_action(said)
