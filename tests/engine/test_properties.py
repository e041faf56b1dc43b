"""Property tests: random games never raise, never break an invariant, and end in time."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import (
    FACILITATOR,
    Accept,
    Action,
    ActionError,
    CommitmentStatus,
    ExtendRound,
    GameState,
    Pass,
    ProposalStatus,
    Propose,
    Threaten,
    apply,
    check,
    digest,
    is_over,
    legal_actions,
    new_game,
    public_view,
    scores,
    to_move,
    view,
)
from game.engine.model import Scenario
from tests.engine.fixtures import SECRETS, generated_scenario, small_scenario
from tests.engine.strategies import actions as any_action
from tests.examples import examples

SCENARIOS = [small_scenario(), generated_scenario(6, 4, 4, seed=3)]


def _random_package(state: GameState, actor: str, rng: random.Random) -> Action:
    """A random multi-term proposal or conditional threat: legal or not, the engine decides."""
    issues = list(state.round.agenda)
    chosen = rng.sample(issues, rng.randint(1, len(issues)))
    terms = tuple((i, rng.choice(state.scenario.issue(i).options).id) for i in chosen)
    levers = [lv.id for lv in state.scenario.levers if lv.owner == actor]
    if levers and rng.random() < 0.3:
        return Threaten(actor, rng.choice(levers), terms)
    return Propose(actor, terms)


def _bound(scenario: Scenario) -> int:
    return sum(r.turns * len(r.participants) for r in scenario.rounds)


def _step_invariants(before: GameState, after: GameState, action: Action) -> None:
    assert all(0.0 <= v <= 100.0 for v in after.trackers)
    assert set(before.binding) <= set(after.binding)  # binding terms never change
    assert after.log[: len(before.log)] == before.log
    assert after.history == (*before.history, action)
    for old, new in zip(before.proposals, after.proposals, strict=False):
        if old.status is not ProposalStatus.LIVE:  # a dead proposal stays dead
            assert new == old
    for old_c, new_c in zip(before.ledger, after.ledger, strict=False):
        if old_c.status is not CommitmentStatus.PENDING:  # a resolved commitment stays resolved
            assert new_c == old_c
    if not after.over:
        mover = to_move(after)
        assert mover in after.present()
        assert len(after.present()) >= 2


def play_random(scenario: Scenario, seed: int, choice_seed: int) -> GameState:
    rng = random.Random(choice_seed)
    state = new_game(scenario, seed)
    player_moves = 0
    extensions = 0
    while not is_over(state):
        actor = to_move(state)
        assert actor is not None
        if rng.random() < 0.05:
            menu = legal_actions(state, FACILITATOR)
            action: Action = rng.choice(menu)
        elif rng.random() < 0.15:
            action = _random_package(state, actor, rng)
        else:
            menu = legal_actions(state, actor)
            for a in rng.sample(menu, min(3, len(menu))):
                check(state, a)  # everything on the menu is legal
            action = rng.choice(menu)
        before, mark = state, digest(state)
        try:
            state, events = apply(state, action)
        except ActionError:
            assert digest(before) == mark  # refused and unchanged
            assert not isinstance(action, Pass | Accept)
            continue
        assert events == state.log[len(before.log) :]
        _step_invariants(before, state, action)
        if isinstance(action, ExtendRound):
            extensions += action.turns * len(state.round.participants)
        if action.actor != FACILITATOR:
            player_moves += 1
        assert player_moves <= _bound(scenario) + extensions
    assert state.outcome_result is not None
    assert set(scores(state)) == set(scenario.preferences)
    assert legal_actions(state, FACILITATOR) == ()
    return state


@settings(max_examples=examples(60), deadline=None)
@given(st.sampled_from(SCENARIOS), st.integers(0, 2**32), st.integers(0, 2**32))
def test_random_games_keep_invariants(scenario: Scenario, seed: int, choice_seed: int) -> None:
    play_random(scenario, seed, choice_seed)


@settings(max_examples=examples(20), deadline=None)
@given(st.integers(0, 2**32), st.integers(0, 2**32))
def test_same_seed_and_actions_same_digest(seed: int, choice_seed: int) -> None:
    sc = small_scenario()
    first = play_random(sc, seed, choice_seed)
    replayed = new_game(sc, seed)
    for action in first.history:
        replayed, _ = apply(replayed, action)
    assert digest(replayed) == digest(first)
    assert replayed == first


def test_different_seeds_can_differ() -> None:
    sc = small_scenario()
    digests = {digest(play_random(sc, seed, 99)) for seed in range(12)}
    assert len(digests) > 1


@settings(max_examples=examples(40), deadline=None)
@given(st.integers(0, 2**32), st.integers(1, 60), st.sampled_from(["aster", "boreal", "cobalt"]))
def test_illegal_actions_change_nothing(seed: int, number: int, actor: str) -> None:
    state = play_random_prefix(seed)
    mark = digest(state)
    for action in (Accept(actor, number), Pass(actor if actor != to_move(state) else "zz")):
        try:
            apply(state, action)
        except ActionError:
            assert digest(state) == mark


def play_random_prefix(seed: int) -> GameState:
    rng = random.Random(seed)
    state = new_game(small_scenario(), seed)
    for _ in range(rng.randint(0, 10)):
        if is_over(state):
            break
        state, _ = apply(state, rng.choice(legal_actions(state, to_move(state) or "")))
    return state


@settings(max_examples=examples(30), deadline=None)
@given(st.integers(0, 2**32))
def test_views_of_random_states_leak_nothing(seed: int) -> None:
    state = play_random_prefix(seed)
    public = repr(public_view(state)).lower()
    for me in SECRETS:
        mine = repr(view(state, me)).lower()
        for other, secrets in SECRETS.items():
            for secret in secrets:
                assert (secret.lower() in mine) == (other == me)
                assert secret.lower() not in public


@settings(max_examples=examples(200), deadline=None)
@given(st.integers(0, 2**32), st.data())
def test_any_action_is_applied_or_refused_cleanly(seed: int, data: st.DataObject) -> None:
    """Whatever a player types, the engine answers with a state or an ActionError, nothing else."""
    sc = small_scenario()
    known = st.sampled_from(
        [a.id for a in sc.actors]
        + [i.id for i in sc.issues]
        + [lv.id for lv in sc.levers]
        + [o.id for i in sc.issues for o in i.options]
        + [c.id for c in sc.events]
    )
    state = play_random_prefix(seed)
    action = data.draw(any_action | _with_known_ids(known, state))
    mark = digest(state)
    try:
        apply(state, action)
    except ActionError:
        assert digest(state) == mark


def _with_known_ids(known: st.SearchStrategy[str], state: GameState) -> st.SearchStrategy[Action]:
    mover = st.just(to_move(state) or "aster")
    terms = st.lists(st.tuples(known, known), min_size=1, max_size=3).map(tuple)
    return st.one_of(
        st.builds(Propose, mover, terms),
        st.builds(Threaten, mover, known, terms | st.just(())),
        st.builds(Accept, mover, st.integers(-2, 12)),
    )
