"""Branch and bound over packages: is there a deal above every reservation, and the Nash point.

Both searches branch issue by issue in the order ``Space`` gives (widest
spread first) and prune a branch as soon as an upper bound (``bounds``) says
it cannot succeed.  Each has a node budget; when the budget runs out the
answer says so (``exact=False``) instead of hanging on a huge space.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from game.analysis.bounds import (
    combined,
    dual_multipliers,
    per_actor_suffix,
    suffix_best,
)
from game.analysis.space import Space

EPS = 1e-9
DEFAULT_NODES = 200_000


@dataclass(frozen=True, slots=True)
class Found:
    """The answer of a search: a package (as choice indices) or none, and how sure it is.

    ``exact`` is True when the answer is proven: a witness always is; "none"
    is proven only when the search finished within its budget.
    """

    picks: tuple[int, ...] | None
    exact: bool
    nodes: int
    method: str


class _BudgetSpentError(Exception):
    """Raised inside a search when its node budget is spent."""


def feasible(
    space: Space,
    targets: Sequence[float] | None = None,
    *,
    max_nodes: int = DEFAULT_NODES,
    seed: int = 0,
) -> Found:
    """A package giving every actor at least its target (default: its reservation)."""
    goal = list(space.reservations if targets is None else targets)
    if any(not c for c in space.choices):
        return Found(None, True, 0, "empty space")
    if not space.actors:  # nobody to satisfy: leaving everything unsettled will do
        return Found(tuple(len(c) - 1 for c in space.choices), True, 0, "no actors")
    lams, witness = dual_multipliers(space, goal)
    if witness is not None and space.legal(witness):
        return Found(tuple(witness), True, 0, "dual best response")
    dual = [(lam, suffix_best(space, lam), combined(goal, lam)) for lam in lams]
    if any(suffix[0] < need - EPS for _, suffix, need in dual):
        return Found(None, True, 0, "Lagrangian bound at the root")
    actor_best = per_actor_suffix(space)
    n, depth = len(space.actors), len(space.issues)
    order_lam = lams[0] if lams else tuple([1.0 / n] * n)
    orders = [_ranked(gains, order_lam) for gains in space.gains]
    picks = [0] * depth
    nodes = 0

    def dive(k: int, totals: list[float]) -> bool:
        nonlocal nodes
        nodes += 1
        if nodes > max_nodes:
            raise _BudgetSpentError
        rest = actor_best[k]
        for a in range(n):
            if totals[a] + rest[a] < goal[a] - EPS:
                return False
        if k == depth:  # the bounds above were exact here: every target is met
            return space.legal(picks)
        for lam, suffix, need in dual:
            if combined(totals, lam) + suffix[k] < need - EPS:
                return False
        gains = space.gains[k]
        for c in orders[k]:
            picks[k] = c
            if dive(k + 1, [t + g for t, g in zip(totals, gains[c], strict=True)]):
                return True
        return False

    try:
        if dive(0, [0.0] * n):
            return Found(tuple(picks), True, nodes, "branch and bound")
        return Found(None, True, nodes, "branch and bound")
    except _BudgetSpentError:
        pass
    found = _local_search(space, goal, seed=seed)
    if found is not None:
        return Found(found, True, nodes, "local search (after the exact search ran out)")
    return Found(None, False, nodes, "heuristic: budget spent, no package found")


def _ranked(gains: Sequence[Sequence[float]], lam: Sequence[float]) -> list[int]:
    """Choice indices, the best for the combination ``lam`` first."""
    return sorted(range(len(gains)), key=lambda c: -combined(gains[c], lam))


def _min_slack(space: Space, picks: Sequence[int], goal: Sequence[float]) -> float:
    return min(p - g for p, g in zip(space.point(picks), goal, strict=True))


def _local_search(
    space: Space, goal: Sequence[float], *, seed: int, restarts: int = 20
) -> tuple[int, ...] | None:
    """Hill-climb on the smallest slack from random starts; a witness is still a proof."""
    rng = random.Random(seed)
    for _ in range(restarts):
        picks = [rng.randrange(len(c)) for c in space.choices]
        score = _min_slack(space, picks, goal)
        improved = True
        while improved and (score < -EPS or not space.legal(picks)):
            improved = False
            for k, options in enumerate(space.choices):
                keep = picks[k]
                for c in range(len(options)):
                    picks[k] = c
                    trial = _min_slack(space, picks, goal)
                    if trial > score + EPS:
                        score, keep, improved = trial, c, True
                picks[k] = keep
        if score >= -EPS and space.legal(picks):
            return tuple(picks)
    return None


@dataclass(frozen=True, slots=True)
class NashFound:
    picks: tuple[int, ...]
    product: float  # the product of utilities above reservation
    exact: bool
    nodes: int


def nash(space: Space, *, max_nodes: int = DEFAULT_NODES) -> NashFound | None:
    """The package maximising the product of (utility - reservation); None without a ZOPA."""
    if not space.actors:
        return None  # nobody to bargain: no product to maximise
    start = feasible(space, max_nodes=max_nodes)
    if start.picks is None:
        return None
    reserve = space.reservations
    n, depth = len(space.actors), len(space.issues)
    best_picks = improve_product(space, list(start.picks))
    best_slack = [u - r for u, r in zip(space.point(best_picks), reserve, strict=True)]
    # With someone exactly on its reservation the product is 0: any deal beats that.
    best = sum(math.log(s) for s in best_slack) if min(best_slack) > EPS else -math.inf
    actor_best = per_actor_suffix(space)
    state = {"lam": [1.0 / max(s, 1e-6) for s in best_slack]}
    state_suffix = [suffix_best(space, state["lam"])]
    picks = [0] * depth
    nodes = 0

    def bound(k: int, totals: list[float]) -> float:
        slack_max = [totals[a] + actor_best[k][a] - reserve[a] for a in range(n)]
        if min(slack_max) <= EPS:
            return -math.inf
        per_actor = sum(math.log(s) for s in slack_max)
        lam = state["lam"]
        reach = combined(totals, lam) + state_suffix[0][k] - combined(reserve, lam)
        if reach <= EPS:
            return -math.inf
        # AM-GM: prod(lam_a s_a) <= (sum lam_a s_a / n)^n, tight at the incumbent.
        tangent = n * math.log(reach / n) - sum(math.log(x) for x in lam)
        return min(per_actor, tangent)

    def dive(k: int, totals: list[float]) -> None:
        nonlocal nodes, best
        nodes += 1
        if nodes > max_nodes:
            raise _BudgetSpentError
        if bound(k, totals) <= best + 1e-12:
            return
        if k == depth:
            if not space.legal(picks):
                return
            slack = [t - r for t, r in zip(totals, reserve, strict=True)]
            best = sum(math.log(s) for s in slack)
            best_picks[:] = picks
            state["lam"] = [1.0 / s for s in slack]
            state_suffix[0] = suffix_best(space, state["lam"])
            return
        gains = space.gains[k]
        lam = state["lam"]
        for c in _ranked(gains, lam):
            picks[k] = c
            dive(k + 1, [t + g for t, g in zip(totals, gains[c], strict=True)])

    exact = True
    try:
        dive(0, [0.0] * n)
    except _BudgetSpentError:
        exact = False
    product = math.exp(best) if best > -math.inf else 0.0
    return NashFound(tuple(best_picks), product, exact and start.exact, nodes)


def improve_product(space: Space, picks: list[int]) -> list[int]:
    """Coordinate ascent on the Nash product from a feasible start: a good first incumbent."""
    if not space.actors:
        return picks

    def value(p: Sequence[int]) -> float:
        slack = [u - r for u, r in zip(space.point(p), space.reservations, strict=True)]
        if min(slack) <= EPS or not space.legal(p):
            return -math.inf
        return sum(math.log(s) for s in slack)

    score = value(picks)
    improved = True
    while improved:
        improved = False
        for k, options in enumerate(space.choices):
            keep = picks[k]
            for c in range(len(options)):
                picks[k] = c
                trial = value(picks)
                if trial > score + 1e-12:
                    score, keep, improved = trial, c, True
            picks[k] = keep
    return picks
