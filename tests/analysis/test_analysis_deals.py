"""ZOPA, Pareto frontier and Nash point, checked against brute force on small scenarios."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.analysis import nash_point, pareto_frontier, utilities, zopa
from game.engine import utility
from game.engine.model import Scenario
from tests.analysis.builders import (
    actor,
    issue,
    prefs,
    random_scenario,
    scenario,
    table,
    two_party,
    with_reservations,
)
from tests.examples import examples


def brute_force(s: Scenario) -> list[tuple[dict[str, str], tuple[float, ...]]]:
    """Every package crossing no playable actor's red line, with the engine's utilities."""
    actors = [a.id for a in s.playable]
    blocked = {
        (line.issue, o) for a in actors for line in s.preferences[a].red_lines for o in line.options
    }
    per_issue = []
    for i in s.issues:
        allowed: list[str | None] = [o.id for o in i.options if (i.id, o.id) not in blocked]
        if i.status_quo not in allowed:
            allowed.append(None)
        per_issue.append([(i.id, c) for c in allowed])
    out = []
    for combo in itertools.product(*per_issue):
        package = {i: c for i, c in combo if c is not None}
        out.append((package, tuple(utility(s, a, package) for a in actors)))
    return out


def reservations(s: Scenario) -> tuple[float, ...]:
    return tuple(s.preferences[a.id].reservation for a in s.playable)


def crosses_red_line(s: Scenario, package: dict[str, str]) -> bool:
    return any(
        package.get(line.issue) in line.options
        for p in s.preferences.values()
        for line in p.red_lines
    )


def test_zopa_found_with_an_example_that_clears_every_reservation() -> None:
    s = two_party(0.6, 0.6)
    found = zopa(s)
    assert found.exists is True
    assert found.exact
    assert found.package is not None
    assert not crosses_red_line(s, found.package)
    for a, u in utilities(s, found.package).items():
        assert u >= s.preferences[a].reservation
        assert math.isclose(found.utilities[a], u)
    # Log-rolling is the only way there: each gets its heavy issue.
    assert found.package == {"x": "high", "y": "low"}


def test_no_zopa_when_reservations_are_too_high() -> None:
    found = zopa(two_party(0.8, 0.8))
    assert found.exists is False
    assert found.exact
    assert found.package is None


def test_a_red_line_can_close_the_zopa() -> None:
    base = two_party(0.6, 0.6)
    b = base.preferences["b"]
    lined = prefs(
        "b", {"x": 1, "y": 3}, b.values, 0.6, red_lines={"x": ["high"]}
    )  # b refuses to give a its heavy issue
    s = replace(base, preferences={**base.preferences, "b": lined})
    assert zopa(s).exists is False
    assert zopa(with_reservations(s, 0.3)).exists is True


def test_analysis_utility_is_the_engines() -> None:
    s = random_scenario(5, 3, 3, seed=4)
    for package, _ in brute_force(s)[:50]:
        ours = utilities(s, package)
        for a in ours:
            assert math.isclose(ours[a], utility(s, a, package), abs_tol=1e-12)


@st.composite
def small_scenarios(draw: st.DrawFn) -> Scenario:
    n_issues = draw(st.integers(1, 4))
    n_options = draw(st.integers(2, 3))
    n_actors = draw(st.integers(2, 3))
    seed = draw(st.integers(0, 10_000))
    reservation = draw(st.floats(0.2, 0.8))
    base = random_scenario(n_issues, n_options, n_actors, seed, red_line_rate=0.4)
    return with_reservations(base, round(reservation, 3))


@settings(max_examples=examples(60), deadline=None)
@given(small_scenarios())
def test_zopa_matches_brute_force(s: Scenario) -> None:
    floor = reservations(s)
    expected = any(
        all(u >= r - 1e-9 for u, r in zip(us, floor, strict=True)) for _, us in brute_force(s)
    )
    found = zopa(s)
    assert found.exact
    assert found.exists is expected


@settings(max_examples=examples(60), deadline=None)
@given(small_scenarios())
def test_nash_point_matches_brute_force(s: Scenario) -> None:
    floor = reservations(s)
    best = 0.0
    for _, us in brute_force(s):
        slack = [u - r for u, r in zip(us, floor, strict=True)]
        if min(slack) >= -1e-9:
            best = max(best, math.prod(max(x, 0.0) for x in slack))
    found = nash_point(s)
    if found is None:
        assert zopa(s).exists is False
        return
    assert found.exact
    assert math.isclose(found.product, best, rel_tol=1e-6, abs_tol=1e-12)
    assert not crosses_red_line(s, found.package)


@settings(max_examples=examples(60), deadline=None)
@given(small_scenarios())
def test_pareto_frontier_matches_brute_force(s: Scenario) -> None:
    points = [us for _, us in brute_force(s)]

    def dominated(p: tuple[float, ...]) -> bool:
        return any(
            all(x >= y - 1e-9 for x, y in zip(q, p, strict=True))
            and any(x > y + 1e-9 for x, y in zip(q, p, strict=True))
            for q in points
        )

    expected = {tuple(round(x, 6) for x in p) for p in points if not dominated(p)}
    front = pareto_frontier(s)
    assert front.exact
    assert {tuple(round(x, 6) for x in p.utilities) for p in front.points} == expected
    for p in points:
        assert front.is_optimal(p) is (not dominated(p))
        if dominated(p):
            assert front.distance(p) > 0.0
            assert front.gain(p) >= 0.0
        else:
            assert front.distance(p) < 1e-9
    for point in front.points:
        assert not crosses_red_line(s, dict(point.package))
        again = utilities(s, point.package, front.actors).values()
        assert all(math.isclose(x, y) for x, y in zip(point.utilities, again, strict=True))


def test_frontier_measures_a_dominated_deal() -> None:
    s = two_party(0.0, 0.0)
    front = pareto_frontier(s)
    middle = utilities(s, {"x": "mid", "y": "mid"})  # 0.5 each; the log-roll gives 0.75 each
    assert not front.is_optimal(middle)
    assert math.isclose(front.gain(middle), 0.25)
    assert front.distance(middle) > 0.0
    assert front.is_optimal(utilities(s, {"x": "high", "y": "low"}))


def test_large_space_is_answered_exactly_without_enumeration() -> None:
    """12 issues x 5 options x 5 actors: about 244 million packages, decided by bounds."""
    for seed in range(3):
        for level in (0.4, 0.6, 0.65, 0.7):
            s = with_reservations(random_scenario(12, 5, 5, seed, red_line_rate=0), level)
            found = zopa(s)
            assert found.exact, (seed, level, found.method)
            assert found.space_size > 10**8
            if found.exists:
                assert found.package is not None
                clear = utilities(s, found.package)
                assert all(u >= level - 1e-9 for u in clear.values())


def test_nash_point_on_large_space_clears_reservations() -> None:
    s = with_reservations(random_scenario(12, 5, 5, seed=1), 0.55)
    found = nash_point(s)
    assert found is not None
    assert all(u > 0.55 for u in found.utilities.values())
    assert math.isclose(found.product, math.prod(u - 0.55 for u in found.utilities.values()))


def test_actors_subset_and_unsettleable_issue() -> None:
    # Issue z needs c's consent but c never sits at the table: z stays at its status quo.
    s = scenario(
        [actor("a"), actor("b"), actor("c")],
        [
            issue("x", ["lo", "hi"], consent=["a", "b"]),
            issue("z", ["lo", "hi"], consent=["a", "c"]),
        ],
        [
            prefs("a", {"x": 1, "z": 1}, {"x": {"lo": 0, "hi": 1}, "z": {"lo": 0, "hi": 1}}, 0.2),
            prefs("b", {"x": 1}, {"x": {"lo": 1, "hi": 0.5}}, 0.2),
            prefs("c", {"z": 1}, {"z": {"lo": 0, "hi": 1}}, 0.0),
        ],
        rounds=[table("t", ["a", "b"], ["x", "z"])],
    )
    found = nash_point(s, ["a", "b"])
    assert found is not None
    assert "z" not in found.package
    assert found.package == {"x": "hi"}


@pytest.mark.slow  # a search of a huge deal space
def test_frontier_of_a_huge_space_is_approximate_but_undominated() -> None:
    s = random_scenario(12, 5, 5, seed=2, red_line_rate=0)
    front = pareto_frontier(s)
    assert not front.exact  # five actors, 244 million packages: sampled, and says so
    assert front.points
    vectors = [p.utilities for p in front.points]
    for p in front.points:
        assert front.is_optimal(p.utilities)
        again = utilities(s, p.package, front.actors).values()
        assert all(math.isclose(x, y) for x, y in zip(p.utilities, again, strict=True))
    assert len(set(vectors)) == len(vectors)


def test_frontier_of_a_classroom_scenario_is_exact() -> None:
    s = random_scenario(8, 4, 3, seed=5)
    front = pareto_frontier(s)
    assert front.exact
    nash = nash_point(s)
    if nash is not None:  # the Nash point lies on the frontier
        assert front.distance(nash.utilities) < 1e-9


def test_spent_budget_is_labelled_and_never_a_false_proof() -> None:
    """With its node budget spent the search says so; a local-search witness still counts."""
    undecided = with_reservations(random_scenario(12, 5, 5, 4, red_line_rate=0.2), 0.62)
    found = zopa(undecided, max_nodes=1)
    assert found.exists is None
    assert not found.exact
    assert "heuristic" in found.method
    assert zopa(undecided).exists is True  # with its budget the exact search finds one

    witnessed = with_reservations(random_scenario(12, 5, 5, 0, red_line_rate=0.2), 0.64)
    found = zopa(witnessed, max_nodes=1)
    assert found.exists is True
    assert "local search" in found.method
    assert found.package is not None
    assert all(u >= 0.64 - 1e-9 for u in utilities(witnessed, found.package).values())

    rough = nash_point(witnessed, max_nodes=3)
    exact = nash_point(witnessed)
    assert rough is not None
    assert exact is not None
    assert not rough.exact
    assert exact.exact
    assert rough.product <= exact.product + 1e-15
