"""The argument blocks that several commands share, declared once.

``play`` and ``host`` run one live game (its scenario, seed, turn timer and
facilitator PIN); ``simulate`` and ``tournament`` run batches of computer games
(a scenario, a first seed, worker processes, a JSON report).  Each command keeps
its own flags and words for what differs; the flag names are a contract.
"""

from __future__ import annotations

import argparse

from game.paths import DEFAULT_SCENARIO

MAX_JOBS = 1024  # more processes than any machine has cores for


def whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def positive(text: str) -> int:
    value = whole(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return value


def jobs(text: str) -> int:
    value = positive(text)
    if value > MAX_JOBS:
        raise argparse.ArgumentTypeError(f"at most {MAX_JOBS} worker processes, not {value:,}")
    return value


def turn_seconds(text: str) -> float:
    """A turn timer's length, checked as the game's clock checks it."""
    from game.session.clock import check_limit

    try:
        limit = check_limit(float(text))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r}: {exc}") from None
    assert limit is not None
    return limit


# --- one live game: play, host -------------------------------------------------------


def add_game_scenario(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "scenario",
        nargs="?",
        metavar="PATH_OR_ID",
        help=f"a scenario file or the id of a bundled one (default: {DEFAULT_SCENARIO})",
    )


def add_game_seed(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, metavar="N", help="the game's seed (default: random)")


def add_timer_and_pin(
    parser: argparse.ArgumentParser, *, timer_help: str, pin_help: str, metavar: str = "SECONDS"
) -> None:
    """``--timer`` and ``--facilitator-pin``, in the command's own words."""
    parser.add_argument("--timer", type=turn_seconds, metavar=metavar, help=timer_help)
    parser.add_argument("--facilitator-pin", metavar="PIN", help=pin_help)


# --- batches of computer games: simulate, tournament ---------------------------------


def add_batch_scenario(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="PATH_OR_ID", help="a scenario file or bundled id")


def add_batch_seed(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=whole, default=0, help="game i uses seed SEED+i (0)")


def add_jobs_and_json(parser: argparse.ArgumentParser, *, jobs_help: str) -> None:
    parser.add_argument("--jobs", type=jobs, default=None, help=jobs_help)
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
