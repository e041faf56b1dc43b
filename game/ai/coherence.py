"""Keep the delegate's packages coherent: options that need or rule out others (R33).

The core builds packages issue by issue; an option may require an option of
another issue or exclude one.  Before a package leaves the delegate, terms that
break such a rule are dropped (the one that needs what is missing, or the
later of two that exclude each other) until the rest is legal, counting what
already binds: the engine's own rule finds the term to drop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from game.ai.moves import Intent, Kind
from game.ai.table import Table
from game.engine.actions import Terms
from game.engine.packages import offending_term
from game.engine.scoring import lifted


def coherent_terms(terms: Terms, table: Table) -> Terms:
    """``terms`` minus the terms that make it an illegal package."""
    binding = tuple(table.agreed.items())
    while terms:
        k = offending_term(table.issues, terms, binding)
        if k < 0:
            break
        terms = terms[:k] + terms[k + 1 :]
    return terms


def package_check(table: Table) -> Callable[[dict[str, str]], bool] | None:
    """Whether a package keeps the options' rules (R33) and lifts every public line of
    another delegation at the table with ``unless`` it crosses (R27), given what binds;
    None when there are no such rules or lines: then every package our search makes does.

    Our own lines with ``unless`` stay off-limits in our offers: we accept a package
    that meets our condition, but we do not volunteer the term; the others pay first."""
    key = ("has-rules", id(table.issues))
    ruled = table.cache.get(key)
    if not isinstance(ruled, bool):
        ruled = table.cache[key] = any(
            o.requires or o.excludes for issue in table.issues for o in issue.options
        )
    theirs = table.conditional_lines
    if not ruled and not theirs:
        return None
    issues, agreed = table.issues, table.agreed
    binding = tuple(agreed.items())

    def check(terms: dict[str, str]) -> bool:
        package = tuple(terms.items())
        if ruled and offending_term(issues, package, binding) >= 0:
            return False
        for line in theirs:
            if terms.get(line.issue) in line.options and not lifted(line, {**agreed, **terms}):
                return False
        return True

    return check


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
