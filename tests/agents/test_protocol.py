"""The outside-agent protocol: frames, answers, the public record as notation (docs/agents.md)."""

from __future__ import annotations

import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from game import engine
from game.engine.model import Scenario
from game.session.protocol import LogReader, decide_frame, read_answer, start_frame
from tests.scenarios import bundled

SCENARIO: Scenario = bundled("geneva-2022").scenario


def _random_game(seed: int) -> engine.GameState:
    rng = random.Random(seed)
    state = engine.new_game(SCENARIO, seed)
    while not state.over:
        actor = engine.to_move(state) or ""
        legal = engine.legal_actions(state, actor)
        action = rng.choice(legal)
        if isinstance(action, engine.Statement):
            action = engine.Statement(actor, action.tone, f"words “{rng.random():.3f}” \\ said")
        state, _ = engine.apply(state, action)
    return state


def test_start_frame_holds_the_public_scenario_and_only_our_own_preferences() -> None:
    state = engine.new_game(SCENARIO, 1)
    actor = SCENARIO.playable[1].id
    frame = start_frame(engine.view(state, actor), 7)
    assert frame["type"] == "start"
    assert frame["protocol"] == 1
    assert frame["actor"] == actor
    assert frame["seed"] == 7
    assert set(frame["scenario"]) >= {"actors", "issues", "rounds", "levers", "red_lines"}
    assert set(frame["me"]) == {"weights", "values", "reservation", "red_lines", "objectives"}
    own = SCENARIO.preferences[actor]
    assert frame["me"]["weights"] == own.weights
    # Nobody else's secret red line, weight or objective is in the frame.
    text = json.dumps(frame)
    for other, prefs in SCENARIO.preferences.items():
        if other == actor:
            continue
        for line in prefs.red_lines:
            if not line.public:
                assert line.reason not in text
        for objective in prefs.objectives:
            assert objective.text not in text
    public = {(r["actor"], r["issue"]) for r in frame["scenario"]["red_lines"]}
    for prefs in SCENARIO.preferences.values():
        for line in prefs.red_lines:
            assert ((line.actor, line.issue) in public) == line.public or line.public is False


def test_decide_frame_has_every_field_of_the_contract() -> None:
    state = engine.new_game(SCENARIO, 2)
    actor = engine.to_move(state) or ""
    legal = engine.legal_actions(state, actor)
    frame = decide_frame(engine.view(state, actor), legal, ["us pass"])
    assert set(frame) == {
        "type",
        "round",
        "round_id",
        "turn",
        "turns_in_round",
        "tension",
        "agenda",
        "binding",
        "provisional",
        "proposals",
        "legal",
        "log",
    }
    assert frame["legal"] == [engine.format_action(a) for a in legal]
    json.dumps(frame)  # it is all JSON


def test_the_log_reads_back_as_the_players_moves() -> None:
    """Every player move of a game, read from the public record, in the text notation."""
    for seed in range(3):
        state = _random_game(seed)
        moves = [engine.format_action(a) for a in state.history if a.actor != "facilitator"]
        read = LogReader().since(engine.public_view(state))
        assert read == moves
        for line in read:
            assert engine.format_action(engine.parse_action(line)) == line


def test_the_log_reader_gives_only_what_is_new() -> None:
    state = engine.new_game(SCENARIO, 3)
    reader = LogReader()
    seen: list[str] = []
    rng = random.Random(3)
    for _ in range(30):
        if state.over:
            break
        actor = engine.to_move(state) or ""
        state, _ = engine.apply(state, rng.choice(engine.legal_actions(state, actor)))
        seen += reader.since(engine.public_view(state))
    assert seen == [engine.format_action(a) for a in state.history]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_answer_is_read_without_raising(line: str) -> None:
    state = engine.new_game(SCENARIO, 4)
    actor = engine.to_move(state) or ""
    legal = engine.legal_actions(state, actor)
    answer = read_answer(line, actor, legal)
    assert (answer.action is None) == bool(answer.problem)
    if answer.action is not None:
        engine.check(state, answer.action)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_an_answer_read_as_legal_is_legal(data: st.DataObject) -> None:
    """Packages, statements with words and threats with terms: legal by the engine too."""
    state = engine.new_game(SCENARIO, data.draw(st.integers(0, 50)))
    actor = engine.to_move(state) or ""
    legal = engine.legal_actions(state, actor)
    agenda = SCENARIO.rounds[state.round_index].agenda
    issues = data.draw(st.lists(st.sampled_from([i.id for i in SCENARIO.issues]), unique=True))
    options = {i.id: [o.id for o in i.options] for i in SCENARIO.issues}
    terms = {i: data.draw(st.sampled_from(options[i])) for i in issues}
    notation = f"{actor} propose " + ",".join(f"{i}={o}" for i, o in sorted(terms.items()))
    answer = read_answer(json.dumps({"action": notation}), actor, legal)
    should = bool(terms) and all(i in agenda for i in terms)
    assert (answer.action is not None) == should
    if answer.action is not None:
        engine.check(state, answer.action)


def test_bad_answers_say_what_is_wrong() -> None:
    state = engine.new_game(SCENARIO, 5)
    actor = engine.to_move(state) or ""
    other = next(a.id for a in SCENARIO.playable if a.id != actor)
    legal = engine.legal_actions(state, actor)
    assert "not a JSON object" in read_answer("pass", actor, legal).problem
    assert '"action"' in read_answer('{"move": "x"}', actor, legal).problem
    assert "could not be read" in read_answer('{"action": "fly away"}', actor, legal).problem
    assert "not " in read_answer(json.dumps({"action": f"{other} pass"}), actor, legal).problem
    late = read_answer(json.dumps({"action": f"{actor} accept 99"}), actor, legal)
    assert "not legal" in late.problem
    ok = read_answer(json.dumps({"action": f"{actor} pass", "remark": "Hm."}), actor, legal)
    assert ok.action == engine.Pass(actor)
    assert ok.remark == "Hm."
