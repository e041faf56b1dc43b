"""The terminal's short menu: a delegation's legal moves in five groups, on one screen.

Every legal move keeps its number from the full list (``?`` prints it, one move
a line), so a number typed from either means the same move and a scripted game
reads the same; the short menu shows the moves one picks most and folds the
rest (the single-issue offers) behind ``p``, the package builder, and ``?``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from game.engine import (
    Accept,
    Action,
    ActionError,
    CarryOut,
    Pass,
    Propose,
    PublicView,
    Reject,
    Statement,
    Threaten,
    WalkOut,
    parse_action,
)
from game.engine.model import Scenario
from game.errors import UserError
from game.text.table import names, red_line_marks

WIDTH = 80  # a classroom terminal: the last moves and the menu fit 80×24 together
FOOTER = "? every move · p package · b board · i brief · h help · u undo · q quit"


def _wrapped(label: str, items: Sequence[str]) -> list[str]:
    """``label`` then the items joined by " · ", wrapped between items to the width."""
    lines = [f"  {label:<10}"]
    for item in items:
        fresh = lines[-1].endswith(" ")
        if not fresh and len(lines[-1]) + 3 + len(item) > WIDTH:
            lines.append(" " * 12)
            fresh = True
        lines[-1] += item if fresh else f" · {item}"
    return [line[:WIDTH] for line in lines]


def status(pv: PublicView, actor: str) -> str:
    """One line: who moves, where, which turn, the tension."""
    rnd = pv.rounds[pv.round_number - 1]
    turns = pv.round_turns
    who = names(pv).get(actor, actor)
    line = (
        f"{who} to move · {rnd.city}, round {pv.round_number}/{len(pv.rounds)}, "
        f"turn {min(pv.turn, turns)}/{turns} · tension {pv.trackers.tension:.0f}"
        f"/{pv.trackers.war_threshold:.0f}"
    )
    return line[:WIDTH]


def short_menu(
    pv: PublicView, legal: Sequence[Action], scenario: Scenario | None, actor: str
) -> list[str]:
    """The grouped menu: answer, propose, say, threaten (and carry out), other."""
    who = names(pv)
    answers: list[str] = []
    say: list[str] = []
    threats: list[str] = []
    carry: list[str] = []
    other: list[str] = []
    offers = 0
    for n, action in enumerate(legal, 1):
        if isinstance(action, Accept | Reject):
            verb = "accept" if isinstance(action, Accept) else "reject"
            proposal = (
                pv.proposals[action.proposal - 1] if action.proposal <= len(pv.proposals) else None
            )
            by = f" ({who.get(proposal.proposer, proposal.proposer)}'s)" if proposal else ""
            marks = red_line_marks(scenario, pv, action, actor) if scenario is not None else ""
            answers.append(f"{n} {verb} #{action.proposal}{by}{marks}")
        elif isinstance(action, Propose):
            offers += 1
        elif isinstance(action, Statement):
            say.append(f"{n} {action.tone}")
        elif isinstance(action, Threaten):
            threats.append(f"{n} {action.lever}")
        elif isinstance(action, CarryOut):
            carry.append(f"{n} {action.lever}")
        elif isinstance(action, WalkOut):
            other.append(f"{n} walk out")
        elif isinstance(action, Pass):
            other.append(f"{n} pass")
    lines: list[str] = []
    for answer in answers:  # one a line: each may carry a red-line warning
        lines += textwrap.wrap(
            answer, WIDTH, initial_indent="  Answer    ", subsequent_indent=" " * 14
        )
    if offers:
        lines += _wrapped("Propose", [f"p: build a package issue by issue ({offers} offers: ?)"])
    if say:
        lines += _wrapped("Say", [*say, "s TONE TEXT adds words"])
    if threats:
        lines += _wrapped("Threaten", threats)
    if carry:
        lines += _wrapped("Carry out", carry)
    if other:
        lines += _wrapped("Other", other)
    lines.append(f"  {FOOTER}"[:WIDTH])
    return lines


def typed_move(line: str, actor: str) -> Action:
    """A move typed in the text notation, with or without the delegation's id in front
    (``pass``, ``accept 2``, ``carry-out LEVER`` mean ``ACTOR pass`` ...);
    ``UserError`` when it is no move at all."""
    for text in (line, f"{actor} {line}"):
        try:
            return parse_action(text)
        except ActionError:
            continue
    raise UserError(f"unknown command {line!r}: type h for help")
