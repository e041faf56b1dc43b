"""The one vocabulary: the only place where ids become names, and actions, terms, events,
commitments and endings words.

The terminal, the window, the exports, the briefings and the engine's own error
messages and transcript lines all read their words from here, so a name has
one fallback (its id; the facilitator is "Facilitator") and a new action or event
kind that is not described fails mypy (each ``match`` over the action types or the
event kinds ends in ``assert_never``).  Lookups take the scenario or any view of it that carries its
public parts (``PublicView``): actors, issues and levers.  ``str(action)`` is the
action's notation (``game.engine.actions``); this module gives it words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar, assert_never

from game.engine.actions import (
    FACILITATOR,
    Accept,
    Action,
    Bookmark,
    CarryOut,
    EndGame,
    EndRound,
    ExtendRound,
    Inject,
    News,
    Pass,
    Propose,
    Reject,
    Statement,
    Threaten,
    Timeout,
    WalkOut,
)
from game.engine.events import EventKind, GameEvent, LeverUse
from game.engine.ledger import Commitment, CommitmentKind, CommitmentStatus
from game.engine.model import Issue, Lever, Round, Scenario
from game.engine.termination import Termination

FACILITATOR_NAME = "Facilitator"


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_Item = TypeVar("_Item", bound=_HasId)


class _Actor(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def short_name(self) -> str: ...
    @property
    def adjective(self) -> str: ...
    @property
    def delegate(self) -> str: ...


class Source(Protocol):
    """What names come from: a ``Scenario`` or a ``PublicView``."""

    @property
    def actors(self) -> Sequence[_Actor]: ...
    @property
    def issues(self) -> Sequence[Issue]: ...
    @property
    def levers(self) -> Sequence[Lever]: ...


@dataclass(frozen=True, slots=True)
class Names:
    """The lookups of one scenario, built once per scenario (``names_of``)."""

    actors: dict[str, _Actor]
    issues: dict[str, Issue]
    options: dict[tuple[str, str], str]
    levers: dict[str, Lever]

    def term(self, issue: str, option: str) -> str:
        """``Issue name: option label`` (ids where the scenario has no such issue or option)."""
        found = self.issues.get(issue)
        return (
            f"{issue if found is None else found.name}: {self.options.get((issue, option), option)}"
        )

    @classmethod
    def build(cls, source: Source) -> Names:
        return cls(
            {a.id: a for a in source.actors},
            {i.id: i for i in source.issues},
            {(i.id, o.id): o.label for i in source.issues for o in i.options},
            {lv.id: lv for lv in source.levers},
        )


_CACHE: dict[int, tuple[object, Names]] = {}


def names_of(source: Source) -> Names:
    """The lookups for ``source``, cached by its issues (shared by every view of a game)."""
    key = source.issues
    found = _CACHE.get(id(key))
    if found is not None and found[0] is key:
        return found[1]
    if len(_CACHE) > 32:
        _CACHE.clear()
    made = Names.build(source)
    _CACHE[id(key)] = (key, made)
    return made


# --- ids into names ------------------------------------------------------------------


def actor_name(source: Source, actor: str) -> str:
    """The actor's full name; the facilitator and unknown ids (a quote's speaker) as given."""
    if actor == FACILITATOR:
        return FACILITATOR_NAME
    found = names_of(source).actors.get(actor)
    return actor if found is None else found.name


def short_name(source: Source, actor: str) -> str:
    """The actor's short name (its name if it has none)."""
    found = names_of(source).actors.get(actor)
    return actor_name(source, actor) if found is None else found.short_name or found.name


def adjective(source: Source, actor: str) -> str:
    """The actor's adjective, for "Pass the laptop to the <adjective> delegation"."""
    found = names_of(source).actors.get(actor)
    if found is None:
        return actor_name(source, actor)
    return found.adjective or found.short_name or found.name


def delegate_name(source: Source, actor: str) -> str:
    """The head of delegation's name, without the title after the first comma."""
    found = names_of(source).actors.get(actor)
    if found is None:
        return actor_name(source, actor)
    return found.delegate.split(",")[0].split("(")[0].strip() or found.name


def names(source: Source, actors: Iterable[str], *, empty: str = "") -> str:
    """Short names joined with commas; ``empty`` when there are none."""
    listed = [short_name(source, a) for a in actors]
    return ", ".join(listed) if listed else empty


class HasIssues(Protocol):
    """Anything that carries issues: a scenario, a view of it, an AI delegate's table."""

    @property
    def issues(self) -> Sequence[Issue]: ...


class HasLevers(Protocol):
    @property
    def levers(self) -> Sequence[Lever]: ...


_BY_ID: dict[int, tuple[object, dict[str, Any]]] = {}


def _by_id(items: Sequence[_Item]) -> dict[str, _Item]:
    """``items`` by id, built once per tuple (cached by identity, like ``names_of``)."""
    found = _BY_ID.get(id(items))
    if found is not None and found[0] is items:
        return found[1]
    if len(_BY_ID) > 64:
        _BY_ID.clear()
    made = {item.id: item for item in items}
    _BY_ID[id(items)] = (items, made)
    return made


def issue_name(source: HasIssues, issue: str) -> str:
    found = _by_id(source.issues).get(issue)
    return issue if found is None else found.name


def option_label(source: HasIssues, issue: str, option: str) -> str:
    found = _by_id(source.issues).get(issue)
    if found is None:
        return option
    return next((o.label for o in found.options if o.id == option), option)


def option_labels(source: HasIssues, terms: Iterable[tuple[str, str]]) -> str:
    """The options' labels alone, ``Political moratorium; Return to garrisons`` (a
    delegate's remark names the issues in its own sentence)."""
    return "; ".join(option_label(source, i, o) for i, o in terms)


def lever_name(source: HasLevers, lever: str) -> str:
    found = _by_id(source.levers).get(lever)
    return lever if found is None else found.name


def term_lines(source: Source, terms: Iterable[tuple[str, str]]) -> list[str]:
    """``Issue name: option label`` for each term of a package."""
    names = names_of(source)
    return [names.term(i, o) for i, o in terms]


def terms_words(source: Source, terms: Iterable[tuple[str, str]]) -> str:
    """``Issue name: option label; ...`` for a package of terms."""
    return "; ".join(term_lines(source, terms))


def terms_with_ids(source: Source, terms: Iterable[tuple[str, str]]) -> str:
    """``issue=option (label), ...``: the ids a player types, with what they mean."""
    return ", ".join(f"{i}={o} ({option_label(source, i, o)})" for i, o in terms)


_TERM = re.compile(r"\b([a-z0-9][a-z0-9_-]*)=([a-z0-9][a-z0-9_-]*)\b")  # ids may hold _ and -


def humanize(source: Source, text: str) -> str:
    """Free text (an AI rationale) as a person reads it: ``issue=option`` ids become the
    option's label; anything that is not a known term stays as written."""
    options = names_of(source).options
    return _TERM.sub(lambda m: options.get((m.group(1), m.group(2)), m.group(0)), text)


# --- actions into words --------------------------------------------------------------


def refusal(action: Action) -> str:
    """What the action tried, for "cannot <this>: <reason>" (ids only: no scenario needed)."""
    match action:
        case Propose():
            return "propose " + ",".join(f"{i}={o}" for i, o in action.terms)
        case Accept():
            return f"accept proposal #{action.proposal}"
        case Reject():
            return f"reject proposal #{action.proposal}"
        case Statement():
            return "make a statement"
        case Threaten():
            return f"threaten with {action.lever}"
        case CarryOut():
            return f"carry out {action.lever}"
        case WalkOut():
            return "walkout"
        case Pass():
            return "pass"
        case Inject():
            return f"inject event {action.card}"
        case News():
            return "news"
        case Bookmark():
            return "bookmark"
        case ExtendRound():
            return "extend the round"
        case EndRound():
            return "endround"
        case EndGame():
            return "endgame"
        case Timeout():
            return f"time out {action.mover}"
        case _:
            assert_never(action)


def menu_words(source: Source, action: Action) -> str:
    """One line of a delegation's menu of legal actions (ids kept: they are what one types)."""
    match action:
        case Propose():
            return f"propose {terms_with_ids(source, action.terms)}"
        case Accept():
            return f"accept proposal #{action.proposal}"
        case Reject():
            return f"reject proposal #{action.proposal}"
        case Statement():
            said = f' "{action.text}"' if action.text else " (type s TONE TEXT to add words)"
            return f"statement, {action.tone}{said}"
        case Threaten():
            unless = f" unless {terms_with_ids(source, action.unless)}" if action.unless else ""
            return f"threaten: {action.lever} ({lever_name(source, action.lever)}){unless}"
        case CarryOut():
            return f"carry out: {action.lever} ({lever_name(source, action.lever)})"
        case WalkOut():
            return "walk out of this round"
        case Pass():
            return "pass"
        case Inject() | News() | Bookmark() | ExtendRound() | EndRound() | EndGame() | Timeout():
            return str(action)  # the facilitator's actions read best in the notation
        case _:
            assert_never(action)


# --- events into words --------------------------------------------------------------


def _listed(source: Source, actors: Sequence[str]) -> str:
    """Short names as a sentence lists them: "A", "A and B", "A, B and C"."""
    who = [short_name(source, a) for a in actors]
    return who[0] if len(who) == 1 else ", ".join(who[:-1]) + " and " + who[-1]


def _round(scenario: Scenario, round_id: str) -> tuple[int, Round]:
    """The round's 1-based number and the round itself."""
    for number, rnd in enumerate(scenario.rounds, 1):
        if rnd.id == round_id:
            return number, rnd
    raise KeyError(round_id)


def round_place(rnd: Round) -> str:
    """How the record names a round in passing: its city, else its name, else its id."""
    return rnd.city or rnd.name or rnd.id


def _lever_use(how: LeverUse | None) -> str:
    match how:
        case LeverUse.SURPRISE | None:
            return "without warning"
        case LeverUse.THREAT_MADE_GOOD:
            return "as it threatened"
        case LeverUse.PROMISE_BROKEN:
            return "although its terms were met"
        case _:
            assert_never(how)


def event_text(scenario: Scenario, e: GameEvent) -> str:  # noqa: PLR0915 - a case per kind
    """The transcript line of an event, from its facts (the engine records it once)."""
    who = short_name(scenario, e.actor)
    match e.kind:
        case EventKind.GAME_OPENED:
            return f"{scenario.title}. {scenario.decision_point}".strip()
        case EventKind.DEMAND:
            said = f" “{e.said}”" if e.said else ""
            term = names_of(scenario).term(e.issue, e.option)
            return f"{who} demands {term}.{said}"
        case EventKind.QUOTE:
            found = names_of(scenario).actors.get(e.speaker)
            name = e.speaker if found is None else found.short_name or found.name
            return f"{name}: “{e.said}”"
        case EventKind.ROUND_OPENED:
            number, rnd = _round(scenario, e.round_id)
            dates = f"{rnd.date} to {rnd.end_date}" if rnd.end_date else rnd.date
            where = ", ".join(x for x in (rnd.venue, rnd.city, dates) if x)
            people = ", ".join(short_name(scenario, a) for a in rnd.participants)
            opening = f"Round {number}: {rnd.name} ({where}). At the table: {people}."
            return f"{opening} {rnd.opening}".strip()
        case EventKind.ROUND_CLOSED:
            number, rnd = _round(scenario, e.round_id)
            return f"Round {number} ({round_place(rnd)}) closes."
        case EventKind.ROUND_EXTENDED:
            return f"The facilitator extends the round by {counted(e.turns, 'turn')}."
        case EventKind.PROPOSAL:
            replacing = "" if e.replaces is None else f" (replacing #{e.replaces})"
            return f"{who} proposes #{e.proposal}{replacing}: {terms_words(scenario, e.terms)}."
        case EventKind.PROPOSAL_WITHDRAWN:
            if e.lapsed:
                numbers = ", ".join(f"#{n}" for n in e.lapsed)
                return f"Proposals lapse with the round: {numbers}."
            return f"#{e.proposal} is overtaken by #{e.overtaken_by}."
        case EventKind.ACCEPTED:
            return f"{who} accepts #{e.proposal}."
        case EventKind.REJECTED:
            return f"{who} rejects #{e.proposal}."
        case EventKind.AGREEMENT:
            accepted = ", ".join(short_name(scenario, a) for a in e.actors)
            return f"Agreement on #{e.proposal} ({accepted})."
        case EventKind.BINDING:
            return f"Binding: {names_of(scenario).term(e.issue, e.option)}."
        case EventKind.PROVISIONAL:
            waits = []
            if e.actors:
                verb = "accepts" if len(e.actors) == 1 else "accept"
                waits.append(f"binds once {_listed(scenario, e.actors)} {verb}")
            if e.unratified:
                waits.append(f"awaiting ratification by {_listed(scenario, e.unratified)}")
            term = names_of(scenario).term(e.issue, e.option)
            return f"Provisional: {term} ({'; '.join(waits)})."
        case EventKind.RATIFIED:
            return f"Ratified, now binding: {names_of(scenario).term(e.issue, e.option)}."
        case EventKind.CONSENT_BYPASSED:
            return f"{issue_name(scenario, e.issue)} was agreed without {who} at the table."
        case EventKind.STATEMENT:
            said = f": “{e.said}”" if e.said else "."
            return f"{who} ({'' if e.tone is None else e.tone.value}){said}"
        case EventKind.THREAT:
            unless = f" unless {terms_words(scenario, e.terms)}" if e.terms else ""
            lever = lever_name(scenario, e.lever)
            return f"{who} threatens {lever}{unless} (by the end of this round)."
        case EventKind.LEVER_USED:
            return f"{who} carries out {lever_name(scenario, e.lever)}, {_lever_use(e.how)}."
        case EventKind.THREAT_LAPSED:
            return (
                f"Its terms are met: {who}'s threat ({lever_name(scenario, e.lever)}) lapses; "
                f"holding back is now a promise."
            )
        case EventKind.COMMITMENT_KEPT:
            return f"{who} kept its word and held back {lever_name(scenario, e.lever)}."
        case EventKind.COMMITMENT_BROKEN:
            lever = lever_name(scenario, e.lever)
            return f"{who} did not carry out its threat ({lever}): its credibility suffers."
        case EventKind.BREACH if e.withdrawn:
            return (
                f"{who} carries out {lever_name(scenario, e.lever)}: the provisional agreement "
                f"on {terms_words(scenario, e.terms)} is withdrawn, and the issue is open again."
            )
        case EventKind.BREACH:
            return (
                f"{who} breaks the agreement on {terms_words(scenario, e.terms)} by carrying out "
                f"{lever_name(scenario, e.lever)}: the terms are void."
            )
        case EventKind.WALKOUT:
            return f"{who} walks out of the round."
        case EventKind.PASS:
            return f"{who} passes."
        case EventKind.TIMEOUT:
            return f"Time is up for {who}: it passes."
        case EventKind.EVENT_DRAWN:
            card = next(c for c in scenario.events if c.id == e.card)
            how = "The facilitator plays an event" if e.injected else "Event"
            return f"{how}: {card.title}. {card.text}"
        case EventKind.NEWS:
            return f"News: {e.said}"
        case EventKind.BOOKMARK:
            return f"Bookmark: {e.said}"
        case EventKind.TENSION:
            after = e.value or 0.0
            verb = "rises" if e.before is not None and after > e.before else "falls"
            return f"Tension {verb} to {after:.0f}."
        case EventKind.ESCALATION:
            if e.lever:
                return (
                    f"The crisis escalates: {who} has carried out {lever_name(scenario, e.lever)}."
                )
            return "The crisis escalates: tension has reached the war threshold."
        case EventKind.AGENDA:
            change = e.agenda
            assert change is not None
            number, rnd = _round(scenario, change.round)
            issues = ", ".join(issue_name(scenario, i) for i in change.issues)
            verb = "joins" if change.add else "leaves"
            if len(change.issues) > 1:
                verb = "join" if change.add else "leave"
            return f"{issues} {verb} the agenda of round {number} ({round_place(rnd)})."
        case EventKind.GAME_OVER:
            label = next((o.label for o in scenario.outcomes if o.id == e.outcome), "No outcome")
            return f"The game is over: {label} — {e.why}."
        case _:
            assert_never(e.kind)


# --- the commitment ledger into words ---------------------------------------------------


def ledger_lever(source: Source, c: Commitment) -> str:
    """What a ledger line is about: the lever, and for a breach the terms it broke."""
    match c.kind:
        case CommitmentKind.THREAT | CommitmentKind.PROMISE:
            return lever_name(source, c.lever)
        case CommitmentKind.AGREEMENT:  # who broke (R25) or withdrew (R39) what, and how
            verb = "withdrawing" if c.status is CommitmentStatus.WITHDRAWN else "breaking"
            return f"{lever_name(source, c.lever)}, {verb} {terms_words(source, c.unless)}"
        case _:
            assert_never(c.kind)


def ledger_unless(source: Source, c: Commitment) -> str:
    """The terms that would have held a threat or promise back ("" for none, and for a
    breach, whose terms ``ledger_lever`` names)."""
    match c.kind:
        case CommitmentKind.THREAT | CommitmentKind.PROMISE:
            return terms_words(source, c.unless)
        case CommitmentKind.AGREEMENT:
            return ""
        case _:
            assert_never(c.kind)


def ledger_line(source: Source, c: Commitment) -> str:
    """One ledger line in a sentence: ``#2 Threat by <delegation> (round 1): <lever> — kept``."""
    unless = ledger_unless(source, c)
    unless = f" unless {unless}" if unless else ""
    who = f"{str(c.kind).title()} by {short_name(source, c.actor)} (round {c.round})"
    return f"#{c.number} {who}: {ledger_lever(source, c)}{unless} — {c.status}"


# --- endings, values and numbers -----------------------------------------------------


# The engine's reason for an outcome without a condition (the scenario's last, say).
NO_OTHER_OUTCOME = "no other outcome applied"


def outcome_reasons(why: str, passed_over: Sequence[str]) -> str:
    """Why an outcome label was given, in sentences: its own clauses, then what each
    outcome listed before it lacked ("Not Breakthrough: tension is 92 (at most 70).")."""
    if why == NO_OTHER_OUTCOME and passed_over:
        why = "none of the outcomes listed before it held"
    said = [why[:1].upper() + why[1:] + "."] if why else []
    said += [f"Not {line}." for line in passed_over]
    return " ".join(said)


def ending(how: Termination) -> str:
    """How a game ended, in words (the debrief's "why")."""
    match how:
        case Termination.ROUNDS:
            return "the week ran its course"
        case Termination.ESCALATION:
            return "the crisis escalated"
        case Termination.FACILITATOR:
            return "the facilitator ended the game"
        case _:
            assert_never(how)


def value_words(value: float) -> str:
    """An option's value to an actor (0..1) in words, for briefings that avoid numbers."""
    if value >= 0.95:
        return "ideal"
    if value >= 0.7:
        return "good"
    if value >= 0.45:
        return "acceptable"
    if value >= 0.2:
        return "poor"
    return "unacceptable in substance"


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LIST_ITEM = re.compile(r"(?:[-*•]|\d{1,3}[.)])\s")


def paragraphs(text: str) -> list[str]:
    """A scenario text's paragraphs as the scenario guide says it reads.

    A blank line starts a paragraph; the lines of a paragraph are joined (an author
    may wrap them to suit an editor); a line that starts a list item (``- ``,
    ``* ``, ``• ``, ``1.``, ``1)``) starts a new line, kept as ``\\n``.
    """
    out: list[str] = []
    for block in _BLANK_LINE.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        paragraph = ""
        for line in filter(None, (" ".join(part.split()) for part in block.split("\n"))):
            if not paragraph:
                paragraph = line
            elif _LIST_ITEM.match(line):
                paragraph += "\n" + line
            else:
                paragraph += " " + line
        if paragraph:
            out.append(paragraph)
    return out


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun in the number it needs ("1 issue", "2 issues"), never "issue(s)"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def percent(weight: float) -> str:
    return f"{weight * 100:.0f}%"


def signed(value: float) -> str:
    """``+0.25`` / ``-0.50``; a zero is ``+0.00``, never ``-0.00``."""
    return f"{round(value, 2) + 0.0:+.2f}"
