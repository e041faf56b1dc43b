"""The wire protocol between a host and its clients: versioned JSON text frames.

Every frame is one JSON object with a ``type``.  A client speaks first, with
``join``; after that it may send ``act`` (an action in the game's text notation)
and ``undo``.  The host answers with ``welcome`` and then sends ``update``,
``your-move``, ``roster``, ``refused``, ``error`` and finally ``over``.  The
frames and their fields are documented in docs/network.md; this module is the
one place that reads a client's frame, so every way a frame can be wrong is
named here and answered with one ``error`` frame.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

# The version this host and client speak: 2 added a seat's hidden type to its private
# part (an older laptop would have played without its instructions).
PROTOCOL = 2
DEFAULT_PORT = 8765
MAX_CLIENT_FRAME = 16 * 1024  # bytes: an action is a line of text; anything bigger is hostile
MAX_HOST_FRAME = 8 * 1024 * 1024  # a welcome carries the whole table: generous, but bounded
MAX_ID = 64  # characters in a seat id
MAX_PIN = 64
MAX_ACTION = 4096  # characters in an action's text

SPECTATOR = "spectator"  # the role of a client that joined with "spectate": true


class FrameError(ValueError):
    """A client frame the host cannot use; ``code`` names the mistake for the error frame."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


# --- what a client sends -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Join:
    """Take a delegation's seat (with its PIN, if it has one) or watch as a spectator."""

    seat: str | None  # None: a spectator
    pin: str | None = None

    @property
    def spectate(self) -> bool:
        return self.seat is None


@dataclass(frozen=True, slots=True)
class Act:
    """One move in the game's text notation, e.g. ``a propose x=y``."""

    action: str


@dataclass(frozen=True, slots=True)
class Undo:
    """Take back this delegation's last move (and the computer's moves after it)."""


ClientFrame = Join | Act | Undo


def parse_client_frame(text: str | bytes) -> ClientFrame:
    """A client's frame, checked; ``FrameError`` says exactly what is wrong with it."""
    if isinstance(text, bytes):
        raise FrameError("binary", "frames are JSON text; binary frames are not accepted")
    if len(text) > MAX_CLIENT_FRAME:
        raise FrameError("too-big", f"a frame may be at most {MAX_CLIENT_FRAME} bytes")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise FrameError("bad-json", "the frame is not valid JSON") from None
    if not isinstance(data, dict):
        raise FrameError("bad-frame", "a frame is a JSON object with a 'type'")
    kind = data.get("type")
    if kind == "join":
        return _join(data)
    if kind == "act":
        _only(data, {"type", "action"})
        return Act(_text(data, "action", MAX_ACTION))
    if kind == "undo":
        _only(data, {"type"})
        return Undo()
    if not isinstance(kind, str):
        raise FrameError("bad-frame", "a frame needs a 'type' that is a string")
    raise FrameError("unknown-type", f"unknown frame type {kind[:40]!r} (join, act or undo)")


def _join(data: dict[str, Any]) -> Join:
    version = data.get("protocol")
    if type(version) is not int:
        raise FrameError("bad-frame", "'join' needs 'protocol', an integer")
    if version != PROTOCOL:
        raise FrameError(
            "protocol", f"this host speaks protocol {PROTOCOL}, not {version}: update the game"
        )
    if data.get("spectate") is True:
        _only(data, {"type", "protocol", "spectate"})
        return Join(None)
    _only(data, {"type", "protocol", "seat", "pin", "spectate"})
    if "spectate" in data and data["spectate"] is not False:
        raise FrameError("bad-frame", "'spectate' is true or false")
    seat = _text(data, "seat", MAX_ID)
    pin = data.get("pin")
    if pin is not None and (not isinstance(pin, str) or len(pin) > MAX_PIN):
        raise FrameError("bad-frame", f"'pin' is a string of at most {MAX_PIN} characters, or null")
    return Join(seat, pin)


def _only(data: dict[str, Any], allowed: set[str]) -> None:
    extra = sorted(set(data) - allowed)
    if extra:
        raise FrameError("bad-frame", f"unknown field {extra[0][:40]!r} in a {data['type']!r}")


def _text(data: dict[str, Any], key: str, limit: int) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise FrameError("bad-frame", f"{key!r} must be a non-empty string of at most {limit}")
    return value


def client_frame(frame: ClientFrame) -> str:
    """What a client sends for ``frame`` (the inverse of ``parse_client_frame``)."""
    if isinstance(frame, Join):
        if frame.spectate:
            return dump({"type": "join", "protocol": PROTOCOL, "spectate": True})
        return dump({"type": "join", "protocol": PROTOCOL, "seat": frame.seat, "pin": frame.pin})
    if isinstance(frame, Act):
        return dump({"type": "act", "action": frame.action})
    return dump({"type": "undo"})


# --- what the host sends -------------------------------------------------------

# Error codes after which the host closes the connection (the client must join again).
FATAL = frozenset({"protocol", "seat-taken", "locked-out", "flood", "too-slow", "replaced"})
# Refusals of a join that may not hold a moment later: a seat without a PIN is "taken"
# while the host still holds the connection its laptop lost (until its ping times out).
PASSING = frozenset({"seat-taken"})


def error_frame(code: str, message: str) -> str:
    return dump({"type": "error", "code": code, "message": message, "fatal": code in FATAL})


def dump(data: dict[str, Any]) -> str:
    # Compact and ASCII-safe: Cyrillic names travel as escapes, whatever the terminal.
    return json.dumps(data, separators=(",", ":"))
