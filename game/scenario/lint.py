"""Warnings about a valid scenario that will probably play badly: the hook for richer checks.

A lint is a function ``(LoadedScenario) -> Iterable[Located]`` (use
``loaded.locate(path, message)`` to place a warning).  ``redlines validate``
prints every warning of every lint in ``LINTS`` and of the modules named in
``LINT_MODULES`` (imported on first use; such a module adds its functions with
``@register``).  Negotiation-aware checks (is any deal possible without
crossing a red line?) belong in such a module, next to ``redlines analyze``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from game.engine import queries
from game.scenario.errors import Located, sort_unique
from game.scenario.loader import LoadedScenario

Lint = Callable[[LoadedScenario], Iterable[Located]]

LINTS: list[Lint] = []
LINT_MODULES: tuple[str, ...] = ()  # e.g. ("game.analysis.lints",); imported lazily


def register(lint: Lint) -> Lint:
    """Add ``lint`` to the checks ``redlines validate`` runs (usable as a decorator)."""
    if lint not in LINTS:
        LINTS.append(lint)
    return lint


def warnings_for(loaded: LoadedScenario) -> list[Located]:
    """Every warning of every registered lint, sorted by position."""
    for name in LINT_MODULES:
        importlib.import_module(name)
    found: list[Located] = []
    for lint in LINTS:
        found.extend(lint(loaded))
    return sort_unique(found)


@register
def last_outcome_catches_all(loaded: LoadedScenario) -> Iterable[Located]:
    """The last outcome should hold always, or some end states get no label."""
    outcomes = loaded.scenario.outcomes
    last = outcomes[-1]
    if loaded.document.outcomes[-1].when.model_fields_set:
        yield loaded.locate(
            ("outcomes", len(outcomes) - 1, "when"),
            f"the last outcome '{last.id}' has a condition; an end state that matches no "
            "outcome gets no label (give the last one no 'when')",
        )


@register
def unreachable_issues(loaded: LoadedScenario) -> Iterable[Located]:
    """An issue on no round's agenda can never be proposed, so demands on it are moot."""
    scenario = loaded.scenario
    on_agenda = {issue for r in scenario.rounds for issue in r.agenda}
    for i, issue in enumerate(scenario.issues):
        if issue.id not in on_agenda:
            yield loaded.locate(("issues", i, "id"), f"issue '{issue.id}' is on no round's agenda")


@register
def absent_players(loaded: LoadedScenario) -> Iterable[Located]:
    """A playable actor who sits at no round never gets a turn."""
    seated = {a for r in loaded.scenario.rounds for a in r.participants}
    for i, actor in enumerate(loaded.scenario.actors):
        if actor.playable and actor.id not in seated:
            yield loaded.locate(
                ("actors", i, "id"), f"playable actor '{actor.id}' takes part in no round"
            )


@register
def consent_of_non_players(loaded: LoadedScenario) -> Iterable[Located]:
    """Only playable actors are asked for consent (rules R2, R9); naming others does nothing."""
    scenario = loaded.scenario
    for i, issue in enumerate(scenario.issues):
        asked = queries.consenting(scenario, issue.id)  # the engine's R9
        for j, who in enumerate(issue.consent):
            if who not in asked:
                yield loaded.locate(
                    ("issues", i, "consent", j),
                    f"'{who}' is not playable, so it is never asked: its consent is ignored",
                )


@register
def rounds_without_two_players(loaded: LoadedScenario) -> Iterable[Located]:
    """A round with fewer than two playable participants closes as soon as it opens (R3)."""
    for i, rnd in enumerate(loaded.scenario.rounds):
        movers = queries.movers(loaded.scenario, rnd.id)  # the engine's R2
        if len(movers) < 2:
            yield loaded.locate(
                ("rounds", i, "participants"),
                f"round '{rnd.id}' has {len(movers)} playable participant(s); "
                "it closes as soon as it opens",
            )
