"""Run the ``redlines`` command line in this process, as a shell would, and collect what it said.

Starting a Python process per command costs about a second of CPU (the interpreter,
pydantic, the scenario); most command-line tests only need ``main()`` with its own
stdin, stdout, stderr, environment and exit status, which this gives.  Tests about
the process itself (which modules it imports, the console's encoding, no display)
still start one.
"""

from __future__ import annotations

import io
import os
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from game.cli import main


@dataclass(frozen=True)
class Ran:
    """What a command did: the shape of ``subprocess.CompletedProcess`` that tests read."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(
    *args: str, home: Path | None = None, stdin: str = "", env: dict[str, str] | None = None
) -> Ran:
    """``redlines ARGS`` with ``stdin`` as its input (and ``home`` as REDLINES_HOME)."""
    out, err = io.StringIO(), io.StringIO()
    environment = {**({} if home is None else {"REDLINES_HOME": str(home)}), **(env or {})}
    with (
        mock.patch.dict(os.environ, environment),
        mock.patch.object(sys, "stdin", io.StringIO(stdin)),
        redirect_stdout(out),
        redirect_stderr(err),
    ):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse's misuse (2) and --help (0)
            code = exc.code if isinstance(exc.code, int) else 1
    return Ran(code, out.getvalue(), err.getvalue())
