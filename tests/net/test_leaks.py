"""What the network code opens is closed again when something fails halfway (review 15)."""

from __future__ import annotations

import sys
import types
from typing import Any, ClassVar

import pytest

import game.net.client as client_module
from game.net import discovery
from game.net.client import Connection, NetError
from game.net.hosting import HostedGame
from game.net.protocol import Join
from tests.net.helpers import session


class FakeZeroconf:
    made: ClassVar[list[FakeZeroconf]] = []

    def __init__(self, **_: Any) -> None:
        self.closed = False
        FakeZeroconf.made.append(self)

    def register_service(self, *_: Any, **__: Any) -> None:
        raise OSError("the network says no")

    def close(self) -> None:
        self.closed = True


def test_an_announcement_the_network_refuses_closes_its_zeroconf(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = types.ModuleType("zeroconf")
    fake.Zeroconf = FakeZeroconf  # type: ignore[attr-defined]
    fake.ServiceInfo = lambda *_, **__: object()  # type: ignore[attr-defined]
    fake.IPVersion = types.SimpleNamespace(V4Only=4)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "zeroconf", fake)
    FakeZeroconf.made.clear()
    assert discovery.announce("class", "127.0.0.1", 8765, "geneva-2022") is None
    assert [zc.closed for zc in FakeZeroconf.made] == [True]


class BrokenAnnouncement:
    def close(self) -> None:
        raise OSError("mDNS went away")


def test_the_host_stops_listening_even_if_withdrawing_its_announcement_fails() -> None:
    hosted = HostedGame(session(), {"us", "russia"}, bind="127.0.0.1", port=0)
    hosted.start()
    hosted._announcement = BrokenAnnouncement()  # type: ignore[assignment]
    hosted.stop()
    assert hosted.server._thread is not None
    assert not hosted.server._thread.is_alive()
    assert hosted.pins._pool._shutdown


def test_a_host_that_fails_once_listening_stops_listening(monkeypatch: pytest.MonkeyPatch) -> None:
    hosted = HostedGame(session(), {"us", "russia"}, bind="127.0.0.1", port=0)

    def broken(_now: float) -> None:
        raise RuntimeError("a computer seat failed")

    monkeypatch.setattr(hosted.host, "advance", broken)
    with pytest.raises(RuntimeError):
        hosted.start()
    assert hosted.server._thread is not None
    assert not hosted.server._thread.is_alive()


class FakeSocket:
    """A websocket whose host answers the join with ``first``."""

    def __init__(self, first: str | bytes) -> None:
        self.first = first
        self.closed = False

    def send(self, _text: str) -> None:
        pass

    def recv(self, _timeout: float) -> str | bytes:
        return self.first

    def close(self) -> None:
        self.closed = True


@pytest.mark.parametrize("first", ["not json", b"\x00binary", '{"no": "type"}', '{"type": "x"}'])
def test_a_host_whose_first_frame_is_nonsense_leaves_no_socket_open(
    monkeypatch: pytest.MonkeyPatch, first: str | bytes
) -> None:
    ws = FakeSocket(first)
    monkeypatch.setattr(client_module, "connect", lambda *_, **__: ws)
    with pytest.raises(NetError):
        Connection("ws://127.0.0.1:9", Join("us")).open()
    assert ws.closed
