"""A game in progress: the scenario, the seats, the engine state and the action log.

The session is what the terminal mode and the window drive.  It never decides a
rule: it asks the engine what is legal, applies what a person or an agent chose,
records it with its rationale, and autosaves.  Undo and loading a save both
work by replaying the log from the start, because the log is the game.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from game import engine
from game.ai import Decision
from game.engine import Action, ActorView, GameEvent, GameState
from game.engine.actions import FACILITATOR, EndGame
from game.engine.errors import ActionError
from game.engine.model import Scenario
from game.session import autosaves, reveal, saving
from game.session.agents import Agent, close_agents, finish_agents, make_agent
from game.session.errors import SaveError, SessionError
from game.session.external import passes
from game.session.pins import PinHash
from game.session.records import AgentError, GameRecord, LoadedLike, LogEntry, ReplayError, Turn
from game.session.save_ahead import SaveAhead
from game.session.savefile import MAX_ACTIONS
from game.session.seats import Seat, SeatKind

__all__ = [
    "AUTOSAVE_NAME",
    "MAX_AUTOMATIC_MOVES",
    "AgentError",
    "LoadedLike",
    "LogEntry",
    "ReplayError",
    "Session",
    "Turn",
]

AUTOSAVE_NAME = autosaves.LATEST_NAME  # the copy of the latest autosave, beside the saves
MAX_AUTOMATIC_MOVES = 100_000  # a guard against an engine bug that never hands back control
FULL_LOG = (
    f"the game has reached {MAX_ACTIONS - 1:,} moves, the most a save can hold "
    "(with the end of the game): it can only be ended now"
)


class Session:
    """One game: build it, then ``submit`` people's moves and ``step`` the computer's."""

    def __init__(
        self,
        loaded: LoadedLike,
        seed: int,
        seats: Mapping[str, Seat],
        *,
        autosave: bool = True,
        save_path: Path | None = None,
        autosave_file: Path | None = None,
    ) -> None:
        self._loaded = loaded
        self._seed = seed
        self._seats = dict(seats)
        self.autosave = autosave
        self.save_path = save_path
        # Each game its own autosave (a continued autosave keeps its file): see ``autosaves``.
        self.autosave_file = autosave_file or autosaves.new_autosave_path(loaded.scenario.id, seed)
        self.save_warning: str | None = None  # why the last automatic save failed, if it did
        # Hot-seat delegations' PINs, hashed (saved with the game, so a resumed game asks too).
        self.pins: dict[str, PinHash] = {}
        # The facilitator console's PIN, hashed and saved with the game like the others.
        self.facilitator_pin: PinHash | None = None
        self._agents: dict[str, Agent] = {}
        self._log: list[LogEntry] = []
        self._revealed: tuple[LogEntry, ...] | None = None  # ``revealed_log``'s last answer
        self._state = engine.new_game(loaded.scenario, seed)
        self._ahead: SaveAhead | None = None  # the save files one computer move ahead

    @classmethod
    def restore(
        cls,
        loaded: LoadedLike,
        seed: int,
        seats: Mapping[str, Seat],
        log: Sequence[LogEntry],
        *,
        autosave: bool = False,
        save_path: Path | None = None,
        autosave_file: Path | None = None,
    ) -> Session:
        """A session at the end of ``log``, replayed; ``ReplayError`` names a refused action."""
        session = cls(
            loaded, seed, seats, autosave=autosave, save_path=save_path, autosave_file=autosave_file
        )
        session._replay(log)
        return session

    # --- reading --------------------------------------------------------------

    @property
    def loaded(self) -> LoadedLike:
        return self._loaded

    @property
    def scenario(self) -> Scenario:
        """The game's scenario: the loaded one with the hidden types this game drew."""
        return self._state.scenario

    @property
    def seed(self) -> int:
        return self._seed

    @property
    def seats(self) -> Mapping[str, Seat]:
        return MappingProxyType(self._seats)

    @property
    def state(self) -> GameState:
        return self._state

    @property
    def log(self) -> tuple[LogEntry, ...]:
        return tuple(self._log)

    def revealed_log(self) -> tuple[LogEntry, ...]:
        """The log with every computer move's rationale, for the debrief only.

        A loaded game has none (saves leave them out): they are recomputed by
        replay, once per change of the log.
        """
        if self._revealed is None:
            self._revealed = reveal.revealed(self.scenario, self._seed, self._seats, self._log)
        return self._revealed

    @property
    def transcript(self) -> tuple[GameEvent, ...]:
        """The public record so far, openings included."""
        return tuple(self._state.log)

    @property
    def to_move(self) -> str | None:
        """The actor whose move it is, or None once the game is over."""
        if engine.is_over(self._state):
            return None
        return engine.to_move(self._state)

    @property
    def is_over(self) -> bool:
        return engine.is_over(self._state)

    @property
    def human_to_move(self) -> bool:
        """True when the game waits for a person (the front end shows the action bar)."""
        actor = self.to_move
        return actor is not None and self.seat_of(actor).is_human

    def set_seat(self, actor: str, seat: Seat) -> None:
        """Hand a delegation to a person or the computer from now on (the log is kept)."""
        if actor not in self._seats:
            raise SessionError(f"{actor!r} is not a playable delegation of this game")
        self._seats[actor] = seat
        dropped = self._agents.pop(actor, None)
        if dropped is not None:
            close_agents({actor: dropped})

    def seat_of(self, actor: str) -> Seat:
        # An actor with no seat (a non-playable chair the engine asks to move) is the computer's.
        return self._seats.get(actor, Seat(SeatKind.AI))

    def legal_actions(self, actor: str | None = None) -> tuple[Action, ...]:
        """The legal actions of ``actor`` (default: whoever is to move)."""
        who = actor if actor is not None else self.to_move
        if who is None:
            return ()
        return tuple(engine.legal_actions(self._state, who))

    def view(self, actor: str) -> ActorView:
        """What ``actor`` may see; the only thing a delegation's panel should show."""
        return engine.view(self._state, actor)

    def digest(self) -> str:
        return engine.digest(self._state)

    @property
    def log_is_full(self) -> bool:
        """True when only the facilitator's "end game" may still be played (see ``MAX_ACTIONS``)."""
        return len(self._log) >= MAX_ACTIONS - 1

    @property
    def undo_refusal(self) -> str | None:
        """Why ``undo`` would be refused now, or None when it would work."""
        # A finished game has revealed every briefing and rationale (the debrief, the
        # laptops' ``over``): taking a move back would replay a game whose secrets are out.
        if engine.is_over(self._state):
            return "the game is over"
        last = self._last_delegation_move()
        if last is None:
            return "nothing to undo: no delegation has made a move yet"
        # The facilitator's moves (a timeout, an injected event, a bookmark) belong to
        # the room, not to a delegation: a player's undo never takes them back.
        if any(entry.action.actor == FACILITATOR for entry in self._log[last:]):
            return "the facilitator has acted since the last move; it cannot be undone"
        return None

    @property
    def undo_actor(self) -> str | None:
        """The delegation whose move ``undo`` would take back, or None when it would be refused.

        In hot-seat play a screen offers undo only to that delegation, never to another.
        """
        last = self._last_delegation_move()
        if last is None or self.undo_refusal is not None:
            return None
        return self._log[last].action.actor

    def _last_delegation_move(self) -> int | None:
        """Index in the log of the last move a person made for a delegation."""
        for i in range(len(self._log) - 1, -1, -1):
            entry = self._log[i]
            if entry.by is SeatKind.HUMAN and entry.action.actor != FACILITATOR:
                return i
        return None

    # --- acting ---------------------------------------------------------------

    def submit(self, action: Action) -> Turn:
        """Apply a person's move (a human seat's or the facilitator's).

        A refused move raises ``SessionError`` with the engine's reason and changes nothing.
        """
        if engine.is_over(self._state):
            raise SessionError("the game is over: no more moves")
        if action.actor != FACILITATOR:
            if action.actor not in self._seats:
                raise SessionError(f"{action.actor!r} has no seat at this game")
            if not self._seats[action.actor].is_human:
                raise SessionError(
                    f"{self._name(action.actor)} is played by the computer, not by a person"
                )
        _check_savable(action)
        turn = self._commit(action, SeatKind.HUMAN, "")
        self.persist()  # every person's move is saved at once
        return turn

    def submit_text(self, text: str) -> Turn:
        """Like ``submit``, for an action in the engine's text notation."""
        try:
            action = engine.parse_action(text)
        except ActionError as exc:
            raise SessionError(str(exc)) from None
        return self.submit(action)

    def question(self) -> Callable[[], Decision] | None:
        """The computer seat's decision to take now, as a call that touches nothing of the
        session (a window takes it on a worker thread); None when no computer seat is to
        decide: a person is to move, the game is over, or the log is full."""
        actor = self.to_move
        if actor is None or self.log_is_full:
            return None
        seat = self.seat_of(actor)
        if seat.is_human:
            return None
        agent = self._agent(actor, seat)  # made here, on the session's own thread
        state = self._state  # immutable: the call reads this state whatever happens next

        def decide() -> Decision:
            legal = tuple(engine.legal_actions(state, actor))
            return agent.decide(engine.view(state, actor), legal)

        return decide

    def step(self, decided: Decision | None = None) -> Turn | None:
        """Let the computer seat to move act; None when a person is to move or the game is over.

        ``decided``: its decision, already taken (by ``question()``'s call, for this
        very state); without it the agent is asked now.
        """
        actor = self.to_move
        if actor is None:
            return None
        seat = self.seat_of(actor)
        if seat.is_human:
            return None
        if self.log_is_full:  # the last place in the log is for ending the game
            turn = self._commit(EndGame(), SeatKind.HUMAN, FULL_LOG)
            self.persist()
            return turn
        decision = decided
        if decision is None:
            decision = self._agent(actor, seat).decide(self.view(actor), self.legal_actions(actor))
        try:
            turn = self._commit(decision.action, seat.kind, decision.rationale, decision.remark)
        except SessionError as exc:
            if seat.kind is SeatKind.AGENT:
                # An outside program is not ours to trust: a move the engine refuses
                # is a pass with the reason noted, never the end of the game.
                why = f"the engine refused {engine.format_action(decision.action)!r}: {exc}"
                refused = passes(actor, f"agent {seat.path}", why)
                turn = self._commit(refused.action, seat.kind, refused.rationale, refused.remark)
                return self._after_computer_move(turn)
            # The AI broke the rules: a bug in it, not a player's mistake, so it must
            # not be shown as a refused move.
            raise AgentError(
                f"the {seat.kind} seat of {actor!r} chose an illegal action "
                f"{engine.format_action(decision.action)!r}: {exc}"
            ) from exc
        return self._after_computer_move(turn)

    def _after_computer_move(self, turn: Turn) -> Turn:
        # A run of computer moves is saved once, when it hands back to a person or ends the
        # game: a whole JSON file and an fsync per AI move would be most of the work.
        if self.to_move is None or self.seat_of(self.to_move).is_human:
            self.persist()
        return turn

    def run_until_human(self) -> list[Turn]:
        """Step the computer seats until a person is to move or the game is over."""
        turns: list[Turn] = []
        while (turn := self.step()) is not None:
            turns.append(turn)
            if len(turns) > MAX_AUTOMATIC_MOVES:
                raise RuntimeError("the computer seats moved without end; an engine bug")
        return turns

    def undo(self) -> list[LogEntry]:
        """Take back the last person's move and the computer's moves after it.

        Returns the entries taken back, oldest first.  Raises ``SessionError``
        with the reason when there is nothing a person could take back.
        """
        refusal = self.undo_refusal
        if refusal is not None:
            raise SessionError(refusal)
        last = self._last_delegation_move()
        assert last is not None  # undo_refusal said there is one
        removed = self._log[last:]
        self._replay(self._log[:last])
        self.persist()
        return removed

    def close(self) -> None:
        """Let go of what the game holds outside itself: outside agents' programs are
        closed (a game over has already sent them its ``end``), save files written ahead
        are removed.  Call it when the game is left, reloaded or quit; the session can go
        on afterwards (agents start again)."""
        agents, self._agents = self._agents, {}
        close_agents(agents)
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            ahead.discard()

    # --- saving ---------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write this game to ``path`` atomically; ``SaveError`` if it cannot be written."""
        saving.write_save(self.record(), path)

    def record(self, log: Sequence[LogEntry] | None = None) -> GameRecord:
        """The game as plain values, for a save file (with ``log`` instead of its own)."""
        return GameRecord(
            scenario_id=self.scenario.id,
            scenario_hash=self._loaded.content_hash,
            scenario_path=self._loaded.path,
            seed=self._seed,
            seats=MappingProxyType(dict(self._seats)),
            log=tuple(self._log if log is None else log),
            pins=MappingProxyType(dict(self.pins)),
            facilitator_pin=self.facilitator_pin,
        )

    def save_ahead(self, state: GameState, turn: Turn) -> None:
        """Start writing the save files as they will be once ``turn`` is made (a computer
        move and the state after it, from ``preview``), if making it will save them (it
        hands over to a person, or ends the game): ``persist`` then puts them in place in
        an instant, instead of writing them in the window's frame.  See ``save_ahead``."""
        targets = self._targets()
        mover = None if engine.is_over(state) else engine.to_move(state)
        if not targets or (mover is not None and not self.seat_of(mover).is_human):
            return  # nothing to save, or a run of computer moves goes on (saved at its end)
        if self._ahead is not None:
            self._ahead.discard()
        self._ahead = SaveAhead(self.record([*self._log, turn.entry]), targets, saving.save_bytes)

    def _targets(self) -> list[Path]:
        """Where ``persist`` writes: the autosave (if on) and ``save_path`` (if set)."""
        targets = [self.autosave_file, autosaves.latest_copy_path()] if self.autosave else []
        if self.save_path is not None:
            targets.append(self.save_path)
        # A save path that is the autosave itself is written once (one temporary file each).
        return list(dict.fromkeys(targets))

    # --- inside ---------------------------------------------------------------

    def _name(self, actor: str) -> str:
        try:
            return self.scenario.actor(actor).name
        except KeyError:
            return actor

    def _agent(self, actor: str, seat: Seat) -> Agent:
        agent = self._agents.get(actor)
        if agent is None:
            agent = make_agent(self.scenario, actor, seat, self._seed)
            self._agents[actor] = agent
        return agent

    def preview(self, decided: Decision) -> tuple[GameState, Turn] | None:
        """What ``step(decided)`` would make of this decision now, without making it: the
        state after the move, and its turn.  None unless it would be the computer seat's
        plain move (a person to move, a full log, a move the engine refuses).

        A window shows the move ahead of time (it readies the table's pictures while the
        move is paced), so that the frame in which it lands has little left to do.
        """
        actor = self.to_move
        if actor is None or self.log_is_full or decided.action.actor != actor:
            return None
        seat = self.seat_of(actor)
        if seat.is_human:
            return None
        try:
            return self._made(decided.action, seat.kind, decided.rationale, decided.remark)
        except SessionError:
            return None

    def _made(
        self, action: Action, by: SeatKind, rationale: str, remark: str = ""
    ) -> tuple[GameState, Turn]:
        """The state after ``action`` and its turn, the session left as it was."""
        if self.log_is_full and not isinstance(action, EndGame):
            raise SessionError(FULL_LOG)
        try:
            state, events = engine.apply(self._state, action)  # apply checks the action itself
        except ActionError as exc:
            raise SessionError(str(exc)) from None
        entry = LogEntry(action, by, rationale, remark)
        return state, Turn(len(self._log) + 1, entry, engine.format_action(action), tuple(events))

    def _commit(self, action: Action, by: SeatKind, rationale: str, remark: str = "") -> Turn:
        state, turn = self._made(action, by, rationale, remark)
        self._state = state
        self._log.append(turn.entry)
        self._revealed = None
        if state.over:  # whoever ended it (a person, the facilitator, the computer)
            agents, self._agents = self._agents, {}
            finish_agents(agents, state)  # an outside agent hears the end, then exits
        return turn

    def _replay(self, log: Sequence[LogEntry]) -> None:
        state = engine.new_game(self.scenario, self._seed)
        for number, entry in enumerate(log, 1):
            try:
                state, _ = engine.apply(state, entry.action)
            except ActionError as exc:
                text = engine.format_action(entry.action)
                raise ReplayError(number, len(log), text, str(exc)) from None
        self._state = state
        self._log = list(log)
        self._revealed = None

    def persist(self) -> None:
        """Write the autosave (if on) and ``save_path`` (if set); a failure sets ``save_warning``.

        The session calls this after every person's move, after a run of computer
        moves (when a person is next or the game ends) and after an undo; call it
        yourself to save before the first move or on quitting.
        """
        targets = self._targets()
        self.save_warning = None
        if not targets:
            return  # nothing to write: the whole save is not worth serialising
        record = self.record()
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            if ahead.matches(record, targets) and ahead.put_in_place():
                return  # written ahead of the move: now in place
            ahead.discard()
        data = saving.save_bytes(record)
        for target in targets:
            try:
                saving.write_bytes(target, data)
            except SaveError as exc:
                # The game goes on; the old save is intact.  The first failure is the news.
                self.save_warning = self.save_warning or str(exc)


def _check_savable(action: Action) -> None:
    """Refuse a move whose text no save could hold (``SessionError``), before it is applied.

    A terminal in the C locale hands undecodable bytes in as lone surrogates; such a
    move would be played, then fail at every autosave after it.
    """
    try:
        engine.format_action(action).encode("utf-8")
    except UnicodeEncodeError:
        raise SessionError(
            "the text has a character that cannot be saved (bytes that are not UTF-8); "
            "type it again"
        ) from None
