"""What a delegate says at the table: its move in diplomatic words, with nothing private in it.

The rationale of a move is private (utility, aspiration, floor, the reasons of
secret red lines) and is revealed only in the debrief; the *remark* is public,
spoken to everyone at the table.  A remark names proposals by number and terms
by their labels; it may cite a public red line and its reason, never a secret
one; it hints at priorities only qualitatively, and at the hard level not at all.
A counter-offer says what it changes ("we can move on <one issue> if you move on
<another>") and an objection names the term that decided it.  Wording varies with
personality and with how often the delegate has made that kind of move (never by
a random draw), so that a remark can never change what the delegate does.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.ai.judge import targets
from game.ai.moves import Intent, Kind
from game.ai.table import Table
from game.ai.worth import worth
from game.engine import words
from game.engine.actions import Terms

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
    _FIRM: (
        "We propose a package.",
        "This is our proposal.",
        "We put a fresh package on the table.",
        "Here are our terms.",
    ),
    _NEUTRAL: (
        "We propose a package.",
        "We suggest a package.",
        "Let us look at this combination.",
        "We offer another way to settle this.",
    ),
    _WARM: (
        "We propose a package that should work for all.",
        "Let us try this package.",
        "We hope this package brings us closer.",
        "Here is a package in a spirit of compromise.",
    ),
}
_COUNTER = (
    "We propose this package instead.",
    "Here is our counter-proposal.",
    "We answer with a package of our own.",
    "This is where we can meet you.",
)
_TOO_MUCH = {
    _FIRM: ("#{n} asks too much of us on {i}", "#{n} is unacceptable to us on {i}"),
    _NEUTRAL: ("#{n} asks too much of us on {i}", "#{n} does not work for us on {i}"),
    _WARM: ("#{n} asks too much of us on {i}", "We cannot go that far on {i} in #{n}"),
}
_GENERIC = (
    "#{n} does not meet our essential interests",
    "#{n} falls short of what we need",
    "#{n} is not a basis we can work from",
    "#{n} leaves our concerns unanswered",
    "We cannot build on #{n} as it stands",
)


def _temper(table: Table) -> str:
    hardline = table.personality.hardline
    return _FIRM if hardline >= 0.6 else _WARM if hardline <= 0.4 else _NEUTRAL


def _pick(table: Table, choices: Sequence[str]) -> str:
    """One of ``choices``, turning with our own offers and the moves made: the same
    situation seldom gets the same words twice."""
    count = sum(1 for o in table.offers if o.proposer == table.me)
    return choices[(table.move + count) % len(choices)]


def _cited_before(table: Table, proposal: int, issue: str, option: str) -> int:
    """How many earlier proposals of others put this red-line term to us (each was
    answered by citing the line): after a few, the reason goes without saying."""
    return sum(
        1
        for o in table.offers
        if o.id < proposal and o.proposer != table.me and (issue, option) in o.terms
    )


def issue_name(table: Table, issue_id: str) -> str:
    return words.issue_name(table, issue_id)


def terms_text(table: Table, terms: Terms) -> str:
    """Terms as labels a person reads: ``<option label>; <option label>``."""
    return words.option_labels(table, terms) or "nothing"


def _terms_of(table: Table, proposal: int) -> Terms:
    return next((o.terms for o in table.offers if o.id == proposal), ())


def decisive_issue(table: Table, terms: Terms, counter: Terms = ()) -> str:
    """The issue that decided our answer to ``terms``: the first of our red lines it
    crosses, else the term furthest below what we ask on its issue (weighted) — never
    one our ``counter`` takes as it stands (that term was not what we objected to)."""
    prefs = table.prefs
    for breach in prefs.breaches(terms, table.agreed):
        return breach.issue
    same = set(terms) & set(counter)
    scope = [i for i, o in terms if prefs.weights.get(i, 0.0) > 0 and (i, o) not in same]
    if not scope:
        return ""
    aims = targets(table, scope)
    chosen = dict(terms)
    short = {i: prefs.weights[i] * (aims[i][0] - worth(table, i, chosen[i])) for i in scope}
    top = max(sorted(short), key=lambda i: short[i])
    return top if short[top] > 1e-9 else ""


def _objection(table: Table, proposal: int, cite_reason: bool, counter: Terms = ()) -> str:
    """Why we turn a proposal down, in public words: the term that decided it.  A public
    red line is cited (with its public reason if asked); any other decisive term is named
    by its issue only, never with a number or a secret reason; the hard level gives
    nothing away."""
    terms = _terms_of(table, proposal)
    prefs = table.prefs
    for breach in prefs.breaches(terms, table.agreed):
        if breach.line.public:
            label = words.option_label(table, breach.issue, breach.option)
            where = f"{label} crosses our stated red line"
            if cite_reason and _cited_before(table, proposal, breach.issue, breach.option) < 2:
                return f"#{proposal}: {where} — {breach.line.reason.rstrip('.')}"
            return f"#{proposal}: {where} on {issue_name(table, breach.issue)}"
    issue = decisive_issue(table, terms, counter)
    if table.difficulty == "hard" or not issue:
        return _pick(table, _GENERIC).format(n=proposal)
    return _pick(table, _TOO_MUCH[_temper(table)]).format(n=proposal, i=issue_name(table, issue))


def _names(table: Table, issues: Sequence[str]) -> str:
    names = [issue_name(table, i) for i in issues[:2]]
    return " and ".join(names)


_MOVE_IF = (
    "We can move on {m} if you move on {a}.",
    "We have gone a step on {m}; now we need a step from you on {a}.",
    "Our new offer gives ground on {m}, and asks for yours on {a}.",
)
_MOVED = (
    "We have moved on {m}.",
    "We have gone a step towards you on {m}.",
    "We give ground on {m}.",
)
_ASK = (
    "We need movement from you on {a}.",
    "The gap between us is on {a}.",
    "On {a} we still need you to come towards us.",
)


def _change(table: Table, intent: Intent) -> str:
    """What this offer changes, in words: where we moved since our last offer and where
    we need the others to move (the terms of the offer it answers that we do not take)."""
    mine = [o for o in table.offers if o.proposer == table.me]
    now = dict(intent.terms)
    values = table.prefs.values
    moved: list[str] = []
    if mine:  # only where the new term gives us less: a step back towards us is no step
        before = dict(mine[-1].terms)
        moved = [i for i in sorted(now) if i in before and values[i][now[i]] < values[i][before[i]]]
    asked: list[str] = []
    if intent.answers and table.difficulty != "hard":  # where theirs gives us less than ours
        theirs = dict(_terms_of(table, intent.answers))
        asked = [i for i in sorted(now) if i in theirs and values[i][theirs[i]] < values[i][now[i]]]
        asked = [i for i in asked if i not in moved]
    turn = len(mine)
    if moved and asked:
        return _MOVE_IF[turn % len(_MOVE_IF)].format(m=_names(table, moved), a=_names(table, asked))
    if moved:
        return _MOVED[turn % len(_MOVED)].format(m=_names(table, moved))
    if asked:
        return _ASK[turn % len(_ASK)].format(a=_names(table, asked))
    return ""


# A package put back without the term that costs us most (``core._probe_without``): an
# honest ask, not a refusal — we may still take the offer as it stands.
_WITHOUT = (
    "We could agree to #{n} without its term on {i}: here it is.",
    "Everything in #{n} but its term on {i} we can accept; we put that package forward.",
    "Take out the term on {i} and #{n} is agreeable to us: we propose it so.",
)


def _proposal(table: Table, intent: Intent) -> str:
    temper = _temper(table)
    count = sum(1 for o in table.offers if o.proposer == table.me)
    if intent.without:
        names = _names(table, [i for i, _ in intent.without])
        return _WITHOUT[count % len(_WITHOUT)].format(n=intent.answers, i=names)
    if intent.opening:
        return _OPEN[temper][count % len(_OPEN[temper])]
    said = _change(table, intent)
    if not said:
        pool = _COUNTER if intent.answers else _PROPOSE[temper]
        said = pool[count % len(pool)]
    left_out = [i for i in table.open_issues if all(i != t for t, _ in intent.terms)]
    if left_out:
        said = f"{said[:-1]}, leaving {_names(table, left_out)} for later."
    # The objection to the offer we answer is said once: a second counter to the same
    # offer only says what changed.
    answered = any(o.id > intent.answers for o in table.offers if o.proposer == table.me)
    if intent.answers and not answered:
        objection = _objection(table, intent.answers, cite_reason=True, counter=intent.terms)
        said = f"{objection}; {said[0].lower()}{said[1:]}"
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
        terms, lever = terms_text(table, intent.terms), words.lever_name(table, intent.lever)
        return f"Unless we see agreement on {terms}, we will act: {lever}."
    if kind is Kind.CARRY_OUT:
        name = words.lever_name(table, intent.lever)
        return f"We said what we would do if our terms were not met. We now act: {name}."
    if kind is Kind.STATEMENT:
        return intent.text
    if kind is Kind.WALK_OUT:
        return "We see no purpose in staying at this table."
    return ""
