"""What the table's helpers may read: a small, read-only picture of the table for its viewer.

The table builds one on every refresh; the helpers (``commands``, the forms)
take it instead of the table scene, so that none of them imports the scene or
reaches the game.  The functions below work out what the table shows from
plain inputs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.ai.difficulty import Difficulty
from game.engine import Action, PublicView
from game.session.seats import Seat, SeatKind
from game.ui.screens.common import adjective, current_round, short_name


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


def easy_ai(pv: PublicView, seats: Mapping[str, Seat]) -> tuple[str, ...]:
    """AI delegations at the easy level sitting at this round's table."""
    rnd = current_round(pv)
    return tuple(
        a
        for a, seat in seats.items()
        if seat.kind is SeatKind.AI and seat.difficulty is Difficulty.EASY and a in rnd.participants
    )


def status_line(
    pv: PublicView,
    viewer: str | None,
    *,
    human_to_move: bool,
    paused: bool,
    save_warning: str | None,
) -> tuple[str, str]:
    """What the action bar says, and in which colour."""
    mover = pv.to_move
    if mover is None:
        return "The talks are over.", "accent"
    if paused:
        return "Paused by the facilitator.", "warning"
    if save_warning:
        return f"Not saved: {save_warning}", "danger"
    if human_to_move and mover == viewer:
        return f"Your move — the {adjective(pv, mover)} delegation", "accent"
    if human_to_move:
        return f"Waiting for the {adjective(pv, mover)} delegation", "text_dim"
    return f"{short_name(pv, mover)} is considering its move…  (Space: skip)", "text_dim"
