"""The one module that knows where the bundled scenarios and assets live.

In a source checkout (or an editable install) they are the top-level
``scenarios/`` and ``assets/`` folders; in a built wheel they are copied to
``game/_data/`` (see ``pyproject.toml``).  Nothing else in the code guesses.
"""

from __future__ import annotations

import re
from pathlib import Path

# What a scenario id looks like (``geneva-2022``): never a path, so an id from a save
# or the command line cannot reach outside the scenarios folder.
SCENARIO_ID_PATTERN = r"^[a-z][a-z0-9_-]*$"
_SCENARIO_ID = re.compile(SCENARIO_ID_PATTERN)

# The bundled scenario a game opens when the player names none.
DEFAULT_SCENARIO = "geneva-2022"

_PACKAGE = Path(__file__).resolve().parent


def _data_root() -> Path:
    installed = _PACKAGE / "_data"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent


def scenarios_dir() -> Path:
    """The folder of bundled scenario files."""
    return _data_root() / "scenarios"


def assets_dir() -> Path:
    """The folder of fonts, themes and sounds."""
    return _data_root() / "assets"


def is_scenario_id(text: str) -> bool:
    """Is ``text`` shaped like a scenario id (and so safe to look up in a folder)?"""
    return len(text) <= 64 and _SCENARIO_ID.fullmatch(text) is not None


def bundled_scenario(scenario_id: str) -> Path | None:
    """The bundled scenario file for an id such as ``geneva-2022``, if there is one."""
    if not is_scenario_id(scenario_id):
        return None  # "../x" or "a/b" is not an id: never look outside the folder
    candidate = scenarios_dir() / f"{scenario_id}.yaml"
    return candidate if candidate.is_file() else None


def bundled_editions(scenario_id: str) -> list[Path]:
    """Earlier editions of a bundled scenario, kept so that games saved on them still load
    (``scenarios/editions/ID/*.yaml``; never listed as scenarios of their own)."""
    if not is_scenario_id(scenario_id):
        return []
    return sorted((scenarios_dir() / "editions" / scenario_id).glob("*.yaml"))


def bundled_scenario_ids() -> list[str]:
    """Ids of all bundled scenarios, sorted."""
    return sorted(p.stem for p in scenarios_dir().glob("*.yaml") if not p.name.startswith("_"))


# --- Where the user's own files go (settings, saves, logs) ------------------
# REDLINES_HOME overrides all three, so that tests and classroom machines with a
# shared profile can keep everything in one folder.

HOME_ENV = "REDLINES_HOME"


def _user_dir(kind: str) -> Path:
    import os

    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override) / kind
    import platformdirs

    if kind == "config":
        return Path(platformdirs.user_config_dir("redlines", appauthor=False))
    if kind == "logs":
        return Path(platformdirs.user_log_dir("redlines", appauthor=False))
    return Path(platformdirs.user_data_dir("redlines", appauthor=False))


def user_config_dir() -> Path:
    """Settings live here."""
    return _user_dir("config")


def user_data_dir() -> Path:
    """Saves and the autosave live here."""
    return _user_dir("data")


def user_log_dir() -> Path:
    """Crash logs live here."""
    return _user_dir("logs")


def user_scenarios_dir() -> Path:
    """Scenario files the user added; the scenario picker lists them beside the bundled ones."""
    return _user_dir("data") / "scenarios"
