"""Rule tests R19–R24 of docs/rules.md: outcome, scores, views, determinism, red lines, the end."""

# ruff: noqa: N802 - test names carry the rule number of docs/rules.md (test_R<n>_...)

from __future__ import annotations

import pytest

from game.engine import (
    IllegalActionError,
    apply,
    digest,
    explain_red_lines,
    outcome,
    parse_action,
    public_view,
    scores,
    utility,
    view,
    words,
)
from game.engine.conditions import holds, unmet
from game.engine.model import Condition
from tests.engine.fixtures import SECRET_NUMBERS, SECRETS, small_scenario
from tests.engine.helpers import quiet, run, start

ROUND_1_IDLE = ["aster pass", "boreal pass"] * 3
ROUND_2_IDLE = ["cobalt pass", "boreal pass", "aster pass"] * 3


def test_R19_outcome_first_match_with_reasons() -> None:
    """At the end the state gets the label of the first outcome whose condition holds, with
    the reasons in words; while the game runs there is no outcome."""
    state = run(start(), "aster propose border=monitored,missiles=limits", "boreal accept 1")
    assert outcome(state) is None
    state = run(state, *ROUND_1_IDLE[2:], *ROUND_2_IDLE)
    result = outcome(state)
    assert result is not None
    assert (result.id, result.label) == ("breakthrough", "Breakthrough")
    assert result.why == "2 issues settled bindingly"
    idle = run(start(), *ROUND_1_IDLE, *ROUND_2_IDLE)
    assert outcome(idle) is not None
    assert outcome(idle).id == "stalemate"


def test_R19_the_outcomes_passed_over_say_what_they_lacked() -> None:
    """Each outcome listed before the label says which of its clauses did not hold, in
    words with their bounds; the explanation is words only: the digest ignores it."""
    idle = run(start(), *ROUND_1_IDLE, *ROUND_2_IDLE)
    result = outcome(idle)
    assert result is not None
    assert result.why == words.NO_OTHER_OUTCOME
    assert result.passed_over == (
        "Escalation: the crisis did not escalate",
        "Breakthrough: 0 issues settled bindingly (at least 2)",
        "Framework: 0 issues settled bindingly (at least 1)",
    )
    assert words.outcome_reasons(result.why, result.passed_over) == (
        "None of the outcomes listed before it held. Not Escalation: the crisis did not "
        "escalate. Not Breakthrough: 0 issues settled bindingly (at least 2). Not Framework: "
        "0 issues settled bindingly (at least 1)."
    )
    assert "passed_over" not in repr(result)  # so not in the digest either
    deal = run(start(), "aster propose border=monitored", "boreal accept 1")
    deal = run(deal, *ROUND_1_IDLE[2:], *ROUND_2_IDLE)
    assert outcome(deal).passed_over == (  # type: ignore[union-attr]
        "Escalation: the crisis did not escalate",
        "Breakthrough: 1 issue settled bindingly (at least 2)",
    )


def test_R19_unmet_names_only_the_clauses_that_fail() -> None:
    """An outcome passed over names only the clauses of its condition that did not hold."""
    state = run(start(), "aster propose border=monitored", "boreal accept 1")
    both = Condition(min_agreements=1, max_tension=0, not_agreed=("border", "missiles"))
    assert holds(Condition(min_agreements=1), state)
    assert unmet(both, state) == (
        f"tension is {state.tension:g} (at most 0)",
        "Border regime settled",
    )
    assert unmet(Condition(), state) == ()
    assert unmet(Condition(min_round=3, max_round=4), state) == (
        "round 1 was reached (from round 3 and up to round 4)",
    )


def test_R20_scores() -> None:
    """Score = utility of the final terms - reservation + objectives met - red line penalty
    per own red line crossed + the outcome's bonus (own id, else "*")."""
    state = run(
        start(),
        "aster propose border=monitored,missiles=none",
        "boreal accept 1",
        *ROUND_1_IDLE[2:],
        *ROUND_2_IDLE,
    )
    s = scores(state)
    sc = state.scenario
    terms = {"border": "monitored", "missiles": "none"}
    aster = s["aster"]
    assert aster.utility == pytest.approx(utility(sc, "aster", terms))
    assert aster.utility == pytest.approx(0.35 * 0.7 + 0.25 * 0.1 + 0.3 * 1.0 + 0.1 * 0.3)
    assert aster.objectives_met == ("aster-obj",)
    assert aster.red_lines_crossed == ("aster-secret-missiles",)
    assert aster.outcome_bonus == 0.2
    assert aster.total == pytest.approx(aster.utility - SECRET_NUMBERS["aster"] + 0.15 - 0.5 + 0.2)
    assert s["boreal"].outcome_bonus == 0.3  # its own bonus overrides "*"
    assert s["cobalt"].objectives_met == ("cobalt-obj",)  # tension 50 - 2 x 6 = 38 <= 45
    assert s["boreal"].objectives_met == ()  # cobalt never walked out
    assert "dorian" not in s  # no preferences, no score


def test_R20_utility_uses_agreed_then_status_quo() -> None:
    """Utility takes the given terms, then the agreed ones, then the status quo."""
    sc = small_scenario()
    base = utility(sc, "boreal", {})
    assert base == pytest.approx(0.15 * 1.0 + 0.2 * 0.2 + 0.5 * 0.0 + 0.15 * 0.0)
    with_agreed = utility(sc, "boreal", {}, {"alliance": "guarantee"})
    assert with_agreed == pytest.approx(base + 0.5)
    assert utility(sc, "boreal", {"alliance": "moratorium"}, {"alliance": "guarantee"}) == (
        pytest.approx(base + 0.3)
    )


def test_R21_views_leak_nothing_private() -> None:
    """An actor's view holds its own secrets and nobody else's; the public view holds none."""
    state = run(start(small_scenario()), "aster propose border=monitored", "boreal pass")
    for me in ("aster", "boreal", "cobalt"):
        text = repr(view(state, me))
        for other, secrets in SECRETS.items():
            for secret in secrets:
                assert (secret.lower() in text.lower()) == (other == me), (me, secret)
            assert (repr(SECRET_NUMBERS[other]) in text) == (other == me)
        assert "TEACHER-ONLY-NOTES" not in text
        mine = view(state, me)
        assert {line.id for line in mine.table.public_red_lines} == {
            "aster-alliance",
            "boreal-alliance",
            "cobalt-alliance",
        }
        assert all(line.actor == me for line in mine.red_lines)
    public = repr(public_view(state))
    for secrets in SECRETS.values():
        for secret in secrets:
            assert secret.lower() not in public.lower()
    assert not any(repr(n) in public for n in SECRET_NUMBERS.values())
    assert "personality" not in public.lower()
    assert "0.61" not in public


def test_R22_determinism() -> None:
    """Same scenario, seed and actions give the same digest; a different seed can differ; the
    input state never changes."""
    sc = small_scenario()
    moves = ROUND_1_IDLE + ROUND_2_IDLE
    a = run(start(sc, 7), *moves)
    b = run(start(sc, 7), *moves)
    assert digest(a) == digest(b)
    assert a == b
    assert len({digest(run(start(sc, s), *moves)) for s in range(10)}) > 1
    first = start(sc, 7)
    before = digest(first)
    apply(first, parse_action("aster pass"))
    assert digest(first) == before


def test_R23_explainable_red_lines() -> None:
    """For a package and an actor: its own crossed red lines (also secret) and others' public
    ones, each with reason and source; others' secret lines are never named."""
    sc = small_scenario()
    terms = {"alliance": "guarantee", "exercises": "suspended", "border": "demilitarised"}
    found = explain_red_lines(sc, terms, "cobalt")
    assert [(b.actor, b.red_line, b.own) for b in found] == [
        ("cobalt", "cobalt-alliance", True),
        ("cobalt", "cobalt-secret-exercises", True),
        ("aster", "aster-alliance", False),
    ]
    assert found[0].reason == "Cobalt's door stays open."
    assert found[0].source == "fixture"
    assert explain_red_lines(sc, terms, "cobalt", others_public=False) == found[:2]
    assert "boreal-secret-border" in [b.red_line for b in explain_red_lines(sc, terms, "boreal")]


def test_R24_nothing_after_game_over() -> None:
    """Once the game is over every action is refused."""
    state = run(start(quiet()), "facilitator end-game")
    for move in ("aster pass", 'facilitator bookmark "late"', "facilitator extend 1"):
        with pytest.raises(IllegalActionError, match="game is over"):
            apply(state, parse_action(move))
