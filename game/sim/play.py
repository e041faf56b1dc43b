"""One headless game, straight on the engine, reduced to the numbers a balance report needs.

Self-play skips the session (no autosave, no transcript): it asks the
session's agent factory for each computer seat, then loops ``to_move`` ->
``legal_actions`` -> ``decide`` -> ``apply`` and records what the report
counts: the outcome, binding terms, scores, red lines tested and crossed,
tension at the end of each turn, and the number of actions.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from game import engine
from game.engine.model import Scenario
from game.engine.termination import Termination
from game.engine.variants import variant_of
from game.session.agents import Agent, close_agents, finish_agents, make_agent
from game.session.seats import Seat, SeatKind

MAX_ACTIONS = 100_000  # a guard against an engine or agent bug that never ends the game


@dataclass(frozen=True, slots=True)
class GameStats:
    """What one finished game contributes to the report."""

    seed: int
    outcome: str  # the outcome's label
    outcome_id: str
    ended_by: Termination
    binding: tuple[tuple[str, str], ...]
    scores: tuple[tuple[str, float], ...]  # actor id -> total score
    utilities: tuple[tuple[str, float], ...]  # actor id -> utility of the final terms
    crossed: tuple[str, ...]  # red line ids crossed by the final binding terms
    tested: tuple[str, ...]  # a red line id each time a proposal tested it (engine's rule)
    tension: tuple[float, ...]  # [start, after turn 1, after turn 2, ...] until the end
    actions: int
    # What the format-2 world did in the game: WORLD_EVENTS keys -> how many times.
    world: tuple[tuple[str, int], ...] = ()
    # The hidden types the game drew, as "actor:type" (scenario guide, "Hidden types").
    types: tuple[str, ...] = ()


# The format-2 happenings the report counts (issue 10): how a war came about, agreements
# broken (R25) or withdrawn (R39), terms ratified (R29), allies bypassed (R30).
WAR_CHOSEN = "escalation by a lever that escalates"
WAR_AFTER_LEVERS = "escalation at the threshold, some lever carried out"
WAR_NO_LEVER = "escalation at the threshold, no lever carried out"
BREACHES = "agreements broken"
WITHDRAWALS = "provisional agreements withdrawn"
RATIFIED = "terms ratified"
BYPASSED = "consent bypassed"
WORLD_EVENTS = (
    WAR_CHOSEN,
    WAR_AFTER_LEVERS,
    WAR_NO_LEVER,
    BREACHES,
    WITHDRAWALS,
    RATIFIED,
    BYPASSED,
)


def world_of(state: engine.GameState) -> tuple[tuple[str, int], ...]:
    """The format-2 happenings of a finished game, for ``GameStats.world`` (zeros left out)."""
    found = dict.fromkeys(WORLD_EVENTS, 0)
    if state.ended_by is Termination.ESCALATION:
        wars = {lv.id for lv in state.scenario.levers if lv.escalates}
        if wars & set(state.executed):
            found[WAR_CHOSEN] = 1
        else:
            found[WAR_AFTER_LEVERS if state.executed else WAR_NO_LEVER] = 1
    for c in state.ledger:
        if c.kind is engine.CommitmentKind.AGREEMENT:
            withdrawn = c.status is engine.CommitmentStatus.WITHDRAWN
            found[WITHDRAWALS if withdrawn else BREACHES] += 1
    for e in state.log:
        if e.kind is engine.EventKind.RATIFIED:
            found[RATIFIED] += 1
        elif e.kind is engine.EventKind.CONSENT_BYPASSED:
            found[BYPASSED] += 1
    return tuple((key, n) for key, n in found.items() if n)


def _turn_offsets(scenario: Scenario) -> list[int]:
    """Global turn number of each round's turn 0 (turns counted across the whole week)."""
    offsets, total = [], 0
    for rnd in scenario.rounds:
        offsets.append(total)
        total += rnd.turns
    return offsets


def play_game(
    scenario: Scenario,
    seats: Mapping[str, Seat],
    seed: int,
) -> GameStats:
    """Play one game with computer seats from ``seed`` to the end."""
    agents: dict[str, Agent] = {}
    for actor, seat in seats.items():
        agents[actor] = make_agent(scenario, actor, seat, seed)
    tests: dict[str, int] = {}
    try:
        outside = {actor for actor, seat in seats.items() if seat.kind is SeatKind.AGENT}
        state, tension, actions = _play(scenario, agents, seed, tests, outside)
    except BaseException:
        close_agents(agents)
        raise
    finish_agents(agents, state)
    result = engine.outcome(state)
    final = engine.scores(state)
    binding = state.binding
    # What crossed and what was tested are the engine's judgements, as in the debrief.
    crossed = tuple(line for score in final.values() for line in score.red_lines_crossed)
    # Counted as the game was played (the engine's rule, R-lines tested: a proposal that
    # crosses a present holder's line), not by replaying the game afterwards; in the
    # order of engine.red_lines_tested.
    tested = tuple(
        line.id
        for prefs in state.scenario.preferences.values()  # the hidden types drawn included
        for line in prefs.red_lines
        for _ in range(tests.get(line.id, 0))
    )
    return GameStats(
        seed=seed,
        outcome=result.label if result else "",
        outcome_id=result.id if result else "",
        ended_by=state.ended_by or Termination.ROUNDS,  # a finished game has one
        binding=binding,
        scores=tuple((a, s.total) for a, s in final.items()),
        utilities=tuple((a, s.utility) for a, s in final.items()),
        crossed=crossed,
        tested=tested,
        tension=tuple(tension),
        actions=actions,
        world=world_of(state),
        types=_types_of(state.scenario),
    )


def _types_of(scenario: Scenario) -> tuple[str, ...]:
    drawn = ((a.id, variant_of(scenario, a.id)) for a in scenario.actors)
    return tuple(f"{actor}:{kind[0]}" for actor, kind in drawn if kind is not None and kind[0])


def _play(
    scenario: Scenario,
    agents: Mapping[str, Agent],
    seed: int,
    tests: dict[str, int],
    outside: Collection[str] = (),
) -> tuple[engine.GameState, list[float], int]:
    """The game from ``seed`` to its end: the final state, tension by turn, actions made;
    ``tests`` counts each red line a proposal tested.  A move of an ``outside`` agent's
    seat that the engine refuses is a pass (as in a session); anyone else's is a bug."""
    offsets = _turn_offsets(scenario)
    state = engine.new_game(scenario, seed)
    tension = [state.tension]
    actions = 0
    while not state.over:
        mover = engine.to_move(state)
        if mover is None:
            break
        legal = engine.legal_actions(state, mover)
        action = agents[mover].decide(engine.view(state, mover), legal).action
        if mover in outside:
            try:
                engine.check(state, action)
            except engine.ActionError:
                action = engine.Pass(mover)
        turn = offsets[state.round_index] + state.turn
        if isinstance(action, engine.Propose):
            present = state.present()
            agreed = dict(state.binding)
            drawn = state.scenario  # with the hidden types drawn for this game
            for holder in drawn.preferences:
                if holder != action.actor and holder in present:
                    crossed = engine.own_red_lines_crossed(
                        drawn, holder, action.terms, agreed=agreed
                    )
                    for line_id in crossed:
                        tests[line_id] = tests.get(line_id, 0) + 1
        state, _ = engine.apply(state, action)
        actions += 1
        if actions > MAX_ACTIONS:
            raise RuntimeError(f"game of seed {seed} did not end in {MAX_ACTIONS} actions")
        # tension[t] is the level when turn t (global, 1-based) ended; tension[0] the start.
        while len(tension) <= turn:
            tension.append(tension[-1])
        tension[turn] = state.tension
    return state, tension, actions
