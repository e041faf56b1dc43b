"""Computer seats deciding on a worker thread (issue 12: no AI or outside agent freezes the window).

``LocalGame.think_ahead`` makes a ``ComputerMove`` land a decision taken on a
worker thread: until it is ready the answer is ``thinking`` (nothing changed),
and the game that results is the one played in place, move for move.  The tests
hold an agent on an ``Event`` instead of timing anything; they wait only for
the worker to finish (a bounded join), never on a clock.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import replace

import pytest

from game.ai import Decision
from game.engine import Accept, Action, ActorView
from game.session.agents import RandomAgent, register_agent_factory, unregister_agent_factory
from game.session.controller import ComputerMove, Pause, Resume, Undo
from game.session.local import THINKING, LocalGame
from game.session.thinking import Thinker
from tests.session.conftest import AI, HUMAN, FakeLoaded, new_session, seats_for

JOIN_S = 10.0  # a bound on waiting for the worker, never reached when the test passes


class _Held:
    """An AI that decides like the random player, but only once it is let go."""

    def __init__(self, seed: int, gate: threading.Event, asked: list[int]) -> None:
        self.inner = RandomAgent(seed)
        self.gate = gate
        self.asked = asked

    def decide(self, view: ActorView, legal: Sequence[Action]) -> Decision:
        self.asked.append(len(view.table.log))
        assert self.gate.wait(JOIN_S)
        return self.inner.decide(view, legal)


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()  # a worker still held lets go when the test ends


@pytest.fixture
def asked() -> list[int]:
    return []


@pytest.fixture
def held_ai(gate: threading.Event, asked: list[int]) -> Iterator[None]:
    register_agent_factory("ai", lambda _s, _actor, _d, seed: _Held(seed, gate, asked))
    yield
    unregister_agent_factory("ai")


def _join(game: LocalGame) -> None:
    thinker = game.thinker
    assert thinker is not None
    if thinker._thread is not None:
        thinker._thread.join(JOIN_S)
        assert not thinker._thread.is_alive()


def _all_ai(loaded: FakeLoaded, seed: int = 3) -> LocalGame:
    return LocalGame(new_session(loaded, seed, seats=seats_for(loaded, AI, AI)))


@pytest.mark.usefixtures("held_ai")
def test_a_computer_move_asked_while_the_ai_thinks_answers_at_once_and_changes_nothing(
    loaded: FakeLoaded, gate: threading.Event
) -> None:
    game = _all_ai(loaded)
    game.think_ahead()
    before = game.session.digest()
    for _ in range(3):  # the window's frames go on while the agent is held
        answer = game.apply(ComputerMove())
        assert answer.thinking
        assert answer.refused == THINKING
        assert answer.turns == ()
        assert game.session.digest() == before
    gate.set()
    _join(game)
    answer = game.apply(ComputerMove())
    assert not answer.thinking
    assert len(answer.turns) == 1


def test_thinking_ahead_plays_the_game_that_deciding_in_place_plays(loaded: FakeLoaded) -> None:
    in_place = _all_ai(loaded, seed=5)
    ahead = _all_ai(loaded, seed=5)
    ahead.think_ahead()
    for _ in range(500):
        if ahead.is_over():
            break
        _join(ahead)
        answer = ahead.apply(ComputerMove())
        assert not answer.thinking  # joined: the decision was ready
        expected = in_place.apply(ComputerMove())
        assert [t.entry for t in answer.turns] == [t.entry for t in expected.turns]
    assert ahead.is_over()
    assert in_place.is_over()
    assert ahead.session.digest() == in_place.session.digest()


@pytest.mark.usefixtures("held_ai")
def test_a_decision_about_a_state_that_is_gone_is_never_played(
    loaded: FakeLoaded, gate: threading.Event, asked: list[int]
) -> None:
    # A person moves first; the AI after it.  Undo while the AI thinks about the
    # person's move: its decision is about a state that no longer exists.
    game = LocalGame(new_session(loaded, 2, seats=seats_for(loaded, HUMAN, AI)))
    game.think_ahead()
    person = game.to_move()
    assert person is not None
    from game.session.controller import Submit

    move = next(a for a in game.legal_actions() if str(a).split()[1:2] == ["pass"])
    assert game.apply(Submit(move)).ok
    assert game.apply(ComputerMove()).thinking  # the AI thinks about the state after the pass
    assert game.apply(Undo()).ok  # ... which is taken back
    gate.set()
    _join(game)
    assert game.to_move() == person
    answer = game.apply(ComputerMove())  # a person is to move: nothing for the computer
    assert answer.turns == ()
    assert not answer.thinking
    assert len(game.session.log) == 0


@pytest.mark.usefixtures("held_ai")
def test_paused_the_computer_waits_even_with_its_decision_ready(
    loaded: FakeLoaded, gate: threading.Event
) -> None:
    game = _all_ai(loaded)
    game.think_ahead()
    gate.set()
    _join(game)
    game.apply(Pause())
    assert game.apply(ComputerMove()).turns == ()
    assert len(game.session.log) == 0
    game.apply(Resume())
    _join(game)
    assert len(game.apply(ComputerMove()).turns) == 1


def test_an_agent_that_fails_on_the_worker_fails_on_the_caller() -> None:
    thinker = Thinker()
    state = object()

    def broken() -> Decision:
        raise RuntimeError("the agent broke")

    thinker.ask(state, broken)
    assert thinker._thread is not None
    thinker._thread.join(JOIN_S)
    with pytest.raises(RuntimeError, match="the agent broke"):
        thinker.answer(state)


def test_one_question_at_a_time_and_the_later_one_after_it() -> None:
    thinker = Thinker()
    first, second = object(), object()
    gate = threading.Event()
    running: list[str] = []

    def slow() -> Decision:
        running.append("first")
        assert gate.wait(JOIN_S)
        running.append("first done")
        return Decision(action=None)  # type: ignore[arg-type]

    def quick() -> Decision:
        running.append("second")
        return Decision(action=None)  # type: ignore[arg-type]

    thinker.ask(first, slow)
    thinker.ask(second, quick)  # the state moved on while the first question runs
    assert thinker.answer(second) is None
    assert running == ["first"]  # the second waits: an agent is never asked twice at once
    gate.set()
    assert thinker._thread is not None
    thinker._thread.join(JOIN_S)
    assert thinker.answer(second) is None  # the second starts now
    thinker._thread.join(JOIN_S)
    assert running == ["first", "first done", "second"]
    assert thinker.answer(first) is None  # never handed over: its state is gone
    assert thinker.answer(second) is not None


def test_the_upcoming_move_is_the_move_that_lands(loaded: FakeLoaded) -> None:
    # A window readies the table for the decided move before it lands: what it was shown
    # ahead (the turn, the table after it) must be exactly what then happens.
    game = _all_ai(loaded, seed=5)
    game.think_ahead()
    for _ in range(500):
        if game.is_over():
            break
        _join(game)
        upcoming = game.upcoming()
        assert upcoming is not None
        assert game.upcoming() is upcoming  # the same while the game stays as it is
        table, outcome = upcoming.public_view(), upcoming.outcome()
        answer = game.apply(ComputerMove())
        assert answer.turns == (upcoming.turn,)
        assert game.public_view() == table
        assert game.outcome() == outcome
    assert game.is_over()


@pytest.mark.usefixtures("held_ai")
def test_nothing_is_upcoming_before_the_decision_or_while_paused(
    loaded: FakeLoaded, gate: threading.Event
) -> None:
    game = _all_ai(loaded)
    assert game.upcoming() is None  # no worker thread: decisions are taken in place
    game.think_ahead()
    assert game.upcoming() is None  # still deciding
    gate.set()
    _join(game)
    game.apply(Pause())
    assert game.upcoming() is None  # paused: no move is coming
    game.apply(Resume())
    _join(game)
    upcoming = game.upcoming()
    assert upcoming is not None
    assert game.thinker is not None
    assert game.thinker.ready(game.session.state) is not None  # looked at, not handed over
    assert game.apply(ComputerMove()).turns == (upcoming.turn,)


def test_a_preview_of_a_refused_move_is_none(loaded: FakeLoaded) -> None:
    session = new_session(loaded, 3, seats=seats_for(loaded, AI, AI))
    actor = session.to_move
    assert actor is not None
    other = next(a for a in session.seats if a != actor)
    legal = session.legal_actions(actor)
    assert session.preview(Decision(legal[0], "r", "")) is not None
    assert session.preview(Decision(replace(legal[0], actor=other), "r", "")) is None
    assert session.preview(Decision(Accept(actor, 99), "r", "")) is None  # no proposal 99
    before = session.digest()
    assert session.preview(Decision(legal[0], "r", "")) is not None
    assert session.digest() == before  # a preview changes nothing
