"""The rule catalogue and its tests stay in step: every rule R<n> has a test_R<n>_... test."""

from __future__ import annotations

import ast
import re
from pathlib import Path

HERE = Path(__file__).parent
RULES = HERE.parent.parent / "docs" / "rules.md"


def _rule_numbers() -> set[int]:
    return {int(n) for n in re.findall(r"^\*\*R(\d+) — ", RULES.read_text("utf-8"), re.M)}


def _tested_rules() -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for path in HERE.glob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef) and (m := re.match(r"test_R(\d+)_", node.name)):
                assert ast.get_docstring(node), f"{node.name} must restate its rule"
                found.setdefault(int(m.group(1)), []).append(node.name)
    return found


def test_every_rule_has_a_test_and_every_test_a_rule() -> None:
    rules = _rule_numbers()
    assert rules == set(range(1, len(rules) + 1)), "rules are numbered R1, R2, ... without gaps"
    tested = _tested_rules()
    assert sorted(rules - tested.keys()) == [], "rules without a test"
    assert sorted(tested.keys() - rules) == [], "tests of rules that are not in the catalogue"
