"""Names, colours and phrases the game screens share, all read from the scenario's public view.

Nothing here knows a scenario: actor names, adjectives and colours come from
the data; the colour-blind setting swaps scenario colours for the theme's
colour-blind series (and every colour is always labelled with text too).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

import pygame

from game.engine import PublicView, words
from game.engine.model import Round, Scenario
from game.export.debrief import build_debrief
from game.export.model import Debrief
from game.session.controller import GameController
from game.session.local import LocalGame
from game.session.lockout import PinLockout
from game.session.pins import PinHash
from game.session.seats import Seat, SeatKind
from game.session.session import Session
from game.ui.kit.theme import COLOUR_BLIND_PALETTE, Theme


class GameSetup:
    """A game in progress as the screens share it.

    The screens of play read and change it only through ``game``, its controller
    (``game.session.controller``): by default ``local``, the game on this machine,
    whose ``session`` the seats screen starts, the debrief exports and a live
    reload replaces.  Anything else that implements the protocol can stand in:
    a laptop's game hosted elsewhere has no session here (``session`` None), and
    its ``reveal`` gives the debrief the host sent at the end.
    """

    def __init__(
        self,
        session: Session | None,
        game: GameController | None = None,
        *,
        local: LocalGame | None = None,
        reveal: Callable[[], Debrief | None] | None = None,
    ) -> None:
        if local is None and session is not None:
            local = LocalGame(session)
        self.local = local
        if game is None:
            if local is None:
                raise ValueError("a game needs a session or a controller")
            game = local
        self.game: GameController = game
        self.reveal = reveal
        self.now: Callable[[], float] = time.monotonic  # the hand-over lockouts' clock
        # Wrong tries at each delegation's hand-over PIN, kept from one hand-over to the next.
        self.lockouts: dict[str, PinLockout] = {}

    def lockout(self, actor: str) -> PinLockout:
        """The wrong tries at ``actor``'s hand-over PIN (its clock is ``now``, read late)."""
        found = self.lockouts.get(actor)
        if found is None:
            found = self.lockouts[actor] = PinLockout(now=self._clock)
        return found

    def _clock(self) -> float:
        return self.now()

    @property
    def session(self) -> Session | None:
        """The game's session when it is played (or hosted) on this machine."""
        return self.local.session if self.local is not None else None

    @property
    def pins(self) -> dict[str, PinHash]:
        """The hot-seat delegations' PINs, hashed; kept in the session so a save keeps them."""
        session = self.session
        return session.pins if session is not None else {}

    def debrief(self) -> Debrief | None:
        """Everything the debrief shows: built from the session here, or the host's."""
        if self.reveal is not None:
            return self.reveal()
        session = self.session
        return build_debrief(session) if session is not None else None

    @property
    def humans(self) -> list[str]:
        """Human delegations, in the scenario's order."""
        return [a for a, seat in self.game.seats().items() if seat.is_human]

    @property
    def hot_seat(self) -> bool:
        """Whether two or more delegations share the screen (hand-overs needed)."""
        return len(self.humans) > 1


def actor_colour(theme: Theme, scenario: Scenario | PublicView, actor: str) -> pygame.Color:
    """An actor's colour: the scenario's, or the colour-blind series in that palette."""
    ids = [a.id for a in scenario.actors]
    if actor not in ids:
        return theme.color("text_dim")
    if theme.palette == COLOUR_BLIND_PALETTE:
        # Every other colour of the series: neighbours in it (orange, vermilion) look alike.
        return theme.series(2 * ids.index(actor))
    colour = next(a.colour for a in scenario.actors if a.id == actor)
    try:
        return pygame.Color(colour)
    except ValueError:
        return theme.series(ids.index(actor))


def current_round(pv: PublicView) -> Round:
    """The round being played (the last one once the game is over)."""
    return pv.rounds[min(pv.round_number, len(pv.rounds)) - 1]


def prose(text: str) -> str:
    """Text as it reads on screen: paragraphs and list items kept, wrapped lines joined."""
    return "\n\n".join(words.paragraphs(text))


def short_name(pv: PublicView | Scenario, actor: str) -> str:
    """The actor's short name, as the scenario gives it (its id if unknown)."""
    return words.short_name(pv, actor)


def adjective(pv: PublicView | Scenario, actor: str) -> str:
    """The actor's adjective, for "Pass the laptop to the <adjective> delegation"."""
    return words.adjective(pv, actor)


def delegate_name(pv: PublicView | Scenario, actor: str) -> str:
    """The head of delegation's name, without the title after the first comma."""
    return words.delegate_name(pv, actor)


def seat_text(seat: Seat) -> str:
    """How a seat is shown: ``Human``, ``AI · hard``, ``Random``."""
    if seat.kind is SeatKind.AI:
        return f"AI · {seat.difficulty}"
    return str(seat.kind).title()


def names_list(pv: PublicView | Scenario, actors: Iterable[str]) -> str:
    """Short names joined with commas (or ``nobody``)."""
    return words.names(pv, actors, empty="nobody")
