"""Keep the delegate's packages coherent: options that need or rule out others (R33).

The core builds packages issue by issue; an option may require an option of
another issue or exclude one.  Before a package leaves the delegate, terms that
break such a rule are dropped (the one that needs what is missing, or the
later of two that exclude each other) until the rest is legal, counting what
already binds: the engine's own rule finds the term to drop.
"""

from __future__ import annotations

from dataclasses import replace

from game.ai.moves import Intent, Kind
from game.ai.table import Table
from game.engine.actions import Terms
from game.engine.packages import offending_term


def coherent_terms(terms: Terms, table: Table) -> Terms:
    """``terms`` minus the terms that make it an illegal package."""
    binding = tuple(table.agreed.items())
    while terms:
        k = offending_term(table.issues, terms, binding)
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
