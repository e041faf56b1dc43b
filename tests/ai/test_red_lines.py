"""An AI delegate never accepts, proposes or demands under threat a package crossing its own red
lines, whatever the seed, its personality or its difficulty (property-based)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from game.ai.prefs import OwnPrefs
from game.engine import Accept, Propose, Threaten, explain_red_lines
from game.engine.model import Personality
from tests.ai.helpers import RandomSeat, play, with_personalities
from tests.engine.fixtures import small_scenario
from tests.examples import examples

traits = st.builds(
    Personality,
    hardline=st.floats(0, 1),
    patience=st.floats(0, 1),
    risk=st.floats(0, 1),
)


def _own_breaches(scenario, terms, actor):  # type: ignore[no-untyped-def]
    return [b for b in explain_red_lines(scenario, terms, actor, others_public=False) if b.own]


@settings(max_examples=examples(40), deadline=None)
@given(
    seed=st.integers(0, 10_000),
    people=st.tuples(traits, traits, traits),
    difficulty=st.sampled_from(["easy", "normal", "hard"]),
    random_cobalt=st.booleans(),
)
def test_ai_never_accepts_or_offers_its_own_red_lines(
    seed: int,
    people: tuple[Personality, Personality, Personality],
    difficulty: str,
    random_cobalt: bool,
) -> None:
    scenario = with_personalities(
        small_scenario(), dict(zip(("aster", "boreal", "cobalt"), people, strict=True))
    )
    seats = {"cobalt": RandomSeat(seed)} if random_cobalt else {}
    played = play(scenario, seed, seats, difficulty)
    ai = {"aster", "boreal"} | (set() if random_cobalt else {"cobalt"})
    for actor, state, decision in played.decisions:
        if actor not in ai:
            continue
        action = decision.action
        if isinstance(action, Accept):
            terms = state.proposal(action.proposal).terms
        elif isinstance(action, Propose):
            terms = action.terms
        elif isinstance(action, Threaten):
            terms = action.unless
        else:
            continue
        assert _own_breaches(scenario, terms, actor) == [], (actor, decision)


def test_the_breach_check_sees_a_red_line() -> None:
    """The check above is not vacuous: a known red-line package is flagged."""
    scenario = small_scenario()
    assert _own_breaches(scenario, (("alliance", "guarantee"),), "aster")
    prefs = OwnPrefs(scenario.issues, scenario.preferences["aster"])
    assert [b.option for b in prefs.breaches((("alliance", "guarantee"),))] == ["guarantee"]
    assert prefs.breaches((("alliance", "moratorium"),)) == []


@settings(max_examples=examples(15), deadline=None)
@given(seed=st.integers(0, 10_000))
def test_no_binding_term_crosses_an_ai_red_line_in_all_ai_games(seed: int) -> None:
    played = play(small_scenario(), seed)
    for actor in ("aster", "boreal", "cobalt"):
        assert _own_breaches(small_scenario(), played.state.binding, actor) == []
