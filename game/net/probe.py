"""A look at a host's game before joining it: its title and the seats a laptop may take.

The join screen shows the seats to choose from before a laptop joins one, so it
joins as a spectator for a moment, reads the welcome and the roster after it
(who is connected), and leaves.  Blocking: the window calls it off its thread.
"""

from __future__ import annotations

import queue
import time
from dataclasses import dataclass

from game.net.client import Closed, Connection, NetError
from game.net.mirror import HostFrameError, Mirror
from game.net.protocol import Join

ROSTER_WAIT = 1.0  # seconds a look at a host waits for who is connected (then: nobody known)


@dataclass(frozen=True, slots=True)
class SeatOffer:
    """A seat a laptop may take: a delegation played from a laptop, and whether one has it."""

    actor: str
    name: str
    taken: bool


@dataclass(frozen=True, slots=True)
class Probe:
    """What a host offers: its address, its game's title, its laptop seats."""

    url: str
    title: str
    seats: tuple[SeatOffer, ...]
    over: bool


def probe(address: str) -> Probe:
    """Look at a host's game as a spectator for a moment (``NetError`` says why not)."""
    connection = Connection(address, Join(None))
    welcome = connection.open()
    try:
        mirror = Mirror.from_welcome(welcome)
        _read_roster(connection, mirror)
    except HostFrameError as exc:
        raise NetError(str(exc)) from None
    finally:
        connection.close()
    names = {a.id: a.name for a in mirror.table.actors}
    offers = tuple(
        SeatOffer(actor, names.get(actor, actor), taken=mirror.connected.get(actor, False))
        for actor, kind in mirror.kinds.items()
        if kind == "remote"
    )
    return Probe(connection.url, mirror.table.title, offers, mirror.table.over)


def _read_roster(connection: Connection, mirror: Mirror) -> None:
    """Who is connected comes in the roster just after the welcome (up to a second)."""
    deadline = time.monotonic() + ROSTER_WAIT
    while (left := deadline - time.monotonic()) > 0:
        try:
            frame = connection.frames.get(timeout=left)
        except queue.Empty:
            return
        if isinstance(frame, Closed):
            return
        if mirror.apply(frame).kind == "roster":
            return
