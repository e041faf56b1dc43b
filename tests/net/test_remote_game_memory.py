"""A laptop's game controller (``RemoteGame``) against a host in memory: the protocol.

No socket, thread or wait (``tests.net.memory``): what the host answers is there
when the laptop looks, so these run the same on a loaded machine as on an idle one.
"""

from __future__ import annotations

import pytest

from game import engine
from game.engine import Pass
from game.engine.actions import Timeout
from game.net.client import RefusedError
from game.net.host import LATE
from game.net.mirror import Mirror
from game.net.protocol import Join
from game.net.remote_game import HOST_KEEPS, RemoteGame
from game.session.controller import ComputerMove, Pause, Submit, Undo
from game.session.errors import SessionError
from game.session.local import LocalGame
from tests.net.helpers import REMOTE, quick_pin, session
from tests.net.memory import MemoryNet


def laptop(net: MemoryNet, join: Join) -> RemoteGame:
    connection = net.connect(join)
    # The answer to a move is in before ``apply`` looks: its wait for it never waits.
    return RemoteGame(connection, Mirror.from_welcome(connection.open()))  # type: ignore[arg-type]


def test_two_laptops_play_a_whole_game_through_the_controller_protocol() -> None:
    game = session()
    net = MemoryNet(game, REMOTE)
    laptops = {seat: laptop(net, Join(seat)) for seat in REMOTE}
    for _ in range(1000):
        if all(g.is_over() for g in laptops.values()):
            break
        for seat, remote in laptops.items():
            if remote.human_to_move():
                assert remote.legal_actions(seat)
                answer = remote.apply(Submit(Pass(seat)))
                assert answer.ok, answer.refused
                assert Pass(seat) in [t.action for t in answer.turns]
            else:
                remote.apply(ComputerMove())
    assert game.is_over
    record = LocalGame(game).turns_since(0)
    for seat, remote in laptops.items():
        assert remote.is_over(), seat
        assert remote.outcome() == engine.outcome(game.state), seat
        assert remote.public_view() == engine.public_view(game.state)
        turns = remote.turns_since(0)
        assert [t.text for t in turns] == [t.text for t in record]
        assert [t.events for t in turns] == [t.events for t in record]
        assert all(t.rationale == "" for t in turns)
        assert remote.opening() == LocalGame(game).opening()
        assert remote.mirror.result is not None
        assert remote.mirror.result.digest == game.digest()
        assert remote.mirror.result.seed == game.seed


def test_a_laptop_sees_and_moves_only_for_its_own_delegation() -> None:
    game = session()
    net = MemoryNet(game, REMOTE)
    mover = game.to_move
    assert mover is not None
    other = "russia" if mover == "us" else "us"
    mine, theirs = laptop(net, Join(mover)), laptop(net, Join(other))
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
    assert [t.text for t in mine.turns_since(0)] == [t.text for t in LocalGame(game).turns_since(0)]


def test_a_laptop_with_its_pin_joins_after_the_hosts_check() -> None:
    game = session()
    game.pins["us"] = quick_pin("1234")
    net = MemoryNet(game, REMOTE)
    with pytest.raises(RefusedError, match="wrong PIN"):
        laptop(net, Join("us", "0000"))
    joined = laptop(net, Join("us", "1234"))
    assert joined.view("us").briefing == game.view("us").briefing
    assert net.pin_checks == 2


def test_a_move_sent_after_the_time_is_up_is_refused_and_the_pass_stands() -> None:
    game = session()
    net = MemoryNet(game, REMOTE, turn_seconds=30)
    mover = game.to_move
    assert mover is not None
    remote = laptop(net, Join(mover))
    assert remote.human_to_move()
    net.now = 31.0  # the host's loop has not looked at its clock since the time ran out
    answer = remote.apply(Submit(Pass(mover)))
    assert answer.refused == LATE
    late = [e.action for e in game.log if isinstance(e.action, Timeout)]
    assert late == [Timeout(mover)]
    assert Pass(mover) not in [e.action for e in game.log]
    assert not remote.human_to_move()


def test_a_refusal_says_whether_asking_again_can_help() -> None:
    """A wrong PIN stays wrong; a seat without a PIN is 'taken' only while the host still
    holds the connection its laptop lost, so a rejoining laptop keeps trying."""
    game = session()
    game.pins["us"] = quick_pin("1234")
    net = MemoryNet(game, REMOTE)
    with pytest.raises(RefusedError) as wrong:
        laptop(net, Join("us", "0000"))
    assert (wrong.value.code, wrong.value.final) == ("wrong-pin", True)
    laptop(net, Join("russia", None))  # no PIN: first come keeps it
    with pytest.raises(RefusedError) as taken:
        laptop(net, Join("russia", None))
    assert (taken.value.code, taken.value.final) == ("seat-taken", False)
