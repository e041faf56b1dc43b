"""``redlines schema``: print the JSON Schema of the scenario format (for editors)."""

from __future__ import annotations

import argparse
import sys

HELP = "print the JSON Schema of the scenario format"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from game.errors import UserError
    from game.fileio import write_atomic
    from game.scenario.schema import schema_text

    text = schema_text()
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        write_atomic(Path(args.output), text.encode("utf-8"))
    except OSError as exc:
        raise UserError(f"{args.output}: cannot write: {exc.strerror}") from None
    return 0
