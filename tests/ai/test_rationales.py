"""Every AI move comes with a one-line rationale that names real terms and numbers."""

from __future__ import annotations

import re

import pytest

from game.engine import Accept, CarryOut, Propose, Reject, Threaten
from game.engine.model import Scenario
from tests.ai.helpers import RandomSeat, play
from tests.engine.fixtures import small_scenario
from tests.scenarios import bundled

TERM = re.compile(r"([a-z][a-z0-9-]*)=([a-z][a-z0-9-]*)")

# Whole games at each level: normal in the quick run, easy and hard in the full run.
EASY = pytest.param("easy", marks=pytest.mark.slow)
HARD = pytest.param("hard", marks=pytest.mark.slow)


def _pairs(scenario: Scenario) -> set[tuple[str, str]]:
    return {(i.id, o.id) for i in scenario.issues for o in i.options}


@pytest.mark.parametrize(
    "scenario",
    [small_scenario(), bundled("geneva-2022").scenario],
    ids=["small", "geneva"],
)
@pytest.mark.parametrize("difficulty", [EASY, "normal", HARD])
def test_rationales_name_real_terms(scenario: Scenario, difficulty: str) -> None:
    real = _pairs(scenario)
    kinds: set[str] = set()
    for seed in range(4):
        for _actor, _state, decision in play(scenario, seed, difficulty=difficulty).decisions:
            why = decision.rationale
            action = decision.action
            kinds.add(type(action).__name__)
            assert why, decision
            assert "\n" not in why, why
            named = set(TERM.findall(why))
            assert named <= real, (named - real, why)
            if isinstance(action, Propose):
                assert set(action.terms) <= named, why
            elif isinstance(action, Accept | Reject):
                assert f"#{action.proposal}" in why, why
                assert re.search(r"\d\.\d\d", why) or named, why  # a number or a term
            elif isinstance(action, Threaten):
                assert action.lever in why, why
                assert set(action.unless) <= named, why
            elif isinstance(action, CarryOut):
                assert action.lever in why, why
    assert {"Propose", "Accept"} <= kinds  # the games did negotiate


def test_a_red_line_answer_names_the_term_and_the_reason() -> None:
    """Refusing a proposal over a red line (by a reject or a counter-offer) says which term
    of that proposal breaks which of our lines, in the scenario's own words."""
    scenario = small_scenario()
    found = 0
    actors = [a.id for a in scenario.playable]
    for seed in range(6):
        # A random seat in one chair puts red-line terms to the AI delegates.
        seats = {actors[seed % len(actors)]: RandomSeat(seed)}
        for actor, state, decision in play(scenario, seed, seats).decisions:
            why = decision.rationale
            if actor == actors[seed % len(actors)]:
                continue
            if not isinstance(decision.action, Reject | Propose) or "red line" not in why:
                continue
            number = int(re.findall(r"#(\d+)", why)[0])
            issue, option = TERM.findall(why)[0]
            assert (issue, option) in state.proposal(number).terms
            line = next(
                line
                for line in scenario.preferences[actor].red_lines
                if line.issue == issue and option in line.options
            )
            assert line.reason in why
            found += 1
    assert found


def test_a_rationale_reads_as_a_plain_sentence_first_then_the_numbers() -> None:
    """The debrief's reader gets words first: no ids, no model terms, no numbers before
    the bracket that holds them."""
    scenario = bundled("geneva-2022").scenario
    for seed in range(3):
        for _actor, _state, decision in play(scenario, seed).decisions:
            head, bracket, numbers = decision.rationale.partition(" [")
            assert bracket, decision.rationale
            assert head.endswith("."), head
            assert not TERM.search(head), head
            assert not re.search(r"\d\.\d", head), head
            for word in ("acceptability", "aspiration", "utility"):
                assert word not in head, head
            assert numbers.endswith("]")
