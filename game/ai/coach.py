"""The easy level's advice to a learner: what this delegate would accept right now, and why."""

from __future__ import annotations

import random

from game.ai.core import counter_offer
from game.ai.difficulty import Difficulty
from game.ai.judge import aspiration_for, format_terms
from game.ai.opponents import model_opponents
from game.ai.view import own_prefs, table_from_view
from game.engine.views import ActorView
from game.engine.words import counted


def what_it_would_take(view: ActorView) -> str:
    """A few sentences: the package the delegate would accept now, its aspiration and red lines."""
    table = table_from_view(view, own_prefs(view))
    issues = table.open_issues
    if not issues:
        return "Nothing is left to negotiate at this table."
    aspiration, floor = aspiration_for(table, issues)
    models = model_opponents(table, Difficulty.NORMAL, random.Random(0))
    counter = counter_offer(table, models)
    if counter is None:
        return (
            f"No package on this agenda would reach our aspiration {aspiration:.2f} now"
            f" (our floor is {floor:.2f}): we would rather leave these issues as they are."
        )
    terms, utility = counter.terms, counter.utility
    prefs = table.prefs
    # Public red lines are named with their reasons; secret ones only counted, since the
    # advice is shown to the learner across the table.
    lines = sorted(
        {
            (issue, option, prefs.lines[(issue, option)])
            for issue in issues
            for option in prefs.forbidden[issue]
        },
        key=lambda t: (t[0], t[1]),
    )
    public = [(i, o, line.reason) for i, o, line in lines if line.public]
    secret = {line.id for _, _, line in lines if not line.public}
    never = (
        "; ".join(f'{i}={o} ("{why}")' for i, o, why in public) or "nothing public on this agenda"
    )
    if secret:
        never += f", and {counted(len(secret), 'more line', 'more lines')} we keep to ourselves"
    ranked = sorted(issues, key=lambda i: -prefs.weights.get(i, 0.0))
    cares = ", ".join(f"{i} ({prefs.weights.get(i, 0.0):.2f})" for i in ranked[:3])
    return (
        f"We would accept {format_terms(terms)} now (utility {utility:.2f} ≥ our aspiration"
        f" {aspiration:.2f}); our aspiration falls towards {floor:.2f} as the deadline nears."
        f" We care most about {cares}. We will never accept {never}."
    )
