"""The game controller: what the screens may ask of a game in progress, and how they ask.

The screens never hold a ``Session``, the engine state or the facilitator's
controls.  They read a game through this protocol and change it only by
handing it an *intent*:

reading (plain data; nothing private but ``view(actor)``, which the screens ask only
for the delegation at the screen now: a local game answers for any delegation, since
hot-seat screens take turns, while a laptop's game holds its own seat's alone)
    ``to_move()``, ``human_to_move()``, ``is_over()``   whose move, if anyone's
    ``seats()``                     who plays each delegation
    ``public_view()``               the table as the projector shows it
    ``view(actor)``                 one delegation's own view (its screen only)
    ``legal_actions(actor)``        what it may do now
    ``undo_actor()``                whose move ``Undo`` would take back
    ``deck()``                      the event cards' titles, for the facilitator
    ``opening()``                   the table as it opened (its log: the opening events)
    ``turns_since(n)``              the moves after the first ``n``, with their events
    ``events_since(n)``             the public events after the first ``n``
    ``outcome()``                   how the game ended, and why
    ``clock()``                     the turn timer and pause
    ``save_warning()``              why the last automatic save failed
    ``upcoming()``                  the computer move decided but not yet made, if known
                                    (a local game deciding ahead: the table readies it)
    ``polls()``, ``poll()``, ``file_errors()``   news from outside the screens
                                    (a live reload of the scenario file)

acting
    ``apply(intent)`` with one of the intents below (``Submit(action)``, ``Undo``,
    ``ComputerMove``, ``TimeUp``, ``RestartClock``, ``Pause``, ``Resume``,
    ``ExtendTurn``, ``SetTurnLimit``, ``FacilitatorStep(action)``); it answers with
    ``Applied``: the moves it caused (the screens show them), or why it was
    refused (then nothing changed) -- a refusal is an answer, never an exception.
    ``save()`` writes the game where it is kept; ``close()`` lets go of what it holds
    outside itself (outside agents' programs) once the screens leave it.

The screens hand intents over in one place (``game.ui.screens.control.settle``).

The intents and the answers are frozen values made of engine actions and events,
so a second implementation, a client of a game hosted on another machine, can
send them over a wire and stand in for the local one without a screen knowing.
A turn's ``rationale`` is private until the debrief: a remote game sends it empty.
``game.session.local.LocalGame`` is the implementation for a game on this machine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol, get_args

from game.engine import Action, ActorView, GameEvent, PublicView
from game.engine.state import OutcomeResult
from game.session.records import Turn
from game.session.seats import Seat

# --- intents: what a person asked for ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class Submit:
    """A delegation's move (refused while the game is paused, or when it is illegal)."""

    action: Action


@dataclass(frozen=True, slots=True)
class Undo:
    """Take back the last person's move and the computer's moves after it."""


@dataclass(frozen=True, slots=True)
class ComputerMove:
    """Let the computer seat to move act now (the screens pace these); nothing while paused."""


@dataclass(frozen=True, slots=True)
class TimeUp:
    """The screen's countdown reached zero: the person to move passes (``Timeout``)."""


@dataclass(frozen=True, slots=True)
class RestartClock:
    """A screen between turns (hand-over, round summary) does not count against the mover."""


@dataclass(frozen=True, slots=True)
class Pause:
    """The facilitator stops the clock and the computer seats."""


@dataclass(frozen=True, slots=True)
class Resume:
    """The facilitator lets the clock and the computer seats go on."""


@dataclass(frozen=True, slots=True)
class ExtendTurn:
    """More time for the person to move now (the timer's own extension, not the round's)."""

    seconds: float


@dataclass(frozen=True, slots=True)
class SetTurnLimit:
    """The turn timer's length from now on (None switches it off)."""

    seconds: float | None


@dataclass(frozen=True, slots=True)
class FacilitatorStep:
    """A facilitator action of the engine: inject a card, news, a bookmark, extend or end
    the round, end the game.  It is in the log like a delegation's move."""

    action: Action


GameIntent = (
    Submit
    | Undo
    | ComputerMove
    | TimeUp
    | RestartClock
    | Pause
    | Resume
    | ExtendTurn
    | SetTurnLimit
    | FacilitatorStep
)

INTENTS: tuple[type, ...] = get_args(GameIntent)  # for ``isinstance``: is this an intent?

# --- answers: what happened -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Applied:
    """What the controller did with an intent.

    ``turns``: the moves it caused, oldest first (a ``Submit`` that came after the
    time ran out causes the ``Timeout`` instead, and ``late`` is True).
    ``refused``: why nothing changed ("" when it was applied).  ``undone``: how many
    moves an ``Undo`` took back.  ``thinking``: a ``ComputerMove`` came before the
    computer seat had decided (it decides on a worker thread): ask again shortly.
    """

    intent: GameIntent
    turns: tuple[Turn, ...] = ()
    refused: str = ""
    undone: int = 0
    late: bool = False
    thinking: bool = False

    @property
    def ok(self) -> bool:
        return not self.refused


@dataclass(frozen=True, slots=True)
class ClockReading:
    """The turn timer as a screen shows it.

    ``remaining``: seconds left for the person to move (None: no timer, or nobody
    is being timed); ``paused``: the facilitator paused the game.
    """

    paused: bool = False
    remaining: float | None = None

    @property
    def expired(self) -> bool:
        """The person to move has run out of time (a ``TimeUp`` is due)."""
        return not self.paused and self.remaining is not None and self.remaining <= 0.0


@dataclass(frozen=True, slots=True)
class Reloaded:
    """News from outside the screens: the scenario file changed under the running game.

    ``reloaded``: the game now plays the new file (its record may have been
    replayed; the screens read everything again); False when the file is broken
    and the game goes on as it was (``errors`` says what is wrong).
    """

    reloaded: bool
    message: str
    notes: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


# --- the protocol -----------------------------------------------------------------------


class Upcoming(Protocol):
    """A computer move decided but not yet made: what the table will show once it lands."""

    @property
    def turn(self) -> Turn:
        """The move, as it will be recorded, with the events it will cause."""
        ...

    def public_view(self) -> PublicView:
        """The table as it will be after the move."""
        ...

    def view(self, actor: str) -> ActorView:
        """``actor``'s own view after the move (for that delegation's screen only)."""
        ...

    def outcome(self) -> OutcomeResult | None:
        """How the game ends, if the move ends it."""
        ...


class GameController(Protocol):
    """What the screens may ask of a game in progress (see the module docstring)."""

    def to_move(self) -> str | None:
        """The actor whose move it is, or None once the game is over."""
        ...

    def human_to_move(self) -> bool:
        """True when the game waits for a person."""
        ...

    def is_over(self) -> bool: ...

    def seats(self) -> Mapping[str, Seat]:
        """Who plays each playable delegation."""
        ...

    def public_view(self) -> PublicView: ...

    def view(self, actor: str) -> ActorView:
        """What ``actor`` may see, its private data included.  A screen asks it only for the
        delegation at the screen; a local game does not check who asks (hot-seat screens
        take turns), a laptop's game has its own seat's view only (``SessionError``)."""
        ...

    def legal_actions(self, actor: str | None = None) -> tuple[Action, ...]:
        """The legal actions of ``actor`` (default: whoever is to move)."""
        ...

    def undo_actor(self) -> str | None:
        """The delegation whose move ``Undo`` would take back (None: it would be refused)."""
        ...

    def deck(self) -> Mapping[str, str]:
        """The event cards' titles by id, for the facilitator's deck (their texts show
        only when played)."""
        ...

    def opening(self) -> PublicView:
        """The table as it opened, before anyone moved (its ``log``: the opening events)."""
        ...

    def outcome(self) -> OutcomeResult | None:
        """How the game ended and why, once it is over (None before)."""
        ...

    def turns_since(self, number: int) -> tuple[Turn, ...]:
        """The moves after the first ``number`` of the log, each with its events."""
        ...

    def events_since(self, number: int) -> tuple[GameEvent, ...]:
        """The public events after the first ``number`` of the transcript."""
        ...

    def clock(self) -> ClockReading: ...

    def save_warning(self) -> str | None:
        """Why the last automatic save failed, if it did."""
        ...

    def upcoming(self) -> Upcoming | None:
        """The computer move decided for the game as it is now, before it is made: a local
        game whose computer seats decide on a worker thread knows it once they have; None
        until then, and always from a game whose moves are made elsewhere."""
        ...

    def apply(self, intent: GameIntent) -> Applied:
        """Do what a person asked; a refusal is an answer, never an exception."""
        ...

    def save(self) -> None:
        """Write the game where it is kept now (before leaving the table)."""
        ...

    def close(self) -> None:
        """The screens are done with this game: let go of outside agents' programs."""
        ...

    def polls(self) -> bool:
        """Whether ``poll`` can bring news (the screens then ask twice a second)."""
        ...

    def poll(self) -> Reloaded | None:
        """News from outside the screens since the last poll, or None."""
        ...

    def file_errors(self) -> tuple[str, ...]:
        """The located errors of a broken scenario file the game goes on without."""
        ...
