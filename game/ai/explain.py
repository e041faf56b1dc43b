"""A move's rationale as a reader wants it: a plain sentence first, the numbers after.

The debrief shows every AI rationale.  The first part says why in words (issue and
option names, never ids or model terms); the bracket after it keeps the numbers and
ids the decision was made on, for whoever wants them.  Private: only the debrief
shows it.
"""

from __future__ import annotations

from game.ai.moves import Intent, Kind
from game.ai.remarks import decisive_issue, issue_name, terms_text
from game.ai.table import Table
from game.engine.model import Tone


def _lever(table: Table, lever_id: str) -> str:
    return next((lv.name for lv in table.levers if lv.id == lever_id), lever_id)


def _terms_of(table: Table, proposal: int) -> tuple[tuple[str, str], ...]:
    return next((o.terms for o in table.offers if o.id == proposal), ())


def _because(table: Table, proposal: int) -> str:
    terms = _terms_of(table, proposal)
    issue = decisive_issue(table, terms)
    if not issue:
        return "it gave us too little overall"
    # The whole package: a line with ``unless`` the rest of it meets is not crossed (R27).
    if any(b.issue == issue for b in table.prefs.breaches(terms, table.agreed)):
        return f"its term on {issue_name(table, issue)} crosses one of our red lines"
    return f"it asked more of us on {issue_name(table, issue)} than we can give now"


def plain(table: Table, intent: Intent) -> str:
    """The plain sentence for ``intent``."""
    kind = intent.kind
    if kind is Kind.ACCEPT:
        what = terms_text(table, _terms_of(table, intent.proposal))
        return (
            f"We accepted #{intent.proposal} ({what}): it gives us at least what we still ask"
            " for, counting what may never bind."
        )
    if kind is Kind.REJECT:
        return f"We turned down #{intent.proposal} because {_because(table, intent.proposal)}."
    if kind is Kind.PROPOSE:
        if intent.opening:
            return "We opened with our public demands."
        left = [i for i in table.open_issues if all(i != t for t, _ in intent.terms)]
        later = (
            f" We left {', '.join(issue_name(table, i) for i in left)} for later." if left else ""
        )
        if intent.without:
            price = ", ".join(issue_name(table, i) for i, _ in intent.without)
            return (
                f"We put #{intent.answers} back without its term on {price}, the one that"
                " would cost us most, to learn whether that price is really asked before"
                " we pay it."
            )
        if intent.answers:
            return (
                f"We answered #{intent.answers} with a package of our own, because"
                f" {_because(table, intent.answers)}.{later}"
            )
        return f"We offered a package we can live with that the others may accept.{later}"
    if kind is Kind.THREATEN:
        verb = "bluffed with" if intent.rationale.startswith("bluffed") else "threatened"
        return (
            f"We {verb} {_lever(table, intent.lever)} to press for"
            f" {terms_text(table, intent.terms)}, with the talks stuck near the round's end."
        )
    if kind is Kind.CARRY_OUT:
        return (
            f"We carried out {_lever(table, intent.lever)}: our condition was not met,"
            " and our word must count."
        )
    if kind is Kind.STATEMENT:
        if intent.tone is Tone.CONCILIATORY:
            return "We spoke to keep the crisis calm and the door open."
        if intent.tone is Tone.HOSTILE:
            return "We raised the pressure with hard words."
        return "We restated our position rather than concede."
    if kind is Kind.WALK_OUT:
        return "We walked out: nothing at this table was worth staying for."
    if intent.proposal and intent.answers:  # ``core._hold_for_ours``
        return (
            f"We waited: our #{intent.proposal} gives us more than #{intent.answers} and may"
            " still be taken."
        )
    if intent.proposal:
        return f"We waited: our #{intent.proposal} is on the table, awaiting answers."
    return "We waited: nothing on the table needed an answer from us."


def rationale(table: Table, intent: Intent) -> str:
    """The plain sentence, then the numbers in brackets."""
    return f"{plain(table, intent)} [{intent.rationale}]"
