"""Where games autosave: one file per game in the user data folder, and the latest to continue.

Each game gets its own ``autosave/<scenario-id>-<seed>-<start time>.json``, so
starting a second game never overwrites the first.  The game that autosaved
last is also copied to ``autosave.json`` beside the other saves (the "latest",
which the Load screen lists).  "Continue" opens the one written last
(``latest_autosave``); a game continued from an autosave, or from the latest
copy, keeps writing to its own file.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from pathlib import Path

from game import paths
from game.fileio import clean_stale_temporaries

FOLDER = "autosave"
LATEST_NAME = "autosave.json"  # a copy of the last autosave written (older versions' only one)


def autosave_dir() -> Path:
    """The folder of autosaves (inside ``game.paths.user_data_dir()``)."""
    return paths.user_data_dir() / FOLDER


def latest_copy_path() -> Path:
    """Where the copy of the most recent autosave goes (beside the player's own saves)."""
    return paths.user_data_dir() / LATEST_NAME


def new_autosave_path(scenario_id: str, seed: int, started: _dt.datetime | None = None) -> Path:
    """A fresh autosave file name for a game starting now (or at ``started``)."""
    when = started or _dt.datetime.now(_dt.UTC)
    stamp = when.strftime("%Y%m%dT%H%M%S%fZ")  # microseconds: two games a second apart differ
    safe_id = scenario_id if paths.is_scenario_id(scenario_id) else "scenario"
    return autosave_dir() / f"{safe_id}-{seed}-{stamp}.json"


def is_autosave(path: Path) -> bool:
    """Is ``path`` one of the autosaves (so a continued game should keep writing to it)?"""
    try:
        return path.resolve().parent == autosave_dir().resolve() and path.suffix == ".json"
    except OSError:
        return False


def own_file(path: Path) -> Path | None:
    """The per-game autosave a game loaded from ``path`` should keep writing to, if any.

    An autosave is its own; the latest copy belongs to the per-game autosave with
    the same content (None when there is none: an older version's single autosave).
    """
    if is_autosave(path):
        return path
    try:
        if path.resolve() != latest_copy_path().resolve():
            return None
        content = path.read_bytes()
        for candidate in autosaves():
            if candidate.parent != path.parent and candidate.read_bytes() == content:
                return candidate
    except OSError:
        return None
    return None


def autosaves() -> list[Path]:
    """Every autosave, the most recently written first (the legacy single one included)."""
    found: list[tuple[float, Path]] = []
    candidates = [latest_copy_path()]
    with contextlib.suppress(OSError):  # no folder yet: no autosave yet
        candidates += [p for p in autosave_dir().iterdir() if p.suffix == ".json"]
    for path in candidates:
        if path.name.startswith("."):
            continue  # a temporary file of a write in progress
        try:
            if path.is_file():
                found.append((path.stat().st_mtime, path))
        except OSError:
            continue
    found.sort(key=lambda item: (item[0], item[1].name), reverse=True)
    return [path for _, path in found]


def latest_autosave() -> Path | None:
    """The autosave that "Continue" should open, or None when no game was autosaved."""
    found = autosaves()
    return found[0] if found else None


def continue_path() -> Path:
    """``latest_autosave()``, or where a first autosave would go (a file that does not exist)."""
    latest = latest_autosave()
    return latest if latest is not None else autosave_dir() / "none.json"


def clean_stale_files(now: float | None = None) -> list[Path]:
    """Remove temporary files that killed saves left in the game's own folders (at start-up)."""
    folders = (paths.user_data_dir(), autosave_dir(), paths.user_config_dir())
    return [path for folder in folders for path in clean_stale_temporaries(folder, now=now)]
