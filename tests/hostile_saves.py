"""Ways to break a save file (issue 14 items 4-8), shared by the command-line and window tests.

Each damage edits a save's JSON text; beside it, the words the one clean message
about it must contain.
"""

from __future__ import annotations

from collections.abc import Callable


def _nested(text: str) -> str:
    deep = "[" * 100_000 + "]" * 100_000
    return text.replace('"actions": [', f'"deep": {deep}, "actions": [', 1)


def _huge_seed(text: str) -> str:
    start = text.index('"seed": ') + len('"seed": ')
    return text[:start] + "7" * 5000 + text[text.index(",", start) :]


def _surrogate(text: str) -> str:
    return text.replace('"remarks": [\n    "', '"remarks": [\n    "\\ud800', 1)


def _duplicate(text: str) -> str:
    return text.replace('"seed": ', '"seed": 1, "seed": ', 1)


BREAKS: dict[str, tuple[Callable[[str], str], str]] = {
    "nested": (_nested, "nested too deeply"),
    "huge seed": (_huge_seed, "a number of 5000 digits"),
    "lone surrogate": (_surrogate, "invalid character"),
    "duplicate key": (_duplicate, "the key 'seed' appears twice"),
}
