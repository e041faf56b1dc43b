"""Outside agents in a session: a refused move is a pass, the end reaches them whoever
ends the game, nothing outlives the game, and the debrief never runs one again."""

from __future__ import annotations

import io
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from game import engine
from game.ai import Decision
from game.engine import Action, ActorView
from game.engine.actions import EndGame
from game.session import LogEntry, Seat, SeatKind, Session
from game.session.watch import reload_session
from game.text.terminal import TextGame
from tests.session.conftest import HUMAN, FakeLoaded, new_session


class FakeAgent:
    """An agent seat's stand-in: plays ``move`` (or passes) and records what it is told."""

    def __init__(self, move: Action | None = None) -> None:
        self.move = move
        self.finished: list[str] = []
        self.closed = 0

    def decide(self, view: ActorView, _legal: Sequence[Action]) -> Decision:
        return Decision(self.move or engine.Pass(view.actor), "fake chose", "")

    def finish(self, outcome: str, _scores: Mapping[str, float]) -> None:
        self.finished.append(outcome)
        self.close()

    def close(self) -> None:
        self.closed += 1


def _with_agent(loaded: FakeLoaded, agent: FakeAgent, path: str = "agent.py") -> Session:
    """Every seat a person's but the first mover's, an agent's played by ``agent``."""
    first = engine.to_move(engine.new_game(loaded.scenario, 1)) or ""
    seats = {a.id: HUMAN for a in loaded.scenario.playable}
    seats[first] = Seat(SeatKind.AGENT, path=path)
    session = new_session(loaded, seats=seats)
    session._agents[first] = agent  # type: ignore[assignment]
    return session


def test_a_move_the_engine_refuses_from_an_agent_is_a_pass_with_the_reason(
    loaded: FakeLoaded,
) -> None:
    """However an outside program's answer got through, the engine's refusal never ends
    the game with an error: the seat passes and the transcript says why."""
    first = engine.to_move(engine.new_game(loaded.scenario, 1)) or ""
    session = _with_agent(loaded, FakeAgent(engine.Accept(first, 99)))
    turn = session.step()
    assert turn is not None
    assert turn.action == engine.Pass(first)
    assert turn.entry.by is SeatKind.AGENT
    assert "refused" in turn.remark
    assert "accept 99" in turn.remark


def test_the_end_reaches_the_agents_whoever_ends_the_game(loaded: FakeLoaded) -> None:
    agent = FakeAgent()
    session = _with_agent(loaded, agent)
    session.step()
    assert not agent.finished
    session.submit(EndGame())  # the facilitator ends it, not a computer move
    assert session.is_over
    assert len(agent.finished) == 1
    assert agent.closed == 1


def test_closing_a_session_or_reloading_it_lets_the_agents_go(loaded: FakeLoaded) -> None:
    agent = FakeAgent()
    session = _with_agent(loaded, agent)
    session.step()
    session.close()
    assert agent.closed == 1
    assert not agent.finished
    again = FakeAgent()
    session._agents[engine.to_move(session.state) or ""] = again  # type: ignore[assignment]
    reload_session(session, loaded)  # type: ignore[arg-type]
    assert again.closed == 1


def test_quitting_the_terminal_lets_the_agents_go(loaded: FakeLoaded) -> None:
    agent = FakeAgent()
    session = _with_agent(loaded, agent)
    out = io.StringIO()
    assert TextGame(session, io.StringIO(""), out, interactive=False).run() == 0
    assert "(end of input)" in out.getvalue()
    assert agent.closed == 1


def test_the_debrief_never_runs_an_agent_program_again(loaded: FakeLoaded, tmp_path: Path) -> None:
    """A resumed game has no rationales (saves leave them out); the debrief recomputes the
    AI's, but never starts an outside program for its moves, nor a program of no path."""
    marker = tmp_path / "started"
    script = tmp_path / "agent.py"
    script.write_text(
        f"import pathlib, sys\npathlib.Path({str(marker)!r}).touch()\nfor line in sys.stdin:\n"
        "    pass\n",
        encoding="utf-8",
    )
    session = _with_agent(loaded, FakeAgent(), str(script))
    while not session.is_over:
        if session.human_to_move:
            session.submit(engine.Pass(session.to_move or ""))
        else:
            session.step()
    by_agent = [e for e in session.log if e.by is SeatKind.AGENT]
    assert by_agent
    saved = [LogEntry(e.action, e.by, "", e.remark) for e in session.log]
    for seats in (dict(session.seats), {a: Seat(SeatKind.AI) for a in session.seats}):
        resumed = Session.restore(loaded, 1, seats, saved)
        revealed = resumed.revealed_log()
        assert revealed == tuple(saved)
        assert all(not e.rationale for e in revealed if e.by is SeatKind.AGENT)
    assert not marker.exists()
    assert sys.executable  # the script would have run with this Python
