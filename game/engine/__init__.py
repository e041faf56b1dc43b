"""Red Lines' rules engine: pure, deterministic, standard library only.

The one API every layer uses (UI, CLI, AI, tests)::

    state = new_game(scenario, seed)
    while not is_over(state):
        actor = to_move(state)
        action = choose(legal_actions(state, actor))   # or parse_action("a pass")
        state, events = apply(state, action)
    outcome(state), scores(state), digest(state)

The rules are catalogued in ``docs/rules.md``.
"""

from __future__ import annotations

from game.engine.actions import (
    FACILITATOR,
    Accept,
    Action,
    Bookmark,
    CarryOut,
    EndGame,
    EndRound,
    ExtendRound,
    FacilitatorAction,
    Inject,
    News,
    Pass,
    PlayerAction,
    Propose,
    Reject,
    Statement,
    Terms,
    Threaten,
    Timeout,
    WalkOut,
    make_terms,
)
from game.engine.checks import check
from game.engine.errors import (
    ActionError,
    EngineError,
    IllegalActionError,
    MalformedActionError,
)
from game.engine.events import EventKind, GameEvent
from game.engine.ledger import Commitment, CommitmentKind, CommitmentStatus
from game.engine.legal import is_over, legal_actions, to_move
from game.engine.model import Tone
from game.engine.moves import apply, new_game
from game.engine.notation import format_action, parse_action
from game.engine.packages import package_problem, unavailable_because
from game.engine.queries import (
    consenting,
    movers,
    option_consenters,
    own_red_lines_crossed,
    red_lines_tested,
)
from game.engine.scoring import RedLineBreach, Score, explain_red_lines, outcome, scores, utility
from game.engine.state import (
    GameState,
    OutcomeResult,
    Proposal,
    ProposalStatus,
    Provisional,
    digest,
)
from game.engine.tables import consenters
from game.engine.termination import Termination
from game.engine.views import ActorView, PublicActor, PublicView, TrackerView, public_view, view

__all__ = [
    "FACILITATOR",
    "Accept",
    "Action",
    "ActionError",
    "ActorView",
    "Bookmark",
    "CarryOut",
    "Commitment",
    "CommitmentKind",
    "CommitmentStatus",
    "EndGame",
    "EndRound",
    "EngineError",
    "EventKind",
    "ExtendRound",
    "FacilitatorAction",
    "GameEvent",
    "GameState",
    "IllegalActionError",
    "Inject",
    "MalformedActionError",
    "News",
    "OutcomeResult",
    "Pass",
    "PlayerAction",
    "Proposal",
    "ProposalStatus",
    "Propose",
    "Provisional",
    "PublicActor",
    "PublicView",
    "RedLineBreach",
    "Reject",
    "Score",
    "Statement",
    "Termination",
    "Terms",
    "Threaten",
    "Timeout",
    "Tone",
    "TrackerView",
    "WalkOut",
    "apply",
    "check",
    "consenters",
    "consenting",
    "digest",
    "explain_red_lines",
    "format_action",
    "is_over",
    "legal_actions",
    "make_terms",
    "movers",
    "new_game",
    "option_consenters",
    "outcome",
    "own_red_lines_crossed",
    "package_problem",
    "parse_action",
    "public_view",
    "red_lines_tested",
    "scores",
    "to_move",
    "unavailable_because",
    "utility",
    "view",
]
