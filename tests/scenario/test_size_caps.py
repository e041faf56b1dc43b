"""Valid scenarios are capped in size so that every command serves them in seconds (14.11)."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from game.paths import bundled_scenario
from game.scenario import ScenarioError, load_bytes
from game.scenario.document import MAX_ACTORS, MAX_EVENTS, MAX_ISSUES, MAX_LEVERS, MAX_ROUNDS
from tests.scenario.helpers import dump, read_yaml


def _bundled() -> dict[str, Any]:
    path = bundled_scenario("geneva-2022")
    assert path is not None
    data: dict[str, Any] = read_yaml(path.read_text(encoding="utf-8"))
    return data


def _grown(data: dict[str, Any], key: str, count: int) -> dict[str, Any]:
    """``data`` with its list ``key`` repeated up to ``count`` entries, ids made unique."""
    items = data[key]
    grown = []
    for n in range(count):
        item = copy.deepcopy(items[n % len(items)])
        if n >= len(items):
            item["id"] = f"{item['id']}-{n}"
        grown.append(item)
    return {**data, key: grown}


def _scaled(issues: int, rounds: int) -> bytes:
    """The bundled scenario: ``issues`` issues of 8 options, ``rounds`` rounds of 20 turns."""
    data = _bundled()
    base = data["issues"][0]
    for k in range(len(data["issues"]), issues):
        extra = copy.deepcopy(base)
        extra["id"] = f"extra-{k}"
        options = [{"id": f"o{j}", "label": f"Option {j}"} for j in range(8)]
        extra.update(options=options, status_quo="o0")
        data["issues"].append(extra)
        for actor, prefs in data["preferences"].items():
            prefs["weights"][extra["id"]] = 5
            prefs["values"][extra["id"]] = {f"o{j}": (j + len(actor)) % 8 / 7 for j in range(8)}
    data = _grown(data, "rounds", rounds)
    for rnd in data["rounds"]:
        rnd["turns"] = 20
    return dump(data)


def test_a_scenario_at_the_caps_is_valid() -> None:
    loaded = load_bytes(_scaled(MAX_ISSUES, MAX_ROUNDS), "at-caps.yaml")
    assert len(loaded.scenario.issues) == MAX_ISSUES
    assert len(loaded.scenario.rounds) == MAX_ROUNDS


@pytest.mark.parametrize(
    ("key", "cap"),
    [("issues", MAX_ISSUES), ("rounds", MAX_ROUNDS), ("actors", MAX_ACTORS),
     ("levers", MAX_LEVERS), ("events", MAX_EVENTS)],
)  # fmt: skip
def test_one_over_a_cap_is_a_located_error(key: str, cap: int) -> None:
    # Issue 14.11: 200 issues took validate 11-14 s; 1,000 rounds x 20 turns took minutes.
    with pytest.raises(ScenarioError) as caught:
        load_bytes(dump(_grown(_bundled(), key, cap + 1)), "big.yaml")
    messages = [str(e) for e in caught.value.errors]
    wanted = re.compile(rf"^big\.yaml:\d+:\d+: {key}: has too many entries \(at most {cap}\)$")
    assert any(wanted.match(m) for m in messages), messages
