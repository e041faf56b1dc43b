"""What a laptop does to join: look at a host's seats, join one, and the screens that follow.

Each step waits on the network, so each runs as a ``Task`` off the window's
thread.  Nothing here draws: ``probe`` reads which seats a host offers (it
joins as a spectator for a moment), ``connect`` joins for real, and
``laptop_scene`` is the first screen of a joined game (the briefing, the
table, or the debrief of a game already over).
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable
from dataclasses import dataclass

from game.export.model import Debrief
from game.net.client import Closed, Connection, NetError
from game.net.codec import CodecError, decode
from game.net.mirror import HostFrameError, Mirror
from game.net.protocol import Join
from game.net.remote_game import RemoteGame
from game.ui.kit.context import Context
from game.ui.kit.scene import Replace, Scene, Transition
from game.ui.screens.common import GameSetup

ROSTER_WAIT = 1.0  # seconds a look at a host waits for who is connected (then: nobody known)
OVER_WAIT = 2.0  # seconds the debrief waits for the host's 'over' frame after the last move


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


def connect(address: str, seat: str | None, pin: str | None) -> RemoteGame:
    """Join ``address`` as ``seat`` (None: a spectator) with ``pin``."""
    return RemoteGame.join(address, Join(seat, pin or None))


class LaptopSetup(GameSetup):
    """A laptop's game: the one person at this screen plays its own seat (none: a spectator),
    so there is never a hand-over; the other people are at their own laptops."""

    def __init__(self, game: RemoteGame, reveal: Callable[[], Debrief | None]) -> None:
        super().__init__(None, game, reveal=reveal)
        self.seat = game.seat

    @property
    def humans(self) -> list[str]:
        return [self.seat] if self.seat is not None else []


def remote_setup(game: RemoteGame) -> GameSetup:
    """The screens' shared game for a laptop: no session here; the debrief is the host's."""

    def reveal() -> Debrief | None:
        data = game.debrief_data(wait=OVER_WAIT)
        if data is None:
            return None
        try:
            return decode(Debrief, data)
        except CodecError:
            return None  # a host of another version: the debrief shows what the table knows

    return LaptopSetup(game, reveal)


def laptop_scene(ctx: Context, game: RemoteGame) -> Scene:
    """The first screen of a joined game: the briefing, then the table (or the debrief)."""
    from game.ui.screens.briefing import BriefingScene
    from game.ui.screens.debrief import DebriefScene
    from game.ui.screens.network.laptop import LaptopTable

    setup = remote_setup(game)
    if game.is_over():
        return DebriefScene(ctx, setup)
    seat = game.seat

    def table() -> Transition:
        return Replace(LaptopTable(ctx, setup, game))

    if seat is None:
        return LaptopTable(ctx, setup, game)
    return BriefingScene(ctx, setup, seat, then=table)


Opener = Callable[[Context, RemoteGame], Scene]
