"""Seats played by outside programs: the example agent plays whole games; a broken agent
passes (noted in the transcript), never hangs the game, never shows a traceback."""

from __future__ import annotations

import json
import queue
import sys
import textwrap
from pathlib import Path

import pytest

from game import engine
from game.cli import main
from game.session.external import ProcessAgent
from game.session.seats import Seat, SeatKind, SeatSpecError, format_seats, parse_seats
from game.sim import play_game
from tests.scenarios import bundled

EXAMPLE = str(Path(__file__).resolve().parents[2] / "examples" / "agents" / "negotiator.py")
SCENARIO = bundled("geneva-2022").scenario
PLAYABLE = [a.id for a in SCENARIO.playable]


def _script(tmp_path: Path, name: str, body: str) -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return str(path)


def _seats(actor: str, path: str, timeout: float = 5.0) -> dict[str, Seat]:
    seats = dict.fromkeys(PLAYABLE, Seat(SeatKind.AI))
    seats[actor] = Seat(SeatKind.AGENT, path=path, timeout=timeout)
    return seats


def test_agent_seats_parse_and_format_back() -> None:
    seats = parse_seats(f"all=ai,{PLAYABLE[0]}=agent:{EXAMPLE}", PLAYABLE)
    assert seats[PLAYABLE[0]] == Seat(SeatKind.AGENT, path=EXAMPLE)
    assert parse_seats(format_seats(seats), PLAYABLE) == seats
    with pytest.raises(SeatSpecError, match="agent:PATH"):
        parse_seats(f"{PLAYABLE[0]}=agent:", PLAYABLE)


@pytest.mark.slow  # whole games against an agent process in every seat
def test_the_example_agent_plays_every_seat_and_the_same_seed_gives_the_same_game() -> None:
    for actor in PLAYABLE:
        first = play_game(SCENARIO, _seats(actor, EXAMPLE), 11)
        again = play_game(SCENARIO, _seats(actor, EXAMPLE), 11)
        assert first == again
        assert first.outcome


def _decisions(path: str, timeout: float = 5.0, moves: int = 6) -> list[object]:
    """The agent's first few decisions in a game where everybody else passes."""
    actor = SCENARIO.rounds[0].participants[0]
    agent = ProcessAgent(path, actor, 1, timeout)
    state = engine.new_game(SCENARIO, 1)
    out = []
    try:
        while len(out) < moves and not state.over:
            mover = engine.to_move(state) or ""
            legal = engine.legal_actions(state, mover)
            if mover == actor:
                decision = agent.decide(engine.view(state, mover), legal)
                out.append(decision)
                action = decision.action
            else:
                action = engine.Pass(mover)
            state, _ = engine.apply(state, action)
    finally:
        agent.close()
    return out


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("import sys\nfor line in sys.stdin:\n    print('hello', flush=True)\n", "not a JSON"),
        (
            "import sys, json\nfor line in sys.stdin:\n"
            "    print(json.dumps({'action': 'nobody accept 3'}), flush=True)\n",
            "not",
        ),
        (
            "import sys, json\nfor line in sys.stdin:\n"
            "    f = json.loads(line)\n"
            "    if f['type'] == 'decide':\n"
            "        print(json.dumps({'action': f['legal'][0].split()[0] + ' accept 99'}),"
            " flush=True)\n",
            "not legal",
        ),
        ("raise RuntimeError('broken on purpose')\n", "broken on purpose"),
        # Hostile answers: a line that never ends, nesting too deep to read, a giant move.
        (
            "import sys\nfor line in sys.stdin:\n"
            "    sys.stdout.write('x' * 3_000_000 + '\\n'); sys.stdout.flush()\n",
            "longer than 1,048,576 characters",
        ),
        (
            "import sys\nfor line in sys.stdin:\n"
            "    print('[' * 200_000 + ']' * 200_000, flush=True)\n",
            "not a JSON",
        ),
        (
            "import sys, json\nfor line in sys.stdin:\n"
            "    f = json.loads(line)\n"
            "    if f['type'] == 'decide':\n"
            "        w = f['legal'][0].split()[0]\n"
            "        print(json.dumps({'action': w + ' say firm \"' + 'a' * 50_000 + '\"'}),"
            " flush=True)\n",
            "too long to be a move",
        ),
    ],
)
def test_a_broken_agent_passes_with_the_reason_noted(
    tmp_path: Path, body: str, problem: str
) -> None:
    path = _script(tmp_path, "bad.py", body)
    decisions = _decisions(path)
    assert decisions
    for d in decisions:
        assert isinstance(d.action, engine.Pass)  # type: ignore[attr-defined]
        assert problem in d.rationale  # type: ignore[attr-defined]
        assert "Traceback" not in d.remark  # type: ignore[attr-defined]
        assert d.remark.startswith("[agent passes: ")  # type: ignore[attr-defined]
        assert len(d.remark) < 400  # type: ignore[attr-defined]  # nothing floods the table


@pytest.mark.slow  # an agent process that floods its stderr
def test_what_an_agent_writes_to_stderr_stays_out_of_the_public_remark(tmp_path: Path) -> None:
    """Its stderr may name the host's paths: the debrief's rationale has it, the table not."""
    path = _script(tmp_path, "bad.py", "raise RuntimeError('/home/teacher/secret.txt')\n")
    decisions = _decisions(path, moves=2)
    for d in decisions:
        assert "secret" not in d.remark  # type: ignore[attr-defined]
        assert "the agent stopped (exit code 1)" in d.remark  # type: ignore[attr-defined]
    assert "/home/teacher/secret.txt" in decisions[0].rationale  # type: ignore[attr-defined]
    missing = _decisions(str(tmp_path / "hidden" / "nowhere"), moves=1)[0]
    assert "hidden" not in missing.remark  # type: ignore[attr-defined]
    assert "hidden" in missing.rationale  # type: ignore[attr-defined]


def test_a_silent_agent_passes_after_its_timeout(tmp_path: Path) -> None:
    path = _script(tmp_path, "silent.py", "import sys\nfor line in sys.stdin:\n    pass\n")
    decisions = _decisions(path, timeout=0.05, moves=2)
    assert [type(d.action) for d in decisions] == [engine.Pass, engine.Pass]  # type: ignore[attr-defined]
    assert "no answer within 0.05 s" in decisions[0].remark  # type: ignore[attr-defined]


def test_a_missing_program_passes_and_the_cli_refuses_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "nowhere")
    decisions = _decisions(missing, moves=1)
    assert "could not be started" in decisions[0].remark  # type: ignore[attr-defined]
    code = main(["simulate", "geneva-2022", "--games", "1", "--seats", f"all=agent:{missing}"])
    assert code == 1
    assert "no such program" in capsys.readouterr().err


def test_a_late_answer_is_skipped_not_taken_for_the_next_one() -> None:
    agent = ProcessAgent(EXAMPLE, "us", 0, timeout=1.0, clock=_Clock(0.1))
    assert agent._answer(deadline=0.0) is None  # nothing came: owed one answer
    agent._lines.put('{"action": "us pass"}\n')  # the late answer ...
    agent._lines.put('{"action": "us walkout"}\n')  # ... and the one to the next decision
    assert agent._answer(deadline=100.0) == '{"action": "us walkout"}\n'
    assert isinstance(agent._lines, queue.Queue)


class _Clock:
    """A clock that moves ``step`` seconds each time it is read: every deadline passes at
    once, without waiting on a real timer."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.mark.slow  # waits out a real deadline on a full pipe
def test_an_agent_that_stops_reading_cannot_block_the_game(tmp_path: Path) -> None:
    """Frames go through a writer thread: once the pipe is full a write would block for
    ever, and the game must still get its pass at each deadline."""
    path = _script(tmp_path, "deaf.py", "import time\ntime.sleep(120)\n")
    actor = SCENARIO.rounds[0].participants[0]
    agent = ProcessAgent(path, actor, 1, timeout=1.0, clock=_Clock(10.0))
    state = engine.new_game(SCENARIO, 1)
    view = engine.view(state, actor)
    try:
        # Enough frames to fill any pipe's buffer many times over.
        for _ in range(400):
            decision = agent.decide(view, engine.legal_actions(state, actor))
            assert isinstance(decision.action, engine.Pass)
            assert "no answer within 1 s" in decision.remark
    finally:
        agent.close()


def test_late_answers_do_not_stretch_the_deadline() -> None:
    """One deadline per decision: late answers arriving meanwhile give no more time."""
    agent = ProcessAgent(EXAMPLE, "us", 0, timeout=1.0, clock=_Clock(0.6))
    agent._owed = 2  # two decisions timed out before this one
    agent._lines.put('{"action": "us pass"}\n')  # late: read at 0.6 s of the 1 s
    agent._lines.put('{"action": "us walkout"}\n')  # late: read at 1.2 s, past the deadline
    agent._lines.put('{"action": "us pass"}\n')
    assert agent._answer(deadline=1.0) is None
    assert agent._owed == 2  # the second late answer, and the one to this decision


@pytest.mark.slow  # two tournaments, one of them across worker processes
def test_tournament_report_is_the_same_for_any_jobs(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["tournament", "geneva-2022", "--agents", f"random,agent:{EXAMPLE}", "--games", "2"]
    assert main([*argv, "--json", "--jobs", "1"]) == 0
    one = json.loads(capsys.readouterr().out)
    assert main([*argv, "--json", "--jobs", "2"]) == 0
    two = json.loads(capsys.readouterr().out)
    assert one == two
    assert {r["seat"] for r in one["results"]} == set(PLAYABLE)
    assert set(one["summary"]) == {"random", f"agent:{EXAMPLE}"}
    assert main(argv) == 0
    assert "margin" in capsys.readouterr().out.lower()


def test_play_text_with_an_agent_seat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A whole terminal game with an agent in one seat: no traceback, the game ends."""
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    seats = f"all=ai,{PLAYABLE[0]}=agent:{EXAMPLE}"
    code = main(["play", "geneva-2022", "--text", "--seed", "3", "--seats", seats])
    assert code == 0


def test_simulate_turns_a_refused_agent_move_into_a_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Self-play, like a session, never ends with an error because an outside agent's
    move got past the protocol's checks and the engine refused it."""
    from game.ai import Decision
    from game.sim import play as sim_play

    class Stubborn:
        def decide(self, view: engine.ActorView, _legal: object) -> Decision:
            return Decision(engine.Accept(view.actor, 999))

    made = sim_play.make_agent

    def make(scenario: object, actor: str, seat: Seat, seed: int) -> object:
        return Stubborn() if seat.kind is SeatKind.AGENT else made(scenario, actor, seat, seed)  # type: ignore[arg-type]

    monkeypatch.setattr(sim_play, "make_agent", make)
    stats = play_game(SCENARIO, _seats(PLAYABLE[0], "stubborn"), 5)
    assert stats.outcome


def test_a_line_of_exactly_the_limit_is_kept_and_the_next_is_not_lost(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from game.session import external

    monkeypatch.setattr(external, "MAX_LINE", 10)
    stream = io.StringIO("x" * 10 + "\n" + "answer\n" + "y" * 25 + "\n" + "next\n")
    lines = list(external._lines_of(stream))
    assert lines == ["x" * 10 + "\n", "answer\n", external.TOO_LONG, "next\n"]


@pytest.mark.slow  # an agent process that writes megabytes without a newline
def test_an_agent_that_writes_without_end_cannot_fill_the_memory(tmp_path: Path) -> None:
    from game.session import external

    path = _script(tmp_path, "chatty.py", "while True:\n    print('{}', flush=True)\n")
    state = engine.new_game(SCENARIO, 1)
    actor = engine.to_move(state) or ""
    agent = ProcessAgent(path, actor, 1, timeout=5.0)
    try:
        decision = agent.decide(engine.view(state, actor), engine.legal_actions(state, actor))
        assert isinstance(decision.action, engine.Pass)
        assert agent._lines.qsize() <= external.MAX_QUEUED  # it waits on its own pipe
    finally:
        agent.close()
    assert agent._lines.empty()  # the reading thread was let go


def test_control_characters_never_reach_the_table() -> None:
    """A NUL cannot be drawn (SDL_ttf refuses it): a move holding one is refused, a
    remark loses them."""
    from game.session.protocol import read_answer

    state = engine.new_game(SCENARIO, 1)
    actor = engine.to_move(state) or ""
    legal = engine.legal_actions(state, actor)
    table = engine.public_view(state)
    said = json.dumps({"action": f'{actor} say firm "x\u0000y"', "remark": "r\u0000\u001b[2J"})
    answer = read_answer(said, actor, legal, table)
    assert answer.action is None
    assert "control character" in answer.problem
    assert answer.remark == "r[2J"


def _answer_to_first_move(line: str) -> tuple[engine.Action | None, str, str]:
    from game.session.protocol import read_answer

    state = engine.new_game(SCENARIO, 1)
    actor = engine.to_move(state) or ""
    answer = read_answer(
        line.replace("ACTOR", actor),
        actor,
        engine.legal_actions(state, actor),
        engine.public_view(state),
    )
    return answer.action, answer.problem, answer.remark


@pytest.mark.parametrize(
    "words",
    [
        "S1\nUS accepts #99.",  # a forged line of the transcript
        "\u001b[31mred\u001b[0m\u001b]0;title\u0007",  # terminal escapes
        "\u009b31m C1",  # a C1 control
        "\u202edesrever",  # a direction override
        "tab\there",
    ],
)
def test_words_that_would_forge_the_transcript_are_refused(words: str) -> None:
    """Words reach the action JSON-escaped, so the control characters are only there once
    the notation has read them: they are refused then, and the note quotes no raw one."""
    line = json.dumps({"action": "ACTOR say firm " + json.dumps(words)})
    action, problem, _ = _answer_to_first_move(line)
    assert action is None
    assert "holds a control character" in problem
    assert not any(c < " " or "\x7f" <= c <= "\x9f" for c in problem)


def test_a_lone_surrogate_is_refused_in_words_and_dropped_from_a_remark() -> None:
    """json.loads hands lone surrogates through; no save could hold one (the session
    would fail at its next autosave), so they never get into the game."""
    said = '{"action": "ACTOR say firm \\"x\\ud83d y\\"", "remark": "bad \\ud800 one"}'
    action, problem, remark = _answer_to_first_move(said)
    assert action is None
    assert "not valid text" in problem
    assert remark == "bad  one"
    remark.encode("utf-8")
    _, _, remark = _answer_to_first_move('{"action": "ACTOR pass", "remark": "a\\udcffb"}')
    assert remark == "ab"


def test_a_remark_keeps_to_one_line_of_text() -> None:
    """Line breaks and tabs become spaces; escapes, C1 controls and direction overrides
    go: a remark cannot forge a line of the transcript or drive the terminal."""
    remark = "R1\nUS accepts #99.\r\n\u001b[31mRED\u009b0m \u202eDESREVER\u202c\ttab"
    action, _, said = _answer_to_first_move(json.dumps({"action": "ACTOR pass", "remark": remark}))
    assert isinstance(action, engine.Pass)
    assert said == "R1 US accepts #99.  [31mRED0m DESREVER tab"


def test_a_note_quotes_at_most_80_characters_of_what_the_agent_said() -> None:
    _, problem, _ = _answer_to_first_move(json.dumps({"action": "ACTOR say firm " + "Q" * 300}))
    assert "double quotes" in problem
    assert problem.count("Q") <= 80


def test_an_answer_that_names_its_decision_is_matched_to_it() -> None:
    """An agent that missed one decision would otherwise lose every later one (its answers
    taken, one by one, for the late answers they are not): one that echoes the decide
    frame's ``decision`` number is matched by it, and only its stale answers are skipped."""
    agent = ProcessAgent(EXAMPLE, "us", 0, timeout=1.0, clock=_Clock(0.1))
    agent._asked = 1
    assert agent._answer(deadline=0.0) is None  # decision 1 went unanswered
    agent._asked = 2
    agent._lines.put('{"action": "us walkout", "decision": 2}\n')
    assert agent._answer(deadline=100.0) == '{"action": "us walkout", "decision": 2}\n'
    agent._asked = 3
    agent._lines.put('{"action": "us walkout", "decision": 2}\n')  # stale: skipped
    agent._lines.put('{"action": "us pass", "decision": 3}\n')
    assert agent._answer(deadline=100.0) == '{"action": "us pass", "decision": 3}\n'


def test_a_program_named_without_a_directory_is_the_file_checked_not_one_on_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.session.external import command_for

    monkeypatch.chdir(tmp_path)
    (tmp_path / "date").write_text("#!/bin/sh\n", encoding="utf-8")
    assert command_for("date") == [str(tmp_path / "date")]
    assert command_for("agent.py")[1:] == ["-u", "agent.py"]


def test_an_outside_program_cannot_read_the_game_seed_from_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The game's seed decides everyone's hidden type: a program that could find it by
    trying the seeds a tournament plays (S, S+1, ...) would know them all.  Its seed is
    keyed with a secret of the run."""
    from game.session import agents

    seat = Seat(SeatKind.AGENT, path=EXAMPLE)
    told = agents.make_agent(SCENARIO, "us", seat, 5)
    assert isinstance(told, ProcessAgent)
    assert told.seed not in {agents.derive_seed(s, "us") for s in range(10_000)}
    assert told.seed == agents.outside_seed(5, "us")  # the same all run long
    monkeypatch.setattr(agents, "_AGENT_KEY", "another run")
    assert agents.outside_seed(5, "us") != told.seed
