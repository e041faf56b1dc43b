"""``redlines play``: open the game window, or play in the terminal with ``--text``.

The terminal mode prints the table as text and reads one command a line, from
a person at a terminal or from a script piped into stdin; end of input saves
and quits.  It drives a ``Session`` and never decides a rule itself.
"""

from __future__ import annotations

import argparse
import importlib
import secrets
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.errors import UserError

if TYPE_CHECKING:
    from game.session.session import Session

HELP = "play a game: in the window, or in the terminal with --text"
DEFAULT_SCENARIO = "geneva-2022"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "scenario",
        nargs="?",
        metavar="PATH_OR_ID",
        help=f"a scenario file or the id of a bundled one (default: {DEFAULT_SCENARIO})",
    )
    parser.add_argument("--text", action="store_true", help="play in the terminal, not a window")
    parser.add_argument(
        "--seats",
        metavar="SPEC",
        help="who plays each delegation, e.g. ACTOR=human,ACTOR=ai:hard,ACTOR=random or "
        "all=random,ACTOR=human (default: the first delegation human, the others ai)",
    )
    parser.add_argument("--seed", type=int, metavar="N", help="the game's seed (default: random)")
    parser.add_argument(
        "--save", type=Path, metavar="FILE", help="also save the game to FILE after every move"
    )
    parser.add_argument(
        "--resume", type=Path, metavar="SAVE", help="continue a saved game (--text only)"
    )


def run(args: argparse.Namespace) -> int:
    if not args.text:
        return _window(args)
    session = _session(args)
    interactive = sys.stdin.isatty()
    # A scenario's typographic quotes or Cyrillic names must never crash a narrow console.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    from game.session.terminal import TextGame

    return TextGame(session, sys.stdin, sys.stdout, interactive=interactive).run()


def _window(args: argparse.Namespace) -> int:
    if args.resume is not None:
        raise UserError("--resume works with --text only in this version")
    run_game = None
    try:
        run_game = getattr(importlib.import_module("game.ui.main"), "run_game", None)
    except ModuleNotFoundError as exc:
        if exc.name not in ("game.ui", "game.ui.main"):
            raise  # a bug inside the front end, not a missing one
    if run_game is None:
        raise UserError(
            "the window front end is not available in this version; "
            "play in the terminal with: redlines play --text"
        )
    from game.scenario import load_scenario
    from game.session.seats import parse_seats

    loaded = load_scenario(args.scenario or DEFAULT_SCENARIO)
    playable = [actor.id for actor in loaded.scenario.playable]
    seats = parse_seats(args.seats, playable) if args.seats is not None else None
    return int(run_game(loaded, seats, args.seed) or 0)


def _session(args: argparse.Namespace) -> Session:
    from game.scenario import load_scenario
    from game.session.seats import parse_seats
    from game.session.session import Session
    from game.session.store import load, read_save

    if args.resume is not None:
        if args.scenario is not None or args.seed is not None:
            raise UserError("--resume takes the scenario and the seed from the save; give neither")
        seats = None
        if args.seats is not None:
            record = read_save(args.resume)
            seats = parse_seats(args.seats, list(record.seats))
        return load(args.resume, autosave=True, save_path=args.save, seats=seats)
    loaded = load_scenario(args.scenario or DEFAULT_SCENARIO)
    seats = parse_seats(args.seats, [actor.id for actor in loaded.scenario.playable])
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
    return Session(loaded, seed, seats, autosave=True, save_path=args.save)
