"""``redlines replay SAVE``: replay a saved game and print how it ended (or ``--json``)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

HELP = "replay a saved game and print its outcome, scores and digest"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("save", type=Path, metavar="SAVE", help="a save file (JSON)")
    parser.add_argument(
        "--scenario",
        type=Path,
        metavar="PATH",
        help="the scenario file the game was played on, if it is no longer where it was",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object (digest, outcome, scores, turns, ...) instead of text",
    )


def run(args: argparse.Namespace) -> int:
    from game.session.store import load
    from game.text.summary import summarize, summary_json, summary_lines

    # A broken save is a SaveError: one message, exit 1.
    session = load(args.save, scenario=args.scenario)
    summary = summarize(session)
    if args.json:
        print(json.dumps(summary_json(summary), indent=2, sort_keys=True))
    else:
        names = {actor.id: actor.name for actor in session.scenario.actors}
        print(f"{session.scenario.title} (seed {session.seed})")
        print("\n".join(summary_lines(summary, names)))
    return 0
