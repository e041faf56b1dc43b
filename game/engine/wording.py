"""Counts in words for the record: "1 issue", "3 issues" (never "issue(s)")."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun in the number it needs; ``plural`` when it is not noun + "s"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
