"""Ids into the scenario's own words (names, labels), shared by the debrief and the briefings.

The lookups go through the engine's per-scenario tables (built once), not scans of the model.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.engine.actions import FACILITATOR
from game.engine.model import Scenario
from game.engine.tables import tables_for


def actor_name(scenario: Scenario, actor: str) -> str:
    """The actor's name; the facilitator and unknown ids (a free quote speaker) as given."""
    if actor == FACILITATOR:
        return "Facilitator"
    index = tables_for(scenario).actor_index.get(actor)
    return actor if index is None else scenario.actors[index].name


def short_name(scenario: Scenario, actor: str) -> str:
    found = tables_for(scenario).name.get(actor)
    return actor_name(scenario, actor) if found is None else found


def names(scenario: Scenario, actors: Iterable[str]) -> str:
    return ", ".join(short_name(scenario, a) for a in actors)


def issue_name(scenario: Scenario, issue: str) -> str:
    found = tables_for(scenario).issue.get(issue)
    return issue if found is None else found.name


def option_label(scenario: Scenario, issue: str, option: str) -> str:
    return tables_for(scenario).option_label.get((issue, option), option)


def terms_words(scenario: Scenario, terms: Iterable[tuple[str, str]]) -> str:
    """``Issue name: option label; ...`` for a package of terms."""
    return "; ".join(f"{issue_name(scenario, i)}: {option_label(scenario, i, o)}" for i, o in terms)


def lever_name(scenario: Scenario, lever: str) -> str:
    found = tables_for(scenario).lever.get(lever)
    return lever if found is None else found.name


def value_words(value: float) -> str:
    """An option's value to an actor (0..1) in words, for briefings that avoid numbers."""
    if value >= 0.95:
        return "ideal"
    if value >= 0.7:
        return "good"
    if value >= 0.45:
        return "acceptable"
    if value >= 0.2:
        return "poor"
    return "unacceptable in substance"


def percent(weight: float) -> str:
    return f"{weight * 100:.0f}%"


ENDINGS = {
    "rounds": "the week ran its course",
    "escalation": "the crisis escalated",
    "facilitator": "the facilitator ended the game",
}


def signed(value: float) -> str:
    """``+0.25`` / ``-0.50``; a zero is ``+0.00``, never ``-0.00``."""
    return f"{round(value, 2) + 0.0:+.2f}"
