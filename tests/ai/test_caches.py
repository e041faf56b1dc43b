"""The speed-ups of a delegate change nothing it decides: caches are keyed by all they depend on."""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from game import engine
from game.ai.draws import LazyRandom
from game.ai.opponents import _prior, model_opponents
from game.ai.ratification import ratify_chance, ratify_chances, ratify_row
from game.ai.table import Offer, Table, keep, kept
from game.ai.view import own_prefs, table_from_view
from game.ai.worth import worths
from tests.engine.fixtures import small_scenario
from tests.examples import examples
from tests.scenarios import bundled


def _table(difficulty: str = "normal") -> Table:
    view = engine.view(engine.new_game(small_scenario(), 1), "aster")
    return table_from_view(view, own_prefs(view), difficulty)


def test_a_lazy_generator_draws_what_random_random_draws() -> None:
    lazy, real = LazyRandom(12345), random.Random(12345)
    assert [lazy.random() for _ in range(5)] == [real.random() for _ in range(5)]
    assert lazy.uniform(-0.25, 0.25) == real.uniform(-0.25, 0.25)


def test_learning_never_changes_the_shared_prior() -> None:
    """Learnt models share their prior's option values until they change one: the copy
    must happen, or every later model (and every later game) would start from a learnt prior."""
    table = _table()
    for difficulty in ("normal", "hard"):
        offers = tuple(
            Offer(n, "boreal", (("border", "monitored"), ("missiles", option)), rejected_by=rej)
            for n, (option, rej) in enumerate(
                (("ban", frozenset()), ("limits", frozenset({"boreal"}))), 1
            )
        )
        learnt = model_opponents(replace(table, offers=offers), difficulty, random.Random(0))
        fresh = _prior(table, "boreal", use_lines=True)
        blank = model_opponents(table, difficulty, random.Random(0))["boreal"]
        assert learnt["boreal"].values != fresh.values  # it did learn something
        assert blank.values == fresh.values
        assert blank.weights == fresh.weights


def test_a_model_is_made_again_when_the_evidence_changes() -> None:
    table = _table("hard")
    first = model_opponents(table, "hard", random.Random(0))["boreal"]
    offers = (Offer(1, "boreal", (("border", "monitored"),)),)
    later = model_opponents(replace(table, offers=offers), "hard", random.Random(0))["boreal"]
    again = model_opponents(table, "hard", random.Random(0))["boreal"]
    assert later.values["border"] != first.values["border"]
    assert again.values == first.values


def test_compiled_preferences_follow_an_edited_scenario() -> None:
    """Preferences compiled for one game are reused by the next only if they are equal."""
    scenario = small_scenario()
    view = engine.view(engine.new_game(scenario, 1), "aster")
    before = own_prefs(view)
    old = scenario.preferences["aster"]
    weights = {i: (1.0 if i == "exercises" else 0.0) for i in old.weights}
    edited = replace(
        scenario,
        preferences={**scenario.preferences, "aster": replace(old, weights=weights)},
    )
    after = own_prefs(engine.view(engine.new_game(edited, 1), "aster"))
    assert after.weights != before.weights
    assert after.weights["exercises"] == 1.0
    assert own_prefs(view).weights == before.weights


def test_every_table_snapshot_has_its_own_move_memo() -> None:
    """What one move derived (worths, targets, bonuses) never serves another snapshot,
    not even one made from it with ``replace``."""
    table = _table()
    worths(table)
    assert table.now.worths is not None
    other = replace(table, tension=table.tension + 10.0)
    assert other.now is not table.now
    assert other.now.worths is None


def test_kept_values_serve_only_the_inputs_they_were_made_from() -> None:
    cache: dict[object, object] = {}
    rows = {"border": {"open": 0.5}}
    keep(cache, "k", (rows, ("a", "b")), "made")
    assert kept(cache, "k", (rows, ("a", "b"))) == "made"
    assert kept(cache, "k", ({"border": {"open": 0.5}}, ("a", "b"))) == "made"  # equal
    assert kept(cache, "k", ({"border": {"open": 0.6}}, ("a", "b"))) is None
    assert kept(cache, "k", (rows,)) is None
    assert kept(cache, "other", (rows, ("a", "b"))) is None


def test_the_worth_of_a_term_follows_its_chance_of_binding() -> None:
    """The per-game memo of worths is keyed by the chances: new chances, new worths."""
    table = _table()
    prefs = table.prefs
    first = worths(table)
    again = worths(replace(table))
    assert again is first  # the same chances: the game's memo serves
    issue = prefs.issue_ids[0]
    option = prefs.options[issue][0]
    changed = replace(table)
    changed.now.chances = {issue: dict.fromkeys(prefs.options[issue], 0.0)}
    sq = prefs.values[issue][prefs.status_quo[issue]]
    assert worths(changed)[issue][option] == sq  # a term that never binds: the status quo


@settings(max_examples=examples(60), deadline=None)
@given(seed=st.integers(0, 10_000), moves=st.integers(0, 80))
def test_one_terms_chance_of_ratification_is_the_packages_rule_for_that_term(
    seed: int, moves: int
) -> None:
    """``ratify_row`` spells ``ratify_chances`` out for one term (the AI asks it for every
    option of every open issue, every move): the two must give the very same numbers, at any
    point of a game with ratifiers, for every delegation."""
    scenario = bundled("geneva-2022").scenario
    state = engine.new_game(scenario, seed)
    rng = random.Random(seed)
    for _ in range(moves):
        actor = engine.to_move(state)
        if actor is None:
            break
        state, _ = engine.apply(state, rng.choice(engine.legal_actions(state, actor)))
    actor = engine.to_move(state)
    if actor is None:
        return
    view = engine.view(state, actor)
    table = table_from_view(view, own_prefs(view))
    assert table.ratifiers  # the property is about tables where ratification matters
    for issue in table.open_issues:
        options = table.prefs.options[issue]
        alone = [ratify_chances(table, ((issue, o),)).get(issue, 1.0) for o in options]
        assert ratify_row(table, issue, options) == alone
        assert [ratify_chance(table, issue, o) for o in options] == alone
