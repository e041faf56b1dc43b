"""The game controller of a game played on this machine: a ``Session`` under a ``Facilitation``.

``LocalGame`` adapts the session (the rules, the log, the saves), the
facilitator's controls (pause, the turn timer) and, when the window watches the
scenario file, the live reload, to ``game.session.controller.GameController``.
Time comes from ``now`` (``time.monotonic`` in the window, a fake in the tests).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import assert_never

from game import engine
from game.engine import FACILITATOR, Action, ActorView, GameEvent, GameState, PublicView
from game.engine.state import OutcomeResult
from game.errors import UserError
from game.session.controller import (
    Applied,
    ClockReading,
    ComputerMove,
    ExtendTurn,
    FacilitatorStep,
    GameIntent,
    Pause,
    Reloaded,
    RestartClock,
    Resume,
    SetTurnLimit,
    Submit,
    TimeUp,
    Undo,
)
from game.session.errors import SessionError
from game.session.facilitator import Facilitation
from game.session.records import Turn
from game.session.seats import Seat
from game.session.session import Session
from game.session.thinking import Thinker
from game.session.watch import ScenarioWatcher, apply_change

PAUSED = "The facilitator has paused the game."
THINKING = "the computer is still deciding"


@dataclass(frozen=True, slots=True)
class DecidedMove:
    """A computer seat's move, decided on the worker thread but not yet made
    (``controller.Upcoming``): the window readies its pictures while it paces it."""

    turn: Turn
    _state: GameState

    def public_view(self) -> PublicView:
        """The table as it will be after the move."""
        return engine.public_view(self._state)

    def view(self, actor: str) -> ActorView:
        """``actor``'s own view after the move (for that delegation's screen only)."""
        return engine.view(self._state, actor)

    def outcome(self) -> OutcomeResult | None:
        """How the game ends, if the move ends it."""
        return engine.outcome(self._state)


class LocalGame:
    """A game on this machine, as the screens see it (``GameController``)."""

    def __init__(
        self,
        session: Session,
        *,
        turn_seconds: float | None = None,
        now: Callable[[], float] = time.monotonic,
        facilitation: Facilitation | None = None,
    ) -> None:
        # A hosted game shares the host's facilitation: one clock, one pause for both.
        self.facilitation = (
            facilitation
            if facilitation is not None
            else Facilitation(session, turn_seconds=turn_seconds)
        )
        self.now = now
        self.watcher: ScenarioWatcher | None = None  # set when the window watches this file
        # Set by a window whose frames run in real time: computer seats decide on a worker
        # thread (see ``game.session.thinking``); otherwise inside ``ComputerMove``.
        self.thinker: Thinker | None = None
        self._upcoming: tuple[object, DecidedMove | None] = (None, None)  # (state, its move)

    def think_ahead(self) -> None:
        """Take computer seats' decisions on a worker thread from now on: a ``ComputerMove``
        lands the decision once it is ready (``Applied.thinking`` until then), and the
        next one starts as soon as a computer seat is to move."""
        if self.thinker is None:
            self.thinker = Thinker()
        self._ask()

    def _ask(self) -> None:
        """Start the computer seat's decision on the worker thread, if one is to decide."""
        if self.thinker is None:
            return
        question = self.session.question()
        if question is not None:
            self.thinker.ask(self.session.state, question)

    def upcoming(self) -> DecidedMove | None:
        """The computer move decided for the game as it is now, before it is made (None
        until the worker thread has decided, while paused, or when no computer seat is to
        move).  The same object while the game stays as it is."""
        if self.thinker is None or self.facilitation.paused:
            return None
        state = self.session.state
        known, upcoming = self._upcoming
        if known is state:  # decided already (None: not a move to show ahead)
            return upcoming
        decided = self.thinker.ready(state)
        if decided is None:
            return None
        made = self.session.preview(decided)
        upcoming = DecidedMove(made[1], made[0]) if made is not None else None
        self._upcoming = (state, upcoming)
        if made is not None:
            self.session.save_ahead(*made)  # if the move will be saved: off the frame
        return upcoming

    @property
    def session(self) -> Session:
        """The session played now (a live reload replaces it)."""
        return self.facilitation.session

    # --- reading ------------------------------------------------------------------

    def to_move(self) -> str | None:
        return self.session.to_move

    def human_to_move(self) -> bool:
        return self.session.human_to_move

    def is_over(self) -> bool:
        return self.session.is_over

    def seats(self) -> Mapping[str, Seat]:
        return self.session.seats

    def public_view(self) -> PublicView:
        return engine.public_view(self.session.state)

    def view(self, actor: str) -> ActorView:
        return self.session.view(actor)

    def legal_actions(self, actor: str | None = None) -> tuple[Action, ...]:
        return self.session.legal_actions(actor)

    def undo_actor(self) -> str | None:
        return self.session.undo_actor

    def deck(self) -> Mapping[str, str]:
        return {card.id: card.title for card in self.session.scenario.events}

    def opening(self) -> PublicView:
        s = self.session
        return engine.public_view(engine.new_game(s.scenario, s.seed))

    def outcome(self) -> OutcomeResult | None:
        return engine.outcome(self.session.state)

    def turns_since(self, number: int) -> tuple[Turn, ...]:
        # The log keeps actions, not their events: replay it, as a loaded game does.
        s = self.session
        log = s.log
        if number >= len(log):
            return ()
        state = engine.new_game(s.scenario, s.seed)
        turns: list[Turn] = []
        for i, entry in enumerate(log):
            state, events = engine.apply(state, entry.action)
            if i >= number:
                text = engine.format_action(entry.action)
                turns.append(Turn(i + 1, entry, text, tuple(events)))
        return tuple(turns)

    def events_since(self, number: int) -> tuple[GameEvent, ...]:
        return self.session.transcript[max(0, number) :]

    def clock(self) -> ClockReading:
        fac = self.facilitation
        return ClockReading(fac.paused, fac.remaining(self.now()))

    def save_warning(self) -> str | None:
        return self.session.save_warning

    # --- acting -------------------------------------------------------------------

    def apply(self, intent: GameIntent) -> Applied:
        try:
            return self._apply(intent)
        except UserError as exc:  # a refused move (SessionError), an impossible clock change
            return Applied(intent, refused=str(exc))
        finally:
            self._ask()  # the next computer decision, while the screen shows this one

    def _apply(self, intent: GameIntent) -> Applied:
        fac = self.facilitation
        now = self.now()
        match intent:
            case Submit(action):
                return self._submit(intent, action)
            case Undo():
                if fac.paused:
                    return Applied(intent, refused=PAUSED)
                return Applied(intent, undone=len(self.session.undo()))
            case ComputerMove():
                return self._computer_move(intent)
            case TimeUp():
                return _turns(intent, fac.tick(now))
            case RestartClock():
                fac.clock.start(None, now)
            case Pause():
                fac.pause(now)
            case Resume():
                fac.resume(now)
            case ExtendTurn(extra):
                _clock_change(lambda: fac.extend_turn(extra, now))
            case SetTurnLimit(limit):
                _clock_change(lambda: fac.clock.set_limit(limit))
            case FacilitatorStep(action):
                return _turns(intent, fac.submit(action))
            case _:
                assert_never(intent)
        return Applied(intent)

    def _submit(self, intent: Submit, action: Action) -> Applied:
        late = self.facilitation.tick(self.now())
        if late is not None:  # the move came after the time was up: the delegation passed
            return Applied(intent, (late,), late=True)
        if self.facilitation.paused:
            return Applied(intent, refused=PAUSED)
        if action.actor == FACILITATOR:
            raise SessionError("facilitator actions go through the facilitator's controls")
        return _turns(intent, self.session.submit(action))

    def _computer_move(self, intent: ComputerMove) -> Applied:
        fac = self.facilitation
        if self.thinker is None or fac.paused:
            return _turns(intent, fac.step())
        session = self.session
        question = session.question()
        if question is None:  # a person's move, the end, or a full log
            return _turns(intent, fac.step())
        self.thinker.ask(session.state, question)
        decided = self.thinker.answer(session.state)
        if decided is None:
            return Applied(intent, refused=THINKING, thinking=True)
        return _turns(intent, session.step(decided))

    def save(self) -> None:
        self.session.persist()

    def close(self) -> None:
        self.session.close()

    # --- news from outside the screens ---------------------------------------------

    def polls(self) -> bool:
        return self.watcher is not None

    def poll(self) -> Reloaded | None:
        """Look at the watched scenario file: reload the game when it changed."""
        if self.watcher is None:
            return None
        change = self.watcher.poll()
        if change is None:
            return None
        old = self.session
        result = apply_change(old, change)
        if result.reloaded:
            result.session.pins = dict(old.pins)  # the same game: the same delegations' PINs
            result.session.facilitator_pin = old.facilitator_pin  # and the same console PIN
            self.facilitation.replace_session(result.session, self.now())
        return Reloaded(result.reloaded, result.message, result.notes, result.errors)

    def file_errors(self) -> tuple[str, ...]:
        return self.watcher.errors if self.watcher is not None else ()


def _clock_change(change: Callable[[], None]) -> None:
    """Change the turn timer; a value it cannot take is a refusal, not a crash."""
    try:
        change()
    except ValueError as exc:
        raise UserError(str(exc)) from None


def _turns(intent: GameIntent, turn: Turn | None) -> Applied:
    return Applied(intent, (turn,) if turn is not None else ())
