"""The delegate judges its objectives and the outcome labels by the engine's own rules,
format 2's clauses included (trackers, any/all/not, rounds, provisional terms)."""

from __future__ import annotations

import dataclasses

from game import engine
from game.ai.outlook import _holds
from game.ai.view import own_prefs, table_from_view
from game.engine.model import Condition, TrackerKind, TrackerTest
from game.scenario import load_scenario

SCENARIO = load_scenario("geneva-2022").scenario


def _table(actor: str):  # type: ignore[no-untyped-def]
    state = engine.new_game(SCENARIO, 1)
    view = engine.view(state, actor)
    return view, table_from_view(view, own_prefs(view))


def test_a_tracker_clause_is_judged_not_ignored() -> None:
    actor = SCENARIO.playable[-1].id
    view, table = _table(actor)
    cohesion = view.table.trackers.cohesion[actor]
    above = Condition(min=(TrackerTest(TrackerKind.COHESION, cohesion + 1, actor),))
    below = Condition(min=(TrackerTest(TrackerKind.COHESION, cohesion - 1, actor),))
    assert not _holds(above, table, {})
    assert _holds(below, table, {})


def test_any_all_not_and_round_clauses_are_judged_on_the_imagined_end() -> None:
    actor = SCENARIO.playable[0].id
    _, table = _table(actor)
    issue = SCENARIO.issues[0]
    first, second = issue.options[0].id, issue.options[1].id
    agreed = {issue.id: first}
    is_first = Condition(agreed={issue.id: frozenset({first})})
    is_second = Condition(agreed={issue.id: frozenset({second})})
    assert not _holds(Condition(not_=is_first), table, agreed)
    assert _holds(Condition(any=(is_second, is_first)), table, agreed)
    assert not _holds(Condition(all=(is_second, is_first)), table, agreed)
    assert _holds(Condition(round=SCENARIO.rounds[-1].id), table, agreed)  # the week's end
    assert not _holds(Condition(round=SCENARIO.rounds[0].id), table, agreed)


def test_an_objective_on_a_tracker_counts_only_when_it_holds() -> None:
    """The bundled scenario has one: an objective on a delegation's cohesion at the end."""
    objective, owner = next(
        (o, actor)
        for actor, prefs in SCENARIO.preferences.items()
        for o in prefs.objectives
        if o.condition.min and o.condition.simple is False and len(vars_set(o.condition)) == 1
    )
    test = objective.condition.min[0]
    view, _ = _table(owner)
    for level, counts in ((test.value - 10, False), (test.value + 10, True)):
        trackers = dataclasses.replace(
            view.table.trackers, cohesion={**view.table.trackers.cohesion, test.actor: level}
        )
        seen = dataclasses.replace(view, table=dataclasses.replace(view.table, trackers=trackers))
        table = table_from_view(seen, own_prefs(seen))
        assert _holds(objective.condition, table, {}) is counts


def vars_set(condition: Condition) -> list[str]:
    """The clauses a condition sets."""
    return [
        f.name
        for f in dataclasses.fields(condition)
        if f.init and getattr(condition, f.name) not in (None, "", (), {}, frozenset())
    ]
