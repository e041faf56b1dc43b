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
        for prefs in scenario.preferences.values()
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
    )


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
            for holder in scenario.preferences:
                if holder != action.actor and holder in present:
                    crossed = engine.own_red_lines_crossed(
                        scenario, holder, action.terms, agreed=agreed
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
