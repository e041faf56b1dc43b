"""The host's frames, built from a session: what each client may see and nothing more.

A ``welcome`` carries the whole public table (and, for a delegation's seat, its
own private part of ``ActorView``); each ``update`` carries only what changes
(the dynamic fields of the public view and the transcript from ``log_from``),
so a move costs every client a few kilobytes, built once and sent to all.
Rationales and other delegations' private views travel only in ``over``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from game import engine
from game.engine import Action, ActorView, PublicView
from game.net.codec import encode
from game.net.protocol import PROTOCOL, dump
from game.session.records import LogEntry, Turn
from game.session.seats import Seat, SeatKind
from game.session.session import Session

# The public view's fields fixed for a game (sent once, in ``welcome``); every other field
# but the transcript travels in each ``update``, so a field the engine adds is never stale.
STATIC = frozenset(
    {
        "scenario_id",
        "title",
        "summary",
        "decision_point",
        "briefing",
        "actors",
        "issues",
        "rounds",
        "levers",
        "deck",
        "demands",
        "public_red_lines",
        "outcomes",
        "rules",
    }
)
DYNAMIC = tuple(
    f.name for f in dataclasses.fields(PublicView) if f.name not in STATIC and f.name != "log"
)
# The fields of ``ActorView`` that are a delegation's own secrets (all but ``actor`` and ``table``).
PRIVATE = (
    "briefing",
    "personality",
    "weights",
    "values",
    "reservation",
    "red_lines",
    "objectives",
    "levers",
    "hidden_type",
    "instructions",
)


def seat_kinds(session: Session, remote: Iterable[str]) -> dict[str, str]:
    """Who plays each delegation, as the roster shows it (``remote`` for a laptop's seat)."""
    remote = set(remote)
    return {a: "remote" if a in remote else seat_kind(seat) for a, seat in session.seats.items()}


def seat_kind(seat: Seat) -> str:
    """A seat as every client may see it: ``ai:hard``, but ``agent`` without its program
    (a path on the host's disk is none of a laptop's business)."""
    return str(seat.kind) if seat.kind is SeatKind.AGENT else str(seat)


def private_part(view: ActorView) -> dict[str, Any]:
    return {name: encode(getattr(view, name)) for name in PRIVATE}


def welcome(
    session: Session,
    seat: str | None,
    kinds: Mapping[str, str],
    pv: PublicView,
    *,
    opening: PublicView,
    turns: Sequence[Turn],
) -> str:
    """Everything a client starts from: the table, the moves so far (no rationales), the
    table as it opened (its dynamic fields and how many events opened it), its own part.
    Not the seed: with it a laptop could foretell the event draws (it comes in ``over``)."""
    return dump(
        {
            "type": "welcome",
            "protocol": PROTOCOL,
            "role": "seat" if seat is not None else "spectator",
            "seat": seat,
            "seats": dict(kinds),
            "table": encode(pv),
            "private": private_part(session.view(seat)) if seat is not None else None,
            "turns": [_turn(t) for t in turns],
            "opening": {
                "table": {name: encode(getattr(opening, name)) for name in DYNAMIC},
                "log": len(opening.log),
            },
        }
    )


def update(
    pv: PublicView,
    turns: Sequence[Turn],
    log_from: int,
    *,
    undone: Sequence[LogEntry] = (),
) -> str:
    """What changed: the turns made (no rationale), the transcript from ``log_from``, the table."""
    return dump(
        {
            "type": "update",
            "turns": [_turn(t) for t in turns],
            "undone": [engine.format_action(e.action) for e in undone],
            "log_from": log_from,
            "events": [encode(e) for e in pv.log[log_from:]],
            "table": {name: encode(getattr(pv, name)) for name in DYNAMIC},
        }
    )


def _turn(turn: Turn) -> dict[str, Any]:
    # The remark is said at the table; the rationale is private until the game is over.
    return {
        "number": turn.number,
        "actor": turn.actor,
        "by": str(turn.entry.by),
        "action": turn.text,
        "remark": turn.remark,
        "events": [encode(e) for e in turn.events],
    }


def your_move(session: Session, actor: str, seconds: float | None) -> str:
    """The legal actions of the delegation to move, with the red lines each would cross."""
    scenario = session.scenario
    # What already binds counts too: a red line whose ``unless`` it meets is lifted (R27),
    # as the board and the terminal's menu judge it.
    agreed = dict(session.state.binding)
    legal = []
    for action in session.legal_actions(actor):
        breaches = engine.explain_red_lines(scenario, _terms(session, action), actor, agreed=agreed)
        crosses = [{"actor": b.actor, "issue": b.issue, "own": b.own} for b in breaches]
        legal.append({"action": engine.format_action(action), "crosses": crosses})
    return dump({"type": "your-move", "seat": actor, "legal": legal, "seconds": seconds})


def _terms(session: Session, action: Action) -> tuple[tuple[str, str], ...]:
    if isinstance(action, engine.Propose):
        return action.terms
    proposals = session.state.proposals
    if isinstance(action, engine.Accept) and 1 <= action.proposal <= len(proposals):
        return proposals[action.proposal - 1].terms
    return ()


def roster(kinds: Mapping[str, str], connected: Iterable[str], spectators: int) -> str:
    online = set(connected)
    return dump(
        {
            "type": "roster",
            "seats": {a: {"kind": k, "connected": a in online} for a, k in kinds.items()},
            "spectators": spectators,
        }
    )


def refused(reason: str) -> str:
    return dump({"type": "refused", "reason": reason})


def over(session: Session, *, debrief: object = None) -> str:
    """The end: outcome, scores, digest, and what the debrief reveals (rationales, briefs);
    ``debrief``: the whole debrief, when the host's caller builds one (JSON-ready)."""
    state = session.state
    result = engine.outcome(state)
    return dump(
        {
            "type": "over",
            "outcome": {
                "id": result.id if result else None,
                "label": result.label if result else "game not finished",
                "why": result.why if result else "",
                "passed_over": list(result.passed_over) if result else [],
            },
            "scores": {a: round(s.total, 6) for a, s in engine.scores(state).items()},
            "digest": session.digest(),
            # The seed decides the event draws still to come: hidden state until the end.
            "seed": session.seed,
            "turns": len(session.log),
            "rounds": state.round_number,
            # A resumed game's log has none before the save (saves leave them out): the
            # revealed log recomputes them, as the local debrief does.
            "rationales": [
                {"number": n, "actor": e.action.actor, "by": str(e.by), "rationale": e.rationale}
                for n, e in enumerate(session.revealed_log(), 1)
                if e.by is not SeatKind.HUMAN and e.rationale
            ],
            "private": {a: private_part(session.view(a)) for a in session.seats},
            "debrief": debrief,
        }
    )
