"""A red line lifted by ``unless`` (R27) is lifted on every screen, not only on the board.

In the example scenario Blue will not suspend sanctions unless inspections are
agreed.  Once inspections bind, suspending sanctions crosses nothing: the host's
``your-move`` frame, the terminal's menu marks and the engine's "red lines
tested" count must all judge it with what already binds, as the board does.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from game import engine
from game.engine import parse_action
from game.net import frames
from game.scenario import LoadedScenario, load_scenario
from game.session import Seat, SeatKind, Session
from game.text import table

EXAMPLE = Path(__file__).parents[1] / "scenario" / "data" / "every-addition.yaml"
SUSPEND = "sanctions=suspended"
LINE = "blue-no-free-suspension"  # unless: {agreed: {verification: [inspections]}}


@cache
def example() -> LoadedScenario:
    return load_scenario(EXAMPLE)


def inspections_agreed() -> Session:
    """Blue and Red have agreed inspections; Blue is to move."""
    seats = {a.id: Seat(SeatKind.HUMAN) for a in example().scenario.playable}
    game = Session(example(), 1, seats, autosave=False)
    game.submit_text("blue propose verification=inspections")
    game.submit_text("red accept 1")
    assert ("verification", "inspections") in game.state.binding
    assert game.to_move == "blue"
    return game


def test_the_line_is_crossed_without_inspections_and_lifted_with_them() -> None:
    sc = example().scenario
    assert LINE in {
        b.red_line for b in engine.explain_red_lines(sc, (("sanctions", "suspended"),), "blue")
    }
    lifted = engine.explain_red_lines(
        sc, (("sanctions", "suspended"),), "blue", agreed={"verification": "inspections"}
    )
    assert LINE not in {b.red_line for b in lifted}


def test_the_hosts_your_move_frame_counts_what_already_binds() -> None:
    game = inspections_agreed()
    prompt = json.loads(frames.your_move(game, "blue", None))
    suspend = [m for m in prompt["legal"] if m["action"] == f"blue propose {SUSPEND}"]
    assert suspend, "the move is offered"
    assert {"actor": "blue", "issue": "sanctions", "own": True} not in suspend[0]["crosses"]


def test_the_terminal_menu_marks_count_what_already_binds() -> None:
    game = inspections_agreed()
    pv = engine.public_view(game.state)
    marks = table.red_line_marks(game.scenario, pv, parse_action(f"blue propose {SUSPEND}"), "blue")
    assert "YOUR red line on sanctions" not in marks


def test_a_proposal_tests_a_red_line_only_if_it_crosses_it_given_what_binds() -> None:
    game = inspections_agreed()
    game.submit_text("blue pass")
    assert game.to_move == "red"
    game.submit_text(f"red propose {SUSPEND}")
    assert engine.red_lines_tested(game.state)[LINE] == ()
    assert engine.own_red_lines_crossed(game.scenario, "blue", (("sanctions", "suspended"),)) == (
        LINE,
    )
