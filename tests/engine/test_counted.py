"""Counts in words: "1 issue", "2 issues", never "issue(s)"."""

from __future__ import annotations

import pytest

from game.engine.words import counted


@pytest.mark.parametrize(
    ("n", "noun", "expected"),
    [
        (0, "issue", "0 issues"),
        (1, "issue", "1 issue"),
        (2, "turn", "2 turns"),
        (1, "line", "1 line"),
    ],
)
def test_counted(n: int, noun: str, expected: str) -> None:
    assert counted(n, noun) == expected


def test_an_irregular_plural_is_given() -> None:
    assert counted(3, "delegation that has", "delegations that have") == ("3 delegations that have")
