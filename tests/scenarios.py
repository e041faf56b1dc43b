"""Bundled scenarios, loaded once per test run.

Loading and checking Geneva costs about 60 ms of CPU; hundreds of tests only need
the result, which is immutable (frozen dataclasses), so they share one.  Tests of
loading itself call ``game.scenario.load_scenario``.
"""

from __future__ import annotations

import functools

from game.scenario import LoadedScenario, load_scenario


@functools.cache
def bundled(scenario_id: str) -> LoadedScenario:
    """The bundled scenario ``scenario_id``, loaded on first use and shared after."""
    return load_scenario(scenario_id)
