"""``redlines export SAVE``: the debrief of a saved game as Markdown or one self-contained HTML."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

HELP = "write the debrief of a saved game (transcript, scores, red lines, ledger) as md or html"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("save", type=Path, metavar="SAVE", help="a save file (JSON)")
    parser.add_argument(
        "--scenario",
        type=Path,
        metavar="PATH",
        help="the scenario file the game was played on, if it is no longer where it was",
    )
    parser.add_argument(
        "--format",
        choices=("md", "html"),
        help="md or html (default: from the -o file's extension, else html)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write it (default: next to the save, with .md or .html; '-' for stdout); "
        "an existing file is replaced only if an earlier export wrote it",
    )
    parser.add_argument(
        "--reveal",
        action="store_true",
        help="for a game that is not over: include what only the debrief may reveal "
        "(confidential briefings, secret red lines, scores, AI rationales); a finished "
        "game's export always does",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace FILE even if it is not an earlier export (never the save, the "
        "scenario, a device or a pipe)",
    )


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output and args.output != "-":
        suffix = Path(args.output).suffix.lower().lstrip(".")
        if suffix in ("md", "markdown"):
            return "md"
    return "html"


def run(args: argparse.Namespace) -> int:
    from game.export import build_debrief
    from game.export.files import render, write_export
    from game.session.store import load

    # A broken save is a SaveError: one message, exit 1.
    session = load(args.save, scenario=args.scenario)
    kind = _format(args)
    reveal = bool(args.reveal)
    if args.output == "-":
        sys.stdout.write(render(build_debrief(session, reveal=reveal or session.is_over), kind))
        print(_privacy_note(session.is_over, reveal), file=sys.stderr)
        return 0
    target = Path(args.output) if args.output else args.save.with_suffix(f".{kind}")
    size = write_export(session, target, kind, force=args.force, save=args.save, reveal=reveal)
    print(f"wrote {target} ({math.ceil(size / 1024)} KB); {_privacy_note(session.is_over, reveal)}")
    return 0


def _privacy_note(over: bool, reveal: bool) -> str:
    if over:
        return "the game is over: every briefing and AI rationale is revealed"
    if reveal:
        return (
            "the game is not over and --reveal was given: the file holds every "
            "delegation's private texts; keep it from the players until the debrief"
        )
    return (
        "the game is not over: private texts (briefings, secret red lines, scores, AI "
        "rationales) are left out; add --reveal to include them"
    )
