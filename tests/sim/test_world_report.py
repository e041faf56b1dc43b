"""simulate's report counts what the format-2 world did (issue 10): how each war came about
(chosen by a lever that escalates, or at the threshold with or without a lever carried
out), agreements broken (R25) or withdrawn (R39), terms ratified (R29), allies bypassed."""

from __future__ import annotations

import dataclasses

from game.engine.model import Scenario
from game.sim.play import (
    BREACHES,
    WAR_CHOSEN,
    WAR_NO_LEVER,
    WITHDRAWALS,
    WORLD_EVENTS,
    world_of,
)
from game.sim.report import Tally, report, text
from tests.engine.helpers import quiet, run, start


def _lever(sc: Scenario, lever_id: str, **changes: object) -> Scenario:
    levers = tuple(
        dataclasses.replace(lv, **changes) if lv.id == lever_id else lv for lv in sc.levers
    )
    return dataclasses.replace(sc, levers=levers)


def test_a_war_chosen_by_a_lever_is_told_from_one_by_dice() -> None:
    sc = _lever(quiet(), "troops", escalates=True)
    state = run(start(sc), "aster pass", "boreal carry-out troops")
    assert dict(world_of(state)) == {WAR_CHOSEN: 1}
    hot = dataclasses.replace(sc, trackers=dataclasses.replace(sc.trackers, tension=99.0))
    state = run(start(hot), 'aster say hostile "no"')
    assert state.over
    assert dict(world_of(state)) == {WAR_NO_LEVER: 1}


def test_breaches_and_withdrawals_are_counted_apart() -> None:
    sc = _lever(
        quiet(),
        "troops",
        breaks={"border": frozenset({"monitored"}), "alliance": frozenset({"moratorium"})},
    )
    state = run(
        start(sc),
        "aster propose border=monitored,alliance=moratorium",
        "boreal accept 1",
        "aster pass",
        "boreal carry-out troops",
    )
    world = dict(world_of(state))
    assert world[BREACHES] == 1
    assert world[WITHDRAWALS] == 1


def test_the_report_has_every_world_key_and_says_how_wars_began() -> None:
    sc = _lever(quiet(), "troops", escalates=True)
    state = run(start(sc), "aster pass", "boreal carry-out troops")
    from game.engine.termination import Termination
    from game.sim.play import GameStats

    game = GameStats(
        seed=1,
        outcome="War",
        outcome_id="war",
        ended_by=Termination.ESCALATION,
        binding=(),
        scores=(),
        utilities=(),
        crossed=(),
        tested=(),
        tension=(50.0,),
        actions=2,
        world=world_of(state),
    )
    tally = Tally()
    tally.add(game, turns=1)
    rep = report(sc, tally, seed=1, seats="x", seconds=1.0, jobs=1)
    assert list(rep["world"]) == list(WORLD_EVENTS)
    assert rep["world"][WAR_CHOSEN] == 1
    assert "escalations 1: 1 chosen by a lever that escalates" in text(rep)
