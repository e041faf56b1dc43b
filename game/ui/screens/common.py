"""Names, colours and phrases the game screens share, all read from the scenario's public view.

Nothing here knows a scenario: actor names, adjectives and colours come from
the data; the colour-blind setting swaps scenario colours for the theme's
colour-blind series (and every colour is always labelled with text too).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pygame

from game.engine import PublicView
from game.engine.model import Issue, Round, Scenario
from game.scenario.prose import paragraphs
from game.session.controller import GameController
from game.session.facilitator import PinHash
from game.session.local import LocalGame
from game.session.seats import Seat, SeatKind
from game.session.session import Session
from game.ui.kit.theme import COLOUR_BLIND_PALETTE, Theme


class GameSetup:
    """A game in progress as the screens share it.

    The screens of play read and change it only through ``game``, its controller
    (``game.session.controller``): by default ``local``, the game on this machine,
    whose ``session`` the seats screen starts, the debrief exports and a live
    reload replaces.  Anything else that implements the protocol can stand in.
    """

    def __init__(self, session: Session, game: GameController | None = None) -> None:
        self.local = LocalGame(session)
        self.game: GameController = game if game is not None else self.local

    @property
    def session(self) -> Session:
        return self.local.session

    @property
    def pins(self) -> dict[str, PinHash]:
        """The hot-seat delegations' PINs, hashed; kept in the session so a save keeps them."""
        return self.session.pins

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
    return "\n\n".join(paragraphs(text))


_TERM = re.compile(r"\b([a-z0-9][a-z0-9-]*)=([a-z0-9][a-z0-9-]*)\b")


def humanize(text: str, issues: Sequence[Issue]) -> str:
    """An AI rationale as a person reads it: ``issue=option`` ids become the option's label."""

    def label(match: re.Match[str]) -> str:
        issue = issue_of(issues, match.group(1))
        if issue is None:
            return match.group(0)
        return next((o.label for o in issue.options if o.id == match.group(2)), match.group(0))

    return _TERM.sub(label, text)


def short_name(pv: PublicView | Scenario, actor: str) -> str:
    """The actor's short name, as the scenario gives it (its id if unknown)."""
    for a in pv.actors:
        if a.id == actor:
            return a.short_name or a.name
    return actor


def adjective(pv: PublicView | Scenario, actor: str) -> str:
    """The actor's adjective, for "Pass the laptop to the <adjective> delegation"."""
    for a in pv.actors:
        if a.id == actor:
            return a.adjective or a.short_name or a.name
    return actor


def delegate_name(pv: PublicView | Scenario, actor: str) -> str:
    """The head of delegation's name, without the title after the first comma."""
    for a in pv.actors:
        if a.id == actor:
            return a.delegate.split(",")[0].split("(")[0].strip() or a.name
    return actor


def seat_text(seat: Seat) -> str:
    """How a seat is shown: ``Human``, ``AI · hard``, ``Random``."""
    if seat.kind is SeatKind.AI:
        return f"AI · {seat.difficulty}"
    return str(seat.kind).title()


def issue_of(issues: Sequence[Issue], issue_id: str) -> Issue | None:
    """The issue with this id, if any."""
    return next((i for i in issues if i.id == issue_id), None)


def option_label(issues: Sequence[Issue], issue_id: str, option_id: str) -> str:
    """An option's label (its id if unknown)."""
    issue = issue_of(issues, issue_id)
    if issue is None:
        return option_id
    return next((o.label for o in issue.options if o.id == option_id), option_id)


def issue_name(issues: Sequence[Issue], issue_id: str) -> str:
    """An issue's name (its id if unknown)."""
    issue = issue_of(issues, issue_id)
    return issue.name if issue is not None else issue_id


def term_lines(issues: Sequence[Issue], terms: Iterable[tuple[str, str]]) -> list[str]:
    """``Issue: Option`` for each term of a package."""
    return [f"{issue_name(issues, i)}: {option_label(issues, i, o)}" for i, o in terms]


def names_list(pv: PublicView | Scenario, actors: Iterable[str]) -> str:
    """Short names joined with commas (or ``nobody``)."""
    listed = [short_name(pv, a) for a in actors]
    return ", ".join(listed) if listed else "nobody"
