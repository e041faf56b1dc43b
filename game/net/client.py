"""A laptop's connection to a host: join, then frames in on a queue and actions out.

The socket is read by a background thread (websockets' threaded client), which
puts each frame from the host on ``frames`` as a parsed JSON object and, when
the connection ends, a ``Closed`` saying why.  The caller's thread (the pygame
loop, or the terminal loop) takes frames from the queue and sends with
``send``; it never waits on the network except where it asks to.
"""

from __future__ import annotations

import contextlib
import json
import queue
import threading
from dataclasses import dataclass
from typing import Any

from websockets.exceptions import ConnectionClosed, InvalidURI, WebSocketException
from websockets.sync.client import ClientConnection, connect

from game.errors import UserError
from game.net import invite
from game.net.protocol import MAX_HOST_FRAME, PASSING, ClientFrame, Join, client_frame

OPEN_TIMEOUT = 10.0  # seconds to reach the host and get its welcome


class NetError(UserError):
    """The host cannot be reached, refused us, or spoke nonsense: one clean message."""


class RefusedError(NetError):
    """The host answered, and said no (a wrong PIN, a taken seat, another version);
    ``code`` is the error frame's code."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code

    @property
    def final(self) -> bool:
        """Whether asking again the same way will be refused again: not so for a seat
        still held by this laptop's own connection the host has not yet seen drop."""
        return self.code not in PASSING


@dataclass(frozen=True, slots=True)
class Closed:
    """The connection ended; ``reason`` says why in a player's words."""

    reason: str


Incoming = dict[str, Any] | Closed


def check_url(url: str) -> str:
    """``ws://ADDRESS:PORT`` as typed (a bare ``ADDRESS:PORT`` gets the ``ws://``; a join
    code is decoded)."""
    url = url.strip()
    if invite.is_code(url):
        try:
            return invite.address_of(url)
        except invite.CodeError as exc:
            raise NetError(str(exc)) from None
    if "://" not in url:
        url = f"ws://{url}"
    if not url.startswith("ws://"):
        raise NetError(f"{url!r}: a host's address looks like ws://ADDRESS:PORT")
    return url


class Connection:
    """One client connection: ``open`` joins and returns the welcome; frames arrive after it."""

    def __init__(self, url: str, join: Join) -> None:
        self.url = check_url(url)
        self.join = join
        self.frames: queue.Queue[Incoming] = queue.Queue()
        self._ws: ClientConnection | None = None
        self._reader: threading.Thread | None = None

    def open(self, timeout: float = OPEN_TIMEOUT) -> dict[str, Any]:
        """Connect and join; the host's ``welcome``.  ``NetError`` says why not."""
        try:
            self._ws = connect(
                self.url,
                open_timeout=timeout,
                max_size=MAX_HOST_FRAME,
                compression=None,
                close_timeout=2,
                legacy=True,  # a long-lived connection object, read by a thread of its own
            )
        except InvalidURI:
            raise NetError(f"{self.url!r} is not an address (ws://ADDRESS:PORT)") from None
        except (OSError, TimeoutError, WebSocketException) as exc:
            raise NetError(f"cannot reach the host at {self.url}: {_why(exc)}") from None
        try:
            self._ws.send(client_frame(self.join))
            first = self._receive(timeout)
        except ConnectionClosed as exc:
            self.close()
            raise NetError(f"the host closed the connection: {_why(exc)}") from None
        except NetError:
            self.close()  # a host that spoke nonsense (or none): the socket is not kept open
            raise
        if first.get("type") == "error":
            self.close()
            message = first.get("message", "no reason given")
            raise RefusedError(f"the host refused: {message}", str(first.get("code", "")))
        if first.get("type") != "welcome":
            self.close()
            raise NetError(f"the host at {self.url} did not welcome us: is it a Red Lines host?")
        self._reader = threading.Thread(target=self._read, name="redlines-client", daemon=True)
        self._reader.start()
        return first

    def send(self, frame: ClientFrame) -> None:
        """Send a frame; a dropped connection shows up as ``Closed`` on ``frames``."""
        if self._ws is None:
            return
        with contextlib.suppress(ConnectionClosed, OSError):  # the reader reports the close
            self._ws.send(client_frame(frame))

    def close(self) -> None:
        if self._ws is not None:
            self._ws.close()

    def _receive(self, timeout: float) -> dict[str, Any]:
        assert self._ws is not None
        try:
            return _parse(self._ws.recv(timeout))
        except TimeoutError:
            self.close()
            raise NetError(f"the host at {self.url} did not answer") from None
        except ConnectionClosed as exc:
            raise NetError(f"the host closed the connection: {_why(exc)}") from None

    def _read(self) -> None:
        assert self._ws is not None
        try:
            for message in self._ws:
                self.frames.put(_parse(message))
        except ConnectionClosed as exc:
            self.frames.put(Closed(_why(exc)))
            return
        except NetError as exc:
            self.frames.put(Closed(str(exc)))
            self._ws.close()
            return
        self.frames.put(Closed("the host closed the connection"))


def _parse(message: str | bytes) -> dict[str, Any]:
    if isinstance(message, bytes):
        raise NetError("the host sent a binary frame; is it a Red Lines host?")
    try:
        data = json.loads(message)
    except (ValueError, RecursionError):  # RecursionError: nested too deep to read
        raise NetError("the host sent a frame that is not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise NetError("the host sent a frame without a type")
    return data


def _why(exc: BaseException) -> str:
    if isinstance(exc, ConnectionClosed):
        frame = exc.rcvd
        if frame is not None and frame.reason:
            return frame.reason
        return "the connection was lost"
    return str(exc) or type(exc).__name__
