"""AI delegates: computer players that negotiate from their own actor's view only.

How a move is made (each step its own module)::

    ActorView --view--> Table (own preferences + public record; prefs, memo)
      --core--> judge offers (judge: red lines, whole-game worth vs per-issue
                aspiration; worth: provisional terms at their chance of binding;
                outlook: objectives and outcome bonus, war's score; relations:
                trust and an ally's cohesion; reciprocity: concessions answer
                concessions, no faster than the others answer)
             -> accept, or counter-offer (opponents: frequency model;
                offers: greedy trade-off search), or threaten/carry out/
                make a statement (tactics), or reject with a reason, or pass
      --actions--> one of the engine's legal actions, with a one-line rationale
                   (private: the numbers and reasons, revealed in the debrief)
      --remarks--> and what the delegate says at the table (public: no numbers,
                   no secret reasons; the decisive term, what a counter changes)
      --explain--> the rationale: a plain sentence, then the numbers

Difficulty changes how well a delegate reads the others and how it uses pressure:

=========  ===========================================  ==============================
level      opponent model                               threats
=========  ===========================================  ==============================
easy       public demands and red lines, blurred by     half as bold as its personality,
           noise; terms refused twice                   never bluffs
normal     demands, public red lines, what each         by personality; a risk-taker
           proposes (frequency)                         gambles on long shots
hard       all of normal plus accepts, rejects and      only with good odds and room to
           issues each keeps unchanged (HardHeaded)     carry out; bluffs when believed
=========  ===========================================  ==============================

Every level also varies, game by game, how much the delegate insists on and how
hard-line it plays, by a draw from its seed (most at hard, as ANAC's PonPoko does):
no two games are the same and no script learns it.

``make_agent(scenario, actor, difficulty, seed)`` is the session's factory;
``what_it_would_take(view)`` is the easy level's advice to a learner.
"""

from __future__ import annotations

from game.ai.coach import what_it_would_take
from game.ai.delegate import Decision, Delegate
from game.ai.difficulty import Difficulty
from game.engine.model import Scenario

__all__ = ["Decision", "Delegate", "Difficulty", "make_agent", "what_it_would_take"]


def make_agent(scenario: Scenario, actor_id: str, difficulty: Difficulty, seed: int) -> Delegate:
    """The delegate for ``actor_id`` (the session's factory for AI seats).

    ``scenario`` is only checked for the actor: a delegate reads everything else,
    its own preferences included, from the view it is given at each move, so it
    cannot see what its actor may not.
    """
    scenario.actor(actor_id)  # raises KeyError for an unknown actor
    return Delegate(actor_id, difficulty, seed)
