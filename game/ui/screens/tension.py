"""What moved the tension: each change of the public record with its cause and its size.

The record reports the new level after a move or an event (a TENSION event);
its cause is the move or event just before it (not the quotes, lapsed
proposals or settled terms that a move also reports).  The round summary lists
a round's changes, the top bar's tension meter the last few.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.engine import EventKind, GameEvent

# Reported alongside a move or an event, never the reason the tension moved.
_NOT_CAUSES = frozenset(
    {
        EventKind.TENSION,
        EventKind.QUOTE,
        EventKind.DEMAND,
        EventKind.PROPOSAL_WITHDRAWN,
        EventKind.BINDING,
        EventKind.PROVISIONAL,
        EventKind.COMMITMENT_KEPT,
        EventKind.COMMITMENT_BROKEN,
        EventKind.THREAT_LAPSED,
        EventKind.BOOKMARK,
        EventKind.ROUND_OPENED,
        EventKind.GAME_OPENED,
    }
)


CAUSE_CHARS = 90  # a cause is named, not told again: the transcript has the whole of it


def _short(text: str) -> str:
    """The first sentence of an event's first line, at most ``CAUSE_CHARS`` long."""
    lines = text.strip().splitlines()
    first = " ".join(lines[0].split()) if lines else ""
    sentence, dot, _ = first.partition(". ")
    first = sentence + "." if dot else first
    return first if len(first) <= CAUSE_CHARS else first[: CAUSE_CHARS - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class TensionChange:
    cause: str  # the move or event, in the record's words (its first line)
    delta: float
    level: float  # the tension after it
    round: int
    turn: int

    def line(self) -> str:
        """``+3 → 65: <delegation> threatens …``."""
        return f"{self.delta:+.0f} → {self.level:.0f}: {self.cause}"


def tension_changes(log: Iterable[GameEvent], start: float) -> list[TensionChange]:
    """Every change of tension in ``log``, oldest first, from the opening level ``start``."""
    level = start
    cause = "The talks open"
    out = []
    for event in log:
        if event.kind is EventKind.TENSION and event.value is not None:
            if event.value != level:
                out.append(
                    TensionChange(cause, event.value - level, event.value, event.round, event.turn)
                )
            level = event.value
        elif event.kind not in _NOT_CAUSES:
            cause = _short(event.text) or str(event.kind)
    return out
