"""The negotiation-theory answers about a scenario: ZOPA, Pareto frontier, Nash point.

Every function takes the engine's ``Scenario`` and optional actor ids
(default: the playable actors with preferences) and returns plain values with
an ``exact`` flag: searches are bounded, and when a bound is hit the answer
says it is a heuristic instead of hanging.  Packages are ``{issue: option}``
dicts; issues left out stay at their status quo.  Only options that can ever
bind (``reach``: calendar, consent per option, ratification) are settled, no
package crosses a red line of the actors analysed (one with ``unless`` only
where the rest of the package does not lift it), and every package is
coherent (``requires``/``excludes``): an illegal package is no deal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from game.analysis.frontier import Frontier, frontier
from game.analysis.reach import reach
from game.analysis.search import DEFAULT_NODES, feasible, improve_product, nash
from game.analysis.space import Space, build_space
from game.engine.model import Scenario


def space_for(
    scenario: Scenario,
    actors: Sequence[str] | None = None,
    fixed: Mapping[str, Sequence[str | None]] | None = None,
) -> Space:
    """The searchable space: options that can bind, red lines of ``actors`` respected."""
    where = reach(scenario)
    return build_space(
        scenario, actors, settleable=where.settleable, bindable=where.open_options, fixed=fixed
    )


@dataclass(frozen=True, slots=True)
class Zopa:
    """Is there a deal every actor prefers to walking away?

    ``exists`` is None when the bounded search could not decide.  ``package``
    is an example deal (nudged towards a balanced one) and ``utilities`` each
    actor's utility of it; ``space_size`` is how many packages the search
    covered without enumerating them.
    """

    exists: bool | None
    package: dict[str, str] | None
    utilities: dict[str, float]
    reservations: dict[str, float]
    exact: bool
    method: str
    nodes: int
    space_size: int


def zopa_in(space: Space, *, max_nodes: int = DEFAULT_NODES) -> Zopa:
    found = feasible(space, max_nodes=max_nodes)
    reservations = dict(zip(space.actors, space.reservations, strict=True))
    if found.picks is None:
        exists = False if found.exact else None
        return Zopa(
            exists, None, {}, reservations, found.exact, found.method, found.nodes, space.size
        )
    picks = improve_product(space, list(found.picks))
    return Zopa(
        exists=True,
        package=space.package(picks),
        utilities=dict(zip(space.actors, space.point(picks), strict=True)),
        reservations=reservations,
        exact=True,
        method=found.method,
        nodes=found.nodes,
        space_size=space.size,
    )


def zopa(
    scenario: Scenario, actors: Sequence[str] | None = None, *, max_nodes: int = DEFAULT_NODES
) -> Zopa:
    """Search for a package that crosses no red line and gives everyone its reservation."""
    return zopa_in(space_for(scenario, actors), max_nodes=max_nodes)


def pareto_frontier(
    scenario: Scenario, actors: Sequence[str] | None = None, *, max_points: int = 1000
) -> Frontier:
    """The undominated deals among ``actors`` (red lines respected, settleable issues only).

    Use ``Frontier.distance(utilities)`` / ``.gain(...)`` / ``.is_optimal(...)``
    to measure an agreement against it; utilities may be a dict keyed by actor.
    """
    return frontier(space_for(scenario, actors), max_points=max_points)


@dataclass(frozen=True, slots=True)
class NashPoint:
    """The deal maximising the product of utilities above reservation (Nash bargaining)."""

    package: dict[str, str]
    utilities: dict[str, float]
    product: float
    exact: bool


def nash_point(
    scenario: Scenario, actors: Sequence[str] | None = None, *, max_nodes: int = DEFAULT_NODES
) -> NashPoint | None:
    """The Nash bargaining point, or None when no deal clears every reservation."""
    space = space_for(scenario, actors)
    found = nash(space, max_nodes=max_nodes)
    if found is None:
        return None
    return NashPoint(
        package=space.package(found.picks),
        utilities=dict(zip(space.actors, space.point(found.picks), strict=True)),
        product=found.product,
        exact=found.exact,
    )
