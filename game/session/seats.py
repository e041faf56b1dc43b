"""Who sits in each delegation's chair: a person, an AI delegate or a random player.

A seat spec is the short text a player types on the command line
(``a=human,b=ai:hard,c=random`` or ``all=random,a=human``); this module parses
it against a scenario's playable actors and formats it back.  ``agent:PATH`` seats an
outside program that speaks the JSON Lines protocol of ``docs/agents.md``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from game.ai.difficulty import Difficulty
from game.engine.model import Scenario
from game.errors import UserError

__all__ = [
    "ALL",
    "Difficulty",
    "Seat",
    "SeatKind",
    "SeatSpecError",
    "computer_seats",
    "format_seats",
    "parse_seat",
    "parse_seats",
]

ALL = "all"  # the spec key that sets every playable seat


class SeatKind(enum.StrEnum):
    HUMAN = "human"
    AI = "ai"
    RANDOM = "random"
    AGENT = "agent"  # an outside program: ``agent:PATH``


DEFAULT_AGENT_TIMEOUT = 5.0  # seconds an outside agent may take for one move


@dataclass(frozen=True, slots=True)
class Seat:
    """One delegation's chair; ``difficulty`` only matters for AI seats, ``path`` and
    ``timeout`` (seconds per move, not part of the spec) only for agent seats."""

    kind: SeatKind
    difficulty: Difficulty = Difficulty.NORMAL
    path: str = ""
    timeout: float = field(default=DEFAULT_AGENT_TIMEOUT, compare=False)

    @property
    def is_human(self) -> bool:
        return self.kind is SeatKind.HUMAN

    def __str__(self) -> str:
        if self.kind is SeatKind.AGENT:
            return f"{self.kind}:{self.path}"
        if self.kind is SeatKind.AI and self.difficulty is not Difficulty.NORMAL:
            return f"{self.kind}:{self.difficulty}"
        return str(self.kind)


class SeatSpecError(UserError):
    """A seat spec that cannot be read or names a seat the scenario does not have."""


def _choices(values: Iterable[str]) -> str:
    return ", ".join(sorted(values))


def parse_seat(text: str, *, where: str = "") -> Seat:
    """``human``, ``random``, ``ai``, ``ai:hard`` or ``agent:PATH`` -> a Seat."""
    prefix = f"seat {where!r}: " if where else ""
    kind_text, _, difficulty_text = text.strip().partition(":")
    if kind_text.strip().lower() == SeatKind.AGENT:
        path = difficulty_text.strip()
        if not path:
            raise SeatSpecError(f"{prefix}an agent seat needs a program: agent:PATH")
        return Seat(SeatKind.AGENT, path=path)
    try:
        kind = SeatKind(kind_text.strip().lower())
    except ValueError:
        raise SeatSpecError(
            f"{prefix}unknown seat kind {kind_text.strip()!r} (use one of: {_choices(SeatKind)})"
        ) from None
    if not difficulty_text:
        return Seat(kind)
    if kind is not SeatKind.AI:
        raise SeatSpecError(f"{prefix}only an ai seat takes a difficulty, not {kind}")
    try:
        difficulty = Difficulty(difficulty_text.strip().lower())
    except ValueError:
        raise SeatSpecError(
            f"{prefix}unknown difficulty {difficulty_text.strip()!r} "
            f"(use one of: {_choices(Difficulty)})"
        ) from None
    return Seat(kind, difficulty)


def parse_seats(
    spec: str | None,
    playable: Iterable[str],
    *,
    default: Seat | None = None,
    base: Mapping[str, Seat] | None = None,
    computer: Iterable[str] = (),
) -> dict[str, Seat]:
    """Read a seat spec for the given playable actor ids.

    ``all=KIND`` is the seat of every actor the spec does not name, wherever
    it stands, so ``all=ai,x=human`` and ``x=human,all=ai`` mean the same;
    naming an actor twice is refused.  Without ``all=``, seats the spec does
    not name keep their seat in ``base`` (the saved seats, when resuming) or
    else get ``default`` (an AI at normal difficulty unless given).  With no
    spec at all, ``base`` is returned as it is, or else the first playable
    actor is a human and the others get ``default``: one person against the
    table.  Actors in
    ``computer`` (those the scenario seats with an AI by default, ``default_seat: ai``)
    are passed over for that human seat unless every playable actor is one.
    """
    actors = list(playable)
    if not actors:
        raise SeatSpecError("the scenario has no playable delegation")
    fallback = default if default is not None else Seat(SeatKind.AI)
    seats = {actor: (base or {}).get(actor, fallback) for actor in actors}
    if spec is None:
        if base is None:
            by_ai = set(computer)
            person = next((a for a in actors if a not in by_ai), actors[0])
            seats[person] = Seat(SeatKind.HUMAN)
        return seats
    named: dict[str, Seat] = {}
    entries = [part.strip() for part in spec.split(",")]
    if not any(entries):
        raise SeatSpecError("empty seat spec (example: all=ai,<actor>=human)")
    for entry in entries:
        if not entry:
            raise SeatSpecError(f"seat spec {spec!r} has an empty entry")
        name, eq, value = entry.partition("=")
        name = name.strip().lower()
        if not eq or not name or not value.strip():
            raise SeatSpecError(
                f"seat spec entry {entry!r} is not ACTOR=KIND (example: {actors[0]}=human)"
            )
        seat = parse_seat(value, where=name)
        if name in named:
            raise SeatSpecError(f"seat spec {spec!r} names {name!r} twice")
        if name != ALL and name not in seats:
            raise SeatSpecError(
                f"seat spec names {name!r}, which is not a playable delegation "
                f"(playable: {_choices(actors)})"
            )
        named[name] = seat
    if ALL in named:
        seats = dict.fromkeys(actors, named.pop(ALL))
    seats.update(named)
    return seats


def with_agent_timeout(seats: Mapping[str, Seat], seconds: float) -> dict[str, Seat]:
    """``seats`` with every agent seat given ``seconds`` per move (``--agent-timeout``)."""
    return {
        actor: replace(seat, timeout=seconds) if seat.kind is SeatKind.AGENT else seat
        for actor, seat in seats.items()
    }


def computer_seats(scenario: Scenario) -> tuple[str, ...]:
    """Playable actors the scenario seats with an AI unless told otherwise (``default_seat``)."""
    return tuple(a.id for a in scenario.playable if a.default_seat == "ai")


def format_seats(seats: Mapping[str, Seat]) -> str:
    """The spec that ``parse_seats`` reads back into the same seats."""
    return ",".join(f"{actor}={seat}" for actor, seat in seats.items())
