"""The analysis never fails on any valid scenario, and its findings name real elements."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from game.analysis import Severity, findings, nash_point, pareto_frontier, zopa
from game.engine.model import Scenario
from tests.engine.fixtures import generated_scenario, small_scenario
from tests.examples import examples


def element_ids(s: Scenario) -> set[str]:
    ids = {a.id for a in s.actors} | {i.id for i in s.issues} | {r.id for r in s.rounds}
    ids |= {o.id for o in s.outcomes} | {e.id for e in s.events}
    ids |= {o.id for i in s.issues for o in i.options}
    for prefs in s.preferences.values():
        ids |= {line.id for line in prefs.red_lines} | {o.id for o in prefs.objectives}
    return ids


@settings(max_examples=examples(25), deadline=None)
@given(
    st.integers(1, 8), st.integers(2, 5), st.integers(2, 5), st.integers(0, 10_000),
    st.floats(0.0, 1.0),
)  # fmt: skip
def test_findings_on_generated_scenarios(
    n_issues: int, n_options: int, n_actors: int, seed: int, reservation: float
) -> None:
    base = generated_scenario(n_issues, n_options, n_actors, seed)
    s = replace(
        base,
        preferences={a: replace(p, reservation=reservation) for a, p in base.preferences.items()},
    )
    found = findings(s)
    ids = element_ids(s)
    for f in found:
        assert f.severity in Severity
        assert f.message
        assert set(f.subjects) <= ids, f
    z = zopa(s)
    assert z.exists is not None or not z.exact
    if z.exists:
        assert nash_point(s) is not None
    assert pareto_frontier(s).points


def test_no_playable_actor_with_preferences_is_not_a_crash() -> None:
    s = small_scenario()
    s = replace(s, actors=tuple(replace(a, playable=False) for a in s.actors))
    assert nash_point(s) is None
    findings(s)
