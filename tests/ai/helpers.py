"""Seats and a game loop for the AI tests: AI delegates against random and always-reject seats."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from game import engine
from game.ai import Decision, make_agent
from game.engine import Action, ActorView, GameState, Pass, Reject
from game.engine.model import Personality, Scenario


class RandomSeat:
    """Uniform among the legal actions, with its own generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def decide(self, view: ActorView, legal: Sequence[Action]) -> Decision:
        del view  # a random seat needs no view
        return Decision(self.rng.choice(list(legal)), "random")


class RejectSeat:
    """Rejects every proposal it may answer, else passes: the stubborn baseline."""

    def decide(self, view: ActorView, legal: Sequence[Action]) -> Decision:
        for action in legal:
            if isinstance(action, Reject):
                return Decision(action, "always reject")
        return Decision(Pass(view.actor), "always reject")


@dataclass
class Played:
    state: GameState
    decisions: list[tuple[str, GameState, Decision]] = field(default_factory=list)


def play(
    scenario: Scenario,
    seed: int,
    seats: Mapping[str, object] | None = None,
    difficulty: str = "normal",
) -> Played:
    """Play a whole game; seats not given are AI delegates of ``difficulty``."""
    agents: dict[str, object] = {
        a.id: make_agent(scenario, a.id, difficulty, seed) for a in scenario.playable
    }
    agents.update(seats or {})
    state = engine.new_game(scenario, seed)
    played = Played(state)
    while not engine.is_over(state):
        actor = engine.to_move(state)
        assert actor is not None
        legal = engine.legal_actions(state, actor)
        decision = agents[actor].decide(engine.view(state, actor), legal)  # type: ignore[attr-defined]
        played.decisions.append((actor, state, decision))
        state, _ = engine.apply(state, decision.action)
    played.state = state
    return played


def with_personalities(scenario: Scenario, traits: Mapping[str, Personality]) -> Scenario:
    actors = tuple(
        replace(a, personality=traits[a.id]) if a.id in traits else a for a in scenario.actors
    )
    return replace(scenario, actors=actors)
