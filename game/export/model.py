"""The debrief as plain, frozen data: what the exports and the debrief screen show.

Everything a renderer needs is already in words here (names, labels, sentences),
so that the Markdown, the HTML and the pygame debrief screen never look a rule
up or compute a score: they only lay these values out.  Ids are kept beside the
words for links, colours and tests.
"""

from __future__ import annotations

from dataclasses import dataclass

# Shown at the top of a debrief whose private texts were left out (``Debrief.withheld``).
WITHHELD_NOTE = (
    "The game is not over, so what only the debrief may reveal is left out: the "
    "confidential briefings, priorities, secret red lines, objectives, scores, AI "
    "rationales and teacher notes. Export again with --reveal to include them."
)


@dataclass(frozen=True, slots=True)
class OutcomeInfo:
    id: str
    label: str
    description: str  # the scenario's description of this outcome
    why: str  # the engine's reasons, in words


@dataclass(frozen=True, slots=True)
class ObjectiveResult:
    id: str
    text: str
    points: float
    met: bool
    source: str


@dataclass(frozen=True, slots=True)
class RedLineResult:
    """One red line of one actor and what the game did to it."""

    id: str
    issue: str  # issue id
    issue_name: str
    options: tuple[str, ...]  # the labels of the forbidden options
    public: bool
    reason: str
    source: str
    status: str  # KEPT, TESTED or CROSSED (see below)
    tested_by: tuple[int, ...]  # numbers of the proposals that put a forbidden option forward
    provisional: bool  # a provisional (not yet binding) agreement sits on it at the end
    # The status quo's label when the line forbids it and the issue ended unsettled: the
    # status quo then holds, but nobody signed it ("kept" would say the wrong thing).
    unsigned_status_quo: str = ""

    @property
    def status_text(self) -> str:
        if self.status == CROSSED:
            return "crossed by a binding agreement"
        parts = []
        if self.unsigned_status_quo and not self.provisional:
            parts.append(
                f"never signed — the issue was never settled, so its status quo "
                f"({self.unsigned_status_quo}) holds without an agreement"
            )
        if self.tested_by:
            shown = ", ".join(f"#{n}" for n in self.tested_by[:MAX_LISTED])
            more = len(self.tested_by) - MAX_LISTED
            shown += f" and {more} more" if more > 0 else ""
            parts.append(f"tested (proposed in {shown})")
        if self.provisional:
            parts.append("provisionally agreed, not binding")
        elif not self.unsigned_status_quo:
            parts.append("kept" if self.tested_by else "kept (never proposed)")
        return ", ".join(parts)


MAX_LISTED = 5  # proposal numbers named in a red line's verdict; the rest are counted
KEPT = "kept"
TESTED = "tested"
CROSSED = "crossed"


@dataclass(frozen=True, slots=True)
class Priority:
    """One issue in an actor's preferences: its weight and the value of each option."""

    issue: str
    issue_name: str
    weight: float  # normalised: an actor's weights sum to 1
    options: tuple[tuple[str, float, bool], ...]  # (option label, value, on a red line), best first


@dataclass(frozen=True, slots=True)
class ActorResult:
    """One actor: who it is, its score against its reservation, and its revealed brief."""

    id: str
    name: str
    short_name: str
    colour: str
    playable: bool
    delegate: str
    principal: str
    seat: str  # "human", "ai", "ai:hard", "random", or "" for a seat-less actor
    scored: bool  # False for actors without preferences (a chair, an absent party)
    utility: float
    reservation: float
    objective_points: float
    red_line_penalty: float
    outcome_bonus: float
    total: float
    objectives: tuple[ObjectiveResult, ...]
    red_lines: tuple[RedLineResult, ...]
    briefing: str  # confidential, revealed in the debrief
    priorities: tuple[Priority, ...]  # highest weight first
    levers: tuple[str, ...]  # names of the levers it holds
    # Its hidden type this game, for an actor whose preferences have types: the drawn
    # type's name, or "its preferences as written" ("" for an actor without types).
    hidden_type: str = ""
    instructions: str = ""  # what its delegation was told of that type

    @property
    def beats_reservation(self) -> bool:
        return self.utility >= self.reservation


@dataclass(frozen=True, slots=True)
class TermResult:
    """Where one issue stands at the end."""

    issue: str
    issue_name: str
    state: str  # "binding", "provisional" or "open"
    option_label: str  # the agreed option, or the status quo when open
    detail: str  # "accepted by A, B; waiting for C", "status quo", ...


@dataclass(frozen=True, slots=True)
class LedgerLine:
    number: int
    kind: str  # "threat", "promise" or "agreement" (one its actor broke, R25)
    actor: str
    actor_name: str
    lever_name: str
    target_name: str
    unless: str  # the terms in words, "" when unconditional
    round: int
    status: str  # "pending", "kept", "broken", "lapsed"
    pressure: float | None = None  # a threat's pressure as it was made (R35)


@dataclass(frozen=True, slots=True)
class TensionPoint:
    step: int  # 0 before the first action, n after the n-th action of the log
    tension: float
    round: int  # 1-based round the game stands in after that action
    turn: int


@dataclass(frozen=True, slots=True)
class RoundMark:
    step: int  # the first step of the round
    number: int
    name: str


@dataclass(frozen=True, slots=True)
class TensionTrack:
    points: tuple[TensionPoint, ...]
    war_threshold: float
    rounds: tuple[RoundMark, ...]

    @property
    def start(self) -> float:
        return self.points[0].tension

    @property
    def end(self) -> float:
        return self.points[-1].tension

    @property
    def peak(self) -> TensionPoint:
        return max(self.points, key=lambda p: p.tension)


@dataclass(frozen=True, slots=True)
class TrackerChange:
    """One tracker of the playable delegations, at the start and at the end of the game."""

    kind: str  # "credibility", "cohesion", "support" or "trust"
    label: str  # "Credibility of A", "Trust A–B"
    start: float
    end: float


@dataclass(frozen=True, slots=True)
class TranscriptLine:
    """One event of the public record, with the move that caused it."""

    index: int  # 0-based position in the record
    round: int
    turn: int
    kind: str  # the engine's event kind, e.g. "proposal", "bookmark"
    actor: str  # actor id, "facilitator", or "" for the world
    actor_name: str
    text: str
    step: int  # the log action that caused it (1-based), 0 for the game's opening
    rationale: str  # the computer seat's one line, on the first line of its move only
    bookmark: bool
    note: str = ""  # a bookmark's note, as the facilitator typed it
    remark: str = ""  # what the computer seat said at the table (first line of its move only)


@dataclass(frozen=True, slots=True)
class RoundInfo:
    number: int
    name: str
    venue: str
    city: str
    date: str
    participants: str  # names, in speaking order
    opening: str


@dataclass(frozen=True, slots=True)
class Rationale:
    step: int
    actor: str
    actor_name: str
    action: str  # the action in the engine's text notation
    rationale: str


@dataclass(frozen=True, slots=True)
class HistoryLine:
    date: str
    text: str
    source: str


@dataclass(frozen=True, slots=True)
class SourceLine:
    id: str
    title: str
    citation: str
    url: str
    confidence: str


@dataclass(frozen=True, slots=True)
class Debrief:
    """The whole debrief of one game (finished or not)."""

    scenario_id: str
    title: str
    summary: str
    decision_point: str
    seed: int
    finished: bool
    where: str  # "round 2 (Geneva), turn 3" for an unfinished game; the ending otherwise
    outcome: OutcomeInfo | None  # None while the game runs
    actors: tuple[ActorResult, ...]  # every actor, in the scenario's order
    terms: tuple[TermResult, ...]  # every issue, in the scenario's order
    ledger: tuple[LedgerLine, ...]
    tension: TensionTrack
    trackers: tuple[TrackerChange, ...]  # per playable delegation, then trust between them
    rounds: tuple[RoundInfo, ...]
    transcript: tuple[TranscriptLine, ...]
    rationales: tuple[Rationale, ...]
    general_briefing: str
    history_summary: str
    history: tuple[HistoryLine, ...]
    discussion_questions: tuple[str, ...]
    teacher_notes: str
    sources: tuple[SourceLine, ...]
    actions: int  # moves in the log, facilitator's included
    # True when the private texts were left out (an unfinished game exported without
    # ``--reveal``): briefings, priorities, secret red lines, objectives, scores,
    # AI rationales and teacher notes.
    withheld: bool = False

    @property
    def bookmarks(self) -> tuple[TranscriptLine, ...]:
        return tuple(line for line in self.transcript if line.bookmark)

    @property
    def scored(self) -> tuple[ActorResult, ...]:
        return tuple(a for a in self.actors if a.scored)
