"""Options that need, or rule out, options of other issues (R33): is a package coherent?

An option may say ``requires: {issue: [options]}`` (a package with it must also
settle that issue on one of those options) and ``excludes: {issue: [options]}``
(it must not).  Terms that already bind count as part of every package.  The
rule reads only the issues (public to every delegation), so a screen that holds
only its own view asks the same question as the engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from game.engine.model import Issue, Scenario
from game.engine.tables import Tables, tables_for

Terms = tuple[tuple[str, str], ...]
Needs = Mapping[tuple[str, str], Mapping[str, frozenset[str]]]


class _Names:
    """Issue names and option labels, for the reasons given."""

    __slots__ = ("issue", "option")

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issue = {i.id: i.name for i in issues}
        self.option = {(i.id, o.id): o.label for i in issues for o in i.options}

    def one_of(self, issue: str, options: Iterable[str]) -> str:
        labels = [self.option.get((issue, o), o) for o in sorted(options)]
        name = self.issue.get(issue, issue)
        if len(labels) == 1:
            return f"{name}: {labels[0]}"
        return f"{name}: one of {', '.join(labels)}"


def _breach(
    requires: Needs, excludes: Needs, terms: Terms, binding: Terms
) -> tuple[int, str, Iterable[str], bool] | None:
    """The first term of ``terms`` that breaks R33 given ``binding``: its index, the other
    issue, the options in question and whether it needs them (else it excludes them)."""
    settled = dict(binding)
    settled.update(terms)
    for k, term in enumerate(terms):
        for other, options in requires.get(term, {}).items():
            if settled.get(other) not in options:
                return k, other, options, True
        for other, options in excludes.get(term, {}).items():
            if settled.get(other) in options:
                return k, other, (settled[other],), False
    return None


def _problem(requires: Needs, excludes: Needs, names: _Names, terms: Terms, binding: Terms) -> str:
    found = _breach(requires, excludes, terms, binding)
    if found is None:
        return ""
    k, other, options, needs = found
    issue, option = terms[k]
    here = f"{names.issue.get(issue, issue)}: {names.option.get((issue, option), option)}"
    if needs:
        return f"{here} needs {names.one_of(other, options)} (in the package or binding)"
    return f"{here} cannot go with {names.one_of(other, options)}"


def problem(t: Tables, terms: Terms, binding: Terms) -> str:
    """Why the package ``terms`` is incoherent given ``binding`` ("" when it is not)."""
    if not (t.requires or t.excludes):
        return ""
    return _problem(t.requires, t.excludes, _names(t.scenario.issues), terms, binding)


_NAMES: dict[int, tuple[tuple[Issue, ...], _Names]] = {}


def _names(issues: tuple[Issue, ...]) -> _Names:
    found = _NAMES.get(id(issues))
    if found is not None and found[0] is issues:
        return found[1]
    if len(_NAMES) > 16:
        _NAMES.clear()
    made = _Names(issues)
    _NAMES[id(issues)] = (issues, made)
    return made


_RULES: dict[int, tuple[tuple[Issue, ...], Needs, Needs]] = {}


def _rules(issues: tuple[Issue, ...]) -> tuple[Needs, Needs]:
    """The options' ``requires`` and ``excludes`` by term, made once per set of issues."""
    found = _RULES.get(id(issues))
    if found is not None and found[0] is issues:
        return found[1], found[2]
    requires = {(i.id, o.id): o.requires for i in issues for o in i.options if o.requires}
    excludes = {(i.id, o.id): o.excludes for i in issues for o in i.options if o.excludes}
    if len(_RULES) > 16:
        _RULES.clear()
    _RULES[id(issues)] = (issues, requires, excludes)
    return requires, excludes


def issues_problem(issues: tuple[Issue, ...], terms: Terms, binding: Terms) -> str:
    """``problem`` from the issues alone (a delegation's view holds them all)."""
    requires, excludes = _rules(issues)
    if not (requires or excludes):
        return ""
    return _problem(requires, excludes, _names(issues), terms, binding)


def offending_term(issues: tuple[Issue, ...], terms: Terms, binding: Terms) -> int:
    """The index of the first term of ``terms`` that breaks R33 given ``binding`` (-1 when
    the package is coherent): what to drop to make it legal."""
    requires, excludes = _rules(issues)
    if not (requires or excludes):
        return -1
    found = _breach(requires, excludes, terms, binding)
    return -1 if found is None else found[0]


def package_problem(scenario: Scenario, terms: Terms, binding: Terms) -> str:
    """Why ``terms`` is not a coherent package given ``binding`` (R33); "" when it is."""
    return problem(tables_for(scenario), terms, binding)


def unavailable_because(
    issues: tuple[Issue, ...], issue: str, option: str, terms: Terms, binding: Terms
) -> str:
    """Why ``option`` of ``issue`` cannot join the other ``terms`` now (R33); "" when it can.

    The proposal builder asks this for every option it shows: ``terms`` are the other
    terms chosen so far (any term on ``issue`` itself is replaced).
    """
    rest = tuple(term for term in terms if term[0] != issue)
    return issues_problem(issues, (*rest, (issue, option)), binding)
