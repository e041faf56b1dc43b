"""The time-dependent aspiration level: how much a delegate still insists on, moment by moment.

Faratin, Sierra and Jennings' time-dependent tactics:
``target(t) = best - (best - floor) * t ** (1 / e)``.  With ``e < 1`` the
delegate holds out until late (Boulware, a hard-liner); with ``e > 1`` it
concedes early (Conceder, a pragmatist).  ``personality.hardline`` sets ``e``;
``patience`` bends the clock (a patient delegate feels less time pressure).
"""

from __future__ import annotations

from game.engine.model import Personality

# Hard-line 1.0 gives e = 0.2 (concede almost only at the deadline); 0.0 gives
# e = 5 (concede most of the way at once); 0.5 is linear.
_E_RANGE = 5.0


def concession_exponent(personality: Personality) -> float:
    """``e`` of the concession curve from how hard-line the actor is."""
    hardline = min(1.0, max(0.0, personality.hardline))
    return float(_E_RANGE ** (1.0 - 2.0 * hardline))


def felt_time(t: float, personality: Personality) -> float:
    """The share of the time elapsed as the delegate feels it: patience slows the clock."""
    t = min(1.0, max(0.0, t))
    patience = min(1.0, max(0.0, personality.patience))
    return float(t ** (0.6 + 0.8 * patience))


def target(best: float, floor: float, t: float, personality: Personality) -> float:
    """The utility the delegate insists on at time ``t`` in [0, 1] (never below ``floor``)."""
    if floor >= best:
        return floor
    e = concession_exponent(personality)
    return float(best - (best - floor) * felt_time(t, personality) ** (1.0 / e))
