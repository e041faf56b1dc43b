"""``redlines tournament``: agent kinds in every seat against the AI, and their margins."""

from __future__ import annotations

import argparse
import json
import sys

from game.cli import options
from game.session.seat_options import add_agent_timeout, check_agent_programs

HELP = "play agent kinds (ai, ai:hard, random, agent:PATH) in every seat against the AI"


def _progress(done: int, total: int) -> None:
    """Cells played so far, redrawn in place (only on a terminal)."""
    sys.stderr.write(f"\r{done}/{total} seats played")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def configure(parser: argparse.ArgumentParser) -> None:
    options.add_batch_scenario(parser)
    parser.add_argument(
        "--agents",
        metavar="KIND,KIND,...",
        required=True,
        help="the kinds to play: ai:easy, ai, ai:hard, random, agent:PATH",
    )
    parser.add_argument("--games", type=options.positive, default=100, help="seeds per seat (100)")
    options.add_batch_seed(parser)
    options.add_jobs_and_json(parser, jobs_help="worker processes (all cores)")
    add_agent_timeout(parser)


def run(args: argparse.Namespace) -> int:
    from game.errors import UserError
    from game.scenario import load_scenario
    from game.session.seats import parse_seat, with_agent_timeout
    from game.sim.tournament import text, tournament

    scenario = load_scenario(args.scenario).scenario
    names = [k.strip() for k in args.agents.split(",") if k.strip()]
    if not names:
        raise UserError("--agents names no kind (example: --agents ai:hard,random)")
    kinds = []
    for name in names:
        seat = parse_seat(name, where=name)
        if seat.is_human:
            raise UserError("a tournament plays computer seats only, not human")
        seat = with_agent_timeout({"_": seat}, args.agent_timeout)["_"]
        kinds.append((name, seat))
    check_agent_programs(seat for _, seat in kinds)
    progress = _progress if sys.stderr.isatty() else None
    report = tournament(
        scenario, kinds, games=args.games, seed=args.seed, jobs=args.jobs, progress=progress
    )
    print(json.dumps(report, indent=2) if args.json else text(report))
    return 0
