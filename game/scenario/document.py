"""The scenario file format as pydantic models: the shape and ranges of every field.

These models check what one field can know on its own (types, id syntax,
ranges, list lengths); ``crossref`` checks what needs the whole file (ids that
refer to each other).  ``build`` turns a valid document into the engine's plain
model.  ``FORMAT_VERSION`` is the newest format this code reads.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
)

from game.engine import model as engine
from game.paths import SCENARIO_ID_PATTERN

FORMAT_VERSION = 2

ID_PATTERN = SCENARIO_ID_PATTERN  # one pattern for ids in files, saves and the command line
COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
SCORE_KEY_PATTERN = r"^(\*|[a-z][a-z0-9_-]*)$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(max_length=100_000)]

# Size caps: every command (validate, analyze, simulate, play, export) serves a scenario
# at these sizes in a few seconds, and validate in about one (the negotiation checks
# grow with issues x rounds x actors).  Documented in the guide's limits section.
MAX_ACTORS = 8
MAX_ISSUES = 24
MAX_ROUNDS = 12
MAX_LEVERS = 32
MAX_EVENTS = 64
MAX_OUTCOMES = 16
MAX_PER_ACTOR = 32  # red lines, objectives or demands of one actor
Unit = Annotated[float, Field(ge=0.0, le=1.0)]  # a share, utility or probability
Level = Annotated[float, Field(ge=0.0, le=100.0)]  # a tracker value
Delta = Annotated[float, Field(ge=-100.0, le=100.0)]  # a change to a tracker
Bonus = Annotated[float, Field(ge=-1.0, le=1.0)]  # score added at the end (utilities are 0..1)


def _real_date(text: str) -> str:
    datetime.date.fromisoformat(text)  # ValueError for 2022-02-30
    return text


IsoDate = Annotated[str, StringConstraints(pattern=DATE_PATTERN), AfterValidator(_real_date)]


class Strict(BaseModel):
    """Every model: unknown keys are errors, no type coercion (``"NO"`` is not a bool)."""

    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, frozen=True)


class SourceRef(Strict):
    """A citation of a declared source, with the exact words where there are some."""

    ref: Id = Field(description="id of an entry in the top-level `sources` list")
    quote: Text = Field(default="", description="the exact words quoted from that source")
    note: Text = Field(default="", description="what the source supports, page, time...")


def _source_kind(value: Any) -> str:
    return "source-ref" if isinstance(value, dict | SourceRef) else "source-text"


# A `source:` is a citation in words, or {ref, quote?, note?}; tag names appear in
# pydantic's error locations and are dropped again by `messages`.
SourceField = Annotated[
    Annotated[str, Tag("source-text")] | Annotated[SourceRef, Tag("source-ref")],
    Discriminator(_source_kind),
]
SOURCE_TAGS = ("source-text", "source-ref")


class SourceDoc(Strict):
    id: Id
    title: Name
    citation: Text = ""
    url: Text = ""
    confidence: Literal["high", "medium", "low"]


class HistoryEntryDoc(Strict):
    date: IsoDate
    text: Text
    source: SourceField = ""


class HistoryDoc(Strict):
    summary: Text = ""
    entries: list[HistoryEntryDoc] = []


_PERSONALITY = engine.Personality()  # defaults come from the engine (slotted: read an instance)
_TRACKERS = engine.Trackers()
_RULES = engine.RuleTuning()


class PersonalityDoc(Strict):
    hardline: Unit = _PERSONALITY.hardline
    patience: Unit = _PERSONALITY.patience
    risk: Unit = _PERSONALITY.risk


class ActorDoc(Strict):
    id: Id
    name: Name
    short_name: Annotated[str, StringConstraints(max_length=40)] = Field(
        default="", description="default: name"
    )
    adjective: Annotated[str, StringConstraints(max_length=60)] = Field(
        default="", description="default: name"
    )
    delegate: Text = ""
    principal: Text = ""
    colour: Annotated[str, StringConstraints(pattern=COLOUR_PATTERN)] = Field(
        description='"#rrggbb", quoted (an unquoted # starts a YAML comment)'
    )
    playable: bool
    briefing: Text = ""
    personality: PersonalityDoc = PersonalityDoc()
    default_seat: Literal["human", "ai"] = Field(
        default="human", description="who takes a playable seat unless the teacher says otherwise"
    )
    ratification: RatificationDoc | None = Field(
        default=None, description="its consent binds only while its support is at least this"
    )
    source: SourceField = ""


class RatificationDoc(Strict):
    support: Level = Field(description="the least domestic support at which it can ratify")
    source: SourceField = ""


class EffectDoc(Strict):
    tracker: Literal["tension", "trust", "credibility", "cohesion", "support"]
    delta: Delta
    actor: Id | None = Field(default=None, description="per-actor trackers; omitted = every actor")
    other: Id | None = Field(default=None, description="trust only: the other actor of the pair")
    source: SourceField = Field(default="", description="why this change: a citation")


class AgendaChangeDoc(Strict):
    round: Id = Field(description="the round whose agenda changes")
    issues: list[Id] = Field(min_length=1)
    source: SourceField = ""


class AgendaEffectDoc(Strict):
    """An effect on the table: exactly one of ``agenda_add`` and ``agenda_remove``."""

    agenda_add: AgendaChangeDoc | None = None
    agenda_remove: AgendaChangeDoc | None = None


def _effect_kind(value: Any) -> str:
    agenda = isinstance(value, AgendaEffectDoc) or (
        isinstance(value, dict) and ("agenda_add" in value or "agenda_remove" in value)
    )
    return "agenda-effect" if agenda else "tracker-effect"


# An effect changes a tracker, or a round's agenda; tag names are dropped from messages.
AnyEffect = Annotated[
    Annotated[EffectDoc, Tag("tracker-effect")] | Annotated[AgendaEffectDoc, Tag("agenda-effect")],
    Discriminator(_effect_kind),
]
EFFECT_TAGS = ("tracker-effect", "agenda-effect")


class OptionDoc(Strict):
    id: Id
    label: Name
    description: Text = ""
    consent: list[Id] = Field(
        default=[], description="actors added to the issue's consent list for this option"
    )
    requires: dict[Id, list[Id]] = Field(
        default={}, description="issue -> options: a package with this option needs one of them"
    )
    excludes: dict[Id, list[Id]] = Field(
        default={}, description="issue -> options: a package with this option must avoid them"
    )
    on_agree: list[EffectDoc] = Field(
        default=[], description="effects when an agreement on this option is reached"
    )
    source: SourceField = ""


class IssueDoc(Strict):
    id: Id
    name: Name
    description: Text = ""
    options: list[OptionDoc] = Field(min_length=2, max_length=8)
    status_quo: Id = Field(description="the option that holds when nothing is agreed")
    consent: list[Id] = Field(
        min_length=1, description="actors whose acceptance makes an agreement binding"
    )
    source: SourceField = ""


class DemandDoc(Strict):
    issue: Id
    option: Id
    words: Text = Field(description="the words in which the demand was made")
    source: SourceField = ""


class ConditionDoc(Strict):
    """A test on the game state; every field given must hold; ``{}`` always holds."""

    min_round: int | None = Field(default=None, ge=1)
    max_round: int | None = Field(default=None, ge=1)
    min_tension: Level | None = None
    max_tension: Level | None = None
    min_agreements: int | None = Field(default=None, ge=0)
    max_agreements: int | None = Field(default=None, ge=0)
    agreed: dict[Id, list[Id]] = Field(
        default={}, description="issue -> any of these options agreed"
    )
    not_agreed: list[Id] = []
    levers_executed: list[Id] = []
    levers_not_executed: list[Id] = []
    escalated: bool | None = None
    walked_out: list[Id] = []
    round: Id | None = Field(default=None, description="the current round has this id")
    min: list[TrackerTestDoc] = Field(default=[], description="each tracker is at least its value")
    max: list[TrackerTestDoc] = Field(default=[], description="each tracker is at most its value")
    events_happened: list[Id] = Field(default=[], description="all of these events happened")
    provisional: dict[Id, list[Id]] = Field(
        default={}, description="issue -> any of these options agreed provisionally"
    )
    threatened: list[Id] = Field(default=[], description="each of these levers was threatened")
    broken: list[Id] = Field(default=[], description="an agreement on each issue was broken")
    any: list[ConditionDoc] = Field(default=[], description="at least one of these holds")
    all: list[ConditionDoc] = Field(default=[], description="every one of these holds")
    not_: ConditionDoc | None = Field(default=None, alias="not", description="this does not hold")


class TrackerTestDoc(Strict):
    """A tracker compared with a value: tension, an actor's tracker, or a pair's trust."""

    tracker: Literal["tension", "trust", "credibility", "cohesion", "support"]
    value: Level
    actor: Id | None = Field(default=None, description="whose tracker (trust: one of the pair)")
    other: Id | None = Field(default=None, description="trust only: the other actor of the pair")


class RedLineDoc(Strict):
    id: Id
    issue: Id
    options: list[Id] = Field(min_length=1, description="options this actor will never accept")
    public: bool
    reason: Text
    unless: ConditionDoc | None = Field(
        default=None,
        description="a condition on the terms that would bind (agreed, not_agreed, any, all, "
        "not) that lifts the line",
    )
    source: SourceField = ""


class ObjectiveDoc(Strict):
    id: Id
    text: Text
    when: ConditionDoc
    points: Bonus
    source: SourceField = ""


Weight = Annotated[float, Field(gt=0.0, le=1000.0)]
MAX_VARIANTS = 8  # hidden types of one actor


class VariantDoc(Strict):
    """A hidden type of an actor: drawn at the start of a game with its ``chance``, it
    changes what the actor wants, and only that actor's delegation is told."""

    id: Id
    name: Name = Field(description="what the debrief calls it, e.g. 'Hawks in the Kremlin'")
    chance: Annotated[float, Field(gt=0.0, le=1.0)] = Field(
        description="probability of this type; the chances of an actor's types sum to at "
        "most 1, and the rest is the preferences as written"
    )
    briefing: Text = Field(
        default="", description="added to the delegation's confidential briefing when drawn"
    )
    weights: dict[Id, Weight] = Field(
        default={}, description="issue -> weight, replacing the written one (same scale)"
    )
    values: dict[Id, dict[Id, Unit]] = Field(
        default={}, description="issue -> option -> value, replacing the written ones"
    )
    reservation: Unit | None = Field(default=None, description="replaces the written one")
    red_lines: list[RedLineDoc] = Field(
        default=[], max_length=MAX_PER_ACTOR, description="added to the written ones"
    )
    objectives: list[ObjectiveDoc] = Field(
        default=[], max_length=MAX_PER_ACTOR, description="added to the written ones"
    )
    source: SourceField = ""


class PreferencesDoc(Strict):
    weights: dict[Id, Weight] = Field(
        min_length=1, description="issue -> positive weight; normalised to sum 1"
    )
    values: dict[Id, dict[Id, Unit]] = Field(description="issue -> option -> value in 0..1")
    reservation: Unit = Field(description="utility of no deal")
    red_lines: list[RedLineDoc] = Field(default=[], max_length=MAX_PER_ACTOR)
    objectives: list[ObjectiveDoc] = Field(default=[], max_length=MAX_PER_ACTOR)
    variants: list[VariantDoc] = Field(
        default=[],
        max_length=MAX_VARIANTS,
        description="hidden types: one may be drawn for each game (scenario guide)",
    )


class QuoteDoc(Strict):
    speaker: Name = Field(description="an actor id, or the name of someone who is not an actor")
    text: Text
    turn: int = Field(default=0, ge=0, description="0: with the opening; n: after turn n")
    source: SourceField = ""


class RoundDoc(Strict):
    id: Id
    name: Name
    venue: Text
    city: Text
    date: IsoDate
    end_date: IsoDate | None = Field(default=None, description="last day of a longer meeting")
    participants: list[Id] = Field(min_length=1, description="actor ids, in speaking order")
    chair: Annotated[str, StringConstraints(pattern=r"^([a-z][a-z0-9_-]*)?$")] = Field(
        default="", description="actor id of the chair, or empty"
    )
    agenda: list[Id] = Field(min_length=1)
    turns: int = Field(ge=1, le=20)
    opening: Text = ""
    quotes: list[QuoteDoc] = []
    source: SourceField = ""


class LeverDoc(Strict):
    id: Id
    owner: Id | None = Field(default=None, description="the actor who may use it")
    owners: list[Id] = Field(default=[], description="instead of owner: several who may use it")
    target: Id
    name: Name
    description: Text = ""
    on_threat: list[EffectDoc] = []
    on_execute: list[AnyEffect] = []
    breaks: dict[Id, list[Id]] = Field(
        default={}, description="issue -> agreed options that carrying it out breaks"
    )
    escalates: bool = Field(default=False, description="carrying it out ends the game in war")
    source: SourceField = ""


class TensionDoc(Strict):
    start: Level = _TRACKERS.tension
    war_threshold: Annotated[float, Field(gt=0.0, le=100.0)] = _TRACKERS.war_threshold


class TrackerStartDoc(Strict):
    start: Level
    per_actor: dict[Id, Level] = {}


class TrackersDoc(Strict):
    tension: TensionDoc = TensionDoc()
    trust: TrackerStartDoc | None = None
    credibility: TrackerStartDoc | None = None
    cohesion: TrackerStartDoc | None = None
    support: TrackerStartDoc | None = None


# What an author may set of each rule number: bounded, so a typo cannot make a rule absurd.
Tuning = Annotated[float, Field(ge=-1000.0, le=1000.0)]
Count = Annotated[int, Field(ge=0)]


# Optional overrides of every ``engine.RuleTuning`` number: the same names and defaults,
# which tests/scenario/test_loading.py keeps in step.  (A comment, not a docstring: a
# docstring would become the JSON Schema's description.)
class RulesDoc(Strict):
    conciliatory_tension: Tuning = _RULES.conciliatory_tension
    firm_tension: Tuning = _RULES.firm_tension
    hostile_tension: Tuning = _RULES.hostile_tension
    threat_tension: Tuning = _RULES.threat_tension
    execute_tension: Tuning = _RULES.execute_tension
    walkout_tension: Tuning = _RULES.walkout_tension
    agreement_tension: Tuning = _RULES.agreement_tension
    broken_threat_credibility: Tuning = _RULES.broken_threat_credibility
    red_line_penalty: Tuning = _RULES.red_line_penalty
    events_per_turn: Count = _RULES.events_per_turn
    conciliatory_trust: Tuning = _RULES.conciliatory_trust
    hostile_trust: Tuning = _RULES.hostile_trust
    threat_trust: Tuning = _RULES.threat_trust
    surprise_trust: Tuning = _RULES.surprise_trust
    walkout_trust: Tuning = _RULES.walkout_trust
    agreement_trust: Tuning = _RULES.agreement_trust
    kept_threat_credibility: Tuning = _RULES.kept_threat_credibility
    kept_promise_credibility: Tuning = _RULES.kept_promise_credibility
    broken_promise_trust: Tuning = _RULES.broken_promise_trust
    # Format version 2 (docs/rules.md R25-R31).
    breach_credibility: Tuning = _RULES.breach_credibility
    breach_trust: Tuning = _RULES.breach_trust
    breach_tension: Tuning = _RULES.breach_tension
    breach_support: Tuning = _RULES.breach_support
    withdrawal_trust: Tuning = _RULES.withdrawal_trust
    talk_fades: bool = _RULES.talk_fades
    conciliatory_support: Tuning = _RULES.conciliatory_support
    firm_support: Tuning = _RULES.firm_support
    hostile_support: Tuning = _RULES.hostile_support
    consent_bypass_cohesion: Tuning = _RULES.consent_bypass_cohesion
    consent_bypass_trust: Tuning = _RULES.consent_bypass_trust


class EventDoc(Strict):
    id: Id
    title: Name
    text: Text
    probability: Unit = Field(description="chance per draw while `when` holds")
    when: ConditionDoc = ConditionDoc()
    effects: list[AnyEffect] = []
    once: bool = True
    date: IsoDate | None = Field(default=None, description="the date it really happened")
    counterfactual: bool = Field(default=False, description="it may happen before its date")
    at: Literal["round_start"] | None = Field(
        default=None, description="round_start: certain as a round where `when` holds opens"
    )
    source: SourceField = ""


class OutcomeDoc(Strict):
    id: Id
    label: Name
    description: Text = ""
    when: ConditionDoc = ConditionDoc()
    score: dict[Annotated[str, StringConstraints(pattern=SCORE_KEY_PATTERN)], Bonus] = Field(
        default={}, description='bonus per actor id, "*" for everyone'
    )
    source: SourceField = ""


class ScenarioDoc(Strict):
    """A whole scenario file."""

    model_config = ConfigDict(title="Red Lines scenario")

    format: int = Field(ge=1, description=f"format version; this game reads up to {FORMAT_VERSION}")
    id: Id
    title: Name
    summary: Text
    decision_point: Text
    briefing: Text
    teacher_notes: Text = ""
    discussion_questions: list[Text] = []
    sources: list[SourceDoc] = []
    history: HistoryDoc = HistoryDoc()
    actors: list[ActorDoc] = Field(min_length=2, max_length=MAX_ACTORS)
    issues: list[IssueDoc] = Field(min_length=1, max_length=MAX_ISSUES)
    demands: dict[Id, Annotated[list[DemandDoc], Field(max_length=MAX_PER_ACTOR)]] = {}
    preferences: dict[Id, PreferencesDoc]
    rounds: list[RoundDoc] = Field(min_length=1, max_length=MAX_ROUNDS)
    levers: list[LeverDoc] = Field(default=[], max_length=MAX_LEVERS)
    trackers: TrackersDoc = TrackersDoc()
    rules: RulesDoc = RulesDoc()
    events: list[EventDoc] = Field(default=[], max_length=MAX_EVENTS)
    outcomes: list[OutcomeDoc] = Field(min_length=1, max_length=MAX_OUTCOMES)


ConditionDoc.model_rebuild()
RedLineDoc.model_rebuild()
ActorDoc.model_rebuild()
