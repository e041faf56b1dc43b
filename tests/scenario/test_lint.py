"""The warnings ``redlines validate`` prints for valid scenarios that will play badly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from game.scenario import load_bytes
from game.scenario.lint import LINTS, register, warnings_for
from tests.scenario.helpers import GENEVA, MINIMAL, dump, minimal_data


def warnings_after(edit: Callable[[dict[str, Any]], None]) -> list[str]:
    data = minimal_data()
    edit(data)
    loaded = load_bytes(dump(data), "lint.yaml")
    return [f"{w.path}: {w.message}" for w in warnings_for(loaded)]


def test_the_fixture_and_geneva_have_no_warnings() -> None:
    assert warnings_for(load_bytes(MINIMAL.read_bytes(), "m.yaml")) == []
    if GENEVA.is_file():
        assert warnings_for(load_bytes(GENEVA.read_bytes(), "g.yaml")) == []


def test_last_outcome_with_a_condition() -> None:
    def edit(d: dict[str, Any]) -> None:
        d["outcomes"][-1]["when"] = {"max_tension": 50}

    assert warnings_after(edit) == [
        "outcomes[2].when: the last outcome 'stalemate' has a condition; an end state that "
        "matches no outcome gets no label (give the last one no 'when')"
    ]


def test_issue_on_no_agenda() -> None:
    def edit(d: dict[str, Any]) -> None:
        d["rounds"][0]["agenda"] = ["fishing"]

    assert warnings_after(edit) == ["issues[1].id: issue 'customs' is on no round's agenda"]


def test_player_at_no_table_and_rounds_without_two_players() -> None:
    def edit(d: dict[str, Any]) -> None:
        for rnd in d["rounds"]:
            rnd["participants"] = ["north", "mediator"]

    assert warnings_after(edit) == [
        "actors[1].id: playable actor 'south' takes part in no round",
        "rounds[0].participants: round 'first-talks' has 1 playable participant(s); "
        "it closes as soon as it opens",
        "rounds[1].participants: round 'final-talks' has 1 playable participant(s); "
        "it closes as soon as it opens",
    ]


def test_consent_of_a_non_playable_actor() -> None:
    def edit(d: dict[str, Any]) -> None:
        d["issues"][1]["consent"] = ["south", "mediator"]

    assert warnings_after(edit) == [
        "issues[1].consent[1]: 'mediator' is not playable, so it is never asked: "
        "its consent is ignored"
    ]


def test_option_consent_of_a_non_playable_actor() -> None:
    def edit(d: dict[str, Any]) -> None:
        d["format"] = 2
        d["issues"][1]["options"][1]["consent"] = ["north", "mediator"]

    consent = [w for w in warnings_after(edit) if "consent" in w.split(":")[0]]
    assert consent == [
        "issues[1].options[1].consent[1]: 'mediator' is not playable, so it is never asked: "
        "its consent is ignored"
    ]


def test_registered_lints_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("game.scenario.lint.LINTS", list(LINTS))

    @register
    def everything(loaded: Any) -> Any:
        yield loaded.locate(("title",), "a title")

    (found,) = warnings_for(load_bytes(MINIMAL.read_bytes(), "m.yaml"))
    assert str(found) == "m.yaml:6:8: title: warning: a title"
