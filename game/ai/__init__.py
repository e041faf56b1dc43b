"""AI delegates: computer players that negotiate from their own actor's view only."""

from __future__ import annotations

from game.ai.coach import what_it_would_take
from game.ai.delegate import DIFFICULTIES, Decision, Delegate
from game.engine.model import Scenario

__all__ = ["DIFFICULTIES", "Decision", "Delegate", "make_agent", "what_it_would_take"]


def make_agent(scenario: Scenario, actor_id: str, difficulty: str, seed: int) -> Delegate:
    """The delegate for ``actor_id`` (the session's factory for AI seats).

    ``scenario`` is only checked for the actor: a delegate reads everything else,
    its own preferences included, from the view it is given at each move, so it
    cannot see what its actor may not.
    """
    scenario.actor(actor_id)  # raises KeyError for an unknown actor
    return Delegate(actor_id, difficulty, seed)
