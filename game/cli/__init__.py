"""The ``redlines`` command line: a thin dispatcher over one module per command.

Command modules are imported only when their command runs, so that
``redlines validate`` never imports pygame and answers quickly.  Each module
defines ``HELP`` (one line), ``configure(parser)`` and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from game.errors import UserError

# command name -> module (relative to this package); order is the help order
COMMANDS: dict[str, str] = {
    "play": "play",
    "replay": "replay",
    "validate": "validate",
    "analyze": "analyze",
    "info": "info",
    "schema": "schema",
    "new": "new",
    "simulate": "simulate",
    "export": "export",
    "briefings": "briefings",
}

EXIT_OK = 0
EXIT_USER_ERROR = 1
EXIT_MISUSE = 2


def _load(name: str) -> ModuleType:
    return importlib.import_module(f"game.cli.{COMMANDS[name]}")


def _usage() -> str:
    lines = ["usage: redlines [COMMAND] [ARGS...]", "", "commands:"]
    lines += [f"  {name:<10} {_load(name).HELP}" for name in COMMANDS]
    lines += [
        "",
        "With no command, the game window opens on the bundled scenario.",
        "Run 'redlines COMMAND --help' for a command's options.",
    ]
    return "\n".join(lines)


def _tolerant_output() -> None:
    """Never crash on a narrow console: unprintable characters become ``?``.

    A scenario's typographic quotes or Cyrillic names reach every command's
    output (``info``, ``simulate``, ``play``); with ``PYTHONIOENCODING=ascii`` or
    an old Windows code page they must not end the program with a traceback.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _silence_stdout() -> None:
    # Point stdout at devnull so the interpreter's final flush of a closed pipe stays quiet.
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)  # dup2 made its own copy


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_output()
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        args = ["play"]
    if args[0] in ("-h", "--help", "help"):
        print(_usage())
        return EXIT_OK
    if args[0] in ("-V", "--version"):
        from game import __version__

        print(f"redlines {__version__}")
        return EXIT_OK
    name = args[0]
    module = _load(name) if name in COMMANDS else None
    if module is None:
        print(f"redlines: unknown command {name!r}\n\n{_usage()}", file=sys.stderr)
        return EXIT_MISUSE
    parser = argparse.ArgumentParser(prog=f"redlines {name}", description=module.HELP)
    module.configure(parser)
    parsed = parser.parse_args(args[1:])  # exits with status 2 on misuse
    try:
        return int(module.run(parsed))
    except UserError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `redlines info ... | head` closed our stdout early: not an error of ours.
        _silence_stdout()
        return EXIT_OK
