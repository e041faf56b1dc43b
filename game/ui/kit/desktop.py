"""Hand a file or folder to the desktop (the file manager, the browser) to open.

The game never waits on it: the platform's opener starts and returns at once.
Where there is none (a headless machine, a locked-down classroom), the caller
gets the reason in words and shows the path instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path


def _command(path: Path) -> list[str]:
    if sys.platform == "darwin":
        return ["open", str(path)]
    return ["xdg-open", str(path)]


def _launch(path: Path) -> None:
    if sys.platform == "win32":
        os.startfile(path)  # type: ignore[attr-defined]  # only on Windows
        return
    subprocess.Popen(  # a fixed opener and a path of ours, no shell
        _command(path),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


# Tests replace this; everything else goes through ``open_path``.
launcher: Callable[[Path], None] = _launch


def open_path(path: Path) -> str | None:
    """Ask the desktop to open ``path``; None if it was handed over, else why not."""
    try:
        launcher(path)
    except (OSError, ValueError) as exc:
        return f"could not open {path}: {exc.strerror if isinstance(exc, OSError) else exc}"
    return None
