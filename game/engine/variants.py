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
    return any(p.variants for p in scenario.preferences.values())


def draw(scenario: Scenario, seed: int) -> tuple[str, ...]:
    """The type drawn for each actor with types, in the scenario's actor order ("" for
    the preferences as written); a game's scenario tells the types it was dealt."""
    if scenario.drawn is not None:
        return scenario.drawn
    rng = random.Random(f"redlines-variants:{seed}")
    drawn: list[str] = []
    for actor in scenario.actors:
        prefs = scenario.preferences.get(actor.id)
        if prefs is None or not prefs.variants:
            continue
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
    made = _deal(scenario, choice)
    _DEALT[key] = (scenario, made)
    return made


def combinations(scenario: Scenario, limit: int = 256) -> list[tuple[tuple[str, ...], float]]:
    """Every set of types a game may draw, with its probability, most likely first (at
    most ``limit`` of them): for an author's analysis of each."""
    sets: list[tuple[tuple[str, ...], float]] = [((), 1.0)]
    for actor in scenario.actors:
        prefs = scenario.preferences.get(actor.id)
        if prefs is None or not prefs.variants:
            continue
        rest = max(0.0, 1.0 - sum(v.chance for v in prefs.variants))
        kinds = [(v.id, v.chance) for v in prefs.variants] + ([("", rest)] if rest > 1e-12 else [])
        sets = [((*s, k), p * c) for s, p in sets for k, c in kinds]
        sets.sort(key=lambda sp: -sp[1])
        del sets[limit:]
    return sets


def deal_as(scenario: Scenario, choice: tuple[str, ...]) -> Scenario:
    """The game's scenario for the types ``choice`` (as ``draw`` gives them)."""
    return _deal(scenario, choice)


def _deal(scenario: Scenario, choice: tuple[str, ...]) -> Scenario:
    picks = iter(choice)
    preferences: dict[str, Preferences] = {}
    for actor in scenario.actors:
        prefs = scenario.preferences.get(actor.id)
        if prefs is None:
            continue
        if not prefs.variants:
            preferences[actor.id] = prefs
            continue
        chosen = next(picks)
        variant = next((v for v in prefs.variants if v.id == chosen), None)
        preferences[actor.id] = (
            prefs
            if variant is None
            else dataclasses.replace(variant.preferences, variants=prefs.variants, variant=chosen)
        )
    # Keep the scenario's own order of preferences (it is the order of the score table).
    preferences = {a: preferences[a] for a in scenario.preferences}
    return dataclasses.replace(scenario, preferences=preferences, drawn=choice)


def variant_of(scenario: Scenario, actor: str) -> tuple[str, str] | None:
    """(id, name) of the type ``actor`` plays in a game's scenario; ("", "") for its
    preferences as written; None when it has no types."""
    found = drawn_variant(scenario.preferences.get(actor))
    if found is None:
        prefs = scenario.preferences.get(actor)
        return None if prefs is None or not prefs.variants else ("", "")
    return found.id, found.name


def drawn_variant(prefs: Preferences | None) -> Variant | None:
    """The type these preferences are (None: as written, or no types)."""
    if prefs is None or not prefs.variant:
        return None
    return next((v for v in prefs.variants if v.id == prefs.variant), None)
