"""Mutated scenarios never crash the loader: the result is a valid scenario or a ScenarioError.

Mutations work on the parsed data (delete a key, change a value's type, swap
one id for another, insert junk) and on the raw text (insert, delete or
replace characters), starting from the minimal fixture and, when it exists,
the bundled Geneva scenario.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import ScenarioError, load_bytes
from game.scenario.yaml_reader import read
from tests.examples import examples
from tests.scenario.helpers import GENEVA, MINIMAL, dump, minimal_data

pytestmark = pytest.mark.slow  # long fuzzers: `pytest -m "not slow"` leaves them out

LOCATED = re.compile(r"^fuzz\.yaml:\d+:\d+: ")

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["north", "south", "mediator", "fishing", "shared", "blockade", "*", "NO"]),
    st.lists(st.integers(0, 3), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*prefix, i))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


def check_outcome(raw: bytes) -> None:
    """Success, or a ScenarioError whose every line is located; anything else escapes."""
    failure: ScenarioError | None = None
    try:
        loaded = load_bytes(raw, "fuzz.yaml")
    except ScenarioError as exc:
        failure = exc
    if failure is None:
        assert loaded.scenario.actors
        return
    lines = str(failure).splitlines()
    assert len(lines) == len(failure.errors) >= 1  # one line per error, none empty
    bad = [line for line in lines if not LOCATED.match(line)]
    assert not bad, bad


def geneva_data() -> dict[str, Any]:
    return read(GENEVA.read_bytes(), "geneva-2022.yaml").data


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_structural_mutations(data: st.DataObject) -> None:
    mutate_structure(data, minimal_data())


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_structural_mutations_of_geneva(data: st.DataObject) -> None:
    mutate_structure(data, geneva_data())


def mutate_structure(data: st.DataObject, doc: dict[str, Any]) -> None:
    """Delete keys, put junk in place of values, insert junk, copy one value over another."""
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        paths = [p for p in _paths(doc) if p]
        path = data.draw(st.sampled_from(paths), label="path")
        parent = _parent(doc, path)
        action = data.draw(st.sampled_from(["delete", "replace", "insert", "swap"]), label="do")
        if action == "delete":
            del parent[path[-1]]
        elif action == "replace":
            parent[path[-1]] = data.draw(JUNK, label="junk")
        elif action == "insert" and isinstance(parent, dict):
            parent[data.draw(st.text(min_size=1, max_size=8), label="key")] = data.draw(JUNK)
        elif action == "insert":
            parent.insert(path[-1], data.draw(JUNK, label="item"))
        else:
            other = data.draw(st.sampled_from(paths), label="other")
            try:
                value = _parent(doc, other)[other[-1]]
            except (KeyError, IndexError, TypeError):
                continue
            parent[path[-1]] = copy.deepcopy(value)  # never make the data recursive
    check_outcome(dump(doc))


def _text_mutations(source: str) -> st.SearchStrategy[str]:
    @st.composite
    def mutate(draw: st.DrawFn) -> str:
        text = source
        for _ in range(draw(st.integers(1, 3))):
            at = draw(st.integers(0, len(text)))
            cut = draw(st.integers(0, 20))
            insert = draw(
                st.sampled_from(
                    [
                        "",
                        ":",
                        "- ",
                        "\n",
                        "  ",
                        "&a ",
                        "*a",
                        "{",
                        "]",
                        "#",
                        "'",
                        "!!str ",
                        "\t",
                        "é",
                        "\x07",
                    ]
                )
            )
            text = text[:at] + insert + text[at + cut :]
        return text

    return mutate()


@settings(max_examples=examples(300), deadline=None)
@given(text=_text_mutations(MINIMAL.read_text(encoding="utf-8")))
def test_text_mutations_of_the_fixture(text: str) -> None:
    check_outcome(text.encode("utf-8"))


@settings(max_examples=examples(100), deadline=None)
@given(data=st.data())
def test_text_mutations_of_geneva(data: st.DataObject) -> None:
    text = data.draw(_text_mutations(GENEVA.read_text(encoding="utf-8")))
    check_outcome(text.encode("utf-8"))
