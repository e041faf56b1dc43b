"""The table keeps drawing while a computer seat decides (issue 12: the AI-move frame).

In the real window (``App.run`` with the system clock) the AI and outside agents
decide on a worker thread; the table asks for the move when its pause is over
and lands it once the decision is ready.  The agent here is held on an
``Event``: frames go on, the screen answers, and the move appears when it is let
go.  No timing: the test waits only for the worker to finish (a bounded join).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from game.ai import Decision
from game.engine import Action, ActorView
from game.session.agents import RandomAgent, register_agent_factory, unregister_agent_factory
from game.ui.kit.context import Context
from game.ui.kit.scene import Scene
from game.ui.screens.table.scene import TableScene
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import new_setup

JOIN_S = 10.0


class _Held:
    def __init__(self, seed: int, gate: threading.Event) -> None:
        self.inner = RandomAgent(seed)
        self.gate = gate

    def decide(self, view: ActorView, legal: Sequence[Action]) -> Decision:
        assert self.gate.wait(JOIN_S)
        return self.inner.decide(view, legal)


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    event = threading.Event()
    register_agent_factory("ai", lambda _s, _actor, _d, seed: _Held(seed, event))
    yield event
    event.set()
    unregister_agent_factory("ai")


def test_the_table_draws_on_while_the_ai_decides_and_shows_the_move_after(
    make_pilot: MakePilot, home: Path, gate: threading.Event
) -> None:
    del home
    setup = new_setup({})  # every seat an AI delegate

    def table(ctx: Context) -> Scene:
        ctx.think_ahead = True  # what the real loop sets
        return TableScene(ctx, setup)

    pilot = make_pilot(table, ai_pace="fast")
    scene = pilot.scene
    assert isinstance(scene, TableScene)
    rows = len(scene.transcript.items)
    for _ in range(60):  # a second of frames, far past the pause: the AI is still held
        pilot.advance()
    assert len(setup.session.log) == 0
    assert pilot.scene is scene
    assert pilot.app.crashes == []
    assert scene.pacer.active  # still waiting for the move, not given up
    assert scene.pacer.wakeup_in() is not None
    assert scene.pacer.wakeup_in() <= 16  # it looks again within a frame
    gate.set()
    thinker = setup.local.thinker
    assert thinker is not None
    assert thinker._thread is not None
    thinker._thread.join(JOIN_S)
    # The move's pictures are made one part a frame (its rows, the board, the cards), then
    # it lands: within a few frames, not a pause.
    for _ in range(12):
        pilot.advance()
        if setup.session.log:
            break
    assert len(setup.session.log) == 1
    assert len(scene.transcript.items) > rows  # the move is on the screen


def test_a_stepped_window_decides_in_the_frame(make_pilot: MakePilot, home: Path) -> None:
    # Tests and the pilot step frames themselves: no worker thread, one move per pause.
    del home
    setup = new_setup({})
    pilot = make_pilot(lambda ctx: TableScene(ctx, setup), ai_pace="fast")
    assert setup.local.thinker is None
    pilot.advance(ms=450)
    pilot.advance()
    assert len(setup.session.log) >= 1
