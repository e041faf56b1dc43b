"""What an offer on the table is worth to its viewer, and whose red lines it crosses.

The same sums the proposal builder shows for one's own packages, from the
viewer's own view only (``engine.seen``): its value against the walk-away
value, and its red-line flags — the viewer's own lines (public and secret) and
the others' public ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import ActorView, PublicView
from game.engine.seen import explain_red_lines_seen, utility_seen
from game.engine.state import Proposal
from game.ui.screens.common import short_name


@dataclass(frozen=True, slots=True)
class Worth:
    value: float  # the viewer's utility if these terms were agreed (with what is settled)
    reservation: float  # the viewer's walk-away value
    flags: tuple[str, ...]  # "YOUR red line on …", "Russia's on …"

    @property
    def better(self) -> bool:
        return self.value >= self.reservation

    def line(self) -> str:
        """``Worth 0.62 to you (walk-away 0.50)``."""
        return f"Worth {self.value:.2f} to you (walk-away {self.reservation:.2f})"

    def flag_line(self) -> str:
        """``Crosses YOUR red line on …; Russia's on …`` ("" when it crosses none)."""
        return f"Crosses {'; '.join(self.flags)}" if self.flags else ""

    def short(self) -> str:
        """For a chooser: ``0.62 vs 0.50 walk-away · crosses 2 red lines``."""
        text = f"{self.value:.2f} vs {self.reservation:.2f} walk-away"
        if self.flags:
            n = len(self.flags)
            text += f" · crosses {n} red line{'s' if n > 1 else ''}"
        return text


def worth(view: ActorView, pv: PublicView, proposal: Proposal) -> Worth:
    """The value of ``proposal`` to ``view``'s delegation, and the red lines it crosses."""
    terms = dict(proposal.terms)
    value = utility_seen(view, terms, dict(pv.binding))
    issues = {i.id: i.name for i in pv.issues}
    flags = []
    # What already binds counts: it may lift a red line with ``unless`` (R27).
    for breach in explain_red_lines_seen(view, proposal.terms, dict(pv.binding)):
        whose = "YOUR red line" if breach.own else f"{short_name(pv, breach.actor)}'s"
        flags.append(f"{whose} on {issues.get(breach.issue, breach.issue)}")
    return Worth(value, view.reservation, tuple(dict.fromkeys(flags)))
