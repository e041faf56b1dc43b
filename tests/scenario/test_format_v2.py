"""Format version 2: every addition validates, is located when wrong, and plays.

``broken-v2.yaml`` holds a mistake in every format-2 addition; ``broken-v2.expected``
is the exact output (regenerate on purpose with ``REDLINES_REGENERATE=1``).
``every-addition.yaml`` (the ``redlines new`` starter under another id) uses every
addition at once.
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from game import engine
from game.cli.new import starter_text
from game.scenario import ScenarioError, load_bytes
from game.scenario.lint import warnings_for
from game.scenario.loader import LoadedScenario
from game.session.agents import make_agent
from game.session.seats import Difficulty, Seat, SeatKind, computer_seats, parse_seats
from tests.scenario.helpers import DATA

EVERY = DATA / "every-addition.yaml"

# Every key format 2 added, by the part of the file it belongs to.
V2_KEYS = {
    "actor": {"default_seat", "ratification"},
    "option": {"consent", "requires", "excludes", "on_agree"},
    "red_line": {"unless"},
    "round": {"end_date"},
    "lever": {"owners", "breaks", "escalates"},
    "event": {"date", "counterfactual", "at"},
    "effect": {"agenda_add"},
    "condition": {
        "round",
        "min",
        "max",
        "events_happened",
        "provisional",
        "threatened",
        "broken",
        "any",
        "all",
        "not",
    },
    "rules": {"consent_bypass_cohesion", "consent_bypass_trust"},
    "preferences": {"variants"},  # hidden types, added since
}


def _load(path: Path) -> LoadedScenario:
    return load_bytes(path.read_bytes(), path.name)


def _keys(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(str(key))
            found |= _keys(value)
    elif isinstance(node, list):
        for value in node:
            found |= _keys(value)
    return found


def test_broken_v2_reports_exactly_the_expected_messages() -> None:
    with pytest.raises(ScenarioError) as caught:
        load_bytes((DATA / "broken-v2.yaml").read_bytes(), "broken-v2.yaml")
    actual = str(caught.value) + "\n"
    expected = DATA / "broken-v2.expected"
    if os.environ.get("REDLINES_REGENERATE"):
        expected.write_text(actual, encoding="utf-8")
    assert actual.splitlines() == expected.read_text(encoding="utf-8").splitlines()


def test_did_you_mean_never_suggests_the_key_that_was_typed() -> None:
    text = (DATA / "broken-v2.expected").read_text(encoding="utf-8")
    assert "unknown field 'escalates' (it is a field of another part" in text
    assert "did you mean 'escalates'" not in text
    assert "unknown field 'consnet'; did you mean 'consent'?" in text


def test_every_addition_is_used_validates_cleanly_and_is_the_starter() -> None:
    data = yaml.safe_load(EVERY.read_text(encoding="utf-8"))
    used = _keys(data)
    missing = {part: keys - used for part, keys in V2_KEYS.items() if keys - used}
    assert not missing
    assert any("_" in issue["id"] for issue in data["issues"])
    loaded = _load(EVERY)
    assert warnings_for(loaded) == []
    starter = starter_text(Path("my-crisis.yaml"))
    assert (
        starter.split("\nformat:", 1)[1].replace("my-crisis", "every-addition")
        == (EVERY.read_text(encoding="utf-8").split("\nformat:", 1)[1])
    )


@pytest.mark.parametrize("kind", [SeatKind.RANDOM, SeatKind.AI])
def test_every_addition_plays_to_an_end(kind: SeatKind) -> None:
    scenario = _load(EVERY).scenario
    labels = set()
    for seed in range(40 if kind is SeatKind.RANDOM else 12):
        seat = Seat(kind, Difficulty.NORMAL)
        agents = {a.id: make_agent(scenario, a.id, seat, seed) for a in scenario.playable}
        state = engine.new_game(scenario, seed)
        while not state.over:
            mover = engine.to_move(state) or ""
            legal = engine.legal_actions(state, mover)
            state, _ = engine.apply(
                state, agents[mover].decide(engine.view(state, mover), legal).action
            )
        assert state.outcome_result is not None
        labels.add(state.outcome_result.id)
    assert labels


def test_default_seat_ai_is_where_the_seats_start() -> None:
    scenario = _load(EVERY).scenario
    playable = [a.id for a in scenario.playable]
    assert computer_seats(scenario) == ("green",)
    seats = parse_seats(None, playable, computer=computer_seats(scenario))
    assert seats["green"].kind is SeatKind.AI
    assert seats["blue"].kind is SeatKind.HUMAN
    # a teacher can still seat a person there
    assert parse_seats("green=human", playable)["green"].kind is SeatKind.HUMAN
    everyone = parse_seats(None, ["green"], computer=("green",))
    assert everyone["green"].kind is SeatKind.HUMAN  # somebody must play


def _with(text: str, old: str, new: str) -> LoadedScenario:
    assert old in text
    return load_bytes(text.replace(old, new, 1).encode(), "x.yaml")


def test_anachronism_warning_unless_counterfactual() -> None:
    text = EVERY.read_text(encoding="utf-8")
    early = _with(
        text,
        "    date: 2024-01-12\n    probability: 0.5",
        "    date: 2024-01-20\n    probability: 0.5",
    )
    (found,) = [w for w in warnings_for(early) if "anachronism" in w.message]
    assert (
        "event 'allies-waver' is dated 2024-01-20 but can fire in round 2 'council'"
        in found.message
    )
    assert found.path == "events[2].date"
    ok = _with(
        text,
        "    date: 2024-01-12\n    probability: 0.5",
        "    date: 2024-01-20\n    counterfactual: true\n    probability: 0.5",
    )
    assert not [w for w in warnings_for(ok) if "anachronism" in w.message]
    # a meeting of several days: an event dated on its last day is in its time
    assert not [w for w in warnings_for(_load(EVERY)) if "anachronism" in w.message]
    shorter = _with(
        text, "    end_date: 2024-01-11       # optional: the last day of a longer meeting\n", ""
    )
    (late,) = [w for w in warnings_for(shorter) if "anachronism" in w.message]
    assert "event 'border-incident' is dated 2024-01-11 but can fire in round 1" in late.message


def test_unread_tracker_warning() -> None:
    """Take away both readers of cohesion (an objective and an event's condition)."""
    text = EVERY.read_text(encoding="utf-8")
    text = text.replace(
        "        when: {min: [{tracker: cohesion, actor: green, value: 50}]}", "        when: {}"
    )
    unread = _with(text, "        - max: [{tracker: cohesion, actor: green, value: 60}]\n", "")
    (found,) = [w for w in warnings_for(unread) if "nothing reads" in w.message]
    assert "nothing reads the cohesion tracker" in found.message
    assert found.path == "trackers.cohesion"


def test_unread_tracker_warning_counts_rules_and_on_agree_as_writers() -> None:
    """Cohesion changed only by a rule number (consent_bypass_cohesion), and support changed
    only by a deal (on_agree) with no ratification threshold: both are named."""
    text = EVERY.read_text(encoding="utf-8")
    text = text.replace(
        "        when: {min: [{tracker: cohesion, actor: green, value: 50}]}", "        when: {}"
    )
    text = text.replace("        - max: [{tracker: cohesion, actor: green, value: 60}]\n", "")
    text = text.replace("  cohesion: {start: 70}\n", "")
    text = text.replace("    ratification: {support: 40, source: notes}\n", "")
    text = text.replace("  support: {start: 55}\n", "")
    text = text.replace("      - {tracker: support, actor: blue, delta: 5}\n", "")
    text = text.replace("effects: [{tracker: cohesion, actor: green, delta: -5}]", "effects: []")
    unread = _with(text, "", "")
    found = {w.path: w.message for w in warnings_for(unread) if "nothing reads" in w.message}
    assert "nothing reads the cohesion tracker" in found["rules.consent_bypass_cohesion"]
    assert "nothing reads the support tracker" in found["issues[2].options[1].on_agree[0].tracker"]


def test_v2_geneva_has_no_warning_and_dates_every_event() -> None:
    from game.scenario import load_scenario

    loaded = load_scenario("geneva-2022")
    assert warnings_for(loaded) == []
    assert all(card.date for card in loaded.scenario.events)


def test_random_seats_of_every_addition_reach_new_rules() -> None:
    scenario = _load(EVERY).scenario
    kinds: set[str] = set()
    for seed in range(300):
        rng = random.Random(seed)
        state = engine.new_game(scenario, seed)
        while not state.over:
            legal = [
                a
                for a in engine.legal_actions(state, engine.to_move(state) or "")
                if not isinstance(a, engine.WalkOut)
            ]
            state, _ = engine.apply(state, rng.choice(legal))
        kinds |= {e.kind.value for e in state.log}
    assert {"agenda", "escalation", "consent-bypassed"} <= kinds


@pytest.mark.slow  # every field of the format in each of three places: 430 loads
def test_did_you_mean_never_suggests_the_typed_key_for_any_field_in_any_wrong_place() -> None:
    """Every field name of the format, typed where it does not belong (inside an option, at
    the top level, inside a round), gets a hint that never names that very key."""
    from game.scenario.messages import _field_names
    from tests.scenario.helpers import dump, minimal_data

    base = minimal_data()
    places = {
        "option": lambda d: d["issues"][0]["options"][0],
        "top": lambda d: d,
        "round": lambda d: d["rounds"][0],
    }
    checked = 0
    for name in sorted(_field_names()):
        for where, part in places.items():
            data = minimal_data()
            if name in part(base):
                continue
            part(data)[name] = 1
            with pytest.raises(ScenarioError) as caught:
                load_bytes(dump(data), "x.yaml")
            text = str(caught.value)
            assert f"did you mean '{name}'" not in text, (where, name, text)
            checked += 1
    assert checked > 100
