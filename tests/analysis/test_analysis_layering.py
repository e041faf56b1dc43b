"""The analysis is pure arithmetic over the engine's model; self-play stays headless."""

from __future__ import annotations

import ast
from pathlib import Path

GAME = Path(__file__).resolve().parents[2] / "game"


def imported(package: str) -> set[str]:
    names: set[str] = set()
    for path in (GAME / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
    return names


def test_analysis_imports_only_the_engine_and_the_standard_library() -> None:
    ours = {n for n in imported("analysis") if n.split(".")[0] == "game"}
    assert all(n.startswith(("game.engine", "game.analysis")) for n in ours), ours
    assert not {n.split(".")[0] for n in imported("analysis")} & {"pygame", "pydantic", "yaml"}


def test_self_play_never_touches_the_front_end() -> None:
    names = imported("sim")
    assert not any(n.startswith("game.ui") or n.split(".")[0] == "pygame" for n in names)
