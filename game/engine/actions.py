"""The moves of the game as frozen, typed values (the action log is the game).

``str(action)`` is the action in the game's text notation (``us propose a=x``),
as ``str(move)`` is a move's UCI in python-chess; ``repr`` rebuilds the value;
``game.engine.notation.parse_action`` reads the text back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import ClassVar, assert_never

from game.engine.frozen import fast_init
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


class _Notated:
    """Every action's ``__str__``: the text notation (``format_action``)."""

    __slots__ = ()

    def __str__(self) -> str:
        return format_action(self)  # type: ignore[arg-type]  # only actions inherit this


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class Propose(_Notated):
    """Put a package on the table: one option for each of some agenda issues."""

    actor: str
    terms: Terms

    def __post_init__(self) -> None:
        terms = _canonical(self.terms)
        if terms is not self.terms:
            object.__setattr__(self, "terms", terms)


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class Accept(_Notated):
    """Accept a live proposal, by its number."""

    actor: str
    proposal: int


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class Reject(_Notated):
    """Reject a live proposal, by its number; it is off the table."""

    actor: str
    proposal: int


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class Statement(_Notated):
    """A public statement: its tone moves the trackers, its text is for the transcript."""

    actor: str
    tone: Tone
    text: str = ""


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class Threaten(_Notated):
    """Threaten with one's own lever, optionally "unless" these terms are agreed."""

    actor: str
    lever: str
    unless: Terms = ()

    def __post_init__(self) -> None:
        unless = _canonical(self.unless)
        if unless is not self.unless:
            object.__setattr__(self, "unless", unless)


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class CarryOut(_Notated):
    """Carry out one's own lever (a threat made good, or a surprise)."""

    actor: str
    lever: str


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class WalkOut(_Notated):
    """Leave the table for the rest of the current round."""

    actor: str


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class Pass(_Notated):
    """Do nothing this turn."""

    actor: str


# Facilitator actions: legal at any time, whoever is to move; only Timeout,
# EndRound and EndGame change whose move it is.


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class Inject(_Notated):
    """The facilitator plays an event card from the deck now."""

    card: str
    actor: ClassVar[str] = FACILITATOR


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class News(_Notated):
    """A custom news item for the transcript; it has no effect on the trackers."""

    text: str
    actor: ClassVar[str] = FACILITATOR


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class Bookmark(_Notated):
    """A note dropped into the transcript for the discussion afterwards."""

    note: str
    actor: ClassVar[str] = FACILITATOR


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class ExtendRound(_Notated):
    """Give the current round this many more turns."""

    turns: int
    actor: ClassVar[str] = FACILITATOR


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class EndRound(_Notated):
    """Close the current round now."""

    actor: ClassVar[str] = FACILITATOR


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class EndGame(_Notated):
    """End the game now; the end state is labelled and scored as usual."""

    actor: ClassVar[str] = FACILITATOR


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class Timeout(_Notated):
    """The turn timer ran out for ``mover``: it passes."""

    mover: str
    actor: ClassVar[str] = FACILITATOR


PlayerAction = Propose | Accept | Reject | Statement | Threaten | CarryOut | WalkOut | Pass
FacilitatorAction = Inject | News | Bookmark | ExtendRound | EndRound | EndGame | Timeout
Action = PlayerAction | FacilitatorAction
PLAYER_ACTIONS = (Propose, Accept, Reject, Statement, Threaten, CarryOut, WalkOut, Pass)
FACILITATOR_ACTIONS = (Inject, News, Bookmark, ExtendRound, EndRound, EndGame, Timeout)


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _terms(terms: Terms) -> str:
    return ",".join(f"{i}={o}" for i, o in terms)


def format_action(a: Action) -> str:
    """The action in the text notation (the inverse of ``notation.parse_action``)."""
    match a:
        case Propose():
            return f"{a.actor} propose {_terms(a.terms)}".rstrip()
        case Accept():
            return f"{a.actor} accept {a.proposal}"
        case Reject():
            return f"{a.actor} reject {a.proposal}"
        case Statement():
            return f"{a.actor} say {a.tone.value} {_quote(a.text)}"
        case Threaten():
            unless = f" unless {_terms(a.unless)}" if a.unless else ""
            return f"{a.actor} threaten {a.lever}{unless}"
        case CarryOut():
            return f"{a.actor} carry-out {a.lever}"
        case WalkOut():
            return f"{a.actor} walkout"
        case Pass():
            return f"{a.actor} pass"
        case Inject():
            return f"{FACILITATOR} inject {a.card}"
        case News():
            return f"{FACILITATOR} news {_quote(a.text)}"
        case Bookmark():
            return f"{FACILITATOR} bookmark {_quote(a.note)}"
        case ExtendRound():
            return f"{FACILITATOR} extend {a.turns}"
        case EndRound():
            return f"{FACILITATOR} end-round"
        case EndGame():
            return f"{FACILITATOR} end-game"
        case Timeout():
            return f"{FACILITATOR} timeout {a.mover}"
        case _:
            assert_never(a)
