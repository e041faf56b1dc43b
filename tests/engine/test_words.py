"""The one vocabulary (game.engine.words): every action has words, every id one fallback."""

from __future__ import annotations

import typing

import pytest
from hypothesis import given

from game import engine
from game.engine import words
from game.engine.actions import (
    FACILITATOR,
    FACILITATOR_ACTIONS,
    PLAYER_ACTIONS,
    Action,
    Propose,
    Threaten,
)
from game.engine.errors import IllegalActionError
from tests.engine.fixtures import small_scenario
from tests.engine.strategies import actions


@given(actions)
def test_every_action_has_words(action: Action) -> None:
    """The matches are exhaustive (mypy checks it with assert_never); no class-name fallback."""
    scenario = small_scenario()
    for text in (words.refusal(action), words.menu_words(scenario, action)):
        assert text
        assert type(action).__name__ not in text


def test_the_matched_union_is_every_action_the_engine_takes() -> None:
    """mypy proves the matches cover ``Action``; this proves ``Action`` is every kind."""
    assert set(typing.get_args(Action)) == {*PLAYER_ACTIONS, *FACILITATOR_ACTIONS}
    scenario = small_scenario()
    assert words.menu_words(scenario, Propose("aster", (("alpha", "a1"),))).startswith("propose")


def test_the_scenario_and_its_public_view_speak_alike() -> None:
    scenario = small_scenario()
    pv = engine.public_view(engine.new_game(scenario, 1))
    actor = scenario.actors[0].id
    issue = scenario.issues[0]
    option = issue.options[0].id
    for source in (scenario, pv):
        assert words.actor_name(source, actor) == scenario.actors[0].name
        assert words.issue_name(source, issue.id) == issue.name
        assert words.option_label(source, issue.id, option) == issue.options[0].label
        assert words.terms_words(source, [(issue.id, option)]) == (
            f"{issue.name}: {issue.options[0].label}"
        )


def test_unknown_ids_and_the_facilitator_have_one_fallback() -> None:
    scenario = small_scenario()
    pv = engine.public_view(engine.new_game(scenario, 1))
    for source in (scenario, pv):
        for lookup in (words.actor_name, words.short_name, words.adjective, words.delegate_name):
            assert lookup(source, FACILITATOR) == "Facilitator"
            assert lookup(source, "nobody-here") == "nobody-here"
        assert words.issue_name(source, "no-issue") == "no-issue"
        assert words.option_label(source, "no-issue", "no-option") == "no-option"
        assert words.lever_name(source, "no-lever") == "no-lever"
        assert words.names(source, [], empty="nobody") == "nobody"


def test_engine_refusals_use_the_vocabulary() -> None:
    scenario = small_scenario()
    state = engine.new_game(scenario, 1)
    mover = engine.to_move(state)
    assert mover is not None
    wrong = next(a.id for a in scenario.actors if a.playable and a.id != mover)
    action = Threaten(wrong, "no-lever")
    with pytest.raises(IllegalActionError) as refused:
        engine.apply(state, action)
    assert f"cannot {words.refusal(action)}:" in str(refused.value)


def test_humanize_turns_known_terms_into_labels_and_leaves_the_rest() -> None:
    scenario = small_scenario()
    issue = scenario.issues[0]
    option = issue.options[0]
    text = f"offered {issue.id}={option.id} and unknown=thing, then {issue.id}=nope"
    assert words.humanize(scenario, text) == (
        f"offered {option.label} and unknown=thing, then {issue.id}=nope"
    )


def test_the_ledger_is_worded_once_for_every_kind_of_line() -> None:
    """Threats and promises name the lever and what would hold it back; a breach names the
    terms it broke (R25) and has no "unless"; the debrief screen and the export read these."""
    from game.engine import Commitment, CommitmentKind, CommitmentStatus

    scenario = small_scenario()
    terms = (("border", "monitored"),)
    threat = Commitment(1, CommitmentKind.THREAT, "aster", "tariffs", "boreal", terms, 1)
    breach = Commitment(
        2, CommitmentKind.AGREEMENT, "boreal", "tariffs", "", terms, 2, CommitmentStatus.BROKEN
    )
    label = words.terms_words(scenario, terms)
    assert words.ledger_lever(scenario, threat) == "Tariffs"
    assert words.ledger_unless(scenario, threat) == label
    assert words.ledger_line(scenario, threat) == (
        f"#1 Threat by Aster (round 1): Tariffs unless {label} — pending"
    )
    assert words.ledger_lever(scenario, breach) == f"Tariffs, breaking {label}"
    assert words.ledger_unless(scenario, breach) == ""
    assert words.ledger_line(scenario, breach) == (
        f"#2 Agreement by Boreal (round 2): Tariffs, breaking {label} — broken"
    )
    for kind in CommitmentKind:  # every kind has words (mypy checks the match too)
        line = Commitment(3, kind, "aster", "tariffs", "boreal", (), 1)
        assert words.ledger_line(scenario, line).startswith(f"#3 {str(kind).title()} by Aster")


def test_humanize_reads_ids_with_underscores() -> None:
    """Scenario ids may hold ``_`` as well as ``-`` (``[a-z][a-z0-9_-]*``)."""
    import dataclasses

    scenario = small_scenario()
    issue = scenario.issues[0]
    option = dataclasses.replace(issue.options[0], id="no_change_2")
    renamed = dataclasses.replace(issue, id="sea_border", options=(option, *issue.options[1:]))
    scenario = dataclasses.replace(scenario, issues=(renamed, *scenario.issues[1:]))
    text = "offered sea_border=no_change_2, not sea_border=other_thing"
    assert words.humanize(scenario, text) == (f"offered {option.label}, not sea_border=other_thing")
