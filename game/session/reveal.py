"""The computer seats' rationales, recomputed by replay for the debrief.

Saves leave rationales out (they hold an AI's aspiration numbers and the
reasons of secret red lines: what only the debrief may reveal).  The agents are
deterministic functions of their seed and their actor's view, so replaying the
log and asking each computer seat again gives back what it thought.  A move the
agent would not make again (its seat changed hands or difficulty mid-game, or an
older version played it) gets no rationale rather than a wrong one.  An outside
agent's moves get none either: its program is never run again for the debrief (it
may be slow, gone, or not the one that played; a loaded save never runs code).
"""

from __future__ import annotations

from collections.abc import Sequence

from game import engine
from game.engine.actions import FACILITATOR
from game.engine.model import Scenario
from game.session.agents import Agent, close_agents, make_agent
from game.session.records import LogEntry
from game.session.seats import Seat, SeatKind


def revealed(
    scenario: Scenario, seed: int, seats: dict[str, Seat], log: Sequence[LogEntry]
) -> tuple[LogEntry, ...]:
    """``log`` with each computer move's rationale filled in where it is missing."""
    if not any(_missing(entry) for entry in log):
        return tuple(log)
    agents: dict[tuple[str, Seat], Agent] = {}
    out: list[LogEntry] = []
    try:
        _fill(scenario, seed, seats, log, agents, out)
    finally:
        close_agents(agents)
    return tuple(out)


def _fill(  # noqa: PLR0917 - the caller's own arguments, handed on
    scenario: Scenario,
    seed: int,
    seats: dict[str, Seat],
    log: Sequence[LogEntry],
    agents: dict[tuple[str, Seat], Agent],
    out: list[LogEntry],
) -> None:
    state = engine.new_game(scenario, seed)
    for entry in log:
        filled = entry
        if _missing(entry):
            actor = entry.action.actor
            seat = _seat_for(entry.by, seats.get(actor))
            agent = agents.get((actor, seat))
            if agent is None:
                agent = agents[(actor, seat)] = make_agent(scenario, actor, seat, seed)
            legal = tuple(engine.legal_actions(state, actor))
            decision = agent.decide(engine.view(state, actor), legal)
            if decision.action == entry.action:
                filled = LogEntry(entry.action, entry.by, decision.rationale, entry.remark)
        out.append(filled)
        state, _ = engine.apply(state, entry.action)


def _missing(entry: LogEntry) -> bool:
    return (
        entry.by not in {SeatKind.HUMAN, SeatKind.AGENT}
        and not entry.rationale
        and entry.action.actor != FACILITATOR
    )


def _seat_for(kind: SeatKind, now: Seat | None) -> Seat:
    """The seat that made a move of ``kind``: the current one if it is still of that kind."""
    if now is not None and now.kind is kind:
        return now
    return Seat(kind)
