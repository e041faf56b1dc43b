"""The scenarios the benchmarks play besides the bundled one load, and the AI plays them."""

from __future__ import annotations

from pathlib import Path

from game import engine
from game.scenario import load_scenario
from tests.ai.helpers import play

SCENARIOS = Path(__file__).resolve().parent.parent / "benchmarks" / "scenarios"


def test_every_benchmark_scenario_loads_and_an_all_ai_week_ends() -> None:
    files = sorted(SCENARIOS.glob("*.yaml"))
    assert files
    for path in files:
        scenario = load_scenario(str(path)).scenario
        state = play(scenario, 1).state
        assert engine.is_over(state)
