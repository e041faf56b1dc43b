"""Command-line options about seats that ``play``, ``simulate`` and ``tournament`` share:
``--agent-timeout``, and refusing an ``agent:PATH`` whose program does not exist."""

from __future__ import annotations

import argparse
import math
from collections.abc import Iterable
from pathlib import Path

from game.errors import UserError
from game.session.seats import DEFAULT_AGENT_TIMEOUT as DEFAULT
from game.session.seats import Seat, SeatKind


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value <= 0 or value > 3600:
        raise argparse.ArgumentTypeError(f"{text!r}: give seconds above 0, at most 3600")
    return value


def add_agent_timeout(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--agent-timeout",
        type=_seconds,
        default=DEFAULT,
        metavar="SECONDS",
        help="how long an agent:PATH seat may think about one move before it passes "
        f"(default {DEFAULT:g})",
    )


def check_agent_programs(seats: Iterable[Seat]) -> None:
    """Refuse at once an agent seat whose program does not exist (not a pass per turn)."""
    for seat in seats:
        if seat.kind is SeatKind.AGENT and not Path(seat.path).is_file():
            raise UserError(f"agent:{seat.path}: no such program file")
