"""The layering of DESIGN.md, enforced: each layer imports only what lies below it.

engine   -> standard library only (no I/O, clock, printing or module-level random)
ai       -> engine
scenario -> engine (+ pydantic, yaml)
others   -> anything but the ui, except the ui itself and the play command
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

GAME = Path(__file__).resolve().parent.parent / "game"

FORBIDDEN_IN_ENGINE_MODULES = {
    "pygame",
    "pydantic",
    "yaml",
    "platformdirs",
    "os",
    "io",
    "pathlib",
    "shutil",
    "tempfile",
    "time",
    "datetime",
    "socket",
    "subprocess",
    "threading",
    "multiprocessing",
}
# Calls that would make the engine do I/O or depend on the outside world.
FORBIDDEN_ENGINE_CALLS = {"open", "print", "input", "exec", "eval", "__import__"}


def _modules(package: str) -> list[Path]:
    return sorted((GAME / package).rglob("*.py"))


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module name that a file imports, absolute, with its line number."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package_parts = list(path.relative_to(GAME.parent).with_suffix("").parts)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the file's package
                base = package_parts[: -node.level]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            if name == "game":  # `from game import paths` imports the module game.paths
                found.extend((node.lineno, f"game.{alias.name}") for alias in node.names)
            else:
                found.append((node.lineno, name))
    return found


def _violations(package: str, allowed_ours: tuple[str, ...], forbidden: set[str]) -> list[str]:
    problems = []
    for path in _modules(package):
        for line, name in _imports(path):
            top = name.split(".")[0]
            where = f"{path.relative_to(GAME.parent)}:{line}"
            if top == "game":
                if not any(name == ok or name.startswith(ok + ".") for ok in allowed_ours):
                    problems.append(f"{where}: imports {name}")
            elif top in forbidden:
                problems.append(f"{where}: imports {name}")
    return problems


def test_engine_imports_nothing_above_it() -> None:
    assert _violations("engine", ("game.engine",), FORBIDDEN_IN_ENGINE_MODULES) == []


def test_engine_does_no_io_printing_or_global_random() -> None:
    problems = []
    for path in _modules("engine"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in FORBIDDEN_ENGINE_CALLS
            ):
                problems.append(f"{path.name}:{node.lineno}: calls {node.func.id}()")
            # random.random(), random.choice(...) use the hidden global generator;
            # only random.Random (a generator the game owns) is allowed.
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "random"
                and node.attr != "Random"
            ):
                problems.append(f"{path.name}:{node.lineno}: uses random.{node.attr}")
    assert problems == []


def test_ai_sees_only_the_engine() -> None:
    if not (GAME / "ai").is_dir():
        pytest.skip("no game/ai package in this version")
    assert _violations("ai", ("game.engine", "game.ai"), {"pygame", "pydantic", "yaml"}) == []


def test_scenario_layer_does_not_reach_up() -> None:
    if not (GAME / "scenario").is_dir():
        pytest.skip("no game/scenario package in this version")
    allowed = ("game.engine", "game.scenario", "game.errors", "game.paths", "game.fileio")
    assert _violations("scenario", allowed, {"pygame"}) == []


def test_only_the_ui_imports_pygame() -> None:
    problems = []
    for path in sorted(GAME.rglob("*.py")):
        rel = path.relative_to(GAME)
        if rel.parts[0] == "ui":
            continue
        for line, name in _imports(path):
            if name.split(".")[0] == "pygame":
                problems.append(f"{rel}:{line}")
    assert problems == []


def test_commands_other_than_play_do_not_load_pygame() -> None:
    """`redlines validate` and friends must stay fast: importing them never loads pygame."""
    commands = sorted(p.stem for p in (GAME / "cli").glob("*.py") if p.stem not in {"__init__"})
    script = (
        "import importlib, sys\n"
        f"for name in {commands!r}:\n"
        "    if name == 'play':\n"
        "        continue\n"
        "    importlib.import_module('game.cli.' + name)\n"
        "print('pygame' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def _string_constants() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(GAME.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.setdefault(node.value, []).append(f"{path.relative_to(GAME)}:{node.lineno}")
    return found


def _bundled_ids() -> set[str]:
    ids: set[str] = set()
    for scenario in sorted((GAME.parent / "scenarios").glob("*.yaml")):
        data = yaml.safe_load(scenario.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            continue
        for kind in ("actors", "issues", "rounds", "levers", "events"):
            ids.update(item["id"] for item in data.get(kind) or [] if "id" in item)
    return ids


def test_no_scenario_ids_in_code() -> None:
    """Data, not code: no actor, issue, round, lever or event id of a bundled scenario
    appears as a string in game/, so a new scenario plays without a code change."""
    ids = _bundled_ids()
    if not ids:
        pytest.skip("no bundled scenario yet")
    constants = _string_constants()
    leaks = {i: constants[i] for i in sorted(ids) if i in constants}
    assert leaks == {}
