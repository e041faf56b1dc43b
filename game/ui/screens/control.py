"""How a game screen's intents reach the game: the one place the screens hand them over.

A screen of play never changes the game.  Its hooks decide, and return either a
``Transition`` for the app's scene stack or a game intent (``Submit``, ``Undo``,
``Pause``, ... of ``game.session.controller``).  ``settle`` hands each intent to
the game controller and tells the screen what happened (its ``on_applied``),
which may answer with another intent or a transition, until a transition (or
nothing) is left for the app.
"""

from __future__ import annotations

from collections.abc import Callable

from game.session.controller import Applied, GameController, GameIntent
from game.ui.kit.scene import Pop, Push, Quit, Replace, Transition

SceneResult = Transition | GameIntent | None
MAX_CHAIN = 100  # a screen that answers every answer with an intent is a bug, not a game


def settle(
    game: GameController,
    result: SceneResult,
    told: Callable[[Applied], SceneResult],
) -> Transition | None:
    """Apply the intents in ``result`` (and in the screen's answers) until a transition is left."""
    for _ in range(MAX_CHAIN):
        if result is None or isinstance(result, Push | Pop | Replace | Quit):
            return result
        result = told(game.apply(result))
    raise RuntimeError("a screen kept answering the game controller with intents")
