"""``redlines info``: a readable summary of a scenario (actors, issues, rounds, levers...)."""

from __future__ import annotations

import argparse

HELP = "summarise a scenario: actors, issues and options, rounds, levers, events, outcomes"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="PATH_OR_ID", help="a scenario file or bundled id")


def run(args: argparse.Namespace) -> int:
    from game.scenario import load_scenario
    from game.scenario.describe import report

    loaded = load_scenario(args.scenario)  # ScenarioError is a UserError: the dispatcher shows it
    print(report(loaded.scenario, loaded.content_hash))
    return 0
