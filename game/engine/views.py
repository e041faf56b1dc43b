"""What one actor (or the projector) may see: the public record plus its own secrets only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from game.engine.events import GameEvent
from game.engine.frozen import fast_init
from game.engine.ledger import Commitment
from game.engine.model import (
    Demand,
    Issue,
    Lever,
    Objective,
    Outcome,
    Personality,
    RedLine,
    Round,
    RuleTuning,
)
from game.engine.state import GameState, Proposal, Provisional
from game.engine.tables import Tables
from game.engine.variants import drawn_variant


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
    # R29: the support below which its acceptance awaits ratification (None: never).
    ratification: float | None = None


@fast_init  # built on every move
@dataclass(frozen=True, slots=True)
class TrackerView:
    tension: float
    war_threshold: float
    credibility: dict[str, float]
    cohesion: dict[str, float]
    support: dict[str, float]
    trust: dict[tuple[str, str], float]  # (a, b) with a < b in the actors' order


@fast_init  # built on every move
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
    round_turns: int  # turns in this round, the facilitator's extensions included
    to_move: str | None
    present: tuple[str, ...]
    walked_out: tuple[str, ...]
    proposals: tuple[Proposal, ...]
    binding: tuple[tuple[str, str], ...]
    provisional: tuple[Provisional, ...]
    trackers: TrackerView
    ledger: tuple[Commitment, ...]
    log: Sequence[GameEvent]  # the state's own chain: never copied for a view
    executed: tuple[str, ...]
    over: bool
    outcome: str  # the outcome label once over, else ""
    # Public rules of the scenario: how the end state is labelled and the rule numbers.
    outcomes: tuple[Outcome, ...] = ()
    rules: RuleTuning = field(default_factory=RuleTuning)
    agenda: tuple[str, ...] = ()  # the current round's agenda, as effects changed it (R34)


@fast_init  # built on every move
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
    # Its hidden type this game (scenario guide, "Hidden types"): the type's name and
    # what its delegation is told; empty when it plays its preferences as written.
    hidden_type: str = ""
    instructions: str = ""


class _Statics:
    """The parts of every view that never change during a game of one scenario.

    Built once per scenario (its ``Tables``) and shared by every view: they are
    tuples of frozen values, so sharing them is safe.  Views are read-only: a
    ``TrackerView`` (whose dicts nobody may change) is shared by consecutive views
    with the same tracker values.
    """

    __slots__ = (
        "actors",
        "deck",
        "ids",
        "last_trackers",
        "levers_of",
        "pairs",
        "public_red_lines",
        "tables",
    )

    def __init__(self, t: Tables) -> None:
        sc = t.scenario
        self.tables = t
        self.ids = tuple(t.actor_index)
        # Trust pairs in the order of the flat tracker layout (see tables.py).
        self.pairs = tuple((a, b) for i, a in enumerate(self.ids) for b in self.ids[i + 1 :])
        self.actors = tuple(
            PublicActor(
                a.id,
                a.name,
                a.short_name or a.name,
                a.adjective or a.name,
                a.delegate,
                a.principal,
                a.colour,
                a.playable,
                a.ratification,
            )
            for a in sc.actors
        )
        self.deck = tuple(c.id for c in sc.events)
        self.public_red_lines = tuple(
            line for p in sc.preferences.values() for line in p.red_lines if line.public
        )
        self.levers_of = {
            a.id: tuple(lv for lv in sc.levers if a.id in lv.owners) for a in sc.actors
        }
        # The latest trackers and their view (the war threshold is the scenario's).
        self.last_trackers: tuple[tuple[float, ...], TrackerView] | None = None


_STATICS: dict[int, _Statics] = {}


def _statics(t: Tables) -> _Statics:
    found = _STATICS.get(id(t))
    if found is not None and found.tables is t:
        return found
    if len(_STATICS) > 16:  # a few scenarios are ever live at a time
        _STATICS.clear()
    made = _STATICS[id(t)] = _Statics(t)
    return made


def _trackers(state: GameState, st: _Statics) -> TrackerView:
    tr = state.trackers
    last = st.last_trackers
    # Most moves leave the trackers as they were: the previous (read-only) view then serves.
    if last is not None and last[0] == tr:
        return last[1]
    ids = st.ids
    n = len(ids)
    # The flat layout: tension, credibility, cohesion and support per actor, trust per pair.
    made = TrackerView(
        tension=tr[0],
        war_threshold=state.scenario.trackers.war_threshold,
        credibility=dict(zip(ids, tr[1 : 1 + n], strict=True)),
        cohesion=dict(zip(ids, tr[1 + n : 1 + 2 * n], strict=True)),
        support=dict(zip(ids, tr[1 + 2 * n : 1 + 3 * n], strict=True)),
        trust=dict(zip(st.pairs, tr[1 + 3 * n :], strict=True)),
    )
    st.last_trackers = (tr, made)
    return made


def public_view(state: GameState) -> PublicView:
    """The view for the projector and the facilitator panel."""
    sc = state.scenario
    st = _statics(state._t)
    result = state.outcome_result
    return PublicView(
        scenario_id=sc.id,
        title=sc.title,
        summary=sc.summary,
        decision_point=sc.decision_point,
        briefing=sc.briefing,
        actors=st.actors,
        issues=sc.issues,
        rounds=sc.rounds,
        levers=sc.levers,
        deck=st.deck,
        demands=sc.demands,
        public_red_lines=st.public_red_lines,
        round_number=state.round_index + 1,
        turn=state.turn,
        round_turns=state.round_turns,
        to_move=None if state.over else state.movers[state.position],
        present=state.present(),
        walked_out=state.walked_out,
        proposals=state.proposals,
        binding=state.binding,
        provisional=state.provisional,
        trackers=_trackers(state, st),
        ledger=state.ledger,
        log=state.log,
        executed=state.executed,
        over=state.over,
        outcome=result.label if result is not None and state.over else "",
        outcomes=sc.outcomes,
        rules=sc.rules,
        agenda=state.agenda,
    )


def view(state: GameState, actor: str) -> ActorView:
    """What ``actor`` may see: the public view plus its own briefing and preferences."""
    sc = state.scenario
    me = sc.actor(actor)
    prefs = sc.preferences.get(actor)
    drawn = drawn_variant(prefs)
    return ActorView(
        actor=actor,
        table=public_view(state),
        briefing=me.briefing,
        personality=me.personality,
        # Copies: a caller may change its view, never the scenario or another view.
        weights=dict(prefs.weights) if prefs else {},
        values={i: dict(v) for i, v in prefs.values.items()} if prefs else {},
        reservation=prefs.reservation if prefs else 0.0,
        red_lines=prefs.red_lines if prefs else (),
        objectives=prefs.objectives if prefs else (),
        levers=_statics(state._t).levers_of.get(actor, ()),
        hidden_type=drawn.name if drawn is not None else "",
        instructions=drawn.briefing.strip() if drawn is not None else "",
    )
