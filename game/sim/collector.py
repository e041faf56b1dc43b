"""The cyclic garbage collector set for a run of many headless games, and set back after.

A game makes and drops hundreds of thousands of small tuples, dicts and snapshots and
almost no reference cycles (a few hundred objects in a hundred games), yet with the
interpreter's default thresholds the collector runs every 700 allocations and walks
everything alive, the scenario and every module included, on each full sweep: about a
tenth of an all-AI game's CPU time.  For the run, what exists when it starts (the
scenario, the modules) is frozen out of the collector's walks and the youngest
generation is collected every ``YOUNG`` allocations instead; cycles are still
collected, later.  Nothing a game decides depends on when the collector runs.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG = 20_000  # allocations between collections of the youngest generation (default 700)
OLDER = 20  # collections of a generation between collections of the next (default 10)


@contextmanager
def many_games() -> Iterator[None]:
    """Within the block, the collector is set for many games in a row; after it, the
    thresholds are the caller's again and what was frozen is walked again."""
    was = gc.get_threshold()
    # Someone else froze objects (the table screen does): theirs to unfreeze, not ours.
    ours = gc.get_freeze_count() == 0
    if ours:
        gc.freeze()
    gc.set_threshold(YOUNG, OLDER, OLDER)
    try:
        yield
    finally:
        gc.set_threshold(*was)
        if ours:
            gc.unfreeze()
