"""Hidden types: the scenario a game is played on, with one type drawn per actor.

An actor's preferences may list ``variants`` (hidden types, each with a chance).  At a
game's start each such actor gets one, drawn from the game's seed, or its preferences as
written with the chance left over.  The game's scenario is then the written one with the
drawn preferences (and the type's briefing added to the actor's): everything downstream —
rules, scores, views, the AI — reads the one scenario, and a delegation's view shows its
own type only.  The draw has its own generator, so a scenario without types plays
exactly as before, and the same seed draws the same types (saves replay).
"""

from __future__ import annotations

import dataclasses
import random

from game.engine.model import Actor, Preferences, Scenario

# (id of the written scenario, the types drawn) -> the game's scenario: the same object
# for every game that draws the same, so the engine's per-scenario tables are built once.
_DEALT: dict[tuple[int, tuple[str, ...]], tuple[Scenario, Scenario]] = {}


def draw(scenario: Scenario, seed: int) -> tuple[str, ...]:
    """The type drawn for each actor with types, in the scenario's actor order ("" for
    the preferences as written)."""
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
    """The scenario of the game with ``seed``: ``scenario`` itself when no actor has types."""
    if not any(p.variants for p in scenario.preferences.values()):
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


def _deal(scenario: Scenario, choice: tuple[str, ...]) -> Scenario:
    picks = iter(choice)
    preferences: dict[str, Preferences] = {}
    briefings: dict[str, str] = {}
    for actor in scenario.actors:
        prefs = scenario.preferences.get(actor.id)
        if prefs is None:
            continue
        if not prefs.variants:
            preferences[actor.id] = prefs
            continue
        chosen = next(picks)
        variant = next((v for v in prefs.variants if v.id == chosen), None)
        if variant is None:
            preferences[actor.id] = prefs
            continue
        preferences[actor.id] = dataclasses.replace(
            variant.preferences, variants=prefs.variants, variant=variant.id
        )
        if variant.briefing.strip():
            briefings[actor.id] = variant.briefing
    # Keep the scenario's own order of preferences (it is the order of the score table).
    preferences = {a: preferences[a] for a in scenario.preferences}
    actors = tuple(_briefed(a, briefings.get(a.id, "")) for a in scenario.actors)
    return dataclasses.replace(scenario, preferences=preferences, actors=actors)


def _briefed(actor: Actor, extra: str) -> Actor:
    if not extra.strip():
        return actor
    text = f"{actor.briefing.rstrip()}\n\n{extra.strip()}" if actor.briefing.strip() else extra
    return dataclasses.replace(actor, briefing=text)


def variant_of(scenario: Scenario, actor: str) -> tuple[str, str] | None:
    """(id, name) of the type ``actor`` plays in a game's scenario; ("", "") for its
    preferences as written; None when it has no types."""
    prefs = scenario.preferences.get(actor)
    if prefs is None or not prefs.variants:
        return None
    found = next((v for v in prefs.variants if v.id == prefs.variant), None)
    return ("", "") if found is None else (found.id, found.name)
