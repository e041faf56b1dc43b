"""A laptop's game controller (``RemoteGame``) against a real host on loopback, end to end.

The protocol's cases run in memory (``test_remote_game_memory``); this whole game
goes through the sockets, the server thread and the client's reader thread."""

from __future__ import annotations

import time

from game import engine
from game.engine import Pass
from game.net.protocol import Join
from game.net.remote_game import RemoteGame, connect_game
from game.session.controller import ComputerMove, Submit
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
                    laptop.pump(wait=0.05)  # returns as soon as the host's next frame is in
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
