"""``redlines simulate``: many computer-only games of a scenario and its balance report."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from game.cli import options
from game.session.seat_options import add_agent_timeout, check_agent_programs

HELP = "self-play N headless games and print the balance report (outcomes, scores, red lines)"

BAR_WIDTH = 30


def _games(text: str) -> int:
    from game.sim.runner import MAX_GAMES

    value = options.positive(text)
    if value > MAX_GAMES:
        raise argparse.ArgumentTypeError(
            f"{value:,} games is more than one run plays (at most {MAX_GAMES:,}: hours "
            "of play already); run several with different --seed values if you need more"
        )
    return value


def configure(parser: argparse.ArgumentParser) -> None:
    options.add_batch_scenario(parser)
    parser.add_argument("--games", type=_games, default=1000, help="games to play (1000)")
    options.add_batch_seed(parser)
    parser.add_argument(
        "--seats",
        metavar="SPEC",
        default="all=ai",
        help="computer seats, e.g. 'all=random', 'x=ai:hard,y=random' or "
        "'x=agent:PATH' (an outside program, docs/agents.md) (all=ai)",
    )
    add_agent_timeout(parser)
    options.add_jobs_and_json(
        parser, jobs_help="worker processes (all cores; no more than there are chunks of 25 games)"
    )


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
    from game.session.seats import parse_seats, with_agent_timeout
    from game.sim import simulate, text

    loaded = load_scenario(args.scenario)  # ScenarioError is a UserError: the dispatcher shows it
    scenario = loaded.scenario
    seats = parse_seats(args.seats, [a.id for a in scenario.playable])
    seats = with_agent_timeout(seats, args.agent_timeout)
    check_agent_programs(seats.values())
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
