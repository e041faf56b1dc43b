"""The analysis's precomputed tables agree with the engine's own rules on every package."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from game import engine
from game.analysis.reach import consenting, movers
from game.analysis.space import build_space, red_lined, utilities
from game.engine.model import Scenario
from game.scenario import load_scenario
from tests.engine.fixtures import small_scenario
from tests.examples import examples

SCENARIOS: tuple[Scenario, ...] = (small_scenario(), load_scenario("geneva-2022").scenario)


@st.composite
def space_and_picks(draw: st.DrawFn) -> tuple[Scenario, tuple[int, ...]]:
    scenario = draw(st.sampled_from(SCENARIOS))
    space = build_space(scenario, guarded=())  # every option, red-lined or not
    picks = tuple(draw(st.integers(0, len(c) - 1)) for c in space.choices)
    return scenario, picks


@settings(max_examples=examples(200), deadline=None)
@given(space_and_picks())
def test_the_search_space_adds_up_to_the_engines_utility(
    case: tuple[Scenario, tuple[int, ...]],
) -> None:
    scenario, picks = case
    space = build_space(scenario, guarded=())
    package = space.package(picks)
    point = space.point(picks)
    for actor, value in zip(space.actors, point, strict=True):
        assert math.isclose(value, engine.utility(scenario, actor, package), abs_tol=1e-9)
        assert math.isclose(utilities(scenario, package)[actor], value, abs_tol=1e-9)


def test_red_lined_options_are_the_engines_red_lines() -> None:
    for scenario in SCENARIOS:
        actors = [a.id for a in scenario.playable]
        blocked = red_lined(scenario, actors)
        for issue in scenario.issues:
            for option in issue.options:
                crossing = any(
                    b.own
                    for actor in actors
                    for b in engine.explain_red_lines(scenario, {issue.id: option.id}, actor)
                )
                assert (option.id in blocked.get(issue.id, set())) == crossing


def test_consent_and_movers_are_the_engines() -> None:
    for scenario in SCENARIOS:
        playable = {a.id for a in scenario.playable}
        for issue in scenario.issues:
            assert consenting(scenario, issue.id) == engine.consenting(scenario, issue.id)
            assert set(consenting(scenario, issue.id)) <= playable
        for rnd in scenario.rounds:
            state_movers = movers(scenario, rnd.id)
            assert state_movers == engine.movers(scenario, rnd.id)
            assert [a for a in rnd.participants if a in playable] == list(state_movers)
