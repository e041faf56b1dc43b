"""An AI delegate: the seat protocol's ``decide(view, legal) -> Decision`` for one actor.

A delegate is a pure function of its actor's view, the legal actions and its
own seed: it keeps no memory between moves except its compiled preferences
(which never change), so a game resumed from a save goes on exactly as the
straight game would, given the same seed.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from game.ai.actions import moves_from, to_action
from game.ai.coherence import coherent
from game.ai.core import choose
from game.ai.difficulty import Difficulty
from game.ai.draws import LazyRandom
from game.ai.explain import rationale
from game.ai.prefs import OwnPrefs
from game.ai.remarks import remark
from game.ai.view import Memo, own_prefs, table_from_view
from game.engine.actions import Action
from game.engine.views import ActorView


@dataclass(frozen=True, slots=True)
class Decision:
    """What the delegate chose; why, privately (revealed in the debrief); what it says at
    the table (its public remark, "" for nothing)."""

    action: Action
    rationale: str = ""
    remark: str = ""


class Delegate:
    """Negotiates for one actor at one difficulty."""

    __slots__ = ("_base", "_jitter", "_memo", "_prefs", "actor", "difficulty", "seed")

    def __init__(
        self, actor: str, difficulty: Difficulty = Difficulty.NORMAL, seed: int = 0
    ) -> None:
        self.actor = actor
        self.difficulty = Difficulty(difficulty)  # ValueError for a level there is not
        self.seed = seed
        self._prefs: OwnPrefs | None = None
        self._memo = Memo()
        # Two delegates given the same seed still draw differently (crc32 is stable).
        self._base = (seed * 1_000_003 + zlib.crc32(actor.encode())) * 1_000_003
        # The game's variation of how much it insists on (PonPoko's randomised
        # aspiration): fixed by the seed, so a resumed game goes on alike, but unknown to
        # anyone who scripts against it.
        self._jitter = random.Random(self._base).uniform(-1.0, 1.0)

    def prefs(self, view: ActorView) -> OwnPrefs:
        # Compiled once, unless a red line has ``unless``: what binds may lift it (R27).
        if self._prefs is None or any(line.unless is not None for line in view.red_lines):
            self._prefs = own_prefs(view)
        return self._prefs

    def decide(self, view: ActorView, legal: Sequence[Action]) -> Decision:
        table = table_from_view(view, self.prefs(view), self.difficulty, self._memo, self._jitter)
        # One generator per decision, keyed by the move: no hidden state between moves.
        rng = LazyRandom(self._base + table.move)
        intent = coherent(choose(table, moves_from(legal), rng), table)
        action = to_action(self.actor, intent, legal)
        return Decision(action, rationale(table, intent), remark(table, intent))
