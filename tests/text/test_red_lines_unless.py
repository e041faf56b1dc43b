"""The terminal shows a red line with ``unless`` (R27) as the board's chips do: conditional
while nothing lifts it, lifted once what binds meets its condition -- never as crossed then."""

from __future__ import annotations

from pathlib import Path

from game import engine
from game.engine import GameState, parse_action
from game.scenario import load_scenario
from game.text.table import board, brief, red_line_marks

EVERY = Path(__file__).parents[1] / "scenario" / "data" / "every-addition.yaml"
SCENARIO = load_scenario(EVERY).scenario


def _after(*moves: str) -> GameState:
    state = engine.new_game(SCENARIO, 3)
    for move in moves:
        state, _ = engine.apply(state, parse_action(move))
    return state


INSPECTIONS_BIND = ("blue propose verification=inspections", "red accept 1")


def test_the_board_lists_public_red_lines_firm_conditional_and_lifted() -> None:
    before = board(engine.public_view(_after()))
    assert "  × Blue on border = massed" in before
    assert "  × Blue on sanctions = suspended, unless Verification: Inspections agreed" in before
    after = board(engine.public_view(_after(*INSPECTIONS_BIND)))
    assert "    Blue on sanctions = suspended: LIFTED by what binds" in after
    assert not any("× Blue on sanctions" in line for line in after)


def test_the_brief_says_unless_and_whether_it_is_lifted() -> None:
    state = _after()
    lines = brief(engine.view(state, "blue"), engine.public_view(state))
    assert "      unless Verification: Inspections agreed: not lifted yet" in lines
    state = _after(*INSPECTIONS_BIND)
    lines = brief(engine.view(state, "blue"), engine.public_view(state))
    assert "      unless Verification: Inspections agreed: LIFTED now by what binds" in lines


def test_the_menu_warns_of_a_conditional_line_only_when_it_is_not_lifted() -> None:
    state = _after()
    propose = parse_action("red propose sanctions=suspended")
    marks = red_line_marks(SCENARIO, engine.public_view(state), propose, "red")
    assert "Blue's red line on sanctions" in marks
    lifted_in_package = parse_action("red propose sanctions=suspended,verification=inspections")
    assert red_line_marks(SCENARIO, engine.public_view(state), lifted_in_package, "red") == ""
    # ... and once inspections bind, suspending sanctions alone crosses nothing either.
    state = _after(*INSPECTIONS_BIND)
    assert red_line_marks(SCENARIO, engine.public_view(state), propose, "red") == ""
