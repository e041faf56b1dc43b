"""Shared pieces of the network tests: a recording transport, a hosted game on loopback."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from game.net.hosting import HostedGame
from game.net.server import Limits
from game.scenario import LoadedScenario, load_scenario
from game.session import PinHash, Seat, SeatKind, Session

SEED = 7
REMOTE = ("us", "russia")  # two laptops; NATO is the computer's


@cache
def geneva() -> LoadedScenario:
    return load_scenario("geneva-2022")


def session(seed: int = SEED, *, ai: tuple[str, ...] = ("nato",)) -> Session:
    seats = {
        a.id: Seat(SeatKind.AI if a.id in ai else SeatKind.HUMAN)
        for a in geneva().scenario.playable
    }
    return Session(geneva(), seed, seats, autosave=False)


def quick_pin(pin: str) -> PinHash:
    """A PIN hashed with one round: the real count makes each check slow on purpose,
    which these tests of who may join (not of the hash) do not need."""
    salt = b"salt-for-tests!!"
    return PinHash(salt.hex(), hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, 1).hex(), 1)


@dataclass
class FakeTransport:
    """Records what the host sends to each connection and which it closes."""

    sent: dict[int, list[str]] = field(default_factory=dict)
    closed: dict[int, str] = field(default_factory=dict)

    def send(self, conn: int, text: str) -> None:
        self.sent.setdefault(conn, []).append(text)

    def send_many(self, conns: list[int], text: str) -> None:
        for conn in conns:
            self.send(conn, text)

    def close(self, conn: int, reason: str) -> None:
        self.closed[conn] = reason

    def frames(self, conn: int) -> list[dict[str, Any]]:
        return [json.loads(t) for t in self.sent.get(conn, [])]

    def types(self, conn: int) -> list[str]:
        return [f["type"] for f in self.frames(conn)]

    def last(self, conn: int) -> dict[str, Any]:
        return self.frames(conn)[-1]


@contextmanager
def hosted(
    game: Session, remote: tuple[str, ...] = REMOTE, *, limits: Limits | None = None
) -> Iterator[HostedGame]:
    """A game hosted on 127.0.0.1 (any free port), its main loop on a thread of its own."""
    host = HostedGame(game, set(remote), bind="127.0.0.1", port=0, limits=limits)
    host.start()
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            host.pump(0.05)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield host
    finally:
        stop.set()
        thread.join(10)
        host.stop()
