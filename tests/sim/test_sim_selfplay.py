"""Self-play: games end, the report counts what happened, and a seed fixes the report."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

import pytest

from game.engine import Accept, Action, ActorView, Pass, Propose
from game.engine.model import Scenario
from game.session import (
    Decision,
    Seat,
    SeatKind,
    Session,
    register_agent_factory,
    unregister_agent_factory,
)
from game.sim import TIMING_KEYS, play_game, simulate, text
from game.sim.report import total_turns
from tests.analysis.builders import prefs, two_party
from tests.engine.fixtures import small_scenario

RANDOM = Seat(SeatKind.RANDOM)
AI = Seat(SeatKind.AI)


def seats_of(scenario: Scenario, seat: Seat) -> dict[str, Seat]:
    return {a.id: seat for a in scenario.playable}


def without_timings(report: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in report.items() if k not in TIMING_KEYS}


class _Loaded:
    """The little a session needs of a loaded scenario."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.content_hash = "test"
        self.path = None


def test_a_simulated_game_is_the_game_a_session_plays() -> None:
    scenario = small_scenario()
    seats = seats_of(scenario, RANDOM)
    for seed in range(5):
        stats = play_game(scenario, seats, seed)
        session = Session(_Loaded(scenario), seed, seats, autosave=False)  # type: ignore[arg-type]
        session.run_until_human()
        assert session.is_over
        assert stats.actions == len(session.log)
        assert stats.binding == session.state.binding
        result = session.state.outcome_result
        assert result is not None
        assert stats.outcome == result.label


def test_report_has_the_promised_keys_and_consistent_numbers() -> None:
    scenario = small_scenario()
    report = simulate(scenario, seats_of(scenario, RANDOM), games=60, seed=3, jobs=1)
    assert report["games"] == 60
    assert sum(report["outcomes"].values()) == 60
    assert set(report["mean_scores"]) == set(scenario.preferences)
    assert set(report["agreement_rate"]) == {i.id for i in scenario.issues}
    assert all(0.0 <= r <= 1.0 for r in report["agreement_rate"].values())
    assert len(report["tension_curve"]) == total_turns(scenario) + 1
    assert report["tension_curve"][0] == scenario.trackers.tension
    assert report["games_per_second"] > 0
    # Per core, by the CPU time the games took: what one core gives on any machine load.
    assert report["cpu_seconds"] > 0
    assert report["games_per_cpu_second"] > 0
    assert report["mean_length"] > 0
    assert "Outcomes:" in text(report)
    assert "per core, by CPU time" in text(report)


def test_same_seed_same_report_whatever_the_number_of_processes() -> None:
    scenario = small_scenario()
    seats = seats_of(scenario, RANDOM)
    one = simulate(scenario, seats, games=120, seed=11, jobs=1)
    two = simulate(scenario, seats, games=120, seed=11, jobs=2)
    again = simulate(scenario, seats, games=120, seed=11, jobs=3)
    assert without_timings(one) == without_timings(two) == without_timings(again)
    other = simulate(scenario, seats, games=120, seed=12, jobs=1)
    assert without_timings(other) != without_timings(one)


def test_ai_seats_play_to_the_end_and_are_deterministic() -> None:
    scenario = small_scenario()
    seats = seats_of(scenario, AI)
    one = simulate(scenario, seats, games=20, seed=1, jobs=1)
    two = simulate(scenario, seats, games=20, seed=1, jobs=2)
    assert without_timings(one) == without_timings(two)


class _Pushover:
    """Proposes one term to everyone and accepts whatever is on the table."""

    def __init__(self, actor: str, term: tuple[str, str]) -> None:
        self.actor = actor
        self.term = term

    def decide(self, view: ActorView, legal: Sequence[Action]) -> Decision:
        del view
        for action in legal:
            if isinstance(action, Accept):
                return Decision(action)
        wanted = Propose(self.actor, (self.term,))
        if wanted in legal:
            return Decision(wanted)
        return Decision(Pass(self.actor))


@pytest.fixture
def pushovers() -> Iterator[None]:
    register_agent_factory("ai", lambda _s, actor, _d, _seed: _Pushover(actor, ("x", "high")))
    yield
    unregister_agent_factory("ai")


@pytest.mark.usefixtures("pushovers")
def test_red_lines_tested_and_crossed_are_counted() -> None:
    base = two_party(0.3, 0.3)
    b = base.preferences["b"]
    lined = prefs("b", {"x": 1, "y": 3}, b.values, 0.3, red_lines={"x": ["high"]})
    scenario = replace(base, preferences={**base.preferences, "b": lined})
    report = simulate(scenario, seats_of(scenario, AI), games=10, seed=0, jobs=1)
    line = report["red_lines"]["b-x"]
    assert line["crossed"] == 1.0  # a proposes x=high, b gives in every time
    # Exactly once a game: a's proposal tests it; b's own proposals of x=high do not, and
    # once x binds nobody can propose it again.
    assert line["tested"] == 1.0
    assert report["agreement_rate"]["x"] == 1.0
    assert report["agreed_options"]["x=high"] == 1.0


def test_sim_counts_red_lines_as_the_engine_judges_them() -> None:
    """Crossed and tested in a self-played game are the engine's own answers."""
    from game import engine
    from game.session.agents import make_agent

    scenario = small_scenario()
    seats = seats_of(scenario, RANDOM)
    for seed in range(5):
        game = play_game(scenario, seats, seed)
        state = engine.new_game(scenario, seed)
        agents = {a: make_agent(scenario, a, seats[a], seed) for a in seats}
        while not state.over:
            mover = engine.to_move(state)
            legal = engine.legal_actions(state, mover)
            state, _ = engine.apply(
                state, agents[mover].decide(engine.view(state, mover), legal).action
            )
        crossed = [line for s in engine.scores(state).values() for line in s.red_lines_crossed]
        tested = engine.red_lines_tested(state)
        assert sorted(game.crossed) == sorted(crossed)
        assert sorted(game.tested) == sorted(
            line for line, numbers in tested.items() for _ in numbers
        )


def test_balance_verdict_follows_the_outcome_shares() -> None:
    from collections import Counter

    from game.sim.report import Tally, report

    scenario = small_scenario()
    labels = [o.label for o in scenario.outcomes]
    tally = Tally(games=10, outcomes=Counter({labels[0]: 8, labels[1]: 2}))
    rep = report(scenario, tally, seed=0, seats="", seconds=1.0, jobs=1)
    assert rep["outcomes"][labels[-1]] == 0  # unreached labels are listed, with zero
    assert rep["balance"] == {"labels_reached": 2, "top_share": 0.8, "balanced": False}
    assert len(labels) >= 3  # the fixture has room for a balanced spread
    tally = Tally(games=10, outcomes=Counter({labels[0]: 4, labels[1]: 3, labels[2]: 3}))
    rep = report(scenario, tally, seed=0, seats="", seconds=1.0, jobs=1)
    assert rep["balance"]["balanced"] is True


def test_final_terms_are_measured_against_frontier_and_nash_point() -> None:
    import math

    from game.sim.report import Yardstick

    yardstick = Yardstick.of(two_party(0.6, 0.6))
    assert yardstick.measure({"a": 0.75, "b": 0.75}) == (0.0, 0.0, True)  # the log-roll
    pareto, nash, rational = yardstick.measure({"a": 0.5, "b": 0.5})  # split the difference
    assert pareto > 0.0
    assert math.isclose(nash, math.dist((0.5, 0.5), (0.75, 0.75)))
    assert rational is False


def test_report_carries_efficiency() -> None:
    scenario = small_scenario()
    report = simulate(scenario, seats_of(scenario, AI), games=10, seed=2, jobs=1)
    eff = report["efficiency"]
    assert set(eff) == {"pareto_distance", "nash_distance", "above_reservation"}
    assert eff["pareto_distance"] >= 0.0
    assert 0.0 <= eff["above_reservation"] <= 1.0
