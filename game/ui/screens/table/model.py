"""What the table's helpers may read: a small, read-only picture of the table for its viewer.

The table builds one on every refresh; the helpers (``commands``, the forms)
take it instead of the table scene, so that none of them imports the scene or
reaches the game.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Action, PublicView


@dataclass(frozen=True, slots=True)
class TableModel:
    """The table now, as its viewer sees it.

    ``viewer_moves``: the viewer is the person to move.  ``legal``: the viewer's
    legal actions now (none while the game is paused or it is not its move).
    ``enabled``: the action bar's commands that may be used now (``propose``,
    ``accept``, ``pass``, ``undo``, ...).  ``chosen``: the proposal the bar has
    chosen to answer.  ``easy_ai``: easy AI delegations at this round's table.
    """

    pv: PublicView
    viewer: str | None = None
    viewer_moves: bool = False
    legal: tuple[Action, ...] = ()
    enabled: frozenset[str] = frozenset()
    chosen: int | None = None
    easy_ai: tuple[str, ...] = ()
