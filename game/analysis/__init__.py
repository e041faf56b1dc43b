"""Negotiation arithmetic over a scenario: ZOPA, Pareto frontier, Nash point, author checks.

Pure functions of the engine's ``Scenario`` (this package imports only
``game.engine``), fast enough to run on every ``redlines validate``:

* ``findings(scenario) -> list[Finding]``: warnings for authors (and errors
  when the scenario is unplayable), each naming elements by id;
* ``zopa(scenario) -> Zopa``: is there a deal that crosses no red line and
  gives every delegation its reservation value?  With an example package;
* ``pareto_frontier(scenario, actors) -> Frontier`` with ``distance``,
  ``gain`` and ``is_optimal`` to measure an agreement against it;
* ``nash_point(scenario, actors) -> NashPoint | None``;
* ``utilities(scenario, package, actors) -> {actor: utility}``.

Packages are ``{issue id: option id}``; issues left out stay at their status
quo.  Searches are bounded and report ``exact=False`` rather than hang.
"""

from game.analysis.checks import findings
from game.analysis.deals import NashPoint, Zopa, nash_point, pareto_frontier, zopa
from game.analysis.finding import Finding, Severity
from game.analysis.frontier import Frontier, Point
from game.analysis.space import Package, default_actors, utilities

__all__ = [
    "Finding",
    "Frontier",
    "NashPoint",
    "Package",
    "Point",
    "Severity",
    "Zopa",
    "default_actors",
    "findings",
    "nash_point",
    "pareto_frontier",
    "utilities",
    "zopa",
]
