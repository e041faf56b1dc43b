"""Acceptance judges the whole game and is monotonic (issue 11, item 1)."""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from game import engine
from game.ai.judge import judge, targets
from game.ai.view import own_prefs, table_from_view
from game.ai.worth import bind_chances, package_worth, term_worth, worth
from game.engine import Propose
from tests.examples import examples
from tests.scenarios import bundled

SCENARIO = bundled("geneva-2022").scenario


def _table_after(seed: int, moves: int, difficulty: str = "normal"):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    state = engine.new_game(SCENARIO, seed)
    for _ in range(moves):
        if state.over:
            break
        actor = engine.to_move(state) or ""
        state, _ = engine.apply(state, rng.choice(engine.legal_actions(state, actor)))
    if state.over:
        state = engine.new_game(SCENARIO, seed)
    actor = engine.to_move(state) or ""
    view = engine.view(state, actor)
    return table_from_view(view, own_prefs(view), difficulty), rng


@settings(max_examples=examples(150), deadline=None)
@given(
    seed=st.integers(0, 10_000),
    moves=st.integers(0, 40),
    difficulty=st.sampled_from(["easy", "normal", "hard"]),
)
def test_adding_a_term_we_value_never_turns_a_yes_into_a_no(
    seed: int, moves: int, difficulty: str
) -> None:
    """Adding a term the delegate weighs at zero, or values at or above what it asks on
    that issue, never turns an acceptable package into an unacceptable one; a term it
    weighs at zero never turns a no into a yes either (the old bug: the clock of a
    package's most urgent issue made a worthless term tip the balance).  The issue must
    not be one an objective or an outcome label names: agreeing those changes the end
    bonus too, which is part of the term's value."""
    table, rng = _table_after(seed, moves, difficulty)
    named = {
        i
        for c in [o.condition for o in table.objectives] + [o.condition for o in table.outcomes]
        for i in (*c.agreed, *c.not_agreed)
    }
    issues = [i for i in table.open_issues if i not in named]
    if len(issues) < 2:
        return
    rng.shuffle(issues)
    extra, base = issues[0], issues[1:]
    package = {i: rng.choice(table.prefs.options[i]) for i in base}
    before = judge(table, engine.make_terms(package))
    aim = targets(table, [extra])[extra][0]
    for option in table.prefs.options[extra]:
        if table.prefs.breaches([(extra, option)]):
            continue
        weight = table.prefs.weights.get(extra, 0.0)
        after = judge(table, engine.make_terms({**package, extra: option}))
        if weight == 0:
            assert after.acceptable == before.acceptable
        elif term_worth(table, extra, option) >= aim and before.acceptable:
            assert after.acceptable


def test_a_zero_weight_term_changes_nothing() -> None:
    table, _ = _table_after(1, 0)
    prefs = table.prefs
    free = next((i for i in table.open_issues if prefs.weights.get(i, 0.0) == 0), None)
    weighed = [i for i in table.open_issues if prefs.weights.get(i, 0.0) > 0]
    if free is None:  # give one issue no weight, as the issue's sanctions example had
        free = weighed.pop()
        weights = {**prefs.weights, free: 0.0}
        prefs = replace_prefs(prefs, weights)
        table = replace(table, prefs=prefs)
    package = {i: prefs.best_option[i] for i in weighed}
    for option in prefs.options[free]:
        a = judge(table, engine.make_terms(package))
        b = judge(table, engine.make_terms({**package, free: option}))
        # Neither what we ask nor the terms' worth moves; only the end bonus may (one
        # more agreement can change the outcome label): nothing of the clock leaks in.
        assert a.aspiration == b.aspiration
        more = {**package, free: option}
        assert package_worth(table, package) == package_worth(table, more)


def replace_prefs(prefs, weights):  # type: ignore[no-untyped-def]
    import copy

    out = copy.copy(prefs)
    out.weights = weights
    return out


def test_a_term_only_an_absent_consenter_could_bind_is_worth_its_chance() -> None:
    """At a table without one of an issue's consenting delegations, an option on that
    delegation's public red line can never bind: it is worth the status quo to us."""
    found = 0
    for index, rnd in enumerate(SCENARIO.rounds):
        state = engine.new_game(SCENARIO, 3)
        while state.round_index < index and not state.over:
            actor = engine.to_move(state) or ""
            state, _ = engine.apply(state, engine.Pass(actor))
        if state.over:
            continue
        actor = engine.to_move(state) or ""
        view = engine.view(state, actor)
        table = table_from_view(view, own_prefs(view))
        lines = {
            (line.issue, o): line.actor
            for line in view.table.public_red_lines
            for o in line.options
        }
        for issue, row in bind_chances(table).items():
            for option, p in row.items():
                holder = lines.get((issue, option))
                if holder in table.missing.get(issue, ()):
                    assert p == 0.0
                    sq = table.prefs.values[issue][table.prefs.status_quo[issue]]
                    assert worth(table, issue, option) == sq
                    found += 1
        del rnd
    assert found


def test_the_consent_script_is_not_accepted() -> None:
    """Issue 11's script: the US hands Russia everything it demands on the issues that need
    NATO's consent (which NATO will never give) plus what the US wants on the rest.
    Russia's delegate values those provisional terms at their chance of binding."""
    state = engine.new_game(SCENARIO, 0)
    first = SCENARIO.rounds[0]
    us, russia = first.participants[0], first.participants[1]
    while engine.to_move(state) != us:
        state, _ = engine.apply(state, engine.Pass(engine.to_move(state) or ""))
    demands = {d.issue: d.option for d in SCENARIO.demands if d.actor == russia}
    us_prefs = SCENARIO.preferences[us]
    terms = {}
    for issue in first.agenda:
        needs_absent = any(a not in first.participants for a in SCENARIO.issue(issue).consent)
        if needs_absent and issue in demands:
            terms[issue] = demands[issue]
        else:
            values = us_prefs.values[issue]
            terms[issue] = max(values, key=values.__getitem__)
    state, _ = engine.apply(state, Propose(us, engine.make_terms(terms)))
    view = engine.view(state, russia)
    table = table_from_view(view, own_prefs(view))
    number = state.proposals[-1].number
    verdict = judge(table, state.proposal(number).terms)
    assert not verdict.acceptable, verdict
    plain = replace(table, missing={}, cache={})  # binding, the terms would look better
    assert judge(plain, state.proposal(number).terms).utility > verdict.utility
