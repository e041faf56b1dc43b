"""The Pareto frontier of a scenario's deals, and how far a deal lies from it.

Utilities add up over issues, so a partial package that is dominated on the
issues chosen so far stays dominated whatever the remaining issues add.  The
frontier is therefore built issue by issue, keeping only the undominated
partial sums -- exact, and far smaller than the package space.  When even
that set outgrows ``max_points`` (many actors, many issues) the frontier is
approximated by the deals that maximise random weightings of the actors'
utilities, and marked approximate rather than allowed to blow up.

Rules that tie issues together (``Space.links``: ``requires``/``excludes``, red
lines with ``unless``) break the issue-by-issue argument, so a space with them
is enumerated whole while it is small and sampled (approximate) beyond.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from game.analysis.bounds import best_response
from game.analysis.space import Space

EPS = 1e-9
COMPARISONS = 400_000  # pairwise checks the exact frontier may spend (about 0.2 s)
ENUMERATED = 20_000  # packages a space with cross-issue rules may be enumerated up to


@dataclass(frozen=True, slots=True)
class Point:
    """One deal: the package and each actor's utility of it (in ``Frontier.actors`` order)."""

    package: Mapping[str, str]
    utilities: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Frontier:
    """The undominated deals; ``exact`` is False when the set was thinned to fit."""

    actors: tuple[str, ...]
    points: tuple[Point, ...]
    exact: bool

    def _vector(self, utilities: Mapping[str, float] | Sequence[float]) -> tuple[float, ...]:
        if isinstance(utilities, Mapping):
            return tuple(utilities[a] for a in self.actors)
        return tuple(utilities)

    def distance(self, utilities: Mapping[str, float] | Sequence[float]) -> float:
        """Euclidean distance in utility space to the nearest frontier deal (0 on it)."""
        u = self._vector(utilities)
        return min(
            (math.dist(u, p.utilities) for p in self.points if not _dominates(u, p.utilities)),
            default=0.0,
        )

    def gain(self, utilities: Mapping[str, float] | Sequence[float]) -> float:
        """The most every actor could gain at once by moving to a frontier deal (>= 0)."""
        u = self._vector(utilities)
        best = max(
            (min(p - x for p, x in zip(pt.utilities, u, strict=True)) for pt in self.points),
            default=0.0,
        )
        return max(0.0, best)

    def is_optimal(self, utilities: Mapping[str, float] | Sequence[float]) -> bool:
        """True when no frontier deal is at least as good for all and better for one."""
        u = self._vector(utilities)
        return not any(_dominates(p.utilities, u) for p in self.points)


def _dominates(p: Sequence[float], q: Sequence[float]) -> bool:
    """``p`` is at least as good as ``q`` for everyone and better for someone."""
    better = False
    for x, y in zip(p, q, strict=True):
        if x < y - EPS:
            return False
        if x > y + EPS:
            better = True
    return better


def _undominated(points: list[tuple[float, ...]], budget: list[int]) -> list[int] | None:
    """Indices of the points no other point weakly dominates (duplicates kept once).

    ``budget[0]`` counts down the pairwise comparisons allowed; None when spent.
    """
    order = sorted(range(len(points)), key=lambda i: -sum(points[i]))
    kept: list[int] = []
    for i in order:
        budget[0] -= len(kept)
        if budget[0] < 0:
            return None
        p = points[i]
        # Only a point with a larger or equal sum can dominate p; all such come earlier.
        if not any(all(a >= b - EPS for a, b in zip(points[j], p, strict=True)) for j in kept):
            kept.append(i)
    return kept


def _supported(space: Space, samples: int, seed: int) -> list[list[int]]:
    """Packages that maximise a random positive mix of utilities: each lies on the frontier.

    These "supported" deals are only the convex part of the frontier, so a
    frontier built from them is marked approximate: distances measured to it
    are upper bounds and gains lower bounds.
    """
    rng = random.Random(seed)
    n = len(space.actors)
    found: dict[tuple[int, ...], list[int]] = {}
    corners = [[1.0 if a == b else 1e-6 for b in range(n)] for a in range(n)]
    for k in range(samples):
        lam = corners[k] if k < n else [rng.expovariate(1.0) + 1e-9 for _ in range(n)]
        picks = best_response(space, lam)
        found.setdefault(tuple(picks), picks)
    return list(found.values())


def frontier(space: Space, *, max_points: int = 1000, samples: int = 3000) -> Frontier:
    """The Pareto frontier of ``space`` (all its packages, not only those above reservation).

    Exact while the undominated partial sums stay under ``max_points`` (they
    do for a few actors and a classroom-sized scenario); beyond that, the
    supported deals of ``samples`` random weightings, marked ``exact=False``.
    """
    if any(not c for c in space.choices):
        return Frontier(space.actors, (), True)
    if space.links:
        return _linked(space, max_points, samples)
    levels = _levels(space, max_points)
    if levels is None:
        picked = _supported(space, samples, seed=len(space.issues))
        sampled = tuple(Point(space.package(p), space.point(p)) for p in picked)
        return Frontier(space.actors, sampled, False)
    points = []
    for index, (vec, _, _) in enumerate(levels[-1]):
        picks = [0] * len(space.issues)
        at = index
        for k in range(len(space.issues), 0, -1):
            _, parent, choice = levels[k][at]
            picks[k - 1] = choice
            at = parent
        points.append(Point(space.package(picks), vec))
    return Frontier(space.actors, tuple(points), True)


def _linked(space: Space, max_points: int, samples: int) -> Frontier:
    """The frontier of a space whose packages must pass its cross-issue rules."""
    if space.size <= ENUMERATED:
        every = itertools.product(*(range(len(c)) for c in space.choices))
        legal = [p for p in every if space.legal(p)]
        vectors = [space.point(p) for p in legal]
        keep = _undominated(vectors, [COMPARISONS])
        if keep is not None and len(keep) <= max_points:
            points = tuple(Point(space.package(legal[i]), vectors[i]) for i in keep)
            return Frontier(space.actors, points, True)
    picked = [p for p in _supported(space, samples, seed=len(space.issues)) if space.legal(p)]
    sampled = tuple(Point(space.package(p), space.point(p)) for p in picked)
    return Frontier(space.actors, sampled, False)


Level = list[tuple[tuple[float, ...], int, int]]  # (utility vector, parent index, choice)


def _levels(space: Space, max_points: int) -> list[Level] | None:
    """Undominated partial sums issue by issue; None once they outgrow ``max_points``."""
    levels: list[Level] = [[(tuple(0.0 for _ in space.actors), -1, -1)]]
    budget = [COMPARISONS]
    for gains in space.gains:
        candidates = [
            (tuple(x + g for x, g in zip(vec, gain, strict=True)), parent, c)
            for parent, (vec, _, _) in enumerate(levels[-1])
            for c, gain in enumerate(gains)
        ]
        keep = _undominated([v for v, _, _ in candidates], budget)
        if keep is None or len(keep) > max_points:
            return None  # the dominance filter is quadratic: stop before it gets slow
        levels.append([candidates[i] for i in keep])
    return levels
