"""Session mechanics: who moves, what a person may submit, what the computer seats do."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from game import engine
from game.ai.difficulty import Difficulty
from game.engine import Action, ActorView, Pass
from game.session import (
    AgentError,
    Decision,
    SeatKind,
    SessionError,
    register_agent_factory,
    unregister_agent_factory,
)
from tests.session.conftest import AI, HUMAN, RANDOM, FakeLoaded, new_session, seats_for


def test_a_new_session_waits_for_the_first_human(loaded: FakeLoaded) -> None:
    session = new_session(loaded)
    first = session.scenario.playable[0].id
    assert session.to_move == first
    assert session.human_to_move
    assert session.step() is None  # a person's move: the computer does nothing
    assert session.run_until_human() == []
    assert session.log == ()
    assert session.transcript == engine.new_game(loaded.scenario, 1).log  # the openings


def test_submit_applies_logs_and_reports_events(loaded: FakeLoaded) -> None:
    session = new_session(loaded)
    actor = session.to_move
    assert actor is not None
    turn = session.submit(Pass(actor))
    assert turn.number == 1
    assert turn.text == f"{actor} pass"
    assert turn.entry.by is SeatKind.HUMAN
    assert turn.events
    assert all(e in session.transcript for e in turn.events)
    assert session.state == engine.apply(engine.new_game(loaded.scenario, 1), Pass(actor))[0]
    assert [e.action for e in session.log] == [Pass(actor)]


def test_an_illegal_move_is_refused_with_the_engines_reason_and_changes_nothing(
    loaded: FakeLoaded,
) -> None:
    session = new_session(loaded)
    before = session.digest()
    other = session.scenario.playable[1].id
    session_seats = dict(session.seats)
    assert session_seats[other] is RANDOM
    with pytest.raises(SessionError, match="played by the computer"):
        session.submit(Pass(other))
    actor = session.to_move
    assert actor is not None
    with pytest.raises(SessionError) as caught:
        session.submit(engine.Accept(actor, 99))
    with pytest.raises(engine.IllegalActionError) as engine_says:
        engine.check(session.state, engine.Accept(actor, 99))
    assert str(caught.value) == str(engine_says.value)
    assert session.digest() == before
    assert session.log == ()


def test_a_human_seat_that_is_not_to_move_is_refused(loaded: FakeLoaded) -> None:
    seats = dict.fromkeys((a.id for a in loaded.scenario.playable), HUMAN)
    session = new_session(loaded, seats=seats)
    waiting = next(a for a in seats if a != session.to_move)
    with pytest.raises(SessionError):
        session.submit(Pass(waiting))
    assert session.log == ()


def test_submit_text_reads_the_notation_and_refuses_garbage(loaded: FakeLoaded) -> None:
    session = new_session(loaded)
    actor = session.to_move
    with pytest.raises(SessionError, match="cannot read action"):
        session.submit_text("this is not a move")
    turn = session.submit_text(f"{actor} pass")
    assert turn.action == Pass(str(actor))


def test_computer_seats_play_until_a_human_is_to_move(loaded: FakeLoaded) -> None:
    session = new_session(loaded)
    session.submit(Pass(str(session.to_move)))
    turns = session.run_until_human()
    assert turns, "the random seat should have moved"
    assert all(t.entry.by is SeatKind.RANDOM for t in turns)
    assert all(t.rationale == "chosen at random" for t in turns)
    assert session.is_over or session.human_to_move
    assert len(session.log) == 1 + len(turns)


def test_all_computer_game_runs_to_the_end_with_rationales(loaded: FakeLoaded) -> None:
    session = new_session(loaded, seats=seats_for(loaded, AI, AI))
    turns = session.run_until_human()
    assert session.is_over
    assert session.to_move is None
    assert session.step() is None
    assert all(t.entry.by is SeatKind.AI and t.rationale for t in turns)
    with pytest.raises(SessionError, match="the game is over"):
        session.submit(engine.EndGame())


def test_same_seed_same_game_different_seed_may_differ(loaded: FakeLoaded) -> None:
    def play(seed: int) -> str:
        session = new_session(loaded, seed, seats=seats_for(loaded, RANDOM, RANDOM))
        session.run_until_human()
        return session.digest()

    assert play(5) == play(5)
    assert len({play(seed) for seed in range(8)}) > 1


def test_facilitator_moves_go_through_submit_as_a_persons(loaded: FakeLoaded) -> None:
    session = new_session(loaded)
    turn = session.submit(engine.Bookmark("discuss this"))
    assert turn.entry.by is SeatKind.HUMAN
    assert turn.text == 'facilitator bookmark "discuss this"'
    assert any("discuss this" in e.text for e in session.transcript)
    session.submit(engine.EndGame())
    assert session.is_over


class _Scripted:
    """An agent that records what it was shown and always passes."""

    def __init__(self, actor: str) -> None:
        self.actor = actor
        self.seen: list[ActorView] = []

    def decide(self, view: ActorView, legal: Sequence[Action]) -> Decision:
        self.seen.append(view)
        assert Pass(self.actor) in legal
        return Decision(Pass(self.actor), "scripted: nothing to say")


def test_ai_seats_come_from_the_registered_factory_and_see_only_their_view(
    loaded: FakeLoaded,
) -> None:
    made: dict[str, _Scripted] = {}

    def factory(scenario: object, actor: str, difficulty: Difficulty, seed: int) -> _Scripted:
        assert difficulty == "normal"
        made[actor] = _Scripted(actor)
        return made[actor]

    register_agent_factory("ai", factory)
    try:
        session = new_session(loaded, seats=seats_for(loaded, AI, AI))
        turns = session.run_until_human()
    finally:
        unregister_agent_factory("ai")
    assert session.is_over
    assert {t.rationale for t in turns} == {"scripted: nothing to say"}
    for actor, agent in made.items():
        assert agent.seen
        assert all(v.actor == actor for v in agent.seen)


def test_the_seats_mapping_is_read_only(loaded: FakeLoaded) -> None:
    session = new_session(loaded)
    with pytest.raises(TypeError):
        session.seats["x"] = HUMAN  # type: ignore[index]


def test_a_seat_can_change_hands_mid_game(loaded: FakeLoaded) -> None:
    session = new_session(loaded)
    first = str(session.to_move)
    session.set_seat(first, RANDOM)
    assert not session.human_to_move
    turns = session.run_until_human()
    assert turns
    assert turns[0].entry.by is SeatKind.RANDOM
    with pytest.raises(SessionError, match="not a playable delegation"):
        session.set_seat("nobody", HUMAN)


class _Cheat:
    def decide(self, view: ActorView, legal: Sequence[Action]) -> Decision:
        assert engine.Accept(view.actor, 77) not in legal
        return Decision(engine.Accept(view.actor, 77), "cheating")


def test_an_agent_that_breaks_the_rules_is_a_bug_not_a_refused_move(loaded: FakeLoaded) -> None:
    register_agent_factory("ai", lambda *_: _Cheat())
    try:
        session = new_session(loaded, seats=seats_for(loaded, AI, AI))
        with pytest.raises(AgentError, match=r"chose an illegal action '\w+ accept 77'"):
            session.step()
    finally:
        unregister_agent_factory("ai")
    assert session.log == ()
