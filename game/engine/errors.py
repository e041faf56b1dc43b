"""The engine's own error types: which mistake an action made, and in what state."""

from __future__ import annotations


class EngineError(Exception):
    """Base of every error the engine raises on purpose."""


class ActionError(EngineError):
    """An action that cannot be applied; ``str()`` is a message a player can read."""


class MalformedActionError(ActionError):
    """Action text that does not parse, or an action value that is not well formed;
    ``reason`` is what is wrong without the text (for a note that quotes it short)."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


class IllegalActionError(ActionError):
    """A well-formed action that the rules refuse in the current state."""
