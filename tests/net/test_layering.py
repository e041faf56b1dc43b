"""game.net sits above the session and below the front ends (DESIGN.md's diagram)."""

from __future__ import annotations

from tests.test_architecture import _violations

BELOW = ("game.engine", "game.session", "game.errors", "game.net")


def test_net_imports_only_the_layers_below_it() -> None:
    """No pygame, no screens, no terminal, no CLI: those import the network, never the reverse."""
    assert _violations("net", BELOW, {"pygame", "pydantic", "yaml"}) == []
