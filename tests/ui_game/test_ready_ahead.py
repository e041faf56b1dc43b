"""An AI move lands with its pictures made (issue 12: the frame in which an AI move lands).

In the window the AI decides on a worker thread while the table paces its move;
the idle frames of that pause make what the move will show -- its transcript
rows, the board and the delegations' cards it leaves, the summary of a round it
closes -- so that the frame in which it lands has no painting left.  These tests
count the painting done in each landing frame, and compare what was made ahead
with what painting afresh makes.  No timing: the worker is joined (a bounded
wait) before each frame.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.engine import EventKind
from game.ui.kit.context import Context
from game.ui.kit.pilot import Pilot
from game.ui.kit.scene import Scene
from game.ui.screens.common import GameSetup
from game.ui.screens.summary import RoundSummaryScene
from game.ui.screens.table.board import BoardView
from game.ui.screens.table.delegations import DelegationsPanel
from game.ui.screens.table.scene import TableScene
from game.ui.screens.table.transcript import TranscriptView
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import new_setup, shown_text

JOIN_S = 10.0
MOVES = 40  # the whole game of this seed: every round closes


def _thinking_table(make_pilot: MakePilot, pace: str = "fast") -> tuple[Pilot, GameSetup]:
    setup = new_setup({})  # every seat an AI delegate

    def table(ctx: Context) -> Scene:
        ctx.think_ahead = True  # what the real loop sets: the AI decides on a worker thread
        return TableScene(ctx, setup)

    return make_pilot(table, ai_pace=pace), setup


def _joined(setup: GameSetup) -> None:
    """Wait (bounded) for the worker thread's decision, as the pause of a move would."""
    assert setup.local is not None
    thinker = setup.local.thinker
    assert thinker is not None
    if thinker._thread is not None:
        thinker._thread.join(JOIN_S)
        assert not thinker._thread.is_alive()


def _counting(
    monkeypatch: pytest.MonkeyPatch, owner: type, name: str, label: str, into: list[str]
) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        into.append(label)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)


def _play(
    pilot: Pilot,
    setup: GameSetup,
    landed: Callable[[Pilot], None],
    before: Callable[[], None] = lambda: None,
    after: Callable[[bool], None] = lambda _landed: None,
) -> int:
    """Let AI moves land (Continue past round summaries); ``landed`` after each one's frame,
    ``before`` ahead of every frame of the table and ``after`` it (whether a move landed)."""
    session = setup.session
    assert session is not None
    moves = 0
    for _ in range(5000):
        if moves >= MOVES or session.is_over:
            break
        if isinstance(pilot.scene, RoundSummaryScene):
            pilot.press("return")
            continue
        _joined(setup)
        count = len(session.log)
        before()
        pilot.advance()
        after(len(session.log) > count)
        if len(session.log) > count:
            moves += 1
            landed(pilot)
    return moves


@pytest.mark.parametrize("pace", ["fast", "instant"])  # instant: due before it is ready
def test_an_ai_move_lands_with_nothing_left_to_paint(
    make_pilot: MakePilot, home: Path, monkeypatch: pytest.MonkeyPatch, pace: str
) -> None:
    del home
    pilot, setup = _thinking_table(make_pilot, pace)
    painted: list[str] = []
    _counting(monkeypatch, BoardView, "_paint", "the board", painted)
    _counting(monkeypatch, TranscriptView, "_paint", "a transcript row", painted)
    _counting(monkeypatch, RoundSummaryScene, "__init__", "a round summary", painted)
    _counting(monkeypatch, DelegationsPanel, "_paint", "the delegations", painted)
    in_landing: list[tuple[int, list[str]]] = []
    summaries = []
    drawn = [pilot.app.frames]
    readying_drew: list[list[str]] = []  # parts made in a frame that was also drawn

    def landed(p: Pilot) -> None:
        in_landing.append((len(in_landing) + 1, list(painted)))
        if isinstance(p.scene, RoundSummaryScene):
            summaries.append(p.scene)

    def before() -> None:
        painted.clear()
        drawn[0] = pilot.app.frames

    def after(move: bool) -> None:
        if not move and painted and pilot.app.frames != drawn[0]:
            readying_drew.append(list(painted))

    assert _play(pilot, setup, landed, before, after) == MOVES
    assert summaries  # a round closed on the way
    assert [(move, work) for move, work in in_landing if work] == []
    # The pictures are made in frames that draw nothing (the screen has not changed),
    # even when the move falls due before they are all made: it waits a frame.
    assert readying_drew == []
    assert pilot.app.crashes == []


@pytest.mark.slow  # a whole game, painted twice over
def test_what_is_made_ahead_is_what_painting_afresh_makes(
    make_pilot: MakePilot, home: Path
) -> None:
    del home
    pilot, setup = _thinking_table(make_pilot)
    table = pilot.scene
    assert isinstance(table, TableScene)
    theme = table.theme
    checked = {"boards": 0, "rows": 0, "summaries": 0}

    def landed(p: Pilot) -> None:
        if isinstance(p.scene, RoundSummaryScene):
            # The summary made ahead says what one made now, from the game, says.
            last = setup.game.turns_since(len(setup.game.turns_since(0)) - 1)[-1]
            closed = [e.round for e in last.events if e.kind is EventKind.ROUND_CLOSED]
            fresh = RoundSummaryScene(table.ctx, setup, closed[-1])
            fresh.relayout(p.scene.rect)
            assert shown_text(p.scene) == shown_text(fresh)
            checked["summaries"] += 1
            return
        width = table.board.rect.width
        fresh_board = BoardView("fresh")
        fresh_board.attach(theme)
        fresh_board.set_view(table.pv, None)
        a, b = table.board.picture(width), fresh_board.picture(width)
        assert pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB")
        checked["boards"] += 1
        transcript = table.transcript
        row_width = transcript._row_width()
        for index in transcript.visible_range()[-3:]:
            shown = transcript._row_surface(index, row_width)
            row = transcript.items[index]
            fresh_row = TranscriptView("fresh", table.pv)
            fresh_row.attach(theme)
            again = fresh_row._render(theme, row, row_width, False)
            assert shown.get_size() == again.get_size()
            assert pygame.image.tobytes(shown, "RGBA") == pygame.image.tobytes(again, "RGBA")
            checked["rows"] += 1

    assert _play(pilot, setup, landed) == MOVES
    assert checked["boards"]
    assert checked["rows"]
    assert checked["summaries"]
    assert pilot.app.crashes == []


def test_a_moves_rows_are_readied_a_few_letters_at_a_time() -> None:
    from game.ui.screens.table.scene import _chunks
    from game.ui.screens.table.transcript import Row

    rows = [Row("statement", "us", "", "x" * n, 1) for n in (50, 500, 10, 10, 390, 20)]
    runs = _chunks(rows, 400)
    assert [row for run in runs for row in run] == rows  # all of them, in order
    assert [len(run) for run in runs] == [2, 3, 1]  # a run ends once it holds 400 letters
    assert _chunks([], 400) == []
