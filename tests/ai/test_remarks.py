"""What a delegate says at the table gives nothing private away, and says what it does."""

from __future__ import annotations

import collections
import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game import engine
from game.ai import make_agent
from game.engine import Accept, Pass, Propose, Reject, Statement, Threaten
from game.engine.model import Scenario
from game.scenario import load_scenario
from tests.ai.helpers import RandomSeat, play
from tests.engine.fixtures import small_scenario
from tests.examples import examples

PRIVATE_WORDS = ("aspiration", "floor", "utility", "reservation", "acceptability")
DECIMAL = re.compile(r"\d\.\d\d")
TERM_ID = re.compile(r"\b[a-z][a-z0-9-]*=[a-z][a-z0-9-]*\b")  # an issue=option id pair

# Whole games at each level: normal in the quick run, easy and hard in the full run.
EASY = pytest.param("easy", marks=pytest.mark.slow)
HARD = pytest.param("hard", marks=pytest.mark.slow)


@cache
def _scenario(name: str) -> Scenario:
    return small_scenario() if name == "fixture" else load_scenario(name).scenario


def _secrets(scenario: Scenario, actor: str) -> list[str]:
    """What only ``actor`` knows: its secret red lines' reasons and its objectives' texts."""
    prefs = scenario.preferences[actor]
    return [line.reason for line in prefs.red_lines if not line.public] + [
        o.text for o in prefs.objectives
    ]


def _check_game(name: str, seed: int, difficulty: str, random_chair: bool = False) -> set[str]:
    """Check every AI remark of one game; with ``random_chair`` a random seat takes one
    chair (it proposes anything, so the delegates must reject and object)."""
    scenario = _scenario(name)
    kinds: set[str] = set()
    actors = [a.id for a in scenario.playable]
    chair = actors[seed % len(actors)] if random_chair else ""
    seats = {chair: RandomSeat(seed)} if chair else None
    for actor, _state, decision in play(scenario, seed, seats, difficulty=difficulty).decisions:
        if actor == chair:
            continue
        said = decision.remark
        lowered = said.lower()
        for word in PRIVATE_WORDS:
            assert word not in lowered, said
        assert not DECIMAL.search(said), said
        assert not TERM_ID.search(said), said  # labels, not ids
        for secret in _secrets(scenario, actor):
            assert secret not in said, (secret, said)
        assert "\n" not in said
        assert said != decision.rationale or not said
        action = decision.action
        kinds.add(type(action).__name__)
        if isinstance(action, Pass):
            assert said == ""
        elif isinstance(action, Statement):
            assert said == action.text
        elif isinstance(action, Accept | Reject):
            assert f"#{action.proposal}" in said, said
        elif isinstance(action, Threaten):
            lever = next(lv for lv in scenario.levers if lv.id == action.lever)
            assert said.startswith("Unless"), said
            assert lever.name in said, said
        if not isinstance(action, Pass):
            assert said, decision
    return kinds


@settings(max_examples=examples(40), deadline=None)
@given(
    name=st.sampled_from(["fixture", "geneva-2022"]),
    seed=st.integers(0, 10_000),
    difficulty=st.sampled_from(["easy", "normal", "hard"]),
)
def test_remarks_hold_no_private_numbers_words_or_secret_reasons(
    name: str, seed: int, difficulty: str
) -> None:
    _check_game(name, seed, difficulty)


@pytest.mark.parametrize("difficulty", [EASY, "normal", HARD])
def test_every_kind_of_move_is_spoken(difficulty: str) -> None:
    kinds: set[str] = set()
    for seed in range(12):
        kinds |= _check_game("geneva-2022", seed, difficulty, random_chair=seed % 2 == 1)
    assert {"Propose", "Accept", "Reject"} <= kinds
    if difficulty == "hard":
        # Geneva opens at a tension where few levers leave room below war to be carried
        # out, and a delegate threatens only with what it would carry out: the fixture's
        # calmer crisis shows the threats.
        for seed in range(12):
            kinds |= _check_game("fixture", seed, difficulty)
        assert "Threaten" in kinds


def test_a_public_red_line_is_cited_with_its_reason_a_secret_one_never() -> None:
    scenario = _scenario("geneva-2022")
    public = {
        (line.actor, line.reason)
        for prefs in scenario.preferences.values()
        for line in prefs.red_lines
        if line.public
    }
    cited = 0
    actors = [a.id for a in scenario.playable]
    for seed in range(8):
        # A random seat in one chair puts red-line terms on the table for the AI to answer.
        seats = {actors[seed % len(actors)]: RandomSeat(seed)}
        for actor, _state, decision in play(scenario, seed, seats).decisions:
            if "stated red line —" in decision.remark:  # cited with its reason
                assert any(a == actor and r.rstrip(".") in decision.remark for a, r in public)
                cited += 1
    assert cited


def test_the_hard_level_names_no_priority_when_it_declines() -> None:
    scenario = _scenario("geneva-2022")
    names = [i.name for i in scenario.issues]
    declined = 0
    actors = [a.id for a in scenario.playable]
    for seed in range(6):
        seats = {actors[seed % len(actors)]: RandomSeat(seed)}
        for actor, _state, decision in play(scenario, seed, seats, difficulty="hard").decisions:
            if actor in seats:
                continue
            said = decision.remark
            if isinstance(decision.action, Reject) and "stated red line" not in said:
                assert not any(n in said for n in names), said
                declined += 1
    assert declined


SENTENCE = re.compile(r"(?<=[.;!?])\s+")


@pytest.mark.parametrize("difficulty", [EASY, "normal", HARD])
def test_no_sentence_is_said_more_than_three_times_a_game(difficulty: str) -> None:
    """Words that repeat stop meaning anything: no remark sentence more than three times
    in a game, and at least 50 distinct remarks per 100 spoken (passes say nothing)."""
    scenario = _scenario("geneva-2022")
    for seed in range(4):
        decisions = play(scenario, seed, difficulty=difficulty).decisions
        said = [d.remark for _, _, d in decisions if d.remark]
        sentences = collections.Counter(
            s.strip() for r in said for s in SENTENCE.split(r) if s.strip()
        )
        sentence, times = sentences.most_common(1)[0]
        assert times <= 3, (seed, sentence)
        assert 100 * len(set(said)) / len(said) >= 50


def test_a_counter_offer_says_what_it_changes() -> None:
    scenario = _scenario("geneva-2022")
    actors = [a.id for a in scenario.playable]
    changes = 0
    for seed in range(6):
        seats = {actors[seed % len(actors)]: RandomSeat(seed)}
        for actor, _, d in play(scenario, seed, seats).decisions:
            words = d.remark
            if actor in seats or not isinstance(d.action, Propose):
                continue
            if " move on " in words or "ground on" in words or "from you on" in words:
                changes += 1
    assert changes


def test_the_objection_names_the_term_that_decided_it_never_a_secret_reason() -> None:
    """Boreal offers Aster its best border term and a missiles term on Aster's secret red
    line: Aster's answer names missiles (the real reason), not the border, and never the
    line's secret reason."""
    scenario = _scenario("fixture")
    state = engine.new_game(scenario, 1)
    assert engine.to_move(state) == "aster"
    state, _ = engine.apply(state, engine.Propose("aster", (("border", "monitored"),)))
    terms = (("border", "demilitarised"), ("missiles", "none"))
    state, _ = engine.apply(state, engine.Propose("boreal", terms))
    view = engine.view(state, "aster")
    decision = make_agent(scenario, "aster", "normal", 1).decide(
        view, engine.legal_actions(state, "aster")
    )
    missiles = scenario.issue("missiles").name
    assert missiles in decision.remark, decision.remark
    assert scenario.issue("border").name not in decision.remark.split(";")[0]
    assert "Aster-secret" not in decision.remark


def test_a_remark_calls_a_move_a_step_only_when_it_gives_ground() -> None:
    """'We have moved on X' only where the new term is worth less to us than our last
    one: going back to a term we like better is no step towards anyone.  And the
    objection to an offer we answer never names an issue our counter takes as it is."""
    from dataclasses import replace

    from game.ai.moves import Intent, Kind
    from game.ai.remarks import _change, decisive_issue
    from game.ai.table import Offer
    from game.ai.view import own_prefs, table_from_view

    scenario = _scenario("fixture")
    view = engine.view(engine.new_game(scenario, 1), "aster")
    table = table_from_view(view, own_prefs(view), "normal")
    ours = Offer(1, "aster", (("border", "monitored"), ("missiles", "limits")))
    table = replace(table, offers=(ours,))
    border = scenario.issue("border").name

    def said(terms: tuple[tuple[str, str], ...]) -> str:
        return _change(table, Intent(Kind.PROPOSE, "", terms=terms))

    assert border in said((("border", "open"), ("missiles", "limits")))  # 0.7 -> 0.0
    assert border not in said((("border", "demilitarised"), ("missiles", "limits")))  # -> 1.0
    theirs = (("border", "open"), ("missiles", "ban"))
    assert decisive_issue(table, theirs) == "border"
    assert decisive_issue(table, theirs, counter=(("border", "open"),)) != "border"
