"""Scenario files: the YAML format, its validation with located errors, and loading.

Public API: ``load_scenario(path_or_id) -> LoadedScenario`` (``.scenario`` is the
engine's model, ``.document`` the validated file, ``.content_hash`` for saves),
``load_bytes`` for files held in memory, and ``ScenarioError`` listing every
mistake as ``FILE:LINE:COL: path: message``.
"""

from __future__ import annotations

from game.scenario.errors import Located, ScenarioError
from game.scenario.loader import LoadedScenario, load_bytes, load_scenario, resolve

__all__ = ["LoadedScenario", "Located", "ScenarioError", "load_bytes", "load_scenario", "resolve"]
