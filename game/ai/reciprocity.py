"""Concessions that answer concessions (NiceTitForTat, Baarslag et al.): measured in our own
worth of each delegation's successive offers, ours included.

Two things follow from what the others did:

* **How fast our clock runs** (``pace``).  Time alone would make us concede whatever the
  others do, and a player who only waits (or only accepts what improves its lot) would
  collect every step.  So our concession curve advances only as far as the least
  responsive delegation at the table has earned: a small first step is free (someone
  must move first), beyond it we give no more than each of them has given us.  A
  delegation that makes no offers, or never moves, meets the Boulware curve.
* **What we give back** (``concession_allowance``): a delegation whose later offers give
  us more than its first has moved towards us; we move back by as much, scaled by our
  personality (a hard-liner gives back half, a pragmatist all of it), and never below
  our floor (the caller bounds it).
"""

from __future__ import annotations

from game.ai.table import Table, keep, kept
from game.ai.worth import offered_worth, offered_worths

# How much we may concede (in our normalised worth) before anyone has answered: an
# opening step, so that two reciprocating delegates are not stuck waiting for each other.
_FREE_STEP = 0.08
# The least of the time-driven concession a delegate makes whatever the others do: a
# deadline is real, and at its end a deal above our floor still beats none.
_BOULWARE_SHARE = 0.35


def _movement(table: Table) -> dict[str, tuple[int, float]]:
    """Per other delegation at the table: (offers it made, how far its best later offer
    moved towards us from its first, in our worth)."""
    found = table.now.movement
    if found is not None:
        return found
    inputs = (offered_worths(table), table.offers, table.opponents)
    known = kept(table.cache, "movement", inputs)
    if isinstance(known, dict):
        table.now.movement = known
        return known
    out: dict[str, tuple[int, float]] = {}
    status_quo = table.prefs.status_quo
    for actor in table.opponents:
        # An offer of nothing but what holds anyway changes nothing: it is no position to
        # move from (an opening "the door stays open", then a real package, would
        # otherwise count as a large step towards us).
        theirs = [
            o
            for o in table.offers
            if o.proposer == actor and any(status_quo[i] != opt for i, opt in o.terms)
        ]
        if not theirs:
            out[actor] = (0, 0.0)
            continue
        # An opening worse for us than the position the delegation stated in public (its
        # demands, and the status quo where it demanded nothing) is an anchor: coming
        # back from it to what it asked all along is no step towards us.  So the step is
        # counted from the better of the two.  A delegate opens with its demands: for it
        # nothing changes.
        opening = dict(theirs[0].terms)
        demands = table.demands.get(actor, {})
        stated = {i: demands.get(i, status_quo[i]) for i in opening}
        first = max(offered_worth(table, opening), offered_worth(table, stated))
        moved = max((offered_worth(table, dict(o.terms)) - first for o in theirs[1:]), default=0.0)
        out[actor] = (len(theirs), max(0.0, moved))
    keep(table.cache, "movement", inputs, out)
    table.now.movement = out
    return out


def own_concession(table: Table) -> float:
    """How far our offers so far have come down from our best one, in our worth now: the
    furthest we have gone, which we cannot take back."""
    key = ("conceded", table.move, table.round_index)
    found = table.cache.get(key)
    if isinstance(found, float):
        return found
    mine = [offered_worth(table, dict(o.terms)) for o in table.offers if o.proposer == table.me]
    made = table.cache[key] = max(mine) - min(mine) if len(mine) >= 2 else 0.0
    return made


def pace(table: Table) -> float:
    """The share of the time-driven concession we allow ourselves now, in
    [_BOULWARE_SHARE, 1]: 1 while every delegation at the table has given us at least as
    much as we gave it (beyond a free first step)."""
    moves = _movement(table)
    if not moves:
        return 1.0
    given = own_concession(table)
    earned = min(m for _, m in moves.values()) + _FREE_STEP
    share = 1.0 if given <= earned else earned / given
    return _BOULWARE_SHARE + (1.0 - _BOULWARE_SHARE) * share


def concession_allowance(table: Table) -> float:
    """How much worth we give back now for the others' concessions (0 for none)."""
    moves = [m for n, m in _movement(table).values() if n]
    if not moves:
        return 0.0
    gained = sum(moves) / len(moves)
    return (1.0 - 0.5 * min(1.0, max(0.0, table.personality.hardline))) * gained


def stonewalled(table: Table) -> bool:
    """Some delegation at the table has given us nothing for what we gave: it has made no
    offer, or never moved, while we came down past the free first step."""
    moves = _movement(table)
    if not moves:
        return False
    given = own_concession(table)
    return given > _FREE_STEP and any(m < 0.01 for _, m in moves.values())
