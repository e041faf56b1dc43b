"""The game controller of a local game: intents in, plain answers out, never an exception.

``LocalGame`` must play exactly as the session does (the same digest for the
same moves), answer a refused intent with its reason and no change, and give
the screens a record (opening, turns, events) that matches the session's.
"""

from __future__ import annotations

import functools
import pickle
import random
from typing import get_args

from hypothesis import given, settings
from hypothesis import strategies as st

from game import engine
from game.engine import FACILITATOR, Bookmark, EndGame, Pass, Timeout
from game.engine.model import Scenario
from game.engine.seen import explain_red_lines_seen, utility_seen
from game.session.controller import (
    Applied,
    ClockReading,
    ComputerMove,
    ExtendTurn,
    FacilitatorStep,
    GameController,
    GameIntent,
    Pause,
    RestartClock,
    Resume,
    SetTurnLimit,
    Submit,
    TimeUp,
    Undo,
)
from game.session.local import PAUSED, LocalGame
from tests.examples import examples
from tests.scenarios import bundled
from tests.session.conftest import HUMAN, RANDOM, FakeLoaded, new_session, seats_for


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _game(loaded: FakeLoaded, seconds: float | None = None, seed: int = 1) -> LocalGame:
    session = new_session(loaded, seed, seats=seats_for(loaded, HUMAN, RANDOM))
    session.run_until_human()
    return LocalGame(session, turn_seconds=seconds, now=FakeTime())


def _now(game: LocalGame) -> FakeTime:
    assert isinstance(game.now, FakeTime)
    return game.now


def test_a_local_game_is_a_game_controller(loaded: FakeLoaded) -> None:
    game: GameController = _game(loaded)  # mypy checks the protocol here
    assert game.to_move() is not None
    assert game.human_to_move()


def test_submit_applies_a_move_and_answers_with_its_turn(loaded: FakeLoaded) -> None:
    game = _game(loaded)
    mover = game.to_move()
    assert mover is not None
    applied = game.apply(Submit(Pass(mover)))
    assert applied.ok
    assert [t.action for t in applied.turns] == [Pass(mover)]
    assert game.session.log[-1].action == Pass(mover)


def test_a_refused_move_is_an_answer_and_changes_nothing(loaded: FakeLoaded) -> None:
    game = _game(loaded)
    digest = game.session.digest()
    other = next(a for a in game.seats() if a != game.to_move())
    applied = game.apply(Submit(Pass(other)))
    assert not applied.ok
    assert applied.refused
    assert applied.turns == ()
    assert game.session.digest() == digest
    refused = game.apply(Submit(Bookmark("a delegation cannot bookmark")))
    assert refused.refused == "facilitator actions go through the facilitator's controls"
    assert not game.apply(Undo()).ok  # nothing of a person's to take back yet
    assert game.session.digest() == digest


def test_pause_refuses_moves_and_computer_moves_wait(loaded: FakeLoaded) -> None:
    game = _game(loaded)
    mover = game.to_move()
    assert mover is not None
    assert game.apply(Pause()).ok
    assert game.clock().paused
    assert game.apply(Submit(Pass(mover))).refused == PAUSED
    assert game.apply(Undo()).refused == PAUSED
    assert game.apply(ComputerMove()).turns == ()
    assert game.apply(Resume()).ok
    assert not game.clock().paused
    assert game.apply(Submit(Pass(mover))).ok


def test_the_clock_runs_out_into_a_timeout_and_a_late_move_is_not_used(
    loaded: FakeLoaded,
) -> None:
    game = _game(loaded, seconds=30)
    clock = _now(game)
    mover = game.to_move()
    assert mover is not None
    assert game.clock() == ClockReading(False, 30.0)
    clock.now += 31
    assert game.clock().expired
    late = game.apply(Submit(Pass(mover)))
    assert late.late
    assert late.ok
    assert [t.action for t in late.turns] == [Timeout(mover)]
    assert Pass(mover) not in [e.action for e in game.session.log]


def test_time_up_restart_and_extend(loaded: FakeLoaded) -> None:
    game = _game(loaded, seconds=30)
    clock = _now(game)
    mover = game.to_move()
    assert game.clock().remaining == 30  # the countdown starts when it is first looked at
    clock.now += 20
    assert game.apply(ExtendTurn(15)).ok
    assert game.clock().remaining == 25
    assert not game.apply(ExtendTurn(-1)).ok  # a refusal, not a crash
    assert game.apply(RestartClock()).ok
    assert game.clock().remaining == 30
    assert game.apply(TimeUp()).turns == ()  # not yet
    clock.now += 30
    applied = game.apply(TimeUp())
    assert [t.action for t in applied.turns] == [Timeout(mover or "")]
    assert game.apply(SetTurnLimit(None)).ok
    assert game.clock().remaining is None
    assert not game.apply(SetTurnLimit(-3)).ok


def test_facilitator_steps_go_into_the_log(loaded: FakeLoaded) -> None:
    game = _game(loaded)
    applied = game.apply(FacilitatorStep(Bookmark("discuss")))
    assert applied.ok
    assert game.session.log[-1].action.actor == FACILITATOR
    assert not game.apply(FacilitatorStep(Pass(game.to_move() or ""))).ok
    assert game.apply(FacilitatorStep(EndGame())).ok
    assert game.is_over()
    assert game.outcome() == engine.outcome(game.session.state) is not None
    assert game.to_move() is None
    assert not game.apply(FacilitatorStep(Bookmark("too late"))).ok


def test_undo_takes_back_the_persons_move_and_says_how_many(loaded: FakeLoaded) -> None:
    game = _game(loaded)
    mover = game.to_move()
    assert mover is not None
    moves = len(game.session.log)
    game.apply(Submit(Pass(mover)))
    game.session.run_until_human()
    assert game.undo_actor() == mover
    applied = game.apply(Undo())
    assert applied.undone == len(game.session.log[moves:]) + applied.undone > 0
    assert len(game.session.log) == moves


def test_the_record_matches_the_session(loaded: FakeLoaded) -> None:
    game = _game(loaded)
    session = game.session
    turns = game.turns_since(0)
    assert [t.entry for t in turns] == list(session.log)
    assert [t.number for t in turns] == list(range(1, len(session.log) + 1))
    opening = game.opening()
    assert opening.log == engine.new_game(session.scenario, session.seed).log
    assert opening.trackers.tension == session.scenario.trackers.tension
    events = list(opening.log) + [e for t in turns for e in t.events]
    assert game.outcome() is None
    assert tuple(events) == session.transcript
    assert game.events_since(0) == session.transcript
    assert game.events_since(len(events) - 1) == session.transcript[-1:]
    assert game.turns_since(len(session.log)) == ()
    assert game.turns_since(1) == turns[1:]
    assert game.public_view() == engine.public_view(session.state)


@settings(max_examples=examples(25), deadline=None)
@given(seed=st.integers(0, 2**31), picks=st.lists(st.integers(0, 10**6), max_size=40))
def test_playing_through_the_controller_is_playing_the_session(seed: int, picks: list[int]) -> None:
    """The same moves through ``apply`` and straight on the session: the same game."""
    from tests.engine.fixtures import small_scenario

    loaded = FakeLoaded(small_scenario())
    game = LocalGame(new_session(loaded, seed, seats=seats_for(loaded, HUMAN, RANDOM)))
    direct = new_session(loaded, seed, seats=seats_for(loaded, HUMAN, RANDOM))
    for pick in picks:
        if game.is_over():
            break
        intent: GameIntent
        if game.human_to_move():
            legal = game.legal_actions()
            intent = Submit(legal[pick % len(legal)])
            direct.submit(legal[pick % len(legal)])
        else:
            intent = ComputerMove()
            direct.step()
        applied: Applied = game.apply(intent)
        assert applied.ok, applied.refused
    assert game.session.digest() == direct.digest()


@functools.cache
def _geneva() -> Scenario:
    return bundled("geneva-2022").scenario


@settings(max_examples=examples(60), deadline=None)
@given(data=st.data())
def test_red_lines_and_value_from_a_view_are_the_scenarios(data: st.DataObject) -> None:
    """What a form explains from the mover's view is what the whole scenario says."""
    geneva = _geneva()
    state = engine.new_game(geneva, 3)
    actor = data.draw(st.sampled_from([a.id for a in geneva.playable]))
    issues = data.draw(st.lists(st.sampled_from(geneva.issues), unique_by=lambda i: i.id))
    rng = random.Random(data.draw(st.integers(0, 1000)))
    terms = {i.id: rng.choice(i.options).id for i in issues}
    agreed = {i.id: rng.choice(i.options).id for i in geneva.issues if rng.random() < 0.3}
    view = engine.view(state, actor)
    assert explain_red_lines_seen(view, tuple(terms.items())) == engine.explain_red_lines(
        geneva, tuple(terms.items()), actor
    )
    assert utility_seen(view, terms, agreed) == engine.utility(geneva, actor, terms, agreed)


def test_intents_and_answers_are_plain_values_that_travel(loaded: FakeLoaded) -> None:
    """What crosses the seam is frozen data: it pickles back equal, actions as their notation."""
    game = _game(loaded)
    mover = game.to_move()
    assert mover is not None
    intents: list[GameIntent] = [
        Submit(Pass(mover)),
        Undo(),
        ComputerMove(),
        TimeUp(),
        RestartClock(),
        Pause(),
        Resume(),
        ExtendTurn(30.0),
        SetTurnLimit(None),
        FacilitatorStep(Bookmark("«Привет», 1997")),
    ]
    assert {type(i) for i in intents} == set(get_args(GameIntent))
    for intent in intents:
        assert pickle.loads(pickle.dumps(intent)) == intent
        assert hash(intent) == hash(pickle.loads(pickle.dumps(intent)))
        action = getattr(intent, "action", None)
        if action is not None:  # an action travels as its notation
            assert engine.parse_action(engine.format_action(action)) == action
    applied = game.apply(Submit(Pass(mover)))
    assert pickle.loads(pickle.dumps(applied)) == applied
    assert pickle.loads(pickle.dumps(game.clock())) == game.clock()
    assert pickle.loads(pickle.dumps(game.public_view())) == game.public_view()
