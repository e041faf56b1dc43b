"""Findings about the zone of possible agreement: is there a deal, and what lies outside it."""

from __future__ import annotations

from game.analysis.conditions import impossibilities
from game.analysis.deals import Zopa, space_for
from game.analysis.finding import Finding, Severity
from game.analysis.reach import Reach
from game.analysis.search import feasible
from game.analysis.space import default_actors
from game.engine.model import Scenario

OPTION_BUDGET = 20_000  # nodes per "is this option in any deal?" search


def zopa_findings(scenario: Scenario, where: Reach, found: Zopa) -> list[Finding]:
    out = []
    actors = default_actors(scenario)
    if found.exists is None:
        return [
            Finding(
                Severity.INFO,
                "zopa-undecided",
                f"no deal above every reservation was found, but the space of "
                f"{found.space_size} packages was not searched to the end",
                (),
            )
        ]
    if not found.exists:
        space = space_for(scenario)
        blockers = []
        for a, actor in enumerate(actors):
            relaxed = list(space.reservations)
            relaxed[a] = -1.0
            if feasible(space, relaxed, max_nodes=OPTION_BUDGET).picks is not None:
                blockers.append(actor)
        why = (
            (f"; lowering the reservation of {', '.join(repr(b) for b in blockers)} would open one")
            if blockers
            else ""
        )
        return [
            Finding(
                Severity.WARNING,
                "no-zopa",
                "no package crosses no red line and gives every delegation at least "
                f"its reservation value: expect stalemate{why}",
                tuple(actors),
            )
        ]
    for k, outcome in enumerate(scenario.outcomes):
        agreed = outcome.condition.agreed
        if not agreed or impossibilities(outcome.condition, scenario, where):
            continue
        fixed = {i: tuple(opts) for i, opts in agreed.items()}
        inside = feasible(space_for(scenario, fixed=fixed), max_nodes=OPTION_BUDGET)
        if inside.exact and inside.picks is None:
            out.append(
                Finding(
                    Severity.INFO,
                    "outcome-outside-zopa",
                    f"outcome {outcome.id!r} needs agreements that leave some "
                    "delegation below its reservation in every package",
                    (outcome.id,),
                    ("outcomes", k, "when"),
                )
            )
    # Every deal found on the way shows its options are inside: no search needed for them.
    covered = set((found.package or {}).items())
    for k, issue in enumerate(scenario.issues):
        if issue.id not in where.settleable:
            continue
        option_index = {o.id: j for j, o in enumerate(issue.options)}
        for option in where.open_options[issue.id]:
            if (issue.id, option) in covered:
                continue
            space = space_for(scenario, fixed={issue.id: (option,)})
            inside = feasible(space, max_nodes=OPTION_BUDGET)
            if inside.picks is not None:
                covered.update(space.package(inside.picks).items())
            elif inside.exact:
                out.append(
                    Finding(
                        Severity.INFO,
                        "option-outside-zopa",
                        f"option {option!r} of issue {issue.id!r} is in no package "
                        "that every delegation prefers to walking away",
                        (issue.id, option),
                        ("issues", k, "options", option_index[option]),
                    )
                )
    return out
