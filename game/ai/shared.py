"""Facts a delegate compiles once that any delegate of the same scenario may reuse, across games.

Self-play makes fresh delegates for every game; compiling the same preferences and
opponent priors again each time costs as much as several moves.  Each entry keeps
the inputs it was computed from and is reused only when they are equal, so an
edited or different scenario never gets stale facts.  Values are read-only.
"""

from __future__ import annotations

from collections.abc import Hashable

_LIMIT = 512  # a few scenarios' actors; cleared when full
_STORE: dict[Hashable, tuple[object, object]] = {}


def recall(key: Hashable, inputs: object) -> object | None:
    """The value remembered under ``key`` if it was computed from equal ``inputs``."""
    found = _STORE.get(key)
    if found is not None and found[0] == inputs:
        return found[1]
    return None


def remember(key: Hashable, inputs: object, value: object) -> None:
    if len(_STORE) >= _LIMIT:
        _STORE.clear()
    _STORE[key] = (inputs, value)
