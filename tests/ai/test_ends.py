"""The end bonus (and an issue's gain in objectives) a delegate keeps for the whole game
is the one it would judge afresh:
its key (``game.ai.ends``) holds everything the conditions read."""

from __future__ import annotations

import dataclasses
import itertools
import random

from game import engine
from game.ai import ends
from game.ai.ends import compile_ends
from game.ai.outlook import bonus_gain, end_bonus, issue_bonus
from game.ai.table import GameMemo, Table
from game.ai.view import Memo, own_prefs, table_from_view
from game.engine.model import Condition, Objective, TrackerKind, TrackerTest
from tests.ai.helpers import play
from tests.scenarios import bundled

SCENARIO = bundled("geneva-2022").scenario


def _objective(cond: Condition) -> Objective:
    return Objective(id="o", actor="us", text="", condition=cond, points=0.1)


def test_each_condition_is_judged_by_what_it_reads() -> None:
    door = Condition(agreed={"door": frozenset({"open"})})
    cohesion = Condition(min=(TrackerTest(TrackerKind.COHESION, 60.0, "nato"),))
    only_terms = Condition(any=(door, Condition(max_agreements=0)))
    mixed = Condition(any=(door, Condition(max_tension=50.0)))
    made = compile_ends(
        "us", tuple(_objective(c) for c in (door, cohesion, only_terms)), SCENARIO.outcomes
    )
    kinds = [(j.split, j.constant, j.terms_only) for j in made.objectives]
    assert kinds == [(True, False, True), (False, True, False), (False, False, True)]
    assert made.keyed
    assert made.counts
    assert "door" in made.issues
    assert not compile_ends("us", (_objective(mixed),), ()).keyed  # judged whole instead


def test_a_bonus_kept_across_moves_is_the_bonus_judged_afresh() -> None:
    for seed in (1, 4):
        played = play(SCENARIO, seed)
        memos = {a.id: Memo() for a in SCENARIO.playable}
        for actor, state, _ in played.decisions:
            view = engine.view(state, actor)
            prefs = own_prefs(view)
            kept = table_from_view(view, prefs, memo=memos[actor])
            fresh = table_from_view(view, prefs, memo=Memo())
            issues = kept.open_issues[:3]
            options = [prefs.options[i] for i in issues]
            for picked in itertools.product(*[(None, *o) for o in options]):
                terms = {**kept.agreed, **{i: o for i, o in zip(issues, picked, strict=True) if o}}
                assert end_bonus(kept, terms) == end_bonus(fresh, terms)
            for issue in kept.open_issues:
                for option in prefs.options[issue]:
                    assert issue_bonus(kept, issue, option) == issue_bonus(fresh, issue, option)


def test_a_bonus_kept_in_one_state_of_the_world_is_not_reused_in_another() -> None:
    """Tension over the breakthrough's limit, a lever carried out: the key tells."""
    state = engine.new_game(SCENARIO, 2)
    for actor in (a.id for a in SCENARIO.playable):
        view = engine.view(state, actor)
        prefs = own_prefs(view)
        table = table_from_view(view, prefs, memo=Memo())
        everything = {i: prefs.best_option[i] for i in prefs.issue_ids}
        levers = frozenset(lv.id for lv in SCENARIO.levers)
        for tension, executed in ((10.0, frozenset()), (95.0, frozenset()), (10.0, levers)):
            shared = dataclasses.replace(table, tension=tension, executed=executed)
            alone = dataclasses.replace(shared, game=GameMemo())
            for n in range(len(everything) + 1):
                terms = dict(list(everything.items())[:n])
                assert end_bonus(shared, terms) == end_bonus(alone, terms)
            for issue in prefs.issue_ids:
                for option in prefs.options[issue]:
                    assert issue_bonus(shared, issue, option) == issue_bonus(alone, issue, option)


def test_an_objectives_gain_kept_at_one_tension_is_not_reused_at_another() -> None:
    state = engine.new_game(SCENARIO, 2)
    actor = SCENARIO.playable[0].id
    view = engine.view(state, actor)
    table = table_from_view(view, own_prefs(view), memo=Memo())
    issue = table.open_issues[0]
    option = table.prefs.options[issue][0]
    calm = Condition(agreed={issue: frozenset({option})}, max_tension=50.0)
    table = dataclasses.replace(table, objectives=(_objective(calm),))
    gains = []
    for tension in (10.0, 95.0):
        shared = dataclasses.replace(table, tension=tension)
        alone = dataclasses.replace(shared, game=GameMemo())
        gains.append(issue_bonus(shared, issue, option))
        assert gains[-1] == issue_bonus(alone, issue, option)
        assert end_bonus(shared, {issue: option}) == end_bonus(alone, {issue: option})
    assert gains == [0.1, 0.0]


def _plain_gain(table: Table, terms: dict[str, str], chance: dict[str, float]) -> float:
    """The expectation of ``bonus_gain`` spelled out: a set of terms per outcome."""
    start = {**table.agreed, **{i: o for i, o in terms.items() if chance.get(i, 1.0) >= 1.0}}
    maybe = [(i, o, chance[i]) for i, o in terms.items() if 0.0 < chance.get(i, 1.0) < 1.0]
    expected = 0.0
    for mask in range(1 << len(maybe)):
        p, agreed = 1.0, dict(start)
        for bit, (issue, option, q) in enumerate(maybe):
            if mask >> bit & 1:
                p *= q
                agreed[issue] = option
            else:
                p *= 1.0 - q
        expected += p * end_bonus(table, agreed)
    return expected - end_bonus(table, dict(table.agreed))


def test_the_expected_bonus_is_the_plain_expectation_over_which_terms_bind() -> None:
    rng = random.Random(5)
    played = play(SCENARIO, 3)
    for actor, state, _ in played.decisions[::3]:
        view = engine.view(state, actor)
        prefs = own_prefs(view)
        table = table_from_view(view, prefs, memo=Memo())
        for _ in range(4):
            issues = rng.sample(prefs.issue_ids, k=min(4, len(prefs.issue_ids)))
            terms = {i: rng.choice(prefs.options[i]) for i in issues}
            chance = {i: rng.choice((0.0, 0.3, 0.5, 1.0)) for i in issues}
            fresh = dataclasses.replace(table, game=GameMemo())
            assert bonus_gain(table, terms, chance) == _plain_gain(fresh, terms, chance)


def test_every_clause_of_a_condition_is_sorted_by_what_it_reads() -> None:
    """A clause added to ``Condition`` must be placed, or the kept bonuses could go stale."""
    placed = {
        *ends._TERMS_CLAUSES,
        *ends._TERMS_SEQUENCES,
        *ends._NESTED,
        *ends._OTHER_CLAUSES,
        *ends._OTHER_SEQUENCES,
    }
    assert placed == {f.name for f in dataclasses.fields(Condition) if f.init}
