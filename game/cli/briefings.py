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
        help="the folder to write into (default: SCENARIO-ID-briefings in the current folder); "
        "pages already there are replaced only if an earlier run wrote them",
    )
    parser.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="the pages of the game played with this seed (play/host --seed N): the hidden"
        " types it draws, for a scenario that has them",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace files of the same names even if this command did not write them "
        "(never the scenario, a device or a pipe)",
    )


def run(args: argparse.Namespace) -> int:
    from game.export.briefings import INDEX, briefing_pages
    from game.export.htmlkit import is_our_page
    from game.outputs import check_output, write_output
    from game.scenario import load_scenario

    loaded = load_scenario(args.scenario)  # ScenarioError is a UserError: the dispatcher shows it
    folder: Path = args.output or Path(f"{loaded.scenario.id}-briefings")
    if folder.exists() and not folder.is_dir():
        raise UserError(f"cannot write briefings into {folder}: it is a file, not a folder")
    parent = folder.parent if str(folder.parent) else Path(".")
    if not parent.is_dir():
        raise UserError(
            f"cannot write briefings into {folder}: the folder {parent} does not exist "
            "(create it first)"
        )
    pages = {
        name: text.encode("utf-8")
        for name, text in briefing_pages(loaded.scenario, args.seed).items()
    }
    keep = [(loaded.path, "the scenario")] if loaded.path is not None else []
    created = not folder.exists()
    if not created:  # every page is checked before any is written: all or nothing refused
        for name in pages:
            check_output(folder / name, ours=is_our_page, force=args.force, keep=keep)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot write briefings into {folder}: {exc.strerror or exc}") from None
    for name, data in pages.items():
        write_output(folder / name, data, ours=is_our_page, force=args.force, keep=keep)
    made = "made the folder and " if created else ""
    print(f"{made}wrote {len(pages)} pages to {folder}; open {folder / INDEX} to print them")
    return 0
