"""What ``apply`` reports: frozen game events with plain-English text for transcripts."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


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


@dataclass(frozen=True, slots=True)
class GameEvent:
    """One line of the public record.

    ``round`` is 1-based and ``turn`` the turn of that round it happened in (0 for
    openings).  ``actor`` is who caused it ("" for the world), ``subject`` the id it
    is about (a lever, card, issue, round or outcome id, as text), ``value`` a number
    worth charting (the new tension for TENSION events), ``proposal`` the number of the
    proposal it is about (PROPOSAL, ACCEPTED, REJECTED, AGREEMENT), typed: never parse
    it back from ``subject``.
    """

    kind: EventKind
    text: str
    round: int
    turn: int
    actor: str = ""
    subject: str = ""
    value: float | None = None
    # Out of the repr: the state digest is the repr of the log, and adding a field to it
    # would change the digest of every game ever saved.
    proposal: int | None = field(default=None, repr=False)

    def __str__(self) -> str:
        return self.text
