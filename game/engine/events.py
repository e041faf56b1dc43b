"""What ``apply`` reports: frozen game events, each with the facts of what happened.

An event states its facts in typed fields (the proposal number, the issue and option,
the lever, the card, the round...); ``game.engine.words.event_text`` words them once,
when the event is recorded, into ``text``.  Readers use the fields, never the text.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import assert_never

from game.engine.actions import Terms
from game.engine.frozen import copier, fast_init
from game.engine.model import AgendaChange, Tone


class EventKind(enum.StrEnum):
    GAME_OPENED = "game-opened"
    ROUND_OPENED = "round-opened"
    QUOTE = "quote"  # the scenario's own words placed in the round
    DEMAND = "demand"  # a public opening position
    PROPOSAL = "proposal"
    PROPOSAL_WITHDRAWN = "proposal-withdrawn"  # replaced, overtaken or lapsed
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    AGREEMENT = "agreement"  # every present participant accepted a proposal
    BINDING = "binding"  # an issue settled for good
    PROVISIONAL = "provisional"  # an issue agreed, still waiting for some consent
    STATEMENT = "statement"
    THREAT = "threat"
    LEVER_USED = "lever-used"  # a lever carried out (threatened or not)
    THREAT_LAPSED = "threat-lapsed"  # its "unless" terms were agreed: now a promise
    COMMITMENT_KEPT = "commitment-kept"
    COMMITMENT_BROKEN = "commitment-broken"  # credibility lost
    WALKOUT = "walkout"
    PASS = "pass"
    TIMEOUT = "timeout"
    EVENT_DRAWN = "event-drawn"  # a card of the deck, drawn or injected
    NEWS = "news"
    BOOKMARK = "bookmark"
    ROUND_EXTENDED = "round-extended"
    ROUND_CLOSED = "round-closed"
    TENSION = "tension"  # the tension changed; ``value`` is the new level
    ESCALATION = "escalation"
    BREACH = "breach"  # a lever carried out broke an agreed term (R25) or withdrew one (R39)
    CONSENT_BYPASSED = "consent-bypassed"  # agreed without a consenting actor at the table
    RATIFIED = "ratified"  # a term awaiting ratification binds at last (R29)
    AGENDA = "agenda"  # an effect changed a round's agenda (R34)
    GAME_OVER = "game-over"


class LeverUse(enum.StrEnum):
    """How a lever came to be carried out, as far as the ledger knows."""

    SURPRISE = "surprise"  # nobody had threatened it
    THREAT_MADE_GOOD = "threat-made-good"  # a pending threat carried out
    PROMISE_BROKEN = "promise-broken"  # held back as a promise, then used anyway


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class GameEvent:
    """One line of the public record.

    ``round`` is 1-based and ``turn`` the turn of that round it happened in (0 for
    openings); ``actor`` is who caused it ("" for the world); ``value`` a number
    worth charting (the new tension for TENSION events).  ``text`` is the line's
    words and ``subject`` the id the record has always shown (a proposal number, an
    issue, a lever...): both are made from the facts when the event is recorded
    (``recorded``) and are kept for transcripts and digests; nothing parses them.
    The other fields are the facts, each beside the kinds that use it.
    """

    kind: EventKind
    text: str = ""
    round: int = 0
    turn: int = 0
    actor: str = ""
    subject: str = ""
    value: float | None = None
    # The facts stay out of the repr: the state digest is the repr of the log, and a new
    # field in it would change the digest of every game ever saved.
    # PROPOSAL, ACCEPTED, REJECTED, AGREEMENT; PROPOSAL_WITHDRAWN: the one overtaken
    proposal: int | None = field(default=None, repr=False)
    replaces: int | None = field(default=None, repr=False)  # PROPOSAL: the one it withdrew
    overtaken_by: int | None = field(default=None, repr=False)  # PROPOSAL_WITHDRAWN
    lapsed: tuple[int, ...] = field(default=(), repr=False)  # PROPOSAL_WITHDRAWN at round end
    # DEMAND, CONSENT_BYPASSED, PROVISIONAL, BINDING, RATIFIED
    issue: str = field(default="", repr=False)
    option: str = field(default="", repr=False)  # DEMAND, PROVISIONAL, BINDING, RATIFIED
    # PROPOSAL: its terms; THREAT: its "unless" terms; BREACH: the terms it broke
    terms: Terms = field(default=(), repr=False)
    # THREAT, LEVER_USED, THREAT_LAPSED, COMMITMENT_KEPT/BROKEN, BREACH, ESCALATION
    lever: str = field(default="", repr=False)
    how: LeverUse | None = field(default=None, repr=False)  # LEVER_USED
    card: str = field(default="", repr=False)  # EVENT_DRAWN
    injected: bool = field(default=False, repr=False)  # EVENT_DRAWN: by the facilitator
    withdrawn: bool = field(default=False, repr=False)  # BREACH: of provisional terms (R39)
    round_id: str = field(default="", repr=False)  # ROUND_OPENED, ROUND_CLOSED
    agenda: AgendaChange | None = field(default=None, repr=False)  # AGENDA
    tone: Tone | None = field(default=None, repr=False)  # STATEMENT
    # STATEMENT, QUOTE, DEMAND: the words said; NEWS: the headline; BOOKMARK: the note
    said: str = field(default="", repr=False)
    speaker: str = field(default="", repr=False)  # QUOTE: an actor id or a free name
    # AGREEMENT: who accepted; PROVISIONAL: whose consent it waits for
    actors: tuple[str, ...] = field(default=(), repr=False)
    unratified: tuple[str, ...] = field(default=(), repr=False)  # PROVISIONAL
    turns: int = field(default=0, repr=False)  # ROUND_EXTENDED
    before: float | None = field(default=None, repr=False)  # TENSION: the level it moved from
    outcome: str = field(default="", repr=False)  # GAME_OVER: the outcome's id
    why: str = field(default="", repr=False)  # GAME_OVER: why that outcome

    def __str__(self) -> str:
        return self.text

    def recorded(self, text: str, round_number: int, turn: int) -> GameEvent:
        """These facts as a line of the record: worded, placed, with their subject."""
        # dataclasses.replace, without its cost (an event of thirty fields, on every action)
        return _placed(self, text, round_number, turn, self._subject())

    def _subject(self) -> str:
        match self.kind:
            case EventKind.PROPOSAL | EventKind.ACCEPTED | EventKind.REJECTED | EventKind.AGREEMENT:
                return str(self.proposal)
            case (
                EventKind.DEMAND
                | EventKind.CONSENT_BYPASSED
                | EventKind.PROVISIONAL
                | EventKind.BINDING
                | EventKind.RATIFIED
            ):
                return self.issue
            case EventKind.STATEMENT:
                return "" if self.tone is None else self.tone.value
            case (
                EventKind.THREAT
                | EventKind.LEVER_USED
                | EventKind.THREAT_LAPSED
                | EventKind.COMMITMENT_KEPT
                | EventKind.COMMITMENT_BROKEN
                | EventKind.ESCALATION
            ):
                return self.lever
            case EventKind.BREACH:
                return ",".join(issue for issue, _ in self.terms)
            case EventKind.EVENT_DRAWN:
                return self.card
            case EventKind.ROUND_OPENED:
                return self.round_id
            case EventKind.GAME_OVER:
                return self.outcome
            case (
                EventKind.GAME_OPENED
                | EventKind.QUOTE
                | EventKind.PROPOSAL_WITHDRAWN
                | EventKind.WALKOUT
                | EventKind.PASS
                | EventKind.TIMEOUT
                | EventKind.NEWS
                | EventKind.BOOKMARK
                | EventKind.ROUND_EXTENDED
                | EventKind.ROUND_CLOSED
                | EventKind.TENSION
                | EventKind.AGENDA
            ):
                return ""
            case _:
                assert_never(self.kind)


_placed = copier(GameEvent, ("text", "round", "turn", "subject"))
