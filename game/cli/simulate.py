"""``redlines simulate``: many computer-only games of a scenario and its balance report."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

HELP = "self-play N headless games and print the balance report (outcomes, scores, red lines)"

BAR_WIDTH = 30


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def _positive(text: str) -> int:
    value = _whole(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return value


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="PATH_OR_ID", help="a scenario file or bundled id")
    parser.add_argument("--games", type=_positive, default=1000, help="games to play (1000)")
    parser.add_argument("--seed", type=_whole, default=0, help="game i uses seed SEED+i (0)")
    parser.add_argument(
        "--seats",
        metavar="SPEC",
        default="all=ai",
        help="computer seats, e.g. 'all=random' or 'x=ai:hard,y=random' (all=ai)",
    )
    parser.add_argument("--jobs", type=_positive, default=None, help="worker processes (all cores)")
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")


class _Bar:
    """A one-line progress bar, redrawn in place; only on a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.last = -1

    def __call__(self, done: int, total: int) -> None:
        filled = done * BAR_WIDTH // max(total, 1)
        if filled == self.last and done != total:
            return
        self.last = filled
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} games")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


def run(args: argparse.Namespace) -> int:
    from game.errors import UserError
    from game.scenario import load_scenario
    from game.session.seats import parse_seats
    from game.sim import simulate, text

    loaded = load_scenario(args.scenario)  # ScenarioError is a UserError: the dispatcher shows it
    scenario = loaded.scenario
    seats = parse_seats(args.seats, [a.id for a in scenario.playable])
    humans = [actor for actor, seat in seats.items() if seat.is_human]
    if humans:
        raise UserError(
            f"simulate plays computer seats only, but {', '.join(humans)} would be human "
            "(use ai or random seats)"
        )
    progress = _Bar(sys.stderr) if sys.stderr.isatty() else None
    report = simulate(
        scenario, seats, games=args.games, seed=args.seed, jobs=args.jobs, progress=progress
    )
    print(json.dumps(report, indent=2) if args.json else text(report))
    return 0
