"""Hosting from the window: the seats screen with laptops among the kinds, then the host's screen.

The teacher chooses the scenario (the picker), then for each delegation a
laptop that joins over the network (``remote``), a person at this screen, or an
AI delegate, with a PIN per delegation and the console's; Start listens on the
network and opens the host's screen.  ``redlines host`` without ``--headless``
opens the host's screen at once, with the seats of its command line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import ClassVar

from game.errors import UserError
from game.export.debrief import build_debrief
from game.net.hosting import REMOTE, HostedGame
from game.net.protocol import DEFAULT_PORT
from game.scenario import LoadedScenario
from game.session.seats import Seat
from game.session.session import Session
from game.ui.kit.context import Context
from game.ui.kit.scene import Replace, Scene, Transition
from game.ui.screens.classroom import classroom_of
from game.ui.screens.network.hosting import HostScene
from game.ui.screens.seats import SEAT_CHOICES, SeatsScene


@dataclass(frozen=True, slots=True)
class HostOptions:
    """Where the host listens, and whether it announces itself (zeroconf)."""

    bind: str = "0.0.0.0"
    port: int = DEFAULT_PORT
    announce: bool = True


def start_hosting(
    ctx: Context, session: Session, remote: set[str], options: HostOptions
) -> HostScene:
    """Listen for the laptops and open the host's screen (``UserError``: cannot listen)."""
    room = classroom_of(ctx)
    hosted = HostedGame(
        session,
        remote,
        bind=options.bind,
        port=options.port,
        turn_seconds=room.turn_seconds,
        reveal=build_debrief,  # the laptops' windows show the whole debrief
    )
    hosted.start(announce=options.announce and not hosted.loopback)
    return HostScene(ctx, hosted)


class HostSeatsScene(SeatsScene):
    """The seats screen of a hosted game: a laptop is one more kind of seat."""

    title = "Seats for a classroom game"
    CHOICES: ClassVar[tuple[tuple[object, str], ...]] = (
        (REMOTE, "A laptop (joins over the network)"),
        *SEAT_CHOICES,
    )

    def __init__(
        self,
        ctx: Context,
        loaded: LoadedScenario,
        *,
        seats: Mapping[str, Seat] | None = None,
        seed: int | None = None,
        then: Callable[[Scene], Transition] = Replace,
        options: HostOptions | None = None,
    ) -> None:
        self.options = options or HostOptions()
        self.named = seats is not None  # seats from the command line: keep those
        super().__init__(ctx, loaded, seats=seats, seed=seed, then=then)

    def intro_text(self) -> str:
        return (
            "Host this game on the classroom network: choose for each delegation a laptop that "
            "joins it, a person at this screen, or an AI delegate. A PIN keeps a seat for its "
            "delegation: its laptop joins (and rejoins after a drop) only with it."
        )

    def first_choice(self, actor: str, seat: Seat) -> object:
        del actor
        return seat if self.named else REMOTE  # a class with one laptop per delegation

    def takes_pin(self, value: object) -> bool:
        return value == REMOTE or super().takes_pin(value)

    def started(self, session: Session) -> Transition | None:
        remote = {actor for actor, *_ in self.rows if self.choice(actor) == REMOTE}
        try:
            scene = start_hosting(self.ctx, session, remote, self.options)
        except UserError as exc:
            self.error.text = str(exc)
            return None
        return self.then(scene)
