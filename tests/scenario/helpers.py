"""Shared paths and helpers for the scenario loader's tests.

Tests that build scenario files read and write YAML with libyaml's C loader and
dumper when PyYAML has them (ten times faster than the pure-Python ones; the
documents are the same).  The loader under test is always the game's own.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import yaml

from game import paths

DATA = Path(__file__).parent / "data"
MINIMAL = DATA / "minimal.yaml"
GENEVA = paths.scenarios_dir() / "geneva-2022.yaml"

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def read_yaml(text: str) -> Any:
    """``yaml.safe_load``, with libyaml when it is there."""
    return yaml.load(text, Loader=_LOADER)  # a safe loader, C or Python


@functools.cache
def _minimal() -> dict:
    data = read_yaml(MINIMAL.read_text(encoding="utf-8"))
    # PyYAML reads unquoted dates as datetime.date; the format keeps them as text
    for entry in data["history"]["entries"]:
        entry["date"] = str(entry["date"])
    for rnd in data["rounds"]:
        rnd["date"] = str(rnd["date"])
    return data


def minimal_data() -> dict:
    """The minimal fixture as plain data, a fresh copy for a test to edit before dumping it."""
    return copy.deepcopy(_minimal())


def dump(data: object) -> bytes:
    """The YAML of ``data``, keys in their order (``yaml.safe_dump``, with libyaml)."""
    text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    return text.encode("utf-8")
