"""What a delegation can work out from its own view: the red lines a package crosses, its value.

The same sums as ``scoring.explain_red_lines`` and ``scoring.utility``, from an
``ActorView`` instead of the whole scenario, so that a screen that holds only
what its delegation may see (a client of a game hosted elsewhere) explains a
package exactly as the host would.
"""

from __future__ import annotations

from collections.abc import Mapping

from game.engine.model import RedLine
from game.engine.scoring import RedLineBreach
from game.engine.views import ActorView


def explain_red_lines_seen(
    view: ActorView, terms: Mapping[str, str] | tuple[tuple[str, str], ...]
) -> tuple[RedLineBreach, ...]:
    """Which terms cross the viewer's own red lines (all of them) and others' public ones.

    Owners come in the actors' order, each with its lines in the scenario's order.
    """
    chosen = dict(terms)
    me = view.actor
    lines: dict[str, list[RedLine]] = {a.id: [] for a in view.table.actors}
    lines.setdefault(me, []).extend(view.red_lines)
    for line in view.table.public_red_lines:
        if line.actor != me:
            lines.setdefault(line.actor, []).append(line)
    out: list[RedLineBreach] = []
    for owner, owned in lines.items():
        for line in owned:
            option = chosen.get(line.issue)
            if option is not None and option in line.options:
                out.append(
                    RedLineBreach(
                        owner,
                        line.id,
                        line.issue,
                        option,
                        line.public,
                        owner == me,
                        line.reason,
                        line.source,
                    )
                )
    return tuple(out)


def utility_seen(
    view: ActorView, terms: Mapping[str, str], agreed: Mapping[str, str] | None = None
) -> float:
    """The viewer's utility of a settlement, as ``scoring.utility`` sums it."""
    status_quo = {issue.id: issue.status_quo for issue in view.table.issues}
    total = 0.0
    for issue, weight in view.weights.items():
        option = terms.get(issue)
        if option is None:
            option = agreed.get(issue, status_quo[issue]) if agreed else status_quo[issue]
        total += weight * view.values[issue][option]
    return total
