"""What a delegate knows when it decides: its own preferences plus the public record.

The AI's decision core reads only this snapshot, never the engine's state, so
that it cannot see what its actor may not see and so that it can be tested on
hand-made tables.  ``game.ai.view`` builds it from the engine's ``ActorView``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from game.ai.difficulty import Difficulty
from game.ai.ends import Compiled, Judged, MoveEnds, Seen, compile_ends
from game.ai.prefs import OwnPrefs
from game.engine.actions import Terms
from game.engine.frozen import fast_init
from game.engine.model import (
    Issue,
    Lever,
    Objective,
    Outcome,
    Personality,
    RedLine,
    RuleTuning,
)
from game.engine.views import PublicView


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class Offer:
    """A proposal in the public record."""

    id: int
    proposer: str
    terms: Terms
    accepted_by: frozenset[str] = frozenset()
    rejected_by: frozenset[str] = frozenset()
    open: bool = True  # still on the table: it may be accepted or rejected
    round: int = 0  # 0-based index of the round it was made in


@dataclass(frozen=True, slots=True)
class Threat:
    """A threat of ours in the ledger."""

    lever: str
    unless: Terms
    due: bool  # its deadline has passed
    # No "met" flag: a threat whose terms are agreed is no longer pending (the engine
    # lapses it into a promise, R10), so every threat here is still unmet.


def kept(cache: dict[object, object], key: object, inputs: tuple[object, ...]) -> object | None:
    """The value kept in a delegate's game memo under ``key`` if it was made from the same
    ``inputs`` (each the same object or an equal one); None otherwise.  The entry holds
    its inputs, so an identical object really is the one it was made from."""
    found = cache.get(key)
    if not isinstance(found, tuple):
        return None
    made_from = found[0]
    if len(made_from) != len(inputs):
        return None
    for old, new in zip(made_from, inputs, strict=True):
        if old is not new and old != new:
            return None
    value: object = found[1]
    return value


def keep(
    cache: dict[object, object], key: object, inputs: tuple[object, ...], value: object
) -> None:
    cache[key] = (inputs, value)


class MoveMemo:
    """What one table snapshot's decision derives more than once, computed on first use.

    A fresh one comes with every ``Table`` (``dataclasses.replace`` included), so nothing
    in it can outlive the snapshot it was derived from: the core, the remark and the
    rationale of one move share it, and the next move starts empty.
    """

    __slots__ = (
        "aspirations",
        "bonus",
        "bypass",
        "chances",
        "consent",
        "ends",
        "gains",
        "goals",
        "mine",
        "movement",
        "offered",
        "ratified",
        "ratified_together",
        "reach",
        "rows",
        "seen",
        "targets",
        "worths",
    )

    def __init__(self) -> None:
        self.chances: Mapping[str, Mapping[str, float]] | None = None
        # the same, for absent consenters alone (ratification not counted)
        self.consent: Mapping[str, Mapping[str, float]] | None = None
        # issue -> option -> our value of agreeing it here, its chance of binding counted
        self.worths: Mapping[str, Mapping[str, float]] | None = None
        self.rows: Mapping[str, Mapping[str, float]] | None = None
        # the same as worths, ratification not counted (reciprocity's measure)
        self.offered: Mapping[str, Mapping[str, float]] | None = None
        self.targets: dict[str, tuple[float, float]] = {}
        self.movement: dict[str, tuple[int, float]] | None = None
        # end bonus per set of binding terms, when the game memo cannot key it
        self.bonus: dict[frozenset[tuple[str, str]], float] = {}
        self.ends: MoveEnds | None = None
        # our end bonus by what the terms show our conditions (``game.ai.ends``)
        self.seen: dict[Seen, float] = {}
        # issue -> (our objectives an agreement on it may change, their points now)
        self.goals: dict[str, tuple[tuple[Judged, ...], float]] = {}
        # (issue, option) -> issue_bonus, the game's for this move's key (None: not made yet)
        self.gains: dict[tuple[str, str], float] | None = None
        self.mine: tuple[Offer, ...] | None = None
        self.bypass: dict[str, float] = {}  # issue -> what agreeing it here costs us
        self.aspirations: dict[tuple[str, ...], tuple[float, float]] = {}  # scope -> (aim, floor)
        # (issue, option) -> its chance of ratification agreed alone (``game.ai.ratification``)
        self.ratified: dict[tuple[str, str], float] = {}
        # a package's terms, in order -> issue -> their chance of ratification agreed together
        self.ratified_together: dict[tuple[tuple[str, str], ...], dict[str, float]] = {}
        self.reach: dict[str, float] = {}  # ratifier -> support it can still win this week


class GameMemo:
    """What a delegate derives for a whole game, typed: its objectives and the outcome
    labels compiled once, with the end bonuses they gave, keyed on everything they read
    (``game.ai.ends``), so that they are reused across moves.  Pure memoisation: a table
    gets the same answers without it."""

    __slots__ = ("ends",)

    def __init__(self) -> None:
        self.ends: Compiled | None = None

    def compiled(self, table: Table) -> Compiled:
        found = self.ends
        if found is not None:
            me, objectives, outcomes = found.made_from
            if me == table.me and objectives is table.objectives and outcomes is table.outcomes:
                return found
        made = self.ends = compile_ends(table.me, table.objectives, table.outcomes)
        return made


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class Table:
    """The delegate's snapshot of the negotiation at the moment it must move."""

    me: str
    personality: Personality
    prefs: OwnPrefs
    issues: tuple[Issue, ...]
    agenda: tuple[str, ...]  # issues that may be proposed on now
    participants: tuple[str, ...]  # actors at this round's table
    opponents: tuple[str, ...]  # the participants other than us
    agreed: Mapping[str, str]  # binding agreements: locked
    open_issues: tuple[str, ...]  # agenda issues still open to a deal (not bindingly agreed)
    offers: tuple[Offer, ...]
    demands: Mapping[str, Mapping[str, str]]  # actor -> issue -> demanded option
    public_lines: Mapping[str, Mapping[str, frozenset[str]]]  # actor -> issue -> options
    progress: Mapping[str, float]  # per open issue: share of the time until its last chance
    turns_left: int  # turns left in this round after the current one
    tension: float
    war_threshold: float
    credibility: float
    levers: tuple[Lever, ...] = ()  # our levers
    threats: tuple[Threat, ...] = ()  # our threats in the ledger
    executed: frozenset[str] = frozenset()  # levers already carried out (anyone's)
    tuning: RuleTuning = field(default_factory=RuleTuning)
    provisional: Mapping[str, str] = field(default_factory=dict)
    round_index: int = 0
    move: int = 0  # moves made so far in the game: keys the per-decision random generator
    difficulty: Difficulty = Difficulty.NORMAL
    pressure: float = 0.0  # in [0, 1]: how credible the threats against us are
    # Per open issue: consenting delegations absent from this table (an agreement here
    # is only provisional until they accept), and who sits at a later table with the
    # issue on its agenda (who could still accept it).
    missing: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    later: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Per open issue and option with its own consent (R37): the consenting delegations it
    # adds that are absent from this table (beyond ``missing``).
    option_missing: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    # Delegations whose acceptance awaits ratification below a support threshold (R29):
    # actor -> threshold (public: the scenario says whose treaties need a vote).
    ratifiers: Mapping[str, float] = field(default_factory=dict)
    objectives: tuple[Objective, ...] = ()  # our own secret objectives
    outcomes: tuple[Outcome, ...] = ()  # the scenario's public outcome labels and bonuses
    # The others' public red lines with ``unless`` still in force at this table: a package
    # that meets the condition lifts them (R27), so they are not simply off-limits.
    conditional_lines: tuple[RedLine, ...] = ()
    walked_out_ever: frozenset[str] = frozenset()
    spoken: int = 0  # public statements we made so far (varies their words)
    jitter: float = 0.0  # the hard level's seeded variation of its aspiration, in [-1, 1]
    clock: float = 0.0  # share of the whole week's turns already played, in [0, 1]
    trust: Mapping[tuple[str, str], float] = field(default_factory=dict)  # (a, b): trust
    cohesion: Mapping[str, float] = field(default_factory=dict)  # per actor, now
    support: Mapping[str, float] = field(default_factory=dict)  # per actor, now
    credibilities: Mapping[str, float] = field(default_factory=dict)  # per actor, now
    # The public view it was made from: what conditions on everything seen (format 2:
    # trackers, cards drawn, threats, breaches) read when the delegate judges the end.
    public: PublicView | None = field(default=None, compare=False, repr=False)
    # Memo of derived facts that never change during a game (opponent priors, best
    # packages per scope), owned by the delegate; never part of the decision itself.
    cache: dict[object, object] = field(default_factory=dict, compare=False, repr=False)
    # Memo of this snapshot alone (fresh for every table, never passed in).
    now: MoveMemo = field(default_factory=MoveMemo, init=False, compare=False, repr=False)
    # Memo of the game (typed; owned by the delegate like ``cache``).
    game: GameMemo = field(default_factory=GameMemo, compare=False, repr=False)

    def time(self, scope: Iterable[str]) -> float:
        """How much of its time a package on ``scope`` has used: its most urgent issue counts."""
        t = max((self.progress.get(i, 1.0) for i in scope), default=1.0)
        # A credible threat hurries a delegate that does not like risk.
        return min(1.0, t + 0.25 * self.pressure * (1.0 - self.personality.risk))

    def others(self) -> tuple[str, ...]:
        return self.opponents
