"""A decision's random generator, seeded only if the decision draws from it.

Seeding a ``random.Random`` costs more than a whole simple move (an accept or a
pass), and most decisions draw nothing; ``LazyRandom`` seeds on the first draw,
so the numbers it gives are exactly those of ``random.Random(seed)``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Protocol


class Draws(Protocol):
    """What the decision core draws: ``random.Random`` satisfies it, and so does ``LazyRandom``."""

    def random(self) -> float: ...

    def uniform(self, a: float, b: float) -> float: ...


class LazyRandom:
    """``random.Random(seed)``, made on the first draw."""

    __slots__ = ("_rng", "_seed")

    def __init__(self, seed: int) -> None:
        self._seed = seed
        self._rng: random.Random | None = None

    def random(self) -> float:
        rng = self._rng
        if rng is None:
            rng = self._rng = random.Random(self._seed)
        return rng.random()

    def uniform(self, a: float, b: float) -> float:
        # random.Random.uniform's own arithmetic, on our lazily made generator.
        return a + (b - a) * self.random()


def fast_random(rng: Draws) -> Callable[[], float]:
    """``rng.random`` for many draws in a row: the generator's own method, one call a draw."""
    if isinstance(rng, LazyRandom):
        if rng._rng is None:
            rng._rng = random.Random(rng._seed)
        return rng._rng.random
    return rng.random
