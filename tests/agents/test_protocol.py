"""The outside-agent protocol: frames, answers, the public record as notation (docs/agents.md)."""

from __future__ import annotations

import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from game import engine
from game.engine.model import Scenario
from game.session.protocol import LogReader, decide_frame, read_answer, start_frame
from tests.engine.world_fixture import world_scenario
from tests.examples import examples
from tests.scenarios import bundled

SCENARIO: Scenario = bundled("geneva-2022").scenario


def _random_game(
    seed: int, scenario: Scenario = SCENARIO, agreeable: bool = False
) -> engine.GameState:
    """A game of random moves, with words in statements and terms in threats; an
    ``agreeable`` game accepts every proposal it can (threats' terms get met)."""
    rng = random.Random(seed)
    state = engine.new_game(scenario, seed)
    while not state.over:
        actor = engine.to_move(state) or ""
        legal = engine.legal_actions(state, actor)
        accepts = [a for a in legal if isinstance(a, engine.Accept)]
        action = accepts[0] if agreeable and accepts else rng.choice(legal)
        if isinstance(action, engine.Statement):
            action = engine.Statement(actor, action.tone, f"words “{rng.random():.3f}” \\ said")
        if isinstance(action, engine.Threaten):
            singles = [a for a in legal if isinstance(a, engine.Propose)]
            if singles:
                action = engine.Threaten(actor, action.lever, rng.choice(singles).terms)
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
    assert set(frame["me"]) == {
        "weights",
        "values",
        "reservation",
        "red_lines",
        "objectives",
        "hidden_type",
        "instructions",
    }
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
    frame = decide_frame(engine.view(state, actor), legal, ["us pass"], 3)
    assert set(frame) == {
        "type",
        "decision",
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
    assert frame["decision"] == 3
    json.dumps(frame)  # it is all JSON


def test_the_log_reads_back_as_the_players_moves() -> None:
    """Every player move of a game, read from the public record, in the text notation."""
    for seed in range(6):
        state = _random_game(seed, agreeable=seed % 2 == 1)
        moves = [engine.format_action(a) for a in state.history if a.actor != "facilitator"]
        read = LogReader().since(engine.public_view(state))
        assert read == moves
        for line in read:
            assert engine.format_action(engine.parse_action(line)) == line


def _move(state: engine.GameState, want: type) -> engine.Action | None:
    legal = engine.legal_actions(state, engine.to_move(state) or "")
    return next((a for a in legal if isinstance(a, want)), None)


def test_a_threat_after_a_promise_reads_with_its_own_terms() -> None:
    """The ledger also holds the promise a threat becomes once its terms are met (R10):
    a later threat is read with its own "unless" terms, not the promise's."""
    state = engine.new_game(SCENARIO, 1)
    while (threat := _move(state, engine.Threaten)) is None:
        state, _ = engine.apply(state, engine.Pass(engine.to_move(state) or ""))
    term = next(
        a for a in engine.legal_actions(state, threat.actor) if isinstance(a, engine.Propose)
    )
    state, _ = engine.apply(state, engine.Threaten(threat.actor, threat.lever, term.terms))
    while not any(c.kind is engine.CommitmentKind.PROMISE for c in state.ledger):
        actor = engine.to_move(state) or ""
        live = [p for p in state.proposals if p.status is engine.ProposalStatus.LIVE]
        action = _move(state, engine.Accept) or (
            engine.Propose(actor, term.terms) if not live else engine.Pass(actor)
        )
        state, _ = engine.apply(state, action)
    while (second := _move(state, engine.Threaten)) is None:
        state, _ = engine.apply(state, engine.Pass(engine.to_move(state) or ""))
    state, _ = engine.apply(state, second)  # a threat with no terms at all
    read = LogReader().since(engine.public_view(state))
    assert read == [engine.format_action(a) for a in state.history]
    assert read[-1] == engine.format_action(second)


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


@settings(max_examples=examples(300), deadline=None)
@given(st.text(max_size=200))
def test_any_answer_is_read_without_raising(line: str) -> None:
    state = engine.new_game(SCENARIO, 4)
    actor = engine.to_move(state) or ""
    legal = engine.legal_actions(state, actor)
    answer = read_answer(line, actor, legal, engine.public_view(state))
    assert (answer.action is None) == bool(answer.problem)
    if answer.action is not None:
        engine.check(state, answer.action)


WORLD = world_scenario()  # options that need or rule out others (R33), agenda effects (R34)


@settings(max_examples=examples(300), deadline=None)
@given(st.data())
def test_an_answer_is_read_as_legal_exactly_when_the_engine_takes_it(data: st.DataObject) -> None:
    """Packages (an option that needs another included, R33), threats with terms: read as
    legal exactly when the engine accepts them, so an agent can never crash a game."""
    scenario = data.draw(st.sampled_from([SCENARIO, WORLD]))
    rng = random.Random(data.draw(st.integers(0, 10_000)))
    state = engine.new_game(scenario, rng.randrange(100))
    for _ in range(data.draw(st.integers(0, 40))):
        if state.over:
            return
        state, _ = engine.apply(
            state, rng.choice(engine.legal_actions(state, engine.to_move(state) or ""))
        )
    if state.over:
        return
    actor = engine.to_move(state) or ""
    legal = engine.legal_actions(state, actor)
    options = {i.id: [o.id for o in i.options] for i in scenario.issues}
    # Mostly the issues on the table (where packages are judged whole), some off it.
    pool = sorted(options) if data.draw(st.integers(0, 3)) == 0 else sorted(state.agenda)
    issues = data.draw(st.lists(st.sampled_from(pool), unique=True, max_size=4))
    terms = ",".join(f"{i}={data.draw(st.sampled_from(options[i]))}" for i in sorted(issues))
    threats = [a for a in legal if isinstance(a, engine.Threaten)]
    if threats and data.draw(st.booleans()):
        notation = engine.format_action(threats[0]) + (f" unless {terms}" if terms else "")
    else:
        notation = f"{actor} propose {terms}"
    answer = read_answer(json.dumps({"action": notation}), actor, legal, engine.public_view(state))
    try:
        engine.check(state, engine.parse_action(notation))
    except engine.ActionError:
        assert answer.action is None
        assert answer.problem
    else:
        assert answer.action == engine.parse_action(notation)


def test_a_package_is_judged_whole() -> None:
    """An option that needs another is legal in a package with it, and not without (R33)."""
    state = engine.new_game(WORLD, 1)
    actor = engine.to_move(state) or ""
    legal = engine.legal_actions(state, actor)
    table = engine.public_view(state)
    need = next(
        (i.id, o.id, other, sorted(opts)[0])
        for i in WORLD.issues
        for o in i.options
        for other, opts in o.requires.items()
        if i.id in state.agenda and other in state.agenda
    )
    issue, option, other, wanted = need
    alone = read_answer(
        json.dumps({"action": f"{actor} propose {issue}={option}"}), actor, legal, table
    )
    assert alone.action is None
    assert "needs" in alone.problem
    both = f"{actor} propose {issue}={option},{other}={wanted}"
    whole = read_answer(json.dumps({"action": both}), actor, legal, table)
    assert whole.action is not None
    engine.check(state, whole.action)


def test_bad_answers_say_what_is_wrong() -> None:
    state = engine.new_game(SCENARIO, 5)
    actor = engine.to_move(state) or ""
    other = next(a.id for a in SCENARIO.playable if a.id != actor)
    legal = engine.legal_actions(state, actor)
    assert (
        "not a JSON object" in read_answer("pass", actor, legal, engine.public_view(state)).problem
    )
    assert (
        '"action"' in read_answer('{"move": "x"}', actor, legal, engine.public_view(state)).problem
    )
    assert (
        "could not be read"
        in read_answer('{"action": "fly away"}', actor, legal, engine.public_view(state)).problem
    )
    assert (
        "not "
        in read_answer(
            json.dumps({"action": f"{other} pass"}), actor, legal, engine.public_view(state)
        ).problem
    )
    late = read_answer(
        json.dumps({"action": f"{actor} accept 99"}), actor, legal, engine.public_view(state)
    )
    assert "not legal" in late.problem
    ok = read_answer(
        json.dumps({"action": f"{actor} pass", "remark": "Hm."}),
        actor,
        legal,
        engine.public_view(state),
    )
    assert ok.action == engine.Pass(actor)
    assert ok.remark == "Hm."


def test_a_lever_shows_every_owner_and_the_agenda_is_the_one_effects_left() -> None:
    """R36: a lever of several owners names them all; R34: the agenda of ``decide`` is the
    table's, as effects changed it, not the one the scenario file gave the round."""
    world = world_scenario()
    state = engine.new_game(world, 1)
    frame = start_frame(engine.view(state, world.playable[0].id), 1)
    owners = {lv["id"]: lv["owners"] for lv in frame["scenario"]["levers"]}
    assert owners == {lv.id: list(lv.owners) for lv in world.levers}
    assert any(len(o) > 1 for o in owners.values())
    changed = 0
    for seed in range(30):
        rng = random.Random(seed)
        state = engine.new_game(world, seed)
        while not state.over:
            actor = engine.to_move(state) or ""
            legal = engine.legal_actions(state, actor)
            frame = decide_frame(engine.view(state, actor), legal, [])
            assert frame["agenda"] == list(state.agenda)
            changed += state.agenda != world.rounds[state.round_index].agenda
            state, _ = engine.apply(state, rng.choice(legal))
    assert changed  # the games did meet an agenda an effect had changed


def test_the_log_reader_starts_afresh_when_an_undo_is_followed_by_as_many_moves() -> None:
    state = engine.new_game(SCENARIO, 6)
    for _ in range(5):
        state, _ = engine.apply(state, engine.legal_actions(state, engine.to_move(state) or "")[0])
    actor = engine.to_move(state) or ""
    before = state
    state, _ = engine.apply(before, engine.Pass(actor))
    reader = LogReader()
    reader.since(engine.public_view(state))
    other, _ = engine.apply(before, engine.WalkOut(actor))  # the pass undone, another move
    assert len(other.log) == len(state.log)
    again = reader.since(engine.public_view(other))
    assert again == [engine.format_action(a) for a in other.history]


def test_start_frame_says_which_options_add_consenters() -> None:
    # R37: an option's own consent adds delegations; an agent must be told, or it
    # would count an agreement on that option as binding when it is not.
    from pathlib import Path

    from game.scenario import load_scenario

    every = Path(__file__).parent.parent / "scenario" / "data" / "every-addition.yaml"
    scenario = load_scenario(every).scenario
    state = engine.new_game(scenario, 1)
    frame = start_frame(engine.view(state, "blue"), 1)
    issues = {i["id"]: i for i in frame["scenario"]["issues"]}
    assert issues["border"]["option_consent"] == {"withdrawal": ["green"]}
    assert issues["verification"]["option_consent"] == {}
    json.dumps(frame)  # still plain JSON
