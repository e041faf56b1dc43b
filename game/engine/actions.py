"""The moves of the game as frozen, typed values (the action log is the game)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import ClassVar

from game.engine.model import Tone

FACILITATOR = "facilitator"  # the actor id of every facilitator action

Terms = tuple[tuple[str, str], ...]  # sorted (issue, option) pairs, one per issue


def make_terms(terms: Mapping[str, str] | Iterable[tuple[str, str]]) -> Terms:
    """Terms in their canonical form: (issue, option) pairs sorted by issue."""
    pairs = terms.items() if isinstance(terms, Mapping) else terms
    return tuple(sorted(pairs))


def _canonical(terms: Iterable[tuple[str, str]]) -> Terms:
    # Sorting a handful of pairs is cheap; doing it here keeps every Terms canonical,
    # which is what makes equality and the text notation round-trip.
    if type(terms) is tuple:
        prev: tuple[str, str] | None = None
        for pair in terms:
            if type(pair) is not tuple or (prev is not None and prev >= pair):
                break
            prev = pair
        else:
            return terms
    return tuple(sorted((str(i), str(o)) for i, o in terms))


@dataclass(frozen=True, slots=True)
class Propose:
    """Put a package on the table: one option for each of some agenda issues."""

    actor: str
    terms: Terms

    def __post_init__(self) -> None:
        terms = _canonical(self.terms)
        if terms is not self.terms:
            object.__setattr__(self, "terms", terms)


@dataclass(frozen=True, slots=True)
class Accept:
    """Accept a live proposal, by its number."""

    actor: str
    proposal: int


@dataclass(frozen=True, slots=True)
class Reject:
    """Reject a live proposal, by its number; it is off the table."""

    actor: str
    proposal: int


@dataclass(frozen=True, slots=True)
class Statement:
    """A public statement: its tone moves the trackers, its text is for the transcript."""

    actor: str
    tone: Tone
    text: str = ""


@dataclass(frozen=True, slots=True)
class Threaten:
    """Threaten with one's own lever, optionally "unless" these terms are agreed."""

    actor: str
    lever: str
    unless: Terms = ()

    def __post_init__(self) -> None:
        unless = _canonical(self.unless)
        if unless is not self.unless:
            object.__setattr__(self, "unless", unless)


@dataclass(frozen=True, slots=True)
class CarryOut:
    """Carry out one's own lever (a threat made good, or a surprise)."""

    actor: str
    lever: str


@dataclass(frozen=True, slots=True)
class WalkOut:
    """Leave the table for the rest of the current round."""

    actor: str


@dataclass(frozen=True, slots=True)
class Pass:
    """Do nothing this turn."""

    actor: str


# Facilitator actions: legal at any time, whoever is to move; only Timeout,
# EndRound and EndGame change whose move it is.


@dataclass(frozen=True, slots=True)
class Inject:
    """The facilitator plays an event card from the deck now."""

    card: str
    actor: ClassVar[str] = FACILITATOR


@dataclass(frozen=True, slots=True)
class News:
    """A custom news item for the transcript; it has no effect on the trackers."""

    text: str
    actor: ClassVar[str] = FACILITATOR


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A note dropped into the transcript for the discussion afterwards."""

    note: str
    actor: ClassVar[str] = FACILITATOR


@dataclass(frozen=True, slots=True)
class ExtendRound:
    """Give the current round this many more turns."""

    turns: int
    actor: ClassVar[str] = FACILITATOR


@dataclass(frozen=True, slots=True)
class EndRound:
    """Close the current round now."""

    actor: ClassVar[str] = FACILITATOR


@dataclass(frozen=True, slots=True)
class EndGame:
    """End the game now; the end state is labelled and scored as usual."""

    actor: ClassVar[str] = FACILITATOR


@dataclass(frozen=True, slots=True)
class Timeout:
    """The turn timer ran out for ``mover``: it passes."""

    mover: str
    actor: ClassVar[str] = FACILITATOR


PlayerAction = Propose | Accept | Reject | Statement | Threaten | CarryOut | WalkOut | Pass
FacilitatorAction = Inject | News | Bookmark | ExtendRound | EndRound | EndGame | Timeout
Action = PlayerAction | FacilitatorAction
PLAYER_ACTIONS = (Propose, Accept, Reject, Statement, Threaten, CarryOut, WalkOut, Pass)
FACILITATOR_ACTIONS = (Inject, News, Bookmark, ExtendRound, EndRound, EndGame, Timeout)
