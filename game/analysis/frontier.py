"""The Pareto frontier of a scenario's deals, and how far a deal lies from it.

Utilities add up over issues, so a partial package that is dominated on the
issues chosen so far stays dominated whatever the remaining issues add.  The
frontier is therefore built issue by issue, keeping only the undominated
partial sums -- exact, and far smaller than the package space.  When even
that set outgrows ``max_points`` it is thinned on a grid and marked
approximate rather than allowed to blow up.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from game.analysis.space import Space

EPS = 1e-9


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


def _undominated(points: list[tuple[float, ...]]) -> list[int]:
    """Indices of the points that no other point weakly dominates (duplicates kept once)."""
    order = sorted(range(len(points)), key=lambda i: -sum(points[i]))
    kept: list[int] = []
    for i in order:
        p = points[i]
        # Only a point with a larger or equal sum can dominate p; all such come earlier.
        if not any(all(a >= b - EPS for a, b in zip(points[j], p, strict=True)) for j in kept):
            kept.append(i)
    return kept


def _thin(points: list[tuple[float, ...]], keep: list[int], limit: int) -> list[int]:
    """At most ``limit`` of the kept points, one per cell of a grid that coarsens until it fits."""
    cell = 1e-3
    while len(keep) > limit:
        seen: set[tuple[int, ...]] = set()
        thinned = []
        for i in keep:  # kept in order of decreasing sum: the best of each cell survives
            key = tuple(int(x / cell) for x in points[i])
            if key not in seen:
                seen.add(key)
                thinned.append(i)
        keep = thinned
        cell *= 2
    return keep


def frontier(space: Space, *, max_points: int = 2000) -> Frontier:
    """The Pareto frontier of ``space`` (all its packages, not only those above reservation)."""
    if any(not c for c in space.choices):
        return Frontier(space.actors, (), True)
    # Each level holds (utility vector, index of parent at previous level, choice).
    levels: list[list[tuple[tuple[float, ...], int, int]]] = [
        [(tuple(0.0 for _ in space.actors), -1, -1)]
    ]
    exact = True
    for gains in space.gains:
        previous = levels[-1]
        candidates = [
            (tuple(x + g for x, g in zip(vec, gain, strict=True)), parent, c)
            for parent, (vec, _, _) in enumerate(previous)
            for c, gain in enumerate(gains)
        ]
        vectors = [v for v, _, _ in candidates]
        keep = _undominated(vectors)
        if len(keep) > max_points:
            keep = _thin(vectors, keep, max_points)
            exact = False
        levels.append([candidates[i] for i in keep])
    points = []
    for index, (vec, _, _) in enumerate(levels[-1]):
        picks = [0] * len(space.issues)
        at = index
        for k in range(len(space.issues), 0, -1):
            _, parent, choice = levels[k][at]
            picks[k - 1] = choice
            at = parent
        points.append(Point(space.package(picks), vec))
    return Frontier(space.actors, tuple(points), exact)
