"""What one actor (or the projector) may see: the public record plus its own secrets only."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.events import GameEvent
from game.engine.model import (
    Demand,
    Issue,
    Lever,
    Objective,
    Personality,
    RedLine,
    Round,
)
from game.engine.state import Commitment, GameState, Proposal, Provisional


@dataclass(frozen=True, slots=True)
class PublicActor:
    """An actor as everyone knows it: no briefing, no personality."""

    id: str
    name: str
    short_name: str
    adjective: str
    delegate: str
    principal: str
    colour: str
    playable: bool


@dataclass(frozen=True, slots=True)
class TrackerView:
    tension: float
    war_threshold: float
    credibility: dict[str, float]
    cohesion: dict[str, float]
    support: dict[str, float]
    trust: dict[tuple[str, str], float]  # (a, b) with a < b in the actors' order


@dataclass(frozen=True, slots=True)
class PublicView:
    """The table as a projector shows it: the public record, nobody's private data."""

    scenario_id: str
    title: str
    summary: str
    decision_point: str
    briefing: str  # the general briefing everyone reads
    actors: tuple[PublicActor, ...]
    issues: tuple[Issue, ...]
    rounds: tuple[Round, ...]
    levers: tuple[Lever, ...]
    deck: tuple[str, ...]  # ids of the event cards (their contents show when played)
    demands: tuple[Demand, ...]
    public_red_lines: tuple[RedLine, ...]
    round_number: int
    turn: int
    to_move: str | None
    present: tuple[str, ...]
    walked_out: tuple[str, ...]
    proposals: tuple[Proposal, ...]
    binding: tuple[tuple[str, str], ...]
    provisional: tuple[Provisional, ...]
    trackers: TrackerView
    ledger: tuple[Commitment, ...]
    log: tuple[GameEvent, ...]
    executed: tuple[str, ...]
    over: bool
    outcome: str  # the outcome label once over, else ""


@dataclass(frozen=True, slots=True)
class ActorView:
    """One actor's view: the public record and its own private data, nothing of others'."""

    actor: str
    table: PublicView
    briefing: str  # this actor's confidential briefing
    personality: Personality
    weights: dict[str, float]
    values: dict[str, dict[str, float]]
    reservation: float
    red_lines: tuple[RedLine, ...]  # all of its own, public and secret
    objectives: tuple[Objective, ...]
    levers: tuple[Lever, ...]  # the levers it owns


def _trackers(state: GameState) -> TrackerView:
    t = state._t
    ids = list(t.actor_index)
    tr = state.trackers
    return TrackerView(
        tension=tr[0],
        war_threshold=state.scenario.trackers.war_threshold,
        credibility={a: tr[t.credibility_index(a)] for a in ids},
        cohesion={a: tr[t.cohesion_index(a)] for a in ids},
        support={a: tr[t.support_index(a)] for a in ids},
        trust={(a, b): tr[t.pair_index[(a, b)]] for i, a in enumerate(ids) for b in ids[i + 1 :]},
    )


def public_view(state: GameState) -> PublicView:
    """The view for the projector and the facilitator panel."""
    sc = state.scenario
    result = state.outcome_result
    return PublicView(
        scenario_id=sc.id,
        title=sc.title,
        summary=sc.summary,
        decision_point=sc.decision_point,
        briefing=sc.briefing,
        actors=tuple(
            PublicActor(
                a.id,
                a.name,
                a.short_name or a.name,
                a.adjective or a.name,
                a.delegate,
                a.principal,
                a.colour,
                a.playable,
            )
            for a in sc.actors
        ),
        issues=sc.issues,
        rounds=sc.rounds,
        levers=sc.levers,
        deck=tuple(c.id for c in sc.events),
        demands=sc.demands,
        public_red_lines=tuple(
            line for p in sc.preferences.values() for line in p.red_lines if line.public
        ),
        round_number=state.round_index + 1,
        turn=state.turn,
        to_move=None if state.over else state.movers[state.position],
        present=state.present(),
        walked_out=state.walked_out,
        proposals=state.proposals,
        binding=state.binding,
        provisional=state.provisional,
        trackers=_trackers(state),
        ledger=state.ledger,
        log=state.log,
        executed=state.executed,
        over=state.over,
        outcome=result.label if result is not None and state.over else "",
    )


def view(state: GameState, actor: str) -> ActorView:
    """What ``actor`` may see: the public view plus its own briefing and preferences."""
    sc = state.scenario
    me = sc.actor(actor)
    prefs = sc.preferences.get(actor)
    return ActorView(
        actor=actor,
        table=public_view(state),
        briefing=me.briefing,
        personality=me.personality,
        weights=dict(prefs.weights) if prefs else {},
        values={i: dict(v) for i, v in prefs.values.items()} if prefs else {},
        reservation=prefs.reservation if prefs else 0.0,
        red_lines=prefs.red_lines if prefs else (),
        objectives=prefs.objectives if prefs else (),
        levers=tuple(lv for lv in sc.levers if lv.owner == actor),
    )
