"""The scenario as the engine sees it: plain, frozen data and nothing else.

The YAML loader (``game.scenario``) validates a file with pydantic and builds
these objects; the engine, the AI and the tests only ever see this module's
types.  Keeping them free of pydantic and YAML is what lets the engine stay a
pure, fast, standard-library rules library.

Conventions that every layer relies on:

* ids are short lowercase strings (``a``, ``border``, ``status-quo``), ``[a-z][a-z0-9_-]*``;
* an issue's options are *ordered* (``options[0]`` is one end of the range);
* each actor's issue weights are normalised by the loader to sum to 1, and
  option values lie in [0, 1], so an actor's utility of any settlement lies
  in [0, 1] and is comparable with its ``reservation`` value;
* mappings are plain dicts that nobody mutates after loading;
* every element that a player may want to trace carries ``source``: a short,
  human-readable citation (or ``""`` when the author gave none).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class TrackerKind(enum.StrEnum):
    """The five trackers of the crisis and what each is attached to."""

    TENSION = "tension"  # one value for the whole crisis; escalation at the threshold
    TRUST = "trust"  # one value per unordered pair of actors
    CREDIBILITY = "credibility"  # one value per actor: are its threats believed?
    COHESION = "cohesion"  # one value per actor: is its camp (alliance, government) united?
    SUPPORT = "support"  # one value per actor: domestic support at home


class Tone(enum.StrEnum):
    """The tone of a public statement."""

    CONCILIATORY = "conciliatory"
    FIRM = "firm"
    HOSTILE = "hostile"


class Confidence(enum.StrEnum):
    """How sure the author is of a source."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True, slots=True)
class Personality:
    """How an AI delegate plays this actor; each trait lies in [0, 1].

    ``hardline``: 1 concedes only at the very end (Boulware), 0 concedes early.
    ``patience``: how long it tolerates deadlock before statements and threats.
    ``risk``: how readily it threatens and carries out levers.
    """

    hardline: float = 0.5
    patience: float = 0.5
    risk: float = 0.5


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    delegate: str
    principal: str
    colour: str  # "#rrggbb"
    playable: bool
    briefing: str  # confidential: only this actor's own view shows it
    personality: Personality = Personality()
    short_name: str = ""  # e.g. "US"; the loader fills it from ``name`` when absent
    adjective: str = ""  # e.g. "American", for "pass to the American delegation"
    source: str = ""
    default_seat: str = ""  # "ai": seated by an AI delegate unless someone says otherwise
    ratification: float | None = None  # support below this: its consent awaits ratification


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    label: str
    description: str = ""
    source: str = ""
    consent: tuple[str, ...] = ()  # actors added to the issue's consent list for this option
    # issue -> options: a package with this option needs one of them (or must avoid them),
    # counting the terms that already bind.
    requires: dict[str, frozenset[str]] = field(default_factory=dict)
    excludes: dict[str, frozenset[str]] = field(default_factory=dict)
    on_agree: tuple[Effect, ...] = ()  # when an agreement on it is reached (R31)


@dataclass(frozen=True, slots=True)
class Issue:
    id: str
    name: str
    description: str
    options: tuple[Option, ...]
    status_quo: str  # the option id that holds when nothing is agreed
    consent: tuple[str, ...]  # actor ids whose acceptance makes an agreement binding
    source: str = ""

    def option(self, option_id: str) -> Option:
        for opt in self.options:
            if opt.id == option_id:
                return opt
        raise KeyError(option_id)


@dataclass(frozen=True, slots=True)
class Demand:
    """A public opening position: on the table from the first turn."""

    actor: str
    issue: str
    option: str
    words: str  # the words in which it was demanded (a quote where one exists)
    source: str = ""


@dataclass(frozen=True, slots=True)
class RedLine:
    """Options of one issue that an actor will never accept."""

    id: str
    actor: str
    issue: str
    options: frozenset[str]
    public: bool
    reason: str  # why, in the actor's own terms; shown when the line is tested
    source: str = ""
    # A condition on the terms that would bind (``agreed``/``not_agreed`` clauses and
    # their combinations): while it holds the line is lifted (R27).
    unless: Condition | None = None


@dataclass(frozen=True, slots=True)
class Condition:
    """A test on the game state; every field that is set must hold.

    Used by events (when may it be drawn), objectives (is it met at the end)
    and outcomes (which label the end state gets).  An empty condition holds.
    """

    min_round: int | None = None  # 1-based round number
    max_round: int | None = None
    min_tension: float | None = None
    max_tension: float | None = None
    min_agreements: int | None = None  # number of issues with binding agreement
    max_agreements: int | None = None
    agreed: dict[str, frozenset[str]] = field(default_factory=dict)  # issue -> any of options
    not_agreed: tuple[str, ...] = ()  # issues with no binding agreement
    levers_executed: tuple[str, ...] = ()  # all of these levers were carried out
    levers_not_executed: tuple[str, ...] = ()
    escalated: bool | None = None
    walked_out: tuple[str, ...] = ()  # these actors walked out of some round
    # Added with format version 2.
    round: str = ""  # the current round has this id
    min: tuple[TrackerTest, ...] = ()  # each tracker is at least its value
    max: tuple[TrackerTest, ...] = ()  # each tracker is at most its value
    events_happened: tuple[str, ...] = ()  # all of these cards were drawn or injected
    provisional: dict[str, frozenset[str]] = field(default_factory=dict)  # issue -> any of
    threatened: tuple[str, ...] = ()  # each of these levers was threatened at some time
    broken: tuple[str, ...] = ()  # an agreement on each of these issues was broken (R25)
    any: tuple[Condition, ...] = ()  # at least one of these holds
    all: tuple[Condition, ...] = ()  # every one of these holds
    not_: Condition | None = None  # this does not hold (``not:`` in a file)

    # True when only the version-1 clauses are set: the hot path tests only those.
    simple: bool = field(init=False, repr=False, compare=False, default=True)

    def __post_init__(self) -> None:
        newer = (
            self.round
            or self.min
            or self.max
            or self.events_happened
            or self.provisional
            or self.threatened
            or self.broken
            or self.any
            or self.all
            or self.not_ is not None
        )
        object.__setattr__(self, "simple", not newer)


@dataclass(frozen=True, slots=True)
class TrackerTest:
    """One tracker compared with a value: tension, or an actor's, or a pair's trust."""

    tracker: TrackerKind
    value: float
    actor: str = ""  # per-actor trackers and trust
    other: str = ""  # trust only: the other actor of the pair


@dataclass(frozen=True, slots=True)
class AgendaChange:
    """An effect on the table: issues added to (or removed from) a round's agenda."""

    round: str  # round id
    issues: tuple[str, ...]
    add: bool  # False: remove


@dataclass(frozen=True, slots=True)
class Effect:
    """A change to one tracker.

    ``actor`` names the actor for per-actor trackers (credibility, cohesion,
    support); ``other`` with ``actor`` names the pair for trust.  For per-actor
    and pair trackers an empty ``actor`` means "every actor" / "every pair".
    """

    tracker: TrackerKind
    delta: float
    actor: str = ""
    other: str = ""


@dataclass(frozen=True, slots=True)
class Objective:
    """A secret objective: extra score for its actor if met at the end."""

    id: str
    actor: str
    text: str
    condition: Condition
    points: float
    source: str = ""


@dataclass(frozen=True, slots=True)
class Preferences:
    actor: str
    weights: dict[str, float]  # issue id -> weight; sums to 1 over issues listed
    values: dict[str, dict[str, float]]  # issue id -> option id -> value in [0, 1]
    reservation: float  # utility of walking away (BATNA), in [0, 1]
    red_lines: tuple[RedLine, ...] = ()
    objectives: tuple[Objective, ...] = ()
    # The actor's hidden types, one of which a game may draw (``engine.variants``) ...
    variants: tuple[Variant, ...] = ()
    # ... and, in a game's scenario, the id of the one drawn ("": the preferences as written).
    variant: str = ""


@dataclass(frozen=True, slots=True)
class Variant:
    """A hidden type of an actor: drawn at a game's start with ``chance``, it replaces the
    actor's preferences, and only the actor's delegation is told (``briefing``)."""

    id: str
    name: str
    chance: float
    briefing: str
    preferences: Preferences  # the written preferences with this type's changes made
    source: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    """Words the scenario places in the transcript of a round."""

    speaker: str  # actor id, or a free name for someone who is not an actor
    text: str
    turn: int = 0  # 0: with the round's opening; n: after turn n of the round
    source: str = ""


@dataclass(frozen=True, slots=True)
class Round:
    id: str
    name: str
    venue: str
    city: str
    date: str  # ISO date, e.g. "2022-01-10"
    participants: tuple[str, ...]  # actor ids who sit at this table, in speaking order
    agenda: tuple[str, ...]  # issue ids that may be proposed on in this round
    turns: int  # each participant moves once per turn
    opening: str
    quotes: tuple[Quote, ...] = ()
    chair: str = ""  # actor id (usually non-playable) or empty
    source: str = ""
    end_date: str = ""  # ISO date of the last day, for a meeting of several days

    @property
    def last_date(self) -> str:
        return self.end_date or self.date


@dataclass(frozen=True, slots=True)
class Lever:
    """A threat its owner (or any of its owners) can make and carry out, once per game."""

    id: str
    owner: str  # the first owner
    target: str
    name: str
    description: str
    threat_effects: tuple[Effect, ...]  # when the threat is made
    execute_effects: tuple[Effect, ...]  # when it is carried out
    source: str = ""
    owners: tuple[str, ...] = ()  # every actor who may use it; () means (owner,)
    breaks: dict[str, frozenset[str]] = field(default_factory=dict)  # issue -> options (R25)
    escalates: bool = False  # carrying it out ends the game in escalation (R26)
    agenda: tuple[AgendaChange, ...] = ()  # when carried out

    def __post_init__(self) -> None:
        if not self.owners:
            object.__setattr__(self, "owners", (self.owner,))


@dataclass(frozen=True, slots=True)
class EventCard:
    """A world event card from the deck, drawn between turns with the game's RNG."""

    id: str
    title: str
    text: str
    probability: float  # chance per draw while ``condition`` holds
    condition: Condition
    effects: tuple[Effect, ...]
    once: bool = True
    source: str = ""
    agenda: tuple[AgendaChange, ...] = ()
    date: str = ""  # ISO date it really happened ("" for none)
    counterfactual: bool = False  # it may fire before its date: the author says so
    at_round_start: bool = False  # played for certain as a round opens, if ``condition`` holds

    def in_its_time(self, rnd: Round) -> bool:
        """Whether it may happen in ``rnd``: never in a round whose last day is before its
        date, unless the author marked it counterfactual (R32). ISO dates order as text."""
        if self.counterfactual or not self.date or not rnd.last_date:
            return True
        return self.date <= rnd.last_date


@dataclass(frozen=True, slots=True)
class Outcome:
    """A label for the end state; the first outcome whose condition holds wins."""

    id: str
    label: str
    description: str
    condition: Condition
    score: dict[str, float] = field(default_factory=dict)  # actor id (or "*") -> bonus


@dataclass(frozen=True, slots=True)
class TrackerStart:
    start: float
    per_actor: dict[str, float] = field(default_factory=dict)  # overrides by actor id


@dataclass(frozen=True, slots=True)
class Trackers:
    tension: float = 40.0
    war_threshold: float = 100.0
    trust: TrackerStart = TrackerStart(30.0)
    credibility: TrackerStart = TrackerStart(70.0)
    cohesion: TrackerStart = TrackerStart(70.0)
    support: TrackerStart = TrackerStart(60.0)


@dataclass(frozen=True, slots=True)
class RuleTuning:
    """Numbers of the rules that an author may tune; defaults fit most crises."""

    conciliatory_tension: float = -2.0
    firm_tension: float = 1.0
    hostile_tension: float = 4.0
    threat_tension: float = 3.0
    execute_tension: float = 6.0
    walkout_tension: float = 6.0
    agreement_tension: float = -6.0  # per issue agreed bindingly
    broken_threat_credibility: float = -20.0  # a threat not carried out when due
    red_line_penalty: float = 0.5  # score lost for each own red line crossed
    events_per_turn: int = 1  # at most this many events drawn after each turn
    # Added with the rules engine (docs/rules.md); all optional, defaults below.
    conciliatory_trust: float = 2.0  # speaker with each other present participant
    hostile_trust: float = -4.0  # likewise, for a hostile statement
    threat_trust: float = -3.0  # lever owner with the lever's target, per threat
    surprise_trust: float = -10.0  # owner with target: a lever carried out unannounced
    walkout_trust: float = -5.0  # the walker with each participant left at the table
    agreement_trust: float = 3.0  # each pair of parties to an agreement
    kept_threat_credibility: float = 5.0  # a threat carried out when its terms were not met
    kept_promise_credibility: float = 5.0  # terms met and the lever held back to the deadline
    broken_promise_trust: float = -15.0  # owner with target: lever used after its terms were met
    # Added with format version 2 (docs/rules.md R25-R31).
    breach_credibility: float = -15.0  # the actor who broke an agreement (R25)
    breach_trust: float = -15.0  # the breaker with each other party to the broken term
    breach_tension: float = 5.0  # per term broken
    breach_support: float = 0.0  # the breaker's own support at home
    # A lever that breaks a provisional term withdraws it (R39): the one who carried it
    # out, with each other actor who had accepted the term.
    withdrawal_trust: float = -5.0
    talk_fades: bool = True  # the n-th statement of a tone in a round counts 1/n (R28)
    conciliatory_support: float = 0.0  # the speaker's own support, per statement
    firm_support: float = 0.0
    hostile_support: float = 0.0
    consent_bypass_cohesion: float = 0.0  # an absent consenting actor, per term (R30)
    consent_bypass_trust: float = 0.0  # that actor with each party to the agreement


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    citation: str
    url: str
    confidence: Confidence


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    date: str
    text: str
    source: str = ""


@dataclass(frozen=True, slots=True)
class Scenario:
    id: str
    title: str
    summary: str
    decision_point: str
    briefing: str  # the general briefing everyone reads
    teacher_notes: str
    actors: tuple[Actor, ...]
    issues: tuple[Issue, ...]
    demands: tuple[Demand, ...]
    preferences: dict[str, Preferences]  # actor id -> preferences
    rounds: tuple[Round, ...]
    levers: tuple[Lever, ...]
    events: tuple[EventCard, ...]
    outcomes: tuple[Outcome, ...]
    trackers: Trackers = Trackers()
    rules: RuleTuning = RuleTuning()
    discussion_questions: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    history_summary: str = ""
    history: tuple[HistoryEntry, ...] = ()
    # A game's scenario has its actors' hidden types drawn (``engine.variants``): the
    # type of each actor that has types, in actor order; None for the scenario as written.
    drawn: tuple[str, ...] | None = None

    def actor(self, actor_id: str) -> Actor:
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)

    def issue(self, issue_id: str) -> Issue:
        for i in self.issues:
            if i.id == issue_id:
                return i
        raise KeyError(issue_id)

    @property
    def playable(self) -> tuple[Actor, ...]:
        return tuple(a for a in self.actors if a.playable)
