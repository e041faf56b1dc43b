"""Keep the delegate's packages coherent: options that need or rule out others (R33).

The core builds packages issue by issue; an option may require an option of
another issue or exclude one.  Before a package leaves the delegate, terms that
break such a rule are dropped (the one that needs what is missing, or the
later of two that exclude each other) until the rest is legal, counting what
already binds, as the engine does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from game.ai.moves import Intent, Kind
from game.ai.table import Table
from game.engine.actions import Terms
from game.engine.model import Issue

_Rules = dict[tuple[str, str], tuple[Mapping[str, frozenset[str]], Mapping[str, frozenset[str]]]]
_MEMO: dict[int, tuple[tuple[Issue, ...], _Rules]] = {}


def _rules(issues: tuple[Issue, ...]) -> _Rules:
    found = _MEMO.get(id(issues))
    if found is not None and found[0] is issues:
        return found[1]
    rules: _Rules = {
        (i.id, o.id): (o.requires, o.excludes)
        for i in issues
        for o in i.options
        if o.requires or o.excludes
    }
    if len(_MEMO) > 16:
        _MEMO.clear()
    _MEMO[id(issues)] = (issues, rules)
    return rules


def _offender(terms: Terms, agreed: Mapping[str, str], rules: _Rules) -> int:
    """Index of a term that breaks a rule, or -1."""
    settled = {**agreed, **dict(terms)}
    for k, term in enumerate(terms):
        needs, avoids = rules.get(term, ({}, {}))
        if any(settled.get(other) not in opts for other, opts in needs.items()):
            return k
        if any(settled.get(other) in opts for other, opts in avoids.items()):
            return k
    return -1


def coherent_terms(terms: Terms, table: Table) -> Terms:
    """``terms`` minus the terms that make it an illegal package."""
    rules = _rules(table.issues)
    if not rules:
        return terms
    while terms:
        k = _offender(terms, table.agreed, rules)
        if k < 0:
            break
        terms = terms[:k] + terms[k + 1 :]
    return terms


def coherent(intent: Intent, table: Table) -> Intent:
    """The intent with a legal package: a proposal left empty becomes a pass."""
    if intent.kind not in (Kind.PROPOSE, Kind.THREATEN) or not intent.terms:
        return intent
    terms = coherent_terms(intent.terms, table)
    if terms == intent.terms:
        return intent
    if intent.kind is Kind.PROPOSE and not terms:
        return Intent(Kind.PASS, f"passed: {intent.rationale}, but that package is incoherent")
    return replace(intent, terms=terms, rationale=f"{intent.rationale} (trimmed to be coherent)")
