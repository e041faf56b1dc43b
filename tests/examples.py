"""Hypothesis example counts that follow the run's profile (see ``tests/conftest.py``).

A property test states the count the full run gives it, ``examples(300)``; the
quick run's profile (20 examples where a plain test has 100) gives it a fifth,
never fewer than ``FLOOR`` (nor more than the full count).
"""

from __future__ import annotations

from hypothesis import settings

FULL_DEFAULT = 100  # hypothesis's own default, which the ``full`` profile keeps
FLOOR = 10


def examples(full: int) -> int:
    """``full`` in the full run; in proportion to the loaded profile's default otherwise."""
    scaled = full * settings.default.max_examples // FULL_DEFAULT
    return max(min(full, FLOOR), scaled)
