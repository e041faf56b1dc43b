"""The one exception type for mistakes a user made (not bugs).

The CLI and the front end catch ``UserError`` and show its message without a
traceback; anything else is a bug and is allowed to surface as one.  The
engine keeps its own error types (it imports nothing of ours); the layers
above wrap them in ``UserError`` where a person's input caused them.
"""

from __future__ import annotations


class UserError(Exception):
    """A mistake in a user's file, save or command line; ``str()`` is the whole message."""
