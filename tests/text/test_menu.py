"""The terminal's short menu: grouped moves, ? for all, packages by number, 80×24."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest

from game import engine
from game.engine import Propose
from game.engine.model import Scenario
from game.errors import UserError
from game.session.seats import Seat, SeatKind
from game.session.session import Session
from game.text.terminal import TextGame
from tests.engine.world_fixture import world_scenario
from tests.scenarios import bundled

HUMAN, AI = Seat(SeatKind.HUMAN), Seat(SeatKind.AI)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))
    return tmp_path


def _play(script: str, seed: int = 7) -> tuple[Session, list[str]]:
    loaded = bundled("geneva-2022")
    seats = {a.id: AI for a in loaded.scenario.playable}
    seats["us"] = HUMAN
    session = Session(loaded, seed, seats, autosave=False)
    out = io.StringIO()
    TextGame(session, io.StringIO(script), out, interactive=False).run()
    return session, out.getvalue().splitlines()


def _menu_blocks(lines: list[str]) -> list[list[str]]:
    """Each human turn's status line and menu, up to the prompt."""
    blocks = []
    for i, line in enumerate(lines):
        if line.startswith("US to move · "):
            end = next(j for j in range(i, len(lines)) if lines[j].startswith("> "))
            blocks.append(lines[i:end])
    return blocks


def test_the_menu_is_grouped_and_fits_a_classroom_terminal_with_the_last_moves() -> None:
    _, lines = _play("n\n" * 3 + "33\n" * 6 + "q\n")
    blocks = _menu_blocks(lines)
    assert blocks
    for block in blocks:
        assert all(len(line) <= 80 for line in block), block
        assert len(block) <= 14, block  # 24 rows: the rest shows the last moves
        labels = {line[2:12].strip() for line in block if line.startswith("  ") and line[2] != " "}
        assert {"Say", "Threaten", "Other", "Propose"} <= labels
        assert block[-1].strip().startswith("? every move")
    assert any("Answer" in line for block in blocks for line in block)


def test_question_mark_lists_every_move_with_the_menu_numbers() -> None:
    _, lines = _play("?\nq\n")
    block = _menu_blocks(lines)[0]
    said = next(line for line in block if line.startswith("  Say"))
    number = said.split()[1]  # "29 conciliatory": the number ? gives that move too
    full = lines[lines.index("> ?") + 1 :]
    assert any(
        line.strip() == f"{number}. statement, conciliatory (type s TONE TEXT to add words)"
        for line in full
    )
    assert sum(1 for line in full if line.strip()[:3].rstrip(".").strip().isdigit()) >= 20


def test_a_package_is_proposed_by_choosing_numbers_not_typing_ids() -> None:
    # enlargement: leave out; nato-posture: 2nd option; missiles: leave out;
    # exercises: 3rd option; dialogue: leave out.
    session, lines = _play("p\n0\n2\n\n3\n0\nq\n")
    proposal = next(e.action for e in session.log if isinstance(e.action, Propose))
    assert proposal.actor == "us"
    assert set(proposal.terms) == {
        ("nato-posture", "ukraine-restraint"),
        ("exercises", "reciprocal-limits"),
    }
    assert any("crosses" in line for line in lines)  # each option shows its red-line flags


def test_a_wrong_number_in_the_builder_drops_the_package_with_a_reason() -> None:
    session, lines = _play("p\n9\nq\n")
    assert not any(isinstance(e.action, Propose) and e.action.actor == "us" for e in session.log)
    assert any(line.startswith("refused: '9' is not 0 to") for line in lines)


@dataclasses.dataclass(frozen=True)
class _Loaded:
    scenario: Scenario
    content_hash: str = "sha256:fixture"
    path: Path | None = None


def test_the_builder_offers_an_option_that_needs_another_and_proposes_them_together() -> None:
    """R33: an option legal only in a package with another is offered, with what it needs,
    and the package of both is proposed (the window's builder does the same)."""
    world = world_scenario()
    needing = next(
        (issue, option, other, sorted(options)[0])
        for issue in world.issues
        for option in issue.options
        for other, options in option.requires.items()
        if {issue.id, other} <= set(world.rounds[0].agenda)
    )
    issue, option, other, wanted = needing
    loaded = _Loaded(world)
    state = engine.new_game(world, 1)
    mover = engine.to_move(state) or ""
    assert Propose(mover, ((issue.id, option.id),)) not in engine.legal_actions(state, mover)
    seats = {a.id: AI for a in world.playable}
    seats[mover] = HUMAN
    session = Session(loaded, 1, seats, autosave=False)
    answers = []
    for agenda_issue in state.agenda:
        ids = [o.id for o in world.issue(agenda_issue).options]
        pick = {issue.id: option.id, other: wanted}.get(agenda_issue)
        answers.append(str(ids.index(pick) + 1) if pick else "0")
    out = io.StringIO()
    script = "p\n" + "\n".join(answers) + "\nq\n"
    TextGame(session, io.StringIO(script), out, interactive=False).run()
    proposal = next(e.action for e in session.log if isinstance(e.action, Propose))
    assert set(proposal.terms) == {(issue.id, option.id), (other, wanted)}
    assert "needs" in out.getvalue()


def test_a_move_may_be_typed_without_the_delegations_id() -> None:
    """``pass`` is the US's pass when the US is to move, as the menu lists it."""
    from game.text.menu import typed_move

    assert typed_move("pass", "us") == engine.Pass("us")
    assert typed_move("accept 2", "us") == engine.Accept("us", 2)
    assert typed_move("russia pass", "us") == engine.Pass("russia")  # the engine judges it
    with pytest.raises(UserError, match="unknown command 'xyz'"):
        typed_move("xyz", "us")
    _, lines = _play("pass\n")
    assert "  US passes." in lines


def test_the_builder_says_which_option_needs_more_consent() -> None:
    """R37: an option whose own consent adds a delegation says so in the builder."""
    every = Path(__file__).parent.parent / "scenario" / "data" / "every-addition.yaml"
    from game.scenario import load_scenario

    loaded = load_scenario(every)
    seats = {a.id: AI for a in loaded.scenario.playable}
    seats["blue"] = HUMAN
    session = Session(loaded, 3, seats, autosave=False)
    out = io.StringIO()
    TextGame(session, io.StringIO("p\n" + "0\n" * 8 + "q\n"), out, interactive=False).run()
    lines = out.getvalue().splitlines()
    marked = [line for line in lines if "also needs the consent of" in line]
    assert marked
    assert all("Full withdrawal" in line for line in marked), marked
    assert any("(also needs the consent of Green)" in line for line in marked)
