"""``redlines export SAVE``: the debrief of a saved game as Markdown or one self-contained HTML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.errors import UserError

HELP = "write the debrief of a saved game (transcript, scores, red lines, ledger) as md or html"
FORMATS = ("md", "html")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("save", type=Path, metavar="SAVE", help="a save file (JSON)")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="md or html (default: from the -o file's extension, else html)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write it (default: next to the save, with .md or .html; '-' for stdout)",
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
    from game.export.html_debrief import debrief_html
    from game.export.markdown import debrief_markdown
    from game.session.savefile import write_atomic
    from game.session.store import load

    session = load(args.save)  # a broken save is a SaveError: one message, exit 1
    kind = _format(args)
    debrief = build_debrief(session)
    text = debrief_html(debrief) if kind == "html" else debrief_markdown(debrief)
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    target = Path(args.output) if args.output else args.save.with_suffix(f".{kind}")
    try:
        write_atomic(target, text.encode("utf-8"))
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror or exc}") from None
    print(f"wrote {target} ({len(text.encode('utf-8')) // 1024 + 1} KB)")
    return 0
