"""The format-2 rules as the analysis models them: findings for authors, lines for the report.

``redlines analyze`` counts only deals the engine would let bind, so it has to
say which rules shaped that count: packages that are not coherent
(``requires``/``excludes``, R33) are no deals; a red line with ``unless`` blocks
a package only where the rest of it does not lift the line (R27); an option
whose consent (R37) or ratification (R29) can never be had is left out; a
lever with several ``owners`` (R36) can be used by any of them.
"""

from __future__ import annotations

import itertools

from game.analysis.conditions import usable_levers
from game.analysis.finding import Finding, Severity
from game.analysis.ratify import Ratification, ratifications
from game.analysis.reach import Reach
from game.analysis.space import Space
from game.engine.model import Scenario, TrackerKind

COUNTED = 50_000  # packages enumerated to count the illegal ones; beyond, not counted


def world_findings(scenario: Scenario, where: Reach) -> list[Finding]:
    out = []
    index = {a.id: k for k, a in enumerate(scenario.actors)}
    for actor, r in ratifications(scenario).items():
        at = ("actors", index[actor], "ratification")
        if not r.reachable:
            out.append(
                Finding(Severity.WARNING, "ratification-unreachable", r.describe(), (actor,), at)
            )
        elif not r.binds_at_start:
            out.append(Finding(Severity.INFO, "ratification-pending", r.describe(), (actor,), at))
    for k, issue in enumerate(scenario.issues):
        for j, option in enumerate(issue.options):
            why = where.closed_options.get((issue.id, option.id))
            if why:
                out.append(
                    Finding(
                        Severity.WARNING,
                        "option-never-binds",
                        f"option {option.id!r} of issue {issue.id!r} can never bind: {why}",
                        (issue.id, option.id),
                        ("issues", k, "options", j),
                    )
                )
    usable = usable_levers(scenario)
    for k, lever in enumerate(scenario.levers):
        if lever.id not in usable:
            owners = ", ".join(repr(a) for a in lever.owners)
            out.append(
                Finding(
                    Severity.WARNING,
                    "lever-unusable",
                    f"lever {lever.id!r}: its owner(s) {owners} never take a turn, so "
                    "nobody can threaten with it or carry it out",
                    (lever.id, *lever.owners),
                    ("levers", k),
                )
            )
    return out


def _after_deal(scenario: Scenario, r: Ratification, deal: dict[str, str] | None) -> str:
    """What the example deal's own ``on_agree`` effects (R31) do to a ratifier's support."""
    if not deal:
        return ""
    delta = sum(
        e.delta
        for i in scenario.issues
        if i.id in deal
        for e in i.option(deal[i.id]).on_agree
        if e.tracker is TrackerKind.SUPPORT and e.actor in ("", r.actor)
    )
    if not delta:
        return ""
    after = max(0.0, min(100.0, r.start + delta))
    verdict = "it binds" if after >= r.threshold else "it would await ratification"
    return f"; the example deal's own effects take it {r.start:g} -> {after:g}: {verdict}"


def illegal_count(space: Space) -> int | None:
    """How many packages of ``space`` its cross-issue rules refuse (None: too many to count)."""
    if not space.links:
        return 0
    if space.size > COUNTED:
        return None
    every = itertools.product(*(range(len(c)) for c in space.choices))
    return sum(1 for picks in every if not space.legal(picks))


def modelled(
    scenario: Scenario, where: Reach, space: Space, deal: dict[str, str] | None
) -> list[str]:
    """One line per format-2 rule the scenario uses, saying how the analysis counted it."""
    lines = []
    links = [(i.id, o.id) for i in scenario.issues for o in i.options if o.requires or o.excludes]
    if links:
        illegal = illegal_count(space)
        counted = (
            f"{illegal:,} of the {space.size:,} packages are incoherent and not counted as deals"
            if illegal is not None
            else "incoherent packages are not counted as deals (too many packages to count them)"
        )
        names = ", ".join(f"{i}={o}" for i, o in links)
        lines.append(f"requires/excludes (R33) on {names}: {counted}")
    for prefs in scenario.preferences.values():
        for line in prefs.red_lines:
            if line.unless is None:
                continue
            state = ""
            if deal is not None and deal.get(line.issue) in line.options:
                state = "; the example deal lifts it"
            lines.append(
                f"red line {line.id!r} of {line.actor} has `unless` (R27): it blocks a "
                f"package only where the rest of the package does not lift it{state}"
            )
    lines.extend(
        f"ratification (R29): {r.describe()}{_after_deal(scenario, r, deal)}"
        for r in ratifications(scenario).values()
    )
    for i in scenario.issues:
        for o in i.options:
            if o.consent:
                state = where.closed_options.get((i.id, o.id), "")
                who = ", ".join(o.consent)
                tail = f": it can never bind ({state})" if state else ""
                lines.append(f"consent per option (R37): {i.id}={o.id} also needs {who}{tail}")
    lines.extend(
        f"lever {lever.id!r} has several owners (R36): {', '.join(lever.owners)}, "
        "once per game in all"
        for lever in scenario.levers
        if len(lever.owners) > 1
    )
    return lines
