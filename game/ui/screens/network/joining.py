"""What a laptop does to join: join a host's seat, and the screens that follow.

Each step that waits on the network runs as a ``Task`` off the window's
thread.  Nothing here draws: ``connect`` joins (``game.net.probe`` reads which
seats a host offers first), and ``laptop_scene`` is the first screen of a
joined game (the briefing, the table, or the debrief of a game already over).
"""

from __future__ import annotations

from collections.abc import Callable

from game.export.model import Debrief
from game.net.codec import CodecError, decode
from game.net.protocol import Join
from game.net.remote_game import RemoteGame
from game.ui.kit.context import Context
from game.ui.kit.scene import Replace, Scene, Transition
from game.ui.screens.common import GameSetup

OVER_WAIT = 2.0  # seconds the debrief waits for the host's 'over' frame after the last move


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
