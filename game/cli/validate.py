"""``redlines validate``: check scenario files and report every mistake with its position."""

from __future__ import annotations

import argparse
import sys

HELP = "check scenario files: every mistake as FILE:LINE:COL: path: message"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "scenarios", nargs="+", metavar="PATH_OR_ID", help="scenario files or bundled ids"
    )
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit status 1)"
    )


def run(args: argparse.Namespace) -> int:
    from game.errors import UserError
    from game.scenario import ScenarioError, load_scenario
    from game.scenario.describe import one_line
    from game.scenario.lint import warnings_for

    failed = False
    for target in args.scenarios:
        try:
            loaded = load_scenario(target)
        except ScenarioError as exc:
            print(exc, file=sys.stderr)
            count = len(exc.errors)
            print(
                f"FAILED {exc.errors[0].file} ({count} error{'s' * (count != 1)})", file=sys.stderr
            )
            failed = True
            continue
        except UserError as exc:
            print(exc, file=sys.stderr)
            failed = True
            continue
        warnings = warnings_for(loaded)
        for warning in warnings:
            print(warning, file=sys.stderr)
        if warnings and args.strict:
            failed = True
        print(f"OK {loaded.name} ({one_line(loaded.scenario)})")
    return 1 if failed else 0
