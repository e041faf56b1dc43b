"""What the host's frames carry, and what they keep back until the end."""

from __future__ import annotations

import json

from game.engine import Pass
from game.net import frames
from game.net.host import Host, Received
from game.net.protocol import Act
from game.session import Seat, SeatKind, Session
from game.session.records import LogEntry
from tests.net.helpers import REMOTE, FakeTransport, session
from tests.net.test_host import join, make_host


def test_the_seed_travels_only_in_over() -> None:
    """The seed decides the event draws to come: a laptop that had it could foretell them
    (review 9).  No frame carries it before ``over``; ``over`` does, for the debrief."""
    host, net = make_host()
    join(host, 1, "us")
    join(host, 2, None)
    game = host.session
    while not game.is_over:
        mover = game.to_move
        assert mover is not None
        conn = 1 if mover == "us" else 3
        if conn == 3 and 3 not in host._clients:
            join(host, 3, "russia")
        host.handle(Received(conn, Act(f"{mover} pass")), 0.0)
    for conn in (1, 2, 3):
        frames = net.frames(conn)
        over = next(i for i, f in enumerate(frames) if f["type"] == "over")
        assert all("seed" not in f for f in frames[:over]), conn
        assert frames[over]["seed"] == game.seed


def test_an_agent_seat_is_shown_as_agent_without_the_hosts_path() -> None:
    """A program's path on the host's disk is none of a laptop's business (review 10)."""
    game = session()
    secret = "/home/teacher/secret-bots/nato_bot.py"
    game.set_seat("nato", Seat(SeatKind.AGENT, path=secret))
    net = FakeTransport()
    host = Host(game, REMOTE, net)
    join(host, 1, "us")
    join(host, 2, None)
    for conn in (1, 2):
        assert secret not in "".join(net.sent[conn])
        frames = net.frames(conn)
        assert frames[0]["seats"]["nato"] == "agent"
        roster = [f for f in frames if f["type"] == "roster"][-1]
        assert roster["seats"]["nato"]["kind"] == "agent"
    assert host.kinds["nato"] == "agent"


def test_over_reveals_the_rationales_of_a_game_resumed_from_its_save() -> None:
    """Saves leave rationales out; a resumed hosted game's ``over`` recomputes them, as the
    local debrief does (review 13), instead of sending none for the moves before the save."""
    played = session()
    while not played.is_over:
        played.run_until_human()
        if played.to_move is not None:
            played.submit(Pass(played.to_move))
    expected = [(n, e.rationale) for n, e in enumerate(played.log, 1) if e.rationale]
    assert expected
    saved = [LogEntry(e.action, e.by, "", e.remark) for e in played.log]  # as a save keeps it
    resumed = Session.restore(played.loaded, played.seed, played.seats, saved)
    over = json.loads(frames.over(resumed))
    assert [(r["number"], r["rationale"]) for r in over["rationales"]] == expected
