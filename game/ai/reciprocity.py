"""Concessions that answer concessions (NiceTitForTat, Baarslag et al.): measured in our own
worth of each other delegation's successive offers.

A delegation whose later offers give us more than its first has moved towards us; we
move back by as much, scaled by our personality (a hard-liner gives back half, a
pragmatist all of it), and never below our floor (the caller bounds it).  If the
others keep making offers without ever moving, we hold out longer (the Boulware curve);
a delegation that makes no offers says nothing either way.
"""

from __future__ import annotations

from game.ai.table import Table, keep, kept
from game.ai.worth import package_worth, worths


def _movement(table: Table) -> dict[str, tuple[int, float]]:
    """Per other delegation at the table: (offers it made, how far its best later offer
    moved towards us from its first, in our worth)."""
    found = table.now.movement
    if found is not None:
        return found
    inputs = (worths(table), table.offers, table.opponents)
    known = kept(table.cache, "movement", inputs)
    if isinstance(known, dict):
        table.now.movement = known
        return known
    out: dict[str, tuple[int, float]] = {}
    for actor in table.opponents:
        theirs = [o for o in table.offers if o.proposer == actor]
        if not theirs:
            continue
        first = package_worth(table, dict(theirs[0].terms))
        moved = max((package_worth(table, dict(o.terms)) - first for o in theirs[1:]), default=0.0)
        out[actor] = (len(theirs), max(0.0, moved))
    keep(table.cache, "movement", inputs, out)
    table.now.movement = out
    return out


def concession_allowance(table: Table) -> float:
    """How much worth we give back now for the others' concessions (0 for none)."""
    moves = _movement(table)
    if not moves:
        return 0.0
    gained = sum(m for _, m in moves.values()) / len(moves)
    return (1.0 - 0.5 * min(1.0, max(0.0, table.personality.hardline))) * gained


def stonewalled(table: Table) -> bool:
    """The others keep offering and never move towards us."""
    moves = _movement(table)
    return any(n >= 2 for n, _ in moves.values()) and all(m < 0.01 for _, m in moves.values())
