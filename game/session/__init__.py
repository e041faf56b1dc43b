"""The layer between the rules and the screens: a game in progress, its seats and its saves.

Live reload (``game.session.watch``) is imported on its own: it loads the YAML reader.
"""

from game.ai import Decision, Difficulty
from game.session.agents import (
    Agent,
    RandomAgent,
    register_agent_factory,
    unregister_agent_factory,
)
from game.session.autosaves import latest_autosave
from game.session.clock import TurnClock
from game.session.errors import SaveError, SessionError
from game.session.facilitator import Facilitation
from game.session.pins import PinHash
from game.session.seats import Seat, SeatKind, format_seats, parse_seats
from game.session.session import AgentError, LoadedLike, LogEntry, ReplayError, Session, Turn
from game.session.store import load, read_save, save

__all__ = [
    "Agent",
    "AgentError",
    "Decision",
    "Difficulty",
    "Facilitation",
    "LoadedLike",
    "LogEntry",
    "PinHash",
    "RandomAgent",
    "ReplayError",
    "SaveError",
    "Seat",
    "SeatKind",
    "Session",
    "SessionError",
    "Turn",
    "TurnClock",
    "format_seats",
    "latest_autosave",
    "load",
    "parse_seats",
    "read_save",
    "register_agent_factory",
    "save",
    "unregister_agent_factory",
]
