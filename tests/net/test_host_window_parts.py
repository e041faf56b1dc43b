"""What the host's window asks of the host: who is where, giving a seat to the computer,
moves made at the host's own screen, and the debrief in ``over`` -- without sockets."""

from __future__ import annotations

import pytest

from game.engine import EndGame
from game.net.host import Connected, Gone, Host, Received
from game.net.host_game import HostGame
from game.net.protocol import Join
from game.session import Seat, SeatKind
from game.session.controller import ComputerMove, FacilitatorStep, Submit
from game.session.errors import SessionError
from tests.net.helpers import REMOTE, FakeTransport, session


def make_host(reveal: object = None) -> tuple[Host, FakeTransport]:
    transport = FakeTransport()
    host = Host(session(), REMOTE, transport, reveal=(lambda _s: reveal) if reveal else None)
    host.advance(0.0)
    return host, transport


def join(host: Host, conn: int, seat: str | None) -> None:
    host.handle(Connected(conn, "10.0.0.9"), 0.0)
    host.handle(Received(conn, Join(seat, None)), 0.0)


def test_a_remote_seat_is_waiting_then_joined_then_dropped() -> None:
    host, _ = make_host()
    assert host.seat_state("us") == "waiting"
    join(host, 1, "us")
    assert host.seat_state("us") == "joined"
    host.handle(Gone(1), 0.0)
    assert host.seat_state("us") == "dropped"
    join(host, 2, "us")
    assert host.seat_state("us") == "joined"
    assert host.seat_state("nato") == "ai"  # not a laptop's: its kind


def test_a_waiting_seat_given_to_the_computer_is_played_by_it_and_no_laptop_can_take_it() -> None:
    host, net = make_host()
    join(host, 9, None)  # a spectator, to hear the roster
    mover = host.session.to_move
    assert mover in REMOTE
    before = len(host.session.log)
    host.hand_to_ai(mover, Seat(SeatKind.AI), 0.0)
    assert host.session.seat_of(mover).kind is SeatKind.AI
    assert len(host.session.log) > before  # its move came at once
    assert host.session.log[before].by is SeatKind.AI
    roster = [f for f in net.frames(9) if f["type"] == "roster"][-1]
    assert roster["seats"][mover]["kind"] == "ai"
    join(host, 3, mover)
    assert net.last(3)["code"] == "unknown-seat"


def test_giving_a_seat_away_refuses_what_is_no_laptops_or_a_person() -> None:
    host, _ = make_host()
    with pytest.raises(SessionError):
        host.hand_to_ai("nato", Seat(SeatKind.AI), 0.0)
    with pytest.raises(SessionError):
        host.hand_to_ai("us", Seat(SeatKind.HUMAN), 0.0)


def test_the_connected_laptop_of_a_seat_given_away_is_told_and_closed() -> None:
    host, net = make_host()
    join(host, 1, "us")
    host.hand_to_ai("us", Seat(SeatKind.AI), 0.0)
    assert net.last(1)["code"] == "replaced"
    assert 1 in net.closed


def test_over_carries_the_debrief_the_window_builds_and_none_without() -> None:
    for reveal, expected in (
        ({"title": "the whole debrief"}, {"title": "the whole debrief"}),
        (None, None),
    ):
        host, net = make_host(reveal)
        join(host, 1, None)
        host.session.submit(EndGame())
        host.publish([], 0, 0.0)
        over = [f for f in net.frames(1) if f["type"] == "over"]
        assert over
        assert over[-1]["debrief"] == expected


class _Hosted:
    """The parts of ``HostedGame`` that ``HostGame`` uses, around a ``Host`` without sockets."""

    def __init__(self, host: Host) -> None:
        self.host = host

    def pump(self, wait: float | None = None) -> None:
        del wait
        self.host.advance(0.0)

    def clock(self) -> float:
        return 0.0


def test_the_host_windows_moves_reach_the_laptops_and_the_computers_answer_after() -> None:
    game = session(ai=("nato",))
    transport = FakeTransport()
    host = Host(game, {"russia"}, transport)  # the US is played at the host's own screen
    hosted = _Hosted(host)
    window = HostGame(hosted)  # type: ignore[arg-type]
    join(host, 1, "russia")
    assert window.to_move() == "us"
    assert window.human_to_move()
    applied = window.apply(Submit(game.legal_actions("us")[-1]))
    assert applied.ok
    assert applied.turns[0].actor == "us"
    heard = [t for f in transport.frames(1) if f["type"] == "update" for t in f["turns"]]
    assert heard[0]["actor"] == "us"
    # A laptop's seat is never played here; its moves come through ComputerMove.
    if window.to_move() == "russia":
        assert not window.human_to_move()
        assert not window.apply(Submit(game.legal_actions("russia")[0])).ok
    assert window.apply(FacilitatorStep(EndGame())).ok
    assert transport.frames(1)[-1]["type"] == "over"
    assert not window.apply(ComputerMove()).turns  # nothing new: all handed already


def test_a_seat_given_to_an_agent_is_sent_as_agent_without_its_program() -> None:
    # The path of an outside agent is on the host's disk: none of a laptop's business.
    host, net = make_host()
    join(host, 9, None)
    idle = next(a for a in REMOTE if a != host.session.to_move)
    secret = "/home/teacher/private/my-agent.py"
    host.hand_to_ai(idle, Seat(SeatKind.AGENT, path=secret), 0.0)
    try:
        roster = [f for f in net.frames(9) if f["type"] == "roster"][-1]
        assert roster["seats"][idle]["kind"] == "agent"
        assert all(secret not in text for text in net.sent[9])
    finally:
        host.session.close()


def test_a_laptop_reads_the_seats_the_roster_changes() -> None:
    from game.net.mirror import Mirror, seat_of_kind
    from game.net.remote_game import RemoteGame
    from tests.net.memory import MemoryNet

    net = MemoryNet(session(), REMOTE)
    laptop = net.connect(Join("us", None))
    game = RemoteGame(laptop, Mirror.from_welcome(laptop.open()))  # type: ignore[arg-type]
    assert game.seats()["russia"] == Seat(SeatKind.HUMAN)
    net.host.hand_to_ai("russia", Seat(SeatKind.AI, path=""), net.now)
    game.pump()
    assert game.seats()["russia"].kind is SeatKind.AI  # the roster told it
    assert seat_of_kind("agent") == Seat(SeatKind.AGENT)  # no program: the host keeps it
    with pytest.raises(ValueError, match="seat kind"):
        seat_of_kind("wizard")


def test_a_welcome_with_a_seat_kind_no_host_sends_is_one_clean_error() -> None:
    from game.net.mirror import HostFrameError, Mirror
    from tests.net.memory import MemoryNet

    net = MemoryNet(session(), REMOTE)
    welcome = net.connect(Join("us", None)).open()
    welcome["seats"]["nato"] = "wizard:9"
    with pytest.raises(HostFrameError, match="welcome this client cannot read"):
        Mirror.from_welcome(welcome)


def test_a_laptop_refuses_malformed_reasons_and_rosters_whole() -> None:
    from game.net.mirror import HostFrameError, Mirror
    from tests.net.memory import MemoryNet

    net = MemoryNet(session(), REMOTE)
    mirror = Mirror.from_welcome(net.connect(Join("us", None)).open())
    before = (dict(mirror.connected), dict(mirror.kinds))
    bad_roster = {
        "type": "roster",
        "spectators": 0,
        "seats": {"us": {"kind": "remote", "connected": False}, "nato": {"kind": "wizard"}},
    }
    with pytest.raises(HostFrameError):
        mirror.apply(bad_roster)
    assert (mirror.connected, mirror.kinds) == before  # nothing half applied
    over = {
        "type": "over",
        "outcome": {"id": "x", "label": "X", "why": "w", "passed_over": "a string"},
        "scores": {},
        "digest": "d",
        "turns": 0,
        "rounds": 1,
        "rationales": [],
        "private": {},
    }
    with pytest.raises(HostFrameError):
        mirror.apply(over)
