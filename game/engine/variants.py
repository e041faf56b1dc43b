"""Hidden types: the scenario a game is played on, with one type drawn per actor.

An actor's preferences may list ``variants`` (hidden types, each with a chance).  At a
game's start each such actor gets one, drawn from the game's seed, or its preferences as
written with the chance left over.  The game's scenario is then the written one with the
drawn preferences: everything downstream — rules, scores, views, the AI — reads the one
scenario, and a delegation's view shows its own type only (its name and its briefing as
the view's ``instructions``).  The draw has its own generator, so a scenario without types plays
exactly as before, and the same seed draws the same types (saves replay).
"""

from __future__ import annotations

import dataclasses
import random

from game.engine.model import Preferences, Scenario, Variant

# (id of the written scenario, the types drawn) -> the game's scenario: the same object
# for every game that draws the same, so the engine's per-scenario tables are built once.
_DEALT: dict[tuple[int, tuple[str, ...]], tuple[Scenario, Scenario]] = {}


def has_types(scenario: Scenario) -> bool:
    """Whether some actor of ``scenario`` has hidden types: then the game's seed tells them
    (``redlines briefings --seed``), so a shared screen does not show it before the end."""
    return bool(typed(scenario))


def typed(scenario: Scenario) -> list[Preferences]:
    """The preferences of the actors that have hidden types, in actor order: the order of
    a draw's types."""
    found = (scenario.preferences.get(a.id) for a in scenario.actors)
    return [p for p in found if p is not None and p.variants]


def written_chance(prefs: Preferences) -> float:
    """The chance of an actor playing its preferences as written: what its types leave."""
    return max(0.0, 1.0 - sum(v.chance for v in prefs.variants))


def draw(scenario: Scenario, seed: int) -> tuple[str, ...]:
    """The type drawn for each actor with types, in the scenario's actor order ("" for
    the preferences as written); a game's scenario tells the types it was dealt."""
    if scenario.drawn is not None:
        return scenario.drawn
    rng = random.Random(f"redlines-variants:{seed}")
    drawn: list[str] = []
    for prefs in typed(scenario):
        roll, chosen = rng.random(), ""
        for variant in prefs.variants:
            roll -= variant.chance
            if roll < 0:
                chosen = variant.id
                break
        drawn.append(chosen)
    return tuple(drawn)


def dealt(scenario: Scenario, seed: int) -> Scenario:
    """The scenario of the game with ``seed``: ``scenario`` itself when no actor has types,
    or when its types are drawn already (a game's scenario is never dealt again)."""
    if scenario.drawn is not None or not has_types(scenario):
        return scenario
    choice = draw(scenario, seed)
    key = (id(scenario), choice)
    found = _DEALT.get(key)
    if found is not None and found[0] is scenario:
        return found[1]
    if len(_DEALT) > 64:
        _DEALT.clear()
    made = deal_as(scenario, choice)
    _DEALT[key] = (scenario, made)
    return made


def combinations(scenario: Scenario, limit: int = 256) -> list[tuple[tuple[str, ...], float]]:
    """Every set of types a game may draw, with its probability, most likely first (at
    most ``limit`` of them): for an author's analysis of each."""
    sets: list[tuple[tuple[str, ...], float]] = [((), 1.0)]
    for prefs in typed(scenario):
        rest = written_chance(prefs)
        kinds = [(v.id, v.chance) for v in prefs.variants] + ([("", rest)] if rest > 1e-12 else [])
        sets = [((*s, k), p * c) for s, p in sets for k, c in kinds]
        sets.sort(key=lambda sp: -sp[1])
        del sets[limit:]
    return sets


def deal_as(scenario: Scenario, choice: tuple[str, ...]) -> Scenario:
    """The game's scenario for the types ``choice`` (as ``draw`` gives them)."""
    preferences = dict(scenario.preferences)  # keeps its order: the score table's
    for prefs, chosen in zip(typed(scenario), choice, strict=True):
        variant = next((v for v in prefs.variants if v.id == chosen), None)
        if variant is not None:
            preferences[prefs.actor] = dataclasses.replace(
                variant.preferences, variants=prefs.variants, variant=chosen
            )
    return dataclasses.replace(scenario, preferences=preferences, drawn=choice)


def variant_of(scenario: Scenario, actor: str) -> tuple[str, str] | None:
    """(id, name) of the type ``actor`` plays in a game's scenario; ("", "") for its
    preferences as written; None when it has no types."""
    prefs = scenario.preferences.get(actor)
    if prefs is None or not prefs.variants:
        return None
    found = drawn_variant(prefs)
    return ("", "") if found is None else (found.id, found.name)


def drawn_variant(prefs: Preferences | None) -> Variant | None:
    """The type these preferences are (None: as written, or no types)."""
    if prefs is None or not prefs.variant:
        return None
    return next((v for v in prefs.variants if v.id == prefs.variant), None)
