"""The host's websockets server, in a background thread, talking to the main loop by queues.

The main thread (the pygame loop, or the headless loop) owns the game; this
thread owns the sockets.  What arrives is checked here (size, JSON, type, rate)
and put on ``inbox`` as ``Connected``/``Received``/``Gone``; what the host sends
is queued per connection with ``send``, which never blocks.  A client that
stops reading fills its bounded outbox and is cut off, so one slow laptop never
holds up the others.  Nothing here touches pygame or the session.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import queue
import socket
import threading
import time
from dataclasses import dataclass

from websockets.asyncio.server import Server as WsServer
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from game.errors import UserError
from game.net.host import Connected, Gone, NetEvent, Received
from game.net.protocol import (
    FATAL,
    MAX_CLIENT_FRAME,
    FrameError,
    error_frame,
    parse_client_frame,
)

log = logging.getLogger("game.net")


@dataclass(frozen=True, slots=True)
class Limits:
    """What one connection may do; the defaults suit a classroom, tests pass smaller ones."""

    frames_per_second: float = 10.0  # sustained; a person types far slower
    burst: int = 30  # frames allowed at once before the rate applies
    flood_strikes: int = 50  # frames over the rate before the connection is closed
    outbox: int = 512  # frames queued for a client before it counts as not reading
    max_frame: int = MAX_CLIENT_FRAME
    send_buffer: int | None = None  # the socket's send buffer in bytes (None: the system's)
    write_limit: int = 64 * 1024  # bytes buffered per connection before a send waits


class _Bucket:
    """A token bucket: ``take`` is True while the client keeps to the rate."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, float(burst)
        self.tokens = float(burst)
        self.at = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


class _Link:
    """One connection as the server thread keeps it: the socket and its outbox."""

    def __init__(self, ws: ServerConnection, size: int) -> None:
        self.ws = ws
        self.outbox: asyncio.Queue[str | None] = asyncio.Queue(size)
        self.closing = False


class Server:
    """``start`` listens (port 0: any free one), ``send``/``close`` queue, ``stop`` ends it all."""

    def __init__(
        self,
        inbox: queue.Queue[NetEvent],
        *,
        bind: str = "0.0.0.0",
        port: int = 8765,
        limits: Limits | None = None,
    ) -> None:
        self.inbox = inbox
        self.bind = bind
        self.port = port
        self.limits = limits or Limits()
        self._ids = itertools.count(1)
        self._links: dict[int, _Link] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: WsServer | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._failure: BaseException | None = None
        self._stopped: asyncio.Event | None = None

    # --- the main thread's side ---------------------------------------------------------

    def start(self) -> int:
        """Listen in a background thread; the port listened on.  ``UserError`` if it cannot."""
        self._thread = threading.Thread(target=self._run, name="redlines-host", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._failure is not None:
            raise UserError(f"cannot listen on {self.bind}:{self.port}: {self._failure}")
        return self.port

    def send(self, conn: int, text: str) -> None:
        self._call(self._enqueue, conn, text)

    def send_many(self, conns: list[int], text: str) -> None:
        self._call(self._enqueue_many, conns, text)

    def close(self, conn: int, reason: str) -> None:
        self._call(self._close, conn, reason)

    def stop(self, timeout: float = 5.0) -> None:
        """Close every connection (after what is queued for it) and stop listening."""
        if self._loop is not None and self._stopped is not None:
            with contextlib.suppress(RuntimeError):  # the loop already ended
                self._loop.call_soon_threadsafe(self._stopped.set)
        if self._thread is not None:
            self._thread.join(timeout)

    def _call(self, fn: object, *args: object) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # shutting down: nobody to tell
            loop.call_soon_threadsafe(fn, *args)  # type: ignore[arg-type]

    # --- the server thread ------------------------------------------------------------------

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # reported to start(), which the main thread waits on
            self._failure = exc
            self._ready.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopped = asyncio.Event()
        async with serve(
            self._connection,
            self.bind,
            self.port,
            max_size=self.limits.max_frame,
            max_queue=4,
            write_limit=self.limits.write_limit,
            compression=None,  # a classroom LAN has the bandwidth; deflate costs CPU per client
        ) as server:
            self._server = server
            self.port = server.sockets[0].getsockname()[1] if server.sockets else self.port
            self._ready.set()
            await self._stopped.wait()
            # Each client gets what is queued for it (the ``over`` frame), then a close.
            for conn in list(self._links):
                self._close(conn, "the host is stopping")
            deadline = time.monotonic() + 3.0
            while self._links and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
            server.close(close_connections=True)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(server.wait_closed(), 2)

    async def _connection(self, ws: ServerConnection) -> None:
        conn = next(self._ids)
        link = self._links[conn] = _Link(ws, self.limits.outbox)
        if self.limits.send_buffer is not None:
            sock = ws.transport.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, self.limits.send_buffer)
        peer = ws.remote_address[0] if ws.remote_address else "?"
        self.inbox.put(Connected(conn, str(peer)))
        writer = asyncio.create_task(self._write(link))
        try:
            await self._read(conn, link)
            if link.closing:  # the host closed it: the frame saying why goes out first
                with contextlib.suppress(TimeoutError, ConnectionClosed):
                    await asyncio.wait_for(asyncio.shield(writer), 5)
        except ConnectionClosed:
            pass
        finally:
            self._links.pop(conn, None)
            self.inbox.put(Gone(conn))
            writer.cancel()

    async def _read(self, conn: int, link: _Link) -> None:
        bucket = _Bucket(self.limits.frames_per_second, self.limits.burst)
        strikes = 0
        async for message in link.ws:
            if not bucket.take():
                strikes += 1
                if strikes >= self.limits.flood_strikes:
                    log.warning("connection %d: flooding; closed", conn)
                    self._enqueue(conn, error_frame("flood", "too many frames; disconnected"))
                    self._close(conn, "flood")
                    return
                if strikes == 1 or strikes % 10 == 0:
                    self._enqueue(conn, error_frame("rate-limit", "slow down: frame dropped"))
                continue
            try:
                frame = parse_client_frame(message)
            except FrameError as exc:
                log.warning("connection %d: %s: %s", conn, exc.code, exc)
                self._enqueue(conn, error_frame(exc.code, str(exc)))
                if exc.code in FATAL:  # another version: nothing it says can be understood
                    self._close(conn, exc.code)
                    return
                continue
            self.inbox.put(Received(conn, frame))

    async def _write(self, link: _Link) -> None:
        try:
            while (text := await link.outbox.get()) is not None:
                await link.ws.send(text)
            await link.ws.close(1000, "closed by the host")
        except ConnectionClosed:
            pass

    def _enqueue(self, conn: int, text: str) -> None:
        link = self._links.get(conn)
        if link is None or link.closing:
            return
        try:
            link.outbox.put_nowait(text)
        except asyncio.QueueFull:
            # It has stopped reading: cut it off rather than hold anything for it.
            log.warning("connection %d: not reading; cut off", conn)
            link.closing = True
            link.ws.transport.abort()

    def _enqueue_many(self, conns: list[int], text: str) -> None:
        for conn in conns:
            self._enqueue(conn, text)

    def _close(self, conn: int, reason: str) -> None:
        link = self._links.get(conn)
        if link is None or link.closing:
            return
        link.closing = True
        log.info("connection %d: closing: %s", conn, reason)
        try:
            link.outbox.put_nowait(None)  # after what is queued (the error frame saying why)
        except asyncio.QueueFull:
            link.ws.transport.abort()
