"""The session's user-facing errors: a refused move, an impossible undo, a broken save."""

from __future__ import annotations

from game.errors import UserError


class SessionError(UserError):
    """A move or command the session refuses; ``str()`` says why in one line."""


class SaveError(UserError):
    """A save file that cannot be written or read back; ``str()`` is the whole story."""
