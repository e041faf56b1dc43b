"""``redlines schema``: print the JSON Schema of the scenario format (for editors)."""

from __future__ import annotations

import argparse
import sys

HELP = "print the JSON Schema of the scenario format"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE instead of stdout (an existing file only if it is a schema)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace FILE even if it is not a schema (never a device or a pipe)",
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from game.outputs import write_output
    from game.scenario.schema import is_our_schema, schema_text

    text = schema_text()
    if args.output is None:
        sys.stdout.write(text)
        return 0
    write_output(Path(args.output), text.encode("utf-8"), ours=is_our_schema, force=args.force)
    return 0
