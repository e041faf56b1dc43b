"""The seat protocol that computer players implement, and the random player.

A session asks the agent in a non-human seat for a ``Decision`` given only that
actor's view and its legal actions.  AI seats get the AI package's delegates
(``game.ai.make_agent``) unless a factory is registered for the seat kind;
``random`` seats get the ``RandomAgent`` here, uniform among the legal actions.
"""

from __future__ import annotations

import hashlib
import random
import secrets
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from game import ai, engine
from game.ai import Decision, Difficulty
from game.engine import Action, ActorView, GameState
from game.engine.model import Scenario
from game.session.external import ProcessAgent
from game.session.seats import Seat, SeatKind


class Agent(Protocol):
    """A computer player: sees one actor's view and chooses among the legal actions.

    An agent should keep no hidden state between moves (derive any randomness
    from its seed and the view), so that a game resumed from a save or an undo
    goes on exactly as one played straight through.
    """

    def decide(self, view: ActorView, legal: Sequence[Action]) -> Decision: ...


# factory(scenario, actor_id, difficulty, seed) -> Agent
AgentFactory = Callable[[Scenario, str, Difficulty, int], Agent]

_FACTORIES: dict[str, AgentFactory] = {}


def register_agent_factory(kind: str, factory: AgentFactory) -> None:
    """Let a package (or a test) supply the agents for a seat kind such as ``"ai"``."""
    _FACTORIES[kind] = factory


def unregister_agent_factory(kind: str) -> None:
    _FACTORIES.pop(kind, None)


# A game's seed fixes its hidden types, and an outside agent is told its own seed,
# derived from the game's: from a million possible game seeds it could find the game's
# (and everyone's type) by trying them all in a second.  A new game's seed is drawn from
# 10**15 (exact as a JSON number anywhere), far beyond such a search.
FRESH_SEEDS = 10**15


def fresh_seed() -> int:
    """The seed of a new game whose seed nobody chose."""
    return secrets.randbelow(FRESH_SEEDS)


# An outside program is told a seed for its own randomness.  Derived from the game's
# seed alone, it would give the game's seed away to a program that tries the seeds a
# simulation or a tournament plays (S, S+1, ...): and with it every delegation's hidden
# type.  So it is keyed with a secret of this run, never sent anywhere.  Workers forked
# for ``--jobs`` inherit it.
_AGENT_KEY = secrets.token_hex(16)


def outside_seed(seed: int, actor: str) -> int:
    """The seed an outside program is told: nothing of the game's seed can be read from it."""
    digest = hashlib.sha256(f"{_AGENT_KEY}:{seed}:{actor}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def derive_seed(seed: int, actor: str) -> int:
    """The seed of an agent's own generators, never the engine's.

    Mixing in the actor keeps two random seats from mirroring each other.
    """
    digest = hashlib.sha256(f"{seed}:{actor}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


class RandomAgent:
    """Plays uniformly at random among the legal actions, with its own generator."""

    def __init__(self, seed: int) -> None:
        self.seed = seed

    def decide(self, view: ActorView, legal: Sequence[Action]) -> Decision:
        # A fresh generator per move, keyed by the length of the public record: no
        # state survives between moves, so a replayed or resumed game goes on alike.
        rng = random.Random(f"{self.seed}:{len(view.table.log)}")
        return Decision(rng.choice(list(legal)), "chosen at random")


def finish_agents(agents: Mapping[str, object], state: GameState) -> None:
    """Tell agents that want to know how the game ended (``finish``), or let them go
    (``close``): an outside program gets its ``end`` frame and exits."""
    result = engine.outcome(state)
    totals = {actor: score.total for actor, score in engine.scores(state).items()}
    for agent in agents.values():
        finish = getattr(agent, "finish", None)
        if callable(finish):
            finish(result.id if result is not None else "", totals)


def close_agents(agents: Mapping[Any, object]) -> None:
    """Let go of agents that hold something (an outside program) without ending a game."""
    for agent in agents.values():
        close = getattr(agent, "close", None)
        if callable(close):
            close()


def make_agent(scenario: Scenario, actor: str, seat: Seat, seed: int) -> Agent:
    """The agent for a non-human seat: an outside program, a registered factory's, the
    AI's, or a random player."""
    agent_seed = derive_seed(seed, actor)
    if seat.kind is SeatKind.RANDOM:
        return RandomAgent(agent_seed)
    if seat.kind is SeatKind.AGENT:
        return ProcessAgent(seat.path, actor, outside_seed(seed, actor), seat.timeout)
    factory = _FACTORIES.get(str(seat.kind), ai.make_agent)
    return factory(scenario, actor, seat.difficulty, agent_seed)
