"""The delegates trade within the options' rules (R33) and across conditional red lines
(R27): on the starter scenario ``redlines new`` writes, the deal both sides want needs a
pullback (which requires verification) and a suspension of sanctions (which the other
side's public line allows only with inspections).  Before these rules entered the offer
search, no all-AI week there found it."""

from __future__ import annotations

from pathlib import Path

from game import engine
from game.engine import Propose
from game.scenario import load_scenario
from tests.ai.helpers import play

_STARTER = Path(__file__).resolve().parents[2] / "game" / "scenario" / "starter.yaml"
_DEAL = {"border": "pullback", "verification": "inspections", "sanctions": "suspended"}


def test_the_starters_logroll_is_found_and_no_offer_breaks_the_rules() -> None:
    scenario = load_scenario(str(_STARTER)).scenario
    deals = 0
    for seed in range(24):
        played = play(scenario, seed)
        for _, state, decision in played.decisions:
            # The search makes only packages the rules allow: none is trimmed or dropped
            # on the way out (what the delegate judged is what it sends).
            assert "incoherent" not in decision.rationale
            assert "trimmed to be coherent" not in decision.rationale
            if isinstance(decision.action, Propose):
                problem = engine.package_problem(
                    scenario, decision.action.terms, tuple(state.binding)
                )
                assert problem == "", (seed, decision.rationale)
        binding = dict(played.state.binding)
        deals += all(binding.get(i) == o for i, o in _DEAL.items())
    # A zone of agreement exists unless Red draws its hard-line type (a third of games);
    # the rounds are short (three turns), and the deal is found in some of them.  Before
    # the rules entered the search it was found in none.
    assert deals >= 3


def test_an_option_that_can_never_bind_is_never_offered() -> None:
    """At Geneva, NATO is absent and has ruled out 'no expansion' in public: agreed
    there, it could never bind, and its worth would be the status quo's, making it look
    free to offer.  Such options are not in the offer search at all (a Cuba-style test
    scenario had the USSR 'propose' its worst option for that reason)."""
    import random

    from game.ai.core import counter_offer
    from game.ai.opponents import model_opponents
    from game.ai.view import own_prefs, table_from_view
    from game.ai.worth import consent_chances, worth_rows

    scenario = load_scenario("geneva-2022").scenario
    view = engine.view(engine.new_game(scenario, 1), "russia")
    table = table_from_view(view, own_prefs(view), "normal")
    never = {
        (issue, option)
        for issue, row in consent_chances(table).items()
        for option, chance in row.items()
        if chance == 0.0
    }
    assert ("enlargement", "no-expansion") in never
    rows = worth_rows(table)
    assert not any(option in rows.get(issue, {}) for issue, option in never)
    for k in range(10):
        made = counter_offer(table, model_opponents(table, "normal", random.Random(k)))
        assert made is None or not set(made.terms) & never
