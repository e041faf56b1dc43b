"""What a session is made of and reports: its scenario's shape, log entries, turns, and errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from game.engine import Action, GameEvent
from game.engine.model import Scenario
from game.session.errors import SessionError
from game.session.pins import PinHash
from game.session.seats import Seat, SeatKind


class LoadedLike(Protocol):
    """What the session needs of a loaded scenario (``game.scenario.LoadedScenario``)."""

    @property
    def scenario(self) -> Scenario: ...
    @property
    def content_hash(self) -> str: ...
    @property
    def path(self) -> Path | None: ...


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One action of the game, who chose it (a person or a kind of computer seat) and why.

    A computer seat's ``rationale`` is private (its numbers, its secret red lines'
    reasons) and is shown only in the debrief; its ``remark`` is what it says at
    the table, shown during play.  The rationale is never saved (see
    ``game.session.reveal``), so it is no part of an entry's equality: a loaded
    log equals the log that was saved.
    """

    action: Action
    by: SeatKind
    rationale: str = field(default="", compare=False)
    remark: str = ""


@dataclass(frozen=True, slots=True)
class Turn:
    """What one applied action did: its place in the log and the events it caused."""

    number: int  # 1-based position in the log
    entry: LogEntry
    text: str  # the action in the engine's text notation
    events: tuple[GameEvent, ...]

    @property
    def action(self) -> Action:
        return self.entry.action

    @property
    def actor(self) -> str:
        return self.entry.action.actor

    @property
    def rationale(self) -> str:
        return self.entry.rationale

    @property
    def remark(self) -> str:
        return self.entry.remark


@dataclass(frozen=True, slots=True)
class GameRecord:
    """Everything a save holds, as plain values: the session builds it, ``saving`` writes it."""

    scenario_id: str
    scenario_hash: str
    scenario_path: Path | None  # where the scenario was loaded from, if from a file
    seed: int
    seats: Mapping[str, Seat]
    log: tuple[LogEntry, ...]
    pins: Mapping[str, PinHash]  # hot-seat delegations' PINs, hashed
    facilitator_pin: PinHash | None = None  # the console's PIN, hashed


class ReplayError(SessionError):
    """An action of a recorded log that the engine refuses on replay."""

    def __init__(self, number: int, total: int, text: str, reason: str) -> None:
        super().__init__(f"action {number} of {total} ({text!r}) is illegal on replay: {reason}")
        self.number = number
        self.reason = reason


class AgentError(RuntimeError):
    """A computer seat chose an action the engine refuses: a bug in the agent."""
