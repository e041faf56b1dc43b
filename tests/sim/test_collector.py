"""The collector's setting for a run of games is the run's alone (game.sim.collector)."""

from __future__ import annotations

import gc
import weakref

from game.sim.collector import YOUNG, many_games


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_the_thresholds_and_frozen_objects_are_the_callers_again_after_the_run() -> None:
    gc.unfreeze()
    before = gc.get_threshold()
    with many_games():
        assert gc.get_threshold()[0] == YOUNG
        assert gc.get_freeze_count() > 0  # what existed at the start is left out of walks
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_objects_someone_else_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with many_games():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_cycles_made_during_the_run_are_still_collected() -> None:
    with many_games():
        node = _Node()
        gone = weakref.ref(node)
        del node
        gc.collect()
        assert gone() is None
