"""What a delegation can work out from its own view: the red lines a package crosses, its value.

The same sums as ``scoring.explain_red_lines`` and ``scoring.utility``, from an
``ActorView`` instead of the whole scenario, so that a screen that holds only
what its delegation may see (a client of a game hosted elsewhere) explains a
package exactly as the host would.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from game.engine import words
from game.engine.model import Condition, RedLine
from game.engine.scoring import RedLineBreach, lifted
from game.engine.views import ActorView, PublicView


class LineStanding(enum.StrEnum):
    """How a red line stands against what binds now (R27): what the board's chip shows."""

    FIRM = "firm"  # no ``unless``: the options cross it, whatever else is agreed
    CONDITIONAL = "conditional"  # ``unless`` does not hold yet: crossed unless the package lifts it
    LIFTED = "lifted"  # ``unless`` holds for what binds: the options cross nothing now


def standing(line: RedLine, binding: Mapping[str, str]) -> LineStanding:
    """Whether ``line`` is firm, conditional or lifted by the ``binding`` terms (R27)."""
    if line.unless is None:
        return LineStanding.FIRM
    return LineStanding.LIFTED if lifted(line, binding) else LineStanding.CONDITIONAL


def unless_words(pv: PublicView, cond: Condition) -> str:
    """A red line's ``unless`` in words: "Pledge: Private or Public agreed", nested too."""
    parts = [
        f"{words.issue_name(pv, issue)}: "
        + " or ".join(words.option_label(pv, issue, o) for o in sorted(options))
        + " agreed"
        for issue, options in sorted(cond.agreed.items())
    ]
    parts += [f"{words.issue_name(pv, issue)} not agreed" for issue in cond.not_agreed]
    parts += [f"({' or '.join(unless_words(pv, c) for c in cond.any)})"] if cond.any else []
    parts += [unless_words(pv, c) for c in cond.all]
    if cond.not_ is not None:
        parts.append(f"not ({unless_words(pv, cond.not_)})")
    return " and ".join(parts)


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
