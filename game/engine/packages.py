"""Options that need, or rule out, options of other issues (R33): is a package coherent?

An option may say ``requires: {issue: [options]}`` (a package with it must also
settle that issue on one of those options) and ``excludes: {issue: [options]}``
(it must not).  Terms that already bind count as part of every package.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.engine.model import Scenario
from game.engine.tables import Tables, tables_for

Terms = tuple[tuple[str, str], ...]


def _one_of(t: Tables, issue: str, options: Iterable[str]) -> str:
    labels = [t.option_label.get((issue, o), o) for o in sorted(options)]
    name = t.issue[issue].name if issue in t.issue else issue
    if len(labels) == 1:
        return f"{name}: {labels[0]}"
    return f"{name}: one of {', '.join(labels)}"


def problem(t: Tables, terms: Terms, binding: Terms) -> str:
    """Why the package ``terms`` is incoherent given ``binding`` ("" when it is not)."""
    if not (t.requires or t.excludes):
        return ""
    settled = dict(binding)
    settled.update(terms)
    for issue, option in terms:
        term = (issue, option)
        here = f"{t.issue[issue].name}: {t.option_label.get(term, option)}"
        for other, options in t.requires.get(term, {}).items():
            if settled.get(other) not in options:
                return f"{here} needs {_one_of(t, other, options)} (in the package or binding)"
        for other, options in t.excludes.get(term, {}).items():
            if settled.get(other) in options:
                return f"{here} cannot go with {_one_of(t, other, (settled[other],))}"
    return ""


def option_problem(t: Tables, issue: str, option: str, terms: Terms, binding: Terms) -> str:
    """Why ``option`` of ``issue`` cannot join the package ``terms`` now ("" when it can).

    The proposal builder asks this for every option it shows: ``terms`` are the other
    terms chosen so far (any term on ``issue`` itself is replaced).
    """
    rest = tuple(term for term in terms if term[0] != issue)
    return problem(t, (*rest, (issue, option)), binding)


def package_problem(scenario: Scenario, terms: Terms, binding: Terms) -> str:
    """Why ``terms`` is not a coherent package given ``binding`` (R33); "" when it is."""
    return problem(tables_for(scenario), terms, binding)


def unavailable_because(
    scenario: Scenario, issue: str, option: str, terms: Terms, binding: Terms
) -> str:
    """Why ``option`` cannot join the other ``terms`` now (R33); "" when it can."""
    return option_problem(tables_for(scenario), issue, option, terms, binding)
