"""Undo: the last person's move and the computer's answers are taken back by replaying the log."""

from __future__ import annotations

import pytest

from game import engine
from game.engine import Pass
from game.session import SessionError
from tests.session.conftest import HUMAN, RANDOM, FakeLoaded, new_session, seats_for


def test_nothing_to_undo_before_a_person_moved(loaded: FakeLoaded) -> None:
    session = new_session(loaded)
    assert session.undo_refusal == "nothing to undo: no delegation has made a move yet"
    with pytest.raises(SessionError) as caught:
        session.undo()
    assert str(caught.value) == "nothing to undo: no delegation has made a move yet"


def test_a_computer_only_log_cannot_be_undone(loaded: FakeLoaded) -> None:
    session = new_session(loaded, seats=seats_for(loaded, RANDOM, RANDOM))
    session.run_until_human()
    assert session.log
    assert session.is_over  # the computer seats played it out: over comes first
    with pytest.raises(SessionError, match="the game is over"):
        session.undo()


def test_undo_takes_back_the_human_move_and_the_answers_after_it(loaded: FakeLoaded) -> None:
    session = new_session(loaded)
    actor = str(session.to_move)
    start = session.digest()
    session.submit(Pass(actor))
    answers = session.run_until_human()
    assert answers
    removed = session.undo()
    assert [e.action for e in removed] == [Pass(actor)] + [t.action for t in answers]
    assert session.log == ()
    assert session.digest() == start
    assert session.state == engine.new_game(loaded.scenario, 1)
    assert session.to_move == actor


def test_undo_keeps_earlier_moves_and_replays_to_the_same_state(loaded: FakeLoaded) -> None:
    session = new_session(loaded)
    actor = str(session.to_move)
    session.submit(Pass(actor))
    session.run_until_human()
    kept_log, kept_state = session.log, session.state
    if session.is_over:
        pytest.skip("the fixture game ended before a second human move")
    session.submit(session.legal_actions()[0])
    session.run_until_human()
    session.undo()
    assert session.log == kept_log
    assert session.state == kept_state


def test_the_same_move_after_undo_gets_the_same_answers(loaded: FakeLoaded) -> None:
    """Agents keep no hidden state, so undo-and-redo is the same game."""
    session = new_session(loaded, seed=9)
    actor = str(session.to_move)
    session.submit(Pass(actor))
    session.run_until_human()
    first = session.digest()
    session.undo()
    session.submit(Pass(actor))
    session.run_until_human()
    assert session.digest() == first


def test_undo_never_takes_back_the_facilitator(loaded: FakeLoaded) -> None:
    """A bookmark (or any facilitator move) after a delegation's move blocks its undo:
    the room's record is not the players' to take back."""
    seats = dict.fromkeys((a.id for a in loaded.scenario.playable), HUMAN)
    session = new_session(loaded, seats=seats)
    session.submit(Pass(str(session.to_move)))
    session.submit(engine.Bookmark("look here"))
    before = session.digest()
    assert session.undo_refusal == (
        "the facilitator has acted since the last move; it cannot be undone"
    )
    with pytest.raises(SessionError, match="facilitator has acted"):
        session.undo()
    assert session.digest() == before
    assert [e.action for e in session.log][-1] == engine.Bookmark("look here")


def test_a_timeout_cannot_be_undone(loaded: FakeLoaded) -> None:
    seats = dict.fromkeys((a.id for a in loaded.scenario.playable), HUMAN)
    session = new_session(loaded, seats=seats)
    session.submit(engine.Timeout(str(session.to_move)))
    with pytest.raises(SessionError, match="no delegation has made a move"):
        session.undo()


def test_a_move_after_the_facilitator_can_be_undone(loaded: FakeLoaded) -> None:
    seats = dict.fromkeys((a.id for a in loaded.scenario.playable), HUMAN)
    session = new_session(loaded, seats=seats)
    session.submit(engine.Bookmark("opening"))
    mover = str(session.to_move)
    session.submit(Pass(mover))
    removed = session.undo()
    assert [e.action for e in removed] == [Pass(mover)]
    assert [e.action for e in session.log] == [engine.Bookmark("opening")]


def test_undo_actor_names_whose_move_would_be_taken_back(loaded: FakeLoaded) -> None:
    """Hot-seat screens offer undo only to the delegation whose move it would take back."""
    seats = dict.fromkeys((a.id for a in loaded.scenario.playable), HUMAN)
    session = new_session(loaded, seats=seats)
    assert session.undo_actor is None  # nothing to undo yet
    first = str(session.to_move)
    session.submit(Pass(first))
    assert session.undo_actor == first
    second = str(session.to_move)
    session.submit(Pass(second))
    assert session.undo_actor == second
    session.submit(engine.Bookmark("look"))
    assert session.undo_actor is None  # the facilitator acted since: no undo


def test_a_finished_game_cannot_be_undone(loaded: FakeLoaded) -> None:
    """Once the game is over (outcome and briefings revealed), no move is taken back."""
    session = new_session(loaded, seats=seats_for(loaded, HUMAN, HUMAN))
    while not session.is_over:
        session.submit(Pass(str(session.to_move)))
    assert session.undo_refusal == "the game is over"
    assert session.undo_actor is None
    with pytest.raises(SessionError, match="the game is over"):
        session.undo()
    assert session.is_over
