"""What a delegation can work out from its own view: the red lines a package crosses, its value.

The same sums as ``scoring.explain_red_lines`` and ``scoring.utility``, from an
``ActorView`` instead of the whole scenario, so that a screen that holds only
what its delegation may see (a client of a game hosted elsewhere) explains a
package exactly as the host would.
"""

from __future__ import annotations

from collections.abc import Mapping

from game.engine.model import RedLine
from game.engine.scoring import RedLineBreach, lifted
from game.engine.views import ActorView


def explain_red_lines_seen(
    view: ActorView,
    terms: Mapping[str, str] | tuple[tuple[str, str], ...],
    agreed: Mapping[str, str] | None = None,
) -> tuple[RedLineBreach, ...]:
    """Which terms cross the viewer's own red lines (all of them) and others' public ones.

    In the same order as ``scoring.explain_red_lines``: own lines first; a line whose
    ``unless`` holds for ``terms`` plus ``agreed`` is lifted (R27).
    """
    chosen = dict(terms)
    whole = {**agreed, **chosen} if agreed else chosen
    me = view.actor
    lines: list[RedLine] = [*view.red_lines]
    lines += [line for line in view.table.public_red_lines if line.actor != me]
    out: list[RedLineBreach] = []
    for line in lines:
        option = chosen.get(line.issue)
        if option is not None and option in line.options and not lifted(line, whole):
            out.append(
                RedLineBreach(
                    line.actor,
                    line.id,
                    line.issue,
                    option,
                    line.public,
                    line.actor == me,
                    line.reason,
                    line.source,
                )
            )
    out.sort(key=lambda b: (not b.own, b.actor, b.issue, b.red_line))
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
