"""Upper bounds on what the rest of a package can still give, the engine of every prune.

Utilities are sums over issues, so the best the remaining issues can add to
any weighted combination ``sum_a lam[a] * u[a]`` is the sum, issue by issue,
of the best choice for that combination.  With ``lam`` a unit vector this is
one actor's optimistic bound; with a mix of actors it is a Lagrangian bound
that can prove "no package gives everyone its reservation" at once, where
per-actor bounds would have to enumerate.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from game.analysis.space import Space

Weights = tuple[float, ...]


def combined(gain: Sequence[float], lam: Sequence[float]) -> float:
    return sum(g * w for g, w in zip(gain, lam, strict=True))


def suffix_best(space: Space, lam: Sequence[float]) -> list[float]:
    """``out[k]``: the most that issues ``k..`` can add to ``lam . u``; ``out[n] == 0``."""
    out = [0.0] * (len(space.issues) + 1)
    for k in range(len(space.issues) - 1, -1, -1):
        best = max((combined(g, lam) for g in space.gains[k]), default=-math.inf)
        out[k] = out[k + 1] + best
    return out


def per_actor_suffix(space: Space) -> list[list[float]]:
    """``out[k][a]``: the most that issues ``k..`` can add to actor ``a``'s utility."""
    n = len(space.actors)
    out = [[0.0] * n for _ in range(len(space.issues) + 1)]
    for k in range(len(space.issues) - 1, -1, -1):
        for a in range(n):
            best = max((g[a] for g in space.gains[k]), default=-math.inf)
            out[k][a] = out[k + 1][a] + best
    return out


def best_response(space: Space, lam: Sequence[float]) -> list[int]:
    """The package maximising ``lam . u`` (issue by issue, since utilities add up)."""
    picks = []
    for gains in space.gains:
        values = [combined(g, lam) for g in gains]
        picks.append(max(range(len(values)), key=values.__getitem__))
    return picks


def dual_multipliers(
    space: Space, targets: Sequence[float], iterations: int = 150
) -> tuple[list[Weights], list[int] | None]:
    """Search the mixes of actors whose bound is tightest for reaching ``targets``.

    Minimises ``L(lam) = max_x lam . (u(x) - targets)`` over the simplex by
    exponentiated subgradient steps.  Returns the few best multipliers found
    (lowest ``L`` first; a negative ``L`` proves no package reaches every
    target) and, as a by-product, any package met on the way that reaches
    every target (a witness), or ``None``.
    """
    n = len(space.actors)
    if n == 0 or any(not gains for gains in space.gains):
        return [], None
    lam = [1.0 / n] * n
    scored: dict[Weights, float] = {}
    for step in range(iterations):
        picks = best_response(space, lam)
        point = space.point(picks)
        slack = [p - t for p, t in zip(point, targets, strict=True)]
        if min(slack) >= -1e-12:
            return [], picks
        key = tuple(round(x, 6) for x in lam)
        scored[key] = combined(slack, lam)
        # Raise the weight of the actors the best response leaves short.
        rate = 2.0 / math.sqrt(step + 1)
        lam = [w * math.exp(-rate * s) for w, s in zip(lam, slack, strict=True)]
        total = sum(lam)
        lam = [max(w / total, 1e-9) for w in lam]
    best = sorted(scored.items(), key=lambda item: item[1])
    return [key for key, _ in best[:4]], None
