"""The layering of DESIGN.md, enforced: each layer imports only what lies below it.

engine   -> standard library only (no I/O, clock, printing or module-level random)
ai, scenario, analysis -> engine (and the small shared modules: errors, paths, fileio)
session  -> the layers below
export, sim, net -> session and below
text, ui.kit -> the layers below; ui.screens -> ui.kit; ui (run) -> ui.screens; ui.main -> ui
cli -> anything;  __main__ -> cli

Every import counts: at module level, inside functions, under ``TYPE_CHECKING``,
and ``importlib.import_module("game...")`` with a constant name.  No two modules
of game/ may import each other, directly or round a longer loop.
"""

from __future__ import annotations

import ast
import functools
import re
import subprocess
import sys
from collections.abc import Iterable, Mapping
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


@functools.cache
def _tree(path: Path) -> ast.Module:
    """The parsed source of a file of game/ (parsed once per run: the tree does not change)."""
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@functools.cache
def _nodes(path: Path) -> tuple[ast.AST, ...]:
    """Every node of a file of game/, as ``ast.walk`` yields them (walked once per run)."""
    return tuple(ast.walk(_tree(path)))


@functools.cache
def _bundled_documents() -> tuple[dict, ...]:
    """The bundled scenario files as plain data (read once per run)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    documents = []
    for scenario in sorted((GAME.parent / "scenarios").glob("*.yaml")):
        data = yaml.load(scenario.read_text(encoding="utf-8"), Loader=loader)
        if isinstance(data, dict):
            documents.append(data)
    return tuple(documents)


def _modules(package: str) -> list[Path]:
    return sorted((GAME / package).rglob("*.py"))


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module name that a file imports, absolute, with its line number."""
    package_parts = list(path.relative_to(GAME.parent).with_suffix("").parts)
    found: list[tuple[int, str]] = []
    for node in _nodes(path):
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
        for node in _nodes(path):
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
    assert _violations("ai", ("game.engine", "game.ai"), {"pygame", "pydantic", "yaml"}) == []


def test_scenario_layer_does_not_reach_up() -> None:
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


@pytest.mark.slow  # a Python process of its own
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
        for node in _nodes(path):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.setdefault(node.value, []).append(f"{path.relative_to(GAME)}:{node.lineno}")
    return found


def _bundled_ids() -> set[str]:
    ids: set[str] = set()
    for data in _bundled_documents():
        for kind in ("actors", "issues", "rounds", "levers", "events"):
            ids.update(item["id"] for item in data.get(kind) or [] if "id" in item)
    return ids


def test_no_scenario_ids_in_code() -> None:
    """Data, not code: no actor, issue, round, lever or event id of a bundled scenario
    appears as a string in game/, so a new scenario plays without a code change."""
    ids = _bundled_ids()
    assert ids  # the bundled scenarios are read
    constants = _string_constants()
    leaks = {i: constants[i] for i in sorted(ids) if i in constants}
    assert leaks == {}


def _distinctive_names() -> set[str]:
    """Bundled scenario names no English comment would use by chance: hyphenated ids
    (of actors, issues, options, rounds, levers, events), actor ids of four letters or
    more, and actor names."""
    names: set[str] = set()
    for data in _bundled_documents():
        ids = [
            item["id"]
            for kind in ("issues", "rounds", "levers", "events")
            for item in data.get(kind) or []
        ]
        ids += [o["id"] for issue in data.get("issues") or [] for o in issue.get("options") or []]
        names.update(i for i in ids if "-" in i)
        for actor in data.get("actors") or []:
            names.add(actor["name"])
            if len(actor["id"]) >= 4:
                names.add(actor["id"])
    return names


def _bundled_actor_ids() -> set[str]:
    ids: set[str] = set()
    for data in _bundled_documents():
        ids.update(actor["id"] for actor in data.get("actors") or [])
    return ids


def test_no_scenario_names_in_docstrings_comments_or_help() -> None:
    """Not even an example in a docstring, a comment or a help text names a bundled
    scenario's actor, issue or option: examples use generic ids (``a propose x=y``)."""
    names = _distinctive_names()
    assert names
    actors = sorted(_bundled_actor_ids())
    # An actor's id in the notation (``us propose``, ``us=1234``) is a leak however short.
    verbs = "propose|accept|reject|say|threaten|carry-out|walkout|pass"
    notation = rf"\b({'|'.join(actors)}) ({verbs})\b|\b({'|'.join(actors)})=\d"
    names_or = "|".join(map(re.escape, sorted(names)))
    pattern = re.compile(rf"(?<![\w-])({names_or})(?![\w-])|{notation}", re.I)
    leaks = [
        f"{path.relative_to(GAME)}:{n}: {m.group(0)}"
        for path in sorted(GAME.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for m in pattern.finditer(line)
    ]
    assert leaks == []


# --- the whole import graph: layers and cycles ------------------------------------

# Lowest first.  A module may import its own unit (the longest name below that is a
# prefix of its own) and any unit of a LOWER layer, never a sibling of its own layer.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("game.engine",),
    ("game", "game.errors", "game.paths", "game.fileio"),  # small shared leaves
    ("game.ai", "game.scenario", "game.analysis", "game.outputs"),  # outputs: over fileio
    ("game.session",),
    ("game.export", "game.sim", "game.net"),
    ("game.text", "game.ui.kit"),
    ("game.ui.screens",),
    ("game.ui",),  # its run() opens the window on a scene
    ("game.ui.main",),  # the game's entry: its screens in that window
    ("game.cli",),
    ("game.__main__",),
)


def _module_names() -> dict[str, Path]:
    found = {}
    for path in sorted(GAME.rglob("*.py")):
        parts = list(path.relative_to(GAME.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _dynamic_imports(tree: ast.AST) -> list[tuple[int, str]]:
    """``importlib.import_module("game.x")`` with a constant name is an import too."""
    return [
        (node.lineno, node.args[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "import_module"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ]


def _targets(path: Path, modules: Mapping[str, Path]) -> set[str]:
    """The modules of game/ that ``path`` imports, anywhere in it.

    ``from game.ai import shared`` imports the module ``game.ai.shared``;
    ``from game.ai.view import Table`` imports ``game.ai.view``.
    """
    tree = _tree(path)
    package = list(path.relative_to(GAME.parent).with_suffix("").parts)[:-1]

    def owner(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    names: list[str] = [name for _, name in _dynamic_imports(tree)]
    for node in _nodes(path):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], node.module or ""])
            else:
                base = node.module or ""
            for alias in node.names:
                full = f"{base}.{alias.name}".strip(".")
                names.append(full if full in modules else base)
    found = {owner(name) for name in names if name.split(".")[0] == "game"}
    return {name for name in found if name is not None}


@functools.cache
def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of game/ it imports (read once per run: the tree does not change)."""
    modules = _module_names()
    return {module: _targets(path, modules) - {module} for module, path in modules.items()}


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def unit_of(module: str) -> tuple[int, str]:
    """The layer number and unit (the longest matching name of ``LAYERS``) of ``module``."""
    best: tuple[int, str] | None = None
    for number, layer in enumerate(LAYERS):
        for unit in layer:
            matches = module == unit or (unit != "game" and module.startswith(unit + "."))
            if matches and (best is None or len(unit) > len(best[1])):
                best = (number, unit)
    assert best is not None, f"{module} belongs to no layer: add its package to LAYERS"
    return best


def upward_imports(graph: Mapping[str, Iterable[str]]) -> list[str]:
    problems = []
    for module, targets in sorted(graph.items()):
        layer, unit = unit_of(module)
        for target in sorted(targets):
            their_layer, their_unit = unit_of(target)
            if their_unit != unit and their_layer >= layer:
                problems.append(f"{module} imports {target}")
    return problems


def test_no_import_cycles() -> None:
    assert cycles(import_graph()) == []


def test_every_import_points_down_the_layers() -> None:
    assert upward_imports(import_graph()) == []


def test_the_graph_sees_every_kind_of_import() -> None:
    """Function-level, TYPE_CHECKING and importlib imports all reach the graph."""
    graph = import_graph()
    assert "game.ui.kit.app" in graph["game.ui"]  # imported inside run()
    assert "game.scenario" in graph["game.ui.main"]  # imported under TYPE_CHECKING
    assert "game.ui.kit.layout" in graph["game.ui.kit.dialog"]  # `from game.ui.kit import layout`
    assert "game.session.session" in graph["game.session"]


def test_the_checks_catch_a_cycle_and_an_upward_import() -> None:
    graph = {
        "game.engine.a": {"game.engine.b"},
        "game.engine.b": {"game.engine.c"},
        "game.engine.c": {"game.engine.a"},
        "game.session.x": {"game.engine.a"},
        "game.ai.y": {"game.session.x", "game.scenario.z"},
        "game.scenario.z": set(),
    }
    assert cycles(graph) == [["game.engine.a", "game.engine.b", "game.engine.c"]]
    assert upward_imports(graph) == [
        "game.ai.y imports game.scenario.z",  # a sibling of the same layer
        "game.ai.y imports game.session.x",  # a higher layer
    ]


def test_every_module_has_a_layer() -> None:
    for module in import_graph():
        unit_of(module)
