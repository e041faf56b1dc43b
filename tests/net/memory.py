"""A host and its laptops in one thread, connected in memory: the protocol without sockets.

``MemoryNet`` is the ``Transport`` of a real ``Host``; each ``MemoryConnection``
stands in for ``game.net.client.Connection`` (``open``, ``frames``, ``send``,
``close``), so ``RemoteGame`` and the terminal client run unchanged.  A frame a
laptop sends is handled by the host at once, and what the host answers is on
the laptop's queue before ``send`` returns: no thread, no socket, no waiting, so
these tests are as fast on a loaded machine as on an idle one.  PINs are checked
through a ``PinChecker`` that answers later, as the hosted game's thread does.
"""

from __future__ import annotations

import itertools
import json
import queue
from collections import deque
from typing import Any

from game.net.client import Closed, Incoming, NetError, RefusedError
from game.net.host import Connected, Gone, Host, NetEvent, PinChecked, Received
from game.net.protocol import ClientFrame, Join, client_frame, parse_client_frame
from game.session import PinHash, Session


class MemoryNet:
    """The host's side: delivers what the laptops send, queues what the host sends."""

    def __init__(self, session: Session, remote: tuple[str, ...], **host_options: Any) -> None:
        self._links: dict[int, MemoryConnection] = {}
        self._events: deque[NetEvent] = deque()
        self._busy = False
        self._ids = itertools.count(1)
        self.now = 0.0
        self.pin_checks = 0
        self.host = Host(session, remote, self, pin_checker=self, **host_options)
        self.host.advance(self.now)

    def connect(self, join: Join, peer: str = "10.0.0.9") -> MemoryConnection:
        return MemoryConnection(self, join, peer)

    # --- the Transport the host sends through ------------------------------------------

    def send(self, conn: int, text: str) -> None:
        link = self._links.get(conn)
        if link is not None:
            link.frames.put(json.loads(text))

    def send_many(self, conns: list[int], text: str) -> None:
        for conn in conns:
            self.send(conn, text)

    def close(self, conn: int, reason: str) -> None:
        link = self._links.pop(conn, None)
        if link is not None:
            link.frames.put(Closed(reason))
            self._events.append(Gone(conn))

    # --- the PinChecker: answers after the join, as a thread would ----------------------

    def check(self, conn: int, pin: PinHash, attempt: str) -> None:
        self.pin_checks += 1
        self._events.append(PinChecked(conn, pin.check(attempt)))

    # --- the wire -------------------------------------------------------------------------

    def open_link(self, link: MemoryConnection, peer: str) -> int:
        conn = next(self._ids)
        self._links[conn] = link
        self.deliver(Connected(conn, peer))
        return conn

    def deliver(self, event: NetEvent) -> None:
        """Hand ``event`` to the host, then whatever it caused, in order."""
        self._events.append(event)
        self._drain()

    def tick(self, seconds: float) -> None:
        """Let the host's clock run (a turn timer)."""
        self.now += seconds
        self.host.advance(self.now)
        self._drain()

    def _drain(self) -> None:
        if self._busy:
            return  # a call from inside the host: the loop below picks it up
        self._busy = True
        try:
            while self._events:
                self.host.handle(self._events.popleft(), self.now)
                self.host.advance(self.now)
        finally:
            self._busy = False


class MemoryConnection:
    """A laptop's end, shaped like ``game.net.client.Connection``."""

    def __init__(self, net: MemoryNet, join: Join, peer: str) -> None:
        self.url = "ws://in-memory:1"
        self.join = join
        self.frames: queue.Queue[Incoming] = queue.Queue()
        self._net = net
        self._peer = peer
        self._conn: int | None = None

    def open(self, timeout: float = 0.0) -> dict[str, Any]:  # noqa: ARG002 - Connection's shape
        self._conn = self._net.open_link(self, self._peer)
        self.send(self.join)
        first = self.frames.get_nowait()
        if isinstance(first, Closed):
            raise NetError(f"the host closed the connection: {first.reason}")
        if first.get("type") == "error":
            self.close()
            message = first.get("message", "no reason given")
            raise RefusedError(f"the host refused: {message}", str(first.get("code", "")))
        assert first["type"] == "welcome", first
        return first

    def send(self, frame: ClientFrame | str) -> None:
        if self._conn is None or self._conn not in self._net._links:
            return
        text = frame if isinstance(frame, str) else client_frame(frame)
        self._net.deliver(Received(self._conn, parse_client_frame(text)))

    def close(self) -> None:
        if self._conn is not None and self._net._links.pop(self._conn, None) is not None:
            self._net.deliver(Gone(self._conn))
