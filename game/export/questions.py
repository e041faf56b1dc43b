"""Debrief questions that fit any scenario: the negotiation ideas the game is built on."""

from __future__ import annotations

GENERAL_QUESTIONS: tuple[str, ...] = (
    "Which delegations ended above their reservation value (their walk-away option)? "
    "Would any of them have done better by walking away?",
    "Which red lines were tested, and which were crossed? Was a red line ever moved, "
    "or only restated? What made a red line credible?",
    "Look at the commitment ledger: which threats were carried out, which were bluffs, "
    "and what did that do to credibility and trust?",
    "Where did a package trade a low-weight issue for a high-weight one? Which trades were "
    "possible but never proposed?",
    "Which agreements stayed provisional because a party whose consent they needed was "
    "not at the table? How did the delegations handle that?",
    "Find the moment on the tension chart where the game turned. What move caused it?",
    "Compare your table's result with what really happened. What did your table have "
    "that the real negotiators lacked, or the other way round?",
)
