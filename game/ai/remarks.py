"""What a delegate says at the table: its move in diplomatic words, with nothing private in it.

The rationale of a move is private (utility, aspiration, floor, the reasons of
secret red lines) and is revealed only in the debrief; the *remark* is public,
spoken to everyone at the table.  A remark names proposals by number and terms
by their labels; it may cite a public red line and its reason, never a secret
one; it hints at priorities only qualitatively, and at the hard level not at all.
Wording varies a little with personality, chosen by the move number (never by
a random draw), so that a remark can never change what the delegate does.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.ai.moves import Intent, Kind
from game.ai.table import Table
from game.engine.actions import Terms
from game.engine.model import Issue

_FIRM, _NEUTRAL, _WARM = "firm", "neutral", "warm"

_ACCEPT = {
    _FIRM: ("#{n} meets our requirements: we accept it.", "We can accept #{n}."),
    _NEUTRAL: ("We can accept #{n}: it is a fair basis.", "#{n} is a sound basis: we accept."),
    _WARM: ("We welcome #{n} and gladly accept it.", "We can accept #{n}: it is a fair basis."),
}
# A proposal's terms are in its own transcript line: the words only frame it.
_OPEN = {
    _FIRM: ("Our position is clear.", "These are our demands."),
    _NEUTRAL: ("We put our position on the table.", "To begin, this is what we need."),
    _WARM: ("To begin, we put our ideas forward.", "As a starting point, here is our proposal."),
}
_PROPOSE = {
    _FIRM: ("We propose a package.", "This is our proposal."),
    _NEUTRAL: ("We propose a package.", "We suggest a package."),
    _WARM: ("We propose a package that should work for all.", "Let us try this package."),
}
_COUNTER = ("we propose this package instead.", "here is our counter-proposal.")
_TOO_MUCH = {
    _FIRM: ("#{n} asks too much of us on {i}", "#{n} is unacceptable to us on {i}"),
    _NEUTRAL: ("#{n} asks too much of us on {i}", "#{n} does not work for us on {i}"),
    _WARM: ("#{n} asks too much of us on {i}", "We cannot go that far on {i} in #{n}"),
}
_GENERIC = ("#{n} does not meet our essential interests", "#{n} falls short of what we need")


def _temper(table: Table) -> str:
    hardline = table.personality.hardline
    return _FIRM if hardline >= 0.6 else _WARM if hardline <= 0.4 else _NEUTRAL


def _pick(table: Table, choices: Sequence[str]) -> str:
    return choices[table.move % len(choices)]


def _issue(table: Table, issue_id: str) -> Issue | None:
    return next((i for i in table.issues if i.id == issue_id), None)


def _issue_name(table: Table, issue_id: str) -> str:
    issue = _issue(table, issue_id)
    return issue.name if issue is not None else issue_id


def _label(table: Table, issue_id: str, option_id: str) -> str:
    issue = _issue(table, issue_id)
    if issue is None:
        return f"{issue_id}={option_id}"
    return next((o.label for o in issue.options if o.id == option_id), option_id)


def terms_text(table: Table, terms: Terms) -> str:
    """Terms as labels a person reads: ``Political moratorium; Return to garrisons``."""
    return "; ".join(_label(table, i, o) for i, o in terms) or "nothing"


def _terms_of(table: Table, proposal: int) -> Terms:
    return next((o.terms for o in table.offers if o.id == proposal), ())


def _objection(table: Table, proposal: int, cite_reason: bool) -> str:
    """Why we turn a proposal down, in public words: a public red line it crosses (and,
    if asked, its public reason), else the issue we value most among the terms we dislike
    (generic at the hard level, which gives nothing away)."""
    terms = _terms_of(table, proposal)
    prefs = table.prefs
    for breach in prefs.breaches(terms):
        if breach.line.public:
            where = f"{_label(table, breach.issue, breach.option)} crosses our stated red line"
            if cite_reason:
                return f"#{proposal}: {where} — {breach.line.reason.rstrip('.')}"
            return f"#{proposal}: {where} on {_issue_name(table, breach.issue)}"
    disliked = [
        i
        for i, o in terms
        if prefs.weights.get(i, 0.0) > 0
        and prefs.values[i][o] < prefs.values[i][prefs.best_option[i]]
    ]
    if table.difficulty == "hard" or not disliked:
        return _pick(table, _GENERIC).format(n=proposal)
    top = max(disliked, key=lambda i: (prefs.weights[i], i))
    return _pick(table, _TOO_MUCH[_temper(table)]).format(n=proposal, i=_issue_name(table, top))


def _lever_name(table: Table, lever_id: str) -> str:
    return next((lv.name for lv in table.levers if lv.id == lever_id), lever_id)


def _proposal(table: Table, intent: Intent) -> str:
    temper = _temper(table)
    if intent.opening:
        return _pick(table, _OPEN[temper])
    said = _pick(table, _COUNTER if intent.answers else _PROPOSE[temper])
    left_out = [i for i in table.open_issues if all(i != t for t, _ in intent.terms)]
    if left_out:
        said = (
            f"{said[:-1]}, leaving {', '.join(_issue_name(table, i) for i in left_out)} for later."
        )
    if intent.answers:
        objection = _objection(table, intent.answers, cite_reason=False)
        said = f"{objection}; {said}"
    return said


def remark(table: Table, intent: Intent) -> str:
    """What the delegate says at the table for ``intent`` ("" when it says nothing)."""
    kind = intent.kind
    if kind is Kind.ACCEPT:
        return _pick(table, _ACCEPT[_temper(table)]).format(n=intent.proposal)
    if kind is Kind.REJECT:
        objection = _objection(table, intent.proposal, cite_reason=True)
        if objection.startswith(f"#{intent.proposal}:"):  # a public red line, with its reason
            return f"We cannot accept {objection}."
        return f"{objection}: we decline it."
    if kind is Kind.PROPOSE:
        return _proposal(table, intent)
    if kind is Kind.THREATEN:
        terms = terms_text(table, intent.terms)
        return (
            f"Unless we see agreement on {terms}, we will act: {_lever_name(table, intent.lever)}."
        )
    if kind is Kind.CARRY_OUT:
        name = _lever_name(table, intent.lever)
        return f"We said what we would do if our terms were not met. We now act: {name}."
    if kind is Kind.STATEMENT:
        return intent.text
    if kind is Kind.WALK_OUT:
        return "We see no purpose in staying at this table."
    return ""
