"""``redlines briefings``: printable HTML briefings of a scenario, for a class that reads first."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.errors import UserError

HELP = "write printable briefings: one page per delegation, a general page and a teacher sheet"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="PATH_OR_ID", help="a scenario file or bundled id")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="DIR",
        help="the folder to write into (default: SCENARIO-ID-briefings in the current folder)",
    )


def run(args: argparse.Namespace) -> int:
    from game.export.briefings import INDEX, briefing_pages
    from game.fileio import write_atomic
    from game.scenario import load_scenario

    loaded = load_scenario(args.scenario)  # ScenarioError is a UserError: the dispatcher shows it
    folder: Path = args.output or Path(f"{loaded.scenario.id}-briefings")
    if folder.exists() and not folder.is_dir():
        raise UserError(f"cannot write briefings into {folder}: it is a file, not a folder")
    pages = briefing_pages(loaded.scenario)
    try:
        for name, text in pages.items():
            write_atomic(folder / name, text.encode("utf-8"))
    except OSError as exc:
        raise UserError(f"cannot write briefings into {folder}: {exc.strerror or exc}") from None
    print(f"wrote {len(pages)} pages to {folder}; open {folder / INDEX} to print them")
    return 0
