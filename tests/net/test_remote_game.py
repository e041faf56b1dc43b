"""A laptop's game controller (``RemoteGame``) against a real host on loopback."""

from __future__ import annotations

import time

import pytest

from game import engine
from game.engine import Pass
from game.net.protocol import Join
from game.net.remote_game import HOST_KEEPS, RemoteGame, connect_game
from game.session.controller import ComputerMove, Pause, Submit, Undo
from game.session.errors import SessionError
from game.session.local import LocalGame
from tests.net.helpers import hosted, session

DEADLINE = 120.0


def test_two_laptops_play_a_whole_game_through_the_controller_protocol() -> None:
    game = session()
    with hosted(game) as host:
        url = f"ws://127.0.0.1:{host.server.port}"
        laptops = {seat: connect_game(url, Join(seat)) for seat in ("us", "russia")}
        deadline = time.monotonic() + DEADLINE
        while not all(g.is_over() for g in laptops.values()) and time.monotonic() < deadline:
            for seat, laptop in laptops.items():
                if laptop.human_to_move():
                    assert laptop.legal_actions(seat)
                    answer = laptop.apply(Submit(Pass(seat)))
                    assert answer.ok, answer.refused
                    assert Pass(seat) in [t.action for t in answer.turns]  # after any not yet shown
                else:
                    laptop.apply(ComputerMove())
                    time.sleep(0.01)
        assert game.is_over
        record = LocalGame(game).turns_since(0)
        for seat, laptop in laptops.items():
            assert laptop.outcome() == engine.outcome(game.state), seat
            assert laptop.public_view() == engine.public_view(game.state)
            turns = laptop.turns_since(0)
            assert [t.text for t in turns] == [t.text for t in record]
            assert [t.events for t in turns] == [t.events for t in record]
            assert all(t.rationale == "" for t in turns)
            assert laptop.opening() == LocalGame(game).opening()
            assert isinstance(laptop, RemoteGame)
            assert laptop.mirror.result is not None
            assert laptop.mirror.result.digest == game.digest()


def test_a_laptop_sees_and_moves_only_for_its_own_delegation() -> None:
    game = session()
    with hosted(game) as host:
        url = f"ws://127.0.0.1:{host.server.port}"
        mover = game.to_move
        assert mover is not None
        other = "russia" if mover == "us" else "us"
        mine = RemoteGame.join(url, Join(mover))
        theirs = RemoteGame.join(url, Join(other))
        assert mine.view(mover).briefing == game.view(mover).briefing
        with pytest.raises(SessionError, match="only its own"):
            mine.view(other)  # the screens never ask this
        assert theirs.legal_actions(mover) == ()
        assert not theirs.human_to_move()
        assert mine.human_to_move()
        refused = theirs.apply(Submit(Pass(mover)))
        assert refused.refused == f"this laptop plays {other!r}"
        assert mine.apply(Pause()).refused == HOST_KEEPS
        # A move, then its undo: the host takes it back and the table goes back too.
        before = mine.public_view().log
        assert mine.apply(Submit(Pass(mover))).ok
        assert mine.undo_actor() == mover
        assert theirs.undo_actor() is None
        undone = mine.apply(Undo())
        assert undone.ok, undone.refused
        assert undone.undone >= 1
        assert mine.public_view().log == before
        assert [t.text for t in mine.turns_since(0)] == [
            t.text for t in LocalGame(game).turns_since(0)
        ]
