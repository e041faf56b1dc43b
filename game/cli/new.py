"""``redlines new``: write a commented starter scenario that validates, for an author to edit."""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

HELP = "write a commented starter scenario to PATH (never over an existing file without --force)"

_STARTER = Path(__file__).resolve().parent.parent / "scenario" / "starter.yaml"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="the new scenario file, e.g. my-crisis.yaml")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace PATH if it exists (never a device or a pipe)",
    )


def _scenario_id(path: Path) -> str:
    """The file's stem as an id (``My Crisis.yaml`` -> ``my-crisis``)."""
    from game.paths import is_scenario_id

    ident = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return ident if is_scenario_id(ident) else "my-crisis"


def _schema_reference(path: Path) -> str:
    """Where the editor finds the JSON Schema, relative to the new file when possible."""
    from game import paths
    from game.scenario.schema import SCHEMA_FILE

    schema = paths.scenarios_dir() / SCHEMA_FILE
    try:
        return Path(os.path.relpath(schema, path.resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        return schema.as_uri()


def starter_text(path: Path) -> str:
    """The starter scenario, with its id and schema reference fitted to ``path``."""
    text = _STARTER.read_text(encoding="utf-8")
    text = text.replace("$schema=scenario.schema.json", f"$schema={_schema_reference(path)}", 1)
    return text.replace("id: my-crisis ", f"id: {_scenario_id(path)} ", 1)


def run(args: argparse.Namespace) -> int:
    from game.errors import UserError
    from game.fileio import write_atomic
    from game.outputs import check_output, never_ours

    path = Path(args.path)
    # A scenario is an author's work: no existing file is ever "ours" to replace.
    check_output(path, ours=never_ours, force=True)  # the folder, devices and pipes
    data = starter_text(path).encode("utf-8")
    try:
        write_atomic(path, data, overwrite=args.force, make_parents=False)
    except FileExistsError:
        raise UserError(
            f"{path}: already exists; not overwriting it (give --force to replace it)"
        ) from None
    except OSError as exc:
        raise UserError(f"{path}: cannot write: {exc.strerror}") from None
    print(f"wrote {path}; edit it, then run: redlines validate {path}")
    return 0
