"""The golden broken scenario: every expected message, exactly, in file order.

``broken.yaml`` holds syntax-level mistakes (duplicate keys, YAML 1.1
booleans, a non-text key), type and range mistakes, and cross-reference
mistakes; ``broken.expected`` is the exact output.  To regenerate it on
purpose after changing a message: ``REDLINES_REGEN_GOLDEN=1 pytest tests/scenario``,
then read the diff.
"""

from __future__ import annotations

import re

import pytest

from game.scenario import ScenarioError, load_bytes
from tests.golden import regenerating
from tests.scenario.helpers import DATA

LINE = re.compile(r"^broken\.yaml:\d+:\d+: [^:]*: .+$")


def _actual() -> str:
    with pytest.raises(ScenarioError) as caught:
        load_bytes((DATA / "broken.yaml").read_bytes(), "broken.yaml")
    return str(caught.value) + "\n"


def test_broken_scenario_reports_exactly_the_expected_messages() -> None:
    expected_file = DATA / "broken.expected"
    actual = _actual()
    if regenerating():
        expected_file.write_text(actual, encoding="utf-8")
    assert actual.splitlines() == expected_file.read_text(encoding="utf-8").splitlines()


def test_every_message_is_located_and_sorted() -> None:
    lines = _actual().splitlines()
    assert all(LINE.match(line) for line in lines), [x for x in lines if not LINE.match(x)]
    positions = [tuple(int(n) for n in line.split(":")[1:3]) for line in lines]
    assert positions == sorted(positions)
    # one pass finds all three kinds of mistake
    text = "\n".join(lines)
    assert "duplicate key 'playable'" in text  # reader
    assert "must be at most 1.0" in text  # pydantic
    assert "unknown actor 'west'" in text  # cross-reference
