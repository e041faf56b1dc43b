"""The player's settings, remembered between runs as JSON in the user config folder.

Written atomically (temporary file, flush, fsync, ``os.replace``) so a crash
never leaves half a file; a missing, corrupt or partly invalid file falls
back to defaults (field by field) with a logged warning, never an error.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from game.fileio import write_atomic
from game.ui.kit.theme import UI_SCALES

log = logging.getLogger(__name__)

APP_NAME = "redlines"
HOME_ENV = "REDLINES_HOME"  # overrides every user folder (tests, portable installs)
SETTINGS_FILE = "settings.json"
MIN_WINDOW = (800, 480)
WINDOW_SIZES: tuple[tuple[int, int], ...] = ((1280, 720), (1366, 768), (1600, 900), (1920, 1080))
# How long an AI delegate "thinks" before its move is shown, in milliseconds.
AI_PACE_MS: dict[str, int] = {"instant": 0, "fast": 400, "normal": 600, "slow": 1500}


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the settings screen can change."""

    window_size: tuple[int, int] = (1280, 720)
    fullscreen: bool = False
    ui_scale: float = 1.0
    colour_blind: bool = False
    sound: bool = True
    ai_pace: str = "normal"
    how_to_play_seen: bool = False  # the first game's "how to play" card was shown

    def with_(self, **changes: Any) -> Settings:
        """A copy with some fields changed."""
        return replace(self, **changes)


def config_dir(override: Path | None = None) -> Path:
    """Where settings live: ``override``, else ``$REDLINES_HOME``, else the user config dir."""
    if override is not None:
        return override
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home)
    return Path(platformdirs.user_config_dir(APP_NAME))


def log_dir(override: Path | None = None) -> Path:
    """Where logs go: ``<override or $REDLINES_HOME>/logs``, else the platform's log dir."""
    if override is not None:
        return override / "logs"
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME))


def _valid(name: str, value: Any) -> bool:
    if name == "window_size":
        return (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
            and value[0] >= MIN_WINDOW[0]
            and value[1] >= MIN_WINDOW[1]
        )
    if name == "ui_scale":
        return (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and float(value) in UI_SCALES
        )
    if name == "ai_pace":
        return value in AI_PACE_MS
    return isinstance(value, bool)


def settings_from_json(data: object) -> tuple[Settings, list[str]]:
    """Settings from parsed JSON, and a note for every field that had to fall back."""
    if not isinstance(data, dict):
        return Settings(), ["the file does not hold a JSON object"]
    problems: list[str] = []
    values: dict[str, Any] = {}
    for field in fields(Settings):
        if field.name not in data:
            continue
        value = data[field.name]
        if not _valid(field.name, value):
            problems.append(f"{field.name}: {value!r} is not allowed")
            continue
        values[field.name] = tuple(value) if field.name == "window_size" else value
        if field.name == "ui_scale":
            values[field.name] = float(value)
    return Settings(**values), problems


class SettingsStore:
    """Reads and writes ``settings.json`` in one folder."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = config_dir(folder)
        self.path = self.folder / SETTINGS_FILE

    def load(self) -> Settings:
        """The saved settings, or defaults (with a logged warning) if the file is unusable."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Settings()
        except OSError as exc:
            log.warning("cannot read %s (%s); using default settings", self.path, exc)
            return Settings()
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:  # RecursionError: nested too deep
            log.warning("%s is not valid JSON (%s); using default settings", self.path, exc)
            return Settings()
        settings, problems = settings_from_json(data)
        for problem in problems:
            log.warning("%s: %s; using the default", self.path, problem)
        return settings

    def save(self, settings: Settings) -> None:
        """Write the settings atomically; an OSError is logged, not raised (not worth a crash)."""
        data = asdict(settings)
        data["window_size"] = list(settings.window_size)
        try:
            write_atomic(self.path, (json.dumps(data, indent=2) + "\n").encode("utf-8"))
        except OSError as exc:
            log.warning("cannot save settings to %s (%s)", self.path, exc)
