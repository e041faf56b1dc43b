"""A hostile network against a real host on loopback: every bad frame is an error frame
or a closed connection, and the game goes on for everyone else."""

from __future__ import annotations

import json
import logging
import socket
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from game.net.hosting import HostedGame
from game.net.protocol import MAX_CLIENT_FRAME, Join, client_frame
from game.net.server import Limits
from game.session import PinHash
from tests.examples import examples
from tests.net.helpers import hosted, session

WAIT = 10.0  # seconds any answer may take on a loaded machine; never waited when all is well


def url(host: HostedGame) -> str:
    return f"ws://127.0.0.1:{host.server.port}"


def dial(host: HostedGame, **kwargs: Any) -> ClientConnection:
    return connect(
        url(host), open_timeout=WAIT, max_size=None, compression=None, legacy=True, **kwargs
    )


def receive(ws: ClientConnection) -> dict[str, Any]:
    data = json.loads(ws.recv(WAIT))
    assert isinstance(data, dict)
    return data


def until(ws: ClientConnection, kind: str) -> dict[str, Any]:
    while (frame := receive(ws))["type"] != kind:
        pass
    return frame


def closed(ws: ClientConnection) -> bool:
    """True when the host closes the connection (after whatever it still had to say)."""
    try:
        while True:
            ws.recv(WAIT)
    except ConnectionClosed:
        return True
    except TimeoutError:
        return False


def still_playable(host: HostedGame) -> None:
    """A well-behaved spectator still joins and is welcomed."""
    with dial(host) as ws:
        ws.send(client_frame(Join(None)))
        assert receive(ws)["type"] == "welcome"


@pytest.fixture(scope="module")
def game() -> Any:
    with hosted(session(), limits=Limits(burst=20, frames_per_second=5, flood_strikes=30)) as host:
        yield host


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("{not json", "bad-json"),
        (b"\x89PNG\r\n", "binary"),
        ('{"type": "launch-missiles"}', "unknown-type"),
        ('{"type": "act", "action": "us pass"}', "not-joined"),
        ('{"type": "join", "protocol": 2, "seat": "atlantis", "pin": null}', "unknown-seat"),
    ],
)
def test_a_bad_frame_gets_an_error_frame_and_the_connection_stays(
    game: HostedGame, frame: str | bytes, code: str
) -> None:
    with dial(game) as ws:
        ws.send(frame)
        error = receive(ws)
        assert error["type"] == "error"
        assert error["code"] == code
        assert error["fatal"] is False
        ws.send(client_frame(Join(None)))
        assert receive(ws)["type"] == "welcome"


def test_another_protocol_version_is_refused_and_closed(game: HostedGame) -> None:
    with dial(game) as ws:
        ws.send(json.dumps({"type": "join", "protocol": 99, "seat": "us", "pin": None}))
        error = receive(ws)
        assert (error["code"], error["fatal"]) == ("protocol", True)
        assert closed(ws)
    still_playable(game)


def test_a_frame_over_the_size_limit_closes_the_connection(game: HostedGame) -> None:
    with dial(game) as ws:
        ws.send("x" * (MAX_CLIENT_FRAME + 1))
        assert closed(ws)
        assert ws.close_code == 1009  # "message too big"
    still_playable(game)


@pytest.mark.slow  # sends until the rate limit closes it
def test_a_flood_is_rate_limited_then_closed(game: HostedGame) -> None:
    with dial(game) as ws:
        ws.send(client_frame(Join(None)))
        assert receive(ws)["type"] == "welcome"
        for _ in range(200):
            try:
                ws.send('{"type": "undo"}')
            except ConnectionClosed:
                break
        codes = []
        try:
            while True:
                frame = receive(ws)
                if frame["type"] == "error":
                    codes.append(frame["code"])
        except (ConnectionClosed, TimeoutError):
            pass
        assert "rate-limit" in codes
        assert codes[-1] == "flood"
    still_playable(game)


@pytest.mark.slow  # fills a real socket until the host cuts the reader off
def test_a_client_that_never_reads_is_cut_off_and_the_game_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="game.net")
    game = session()
    with hosted(game, limits=Limits(outbox=8, send_buffer=4096, write_limit=1024)) as host:
        # A spectator whose socket takes almost nothing and who never reads.
        raw = socket.create_connection(("127.0.0.1", host.server.port))
        raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
        slow = connect(
            url(host), sock=raw, open_timeout=WAIT, max_size=None, max_queue=1, legacy=True
        )
        slow.send(client_frame(Join(None)))
        players = {}
        for actor in ("us", "russia"):
            players[actor] = dial(host)
            players[actor].send(client_frame(Join(actor, None)))
            assert receive(players[actor])["type"] == "welcome"
        # The laptops pass until the game is over; the slow spectator must not hold them up.
        deadline = time.monotonic() + 60
        over = False
        while not over and time.monotonic() < deadline:
            for actor, ws in players.items():
                ws.send(json.dumps({"type": "act", "action": f"{actor} pass"}))
            for ws in players.values():
                try:
                    while True:
                        frame = json.loads(ws.recv(0.05))
                        over = over or frame["type"] == "over"
                except TimeoutError:
                    pass
        assert over
        assert game.is_over
        assert any("not reading; cut off" in r.getMessage() for r in caplog.records)
        slow.close_socket()
        for ws in players.values():
            ws.close()


def test_fuzzed_frames_never_break_the_host(game: HostedGame) -> None:
    frames = st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300),
        st.builds(json.dumps, st.dictionaries(st.text(max_size=10), st.text(max_size=10))),
        st.builds(
            lambda kind, extra: json.dumps({"type": kind, **extra}),
            st.sampled_from(["join", "act", "undo", "over", "welcome"]),
            st.dictionaries(
                st.sampled_from(["protocol", "seat", "pin", "action", "spectate"]),
                st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=30)),
            ),
        ),
        st.builds(lambda n: client_frame(Join("us", "1"))[:n], st.integers(0, 50)),
    )

    @settings(max_examples=examples(40), deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(frames, min_size=1, max_size=3))
    def poke(batch: list[str | bytes]) -> None:
        with dial(game) as ws:
            # Closing on a hostile frame is one of the allowed answers; the close may
            # arrive before a later frame of the batch is sent (a race on a slow machine).
            try:
                for frame in batch:
                    ws.send(frame)
                answer = json.loads(ws.recv(WAIT))
            except ConnectionClosed:
                return
            assert answer["type"] in {"error", "welcome", "refused", "roster", "your-move"}

    poke()
    still_playable(game)
    assert game.server._thread is not None
    assert game.server._thread.is_alive()


def test_a_seat_with_a_pin_is_joined_through_the_hosts_pin_thread() -> None:
    """On a real host the PIN is checked off the main loop; the join waits for it."""
    game = session()
    game.pins["us"] = PinHash.make("1234")
    with hosted(game) as host, dial(host) as ws:
        ws.send(client_frame(Join("us", "0000")))
        assert receive(ws)["code"] == "wrong-pin"
        ws.send(client_frame(Join("us", "1234")))
        assert receive(ws)["type"] == "welcome"
