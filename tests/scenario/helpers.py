"""Shared paths and helpers for the scenario loader's tests."""

from __future__ import annotations

from pathlib import Path

import yaml

from game import paths

DATA = Path(__file__).parent / "data"
MINIMAL = DATA / "minimal.yaml"
GENEVA = paths.scenarios_dir() / "geneva-2022.yaml"


def minimal_data() -> dict:
    """The minimal fixture as plain data, for tests that edit it before dumping it back."""
    with MINIMAL.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    # PyYAML reads unquoted dates as datetime.date; the format keeps them as text
    for entry in data["history"]["entries"]:
        entry["date"] = str(entry["date"])
    for rnd in data["rounds"]:
        rnd["date"] = str(rnd["date"])
    return data


def dump(data: object) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
