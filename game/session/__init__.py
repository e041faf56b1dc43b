"""The layer between the rules and the screens: a game in progress, its seats and its saves."""

from game.session.agents import (
    Agent,
    Decision,
    RandomAgent,
    register_agent_factory,
    unregister_agent_factory,
)
from game.session.errors import SaveError, SessionError
from game.session.seats import Difficulty, Seat, SeatKind, format_seats, parse_seats
from game.session.session import AgentError, LoadedLike, LogEntry, ReplayError, Session, Turn
from game.session.store import load, read_save, save

__all__ = [
    "Agent",
    "AgentError",
    "Decision",
    "Difficulty",
    "LoadedLike",
    "LogEntry",
    "RandomAgent",
    "ReplayError",
    "SaveError",
    "Seat",
    "SeatKind",
    "Session",
    "SessionError",
    "Turn",
    "format_seats",
    "load",
    "parse_seats",
    "read_save",
    "register_agent_factory",
    "save",
    "unregister_agent_factory",
]
