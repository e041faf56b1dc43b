"""``redlines play --resume SAVE`` in the window: ``run_game`` opens straight on the saved game.

``run_game``'s own scene factory is driven with the pilot (``game.ui.run`` is
replaced by one that hands the factory over), so the test covers what the
command hands the window, up to the screens a player sees.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import game.ui
from game.session.seats import Seat, SeatKind
from game.session.session import Session
from game.session.store import load
from game.ui.kit.context import Context
from game.ui.kit.scene import Scene
from game.ui.main import run_game
from game.ui.screens.classroom import classroom_of
from game.ui.screens.debrief import DebriefScene
from game.ui.screens.table.scene import TableScene
from game.ui.screens.title import GameTitle
from tests.scenarios import bundled
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import SCENARIO, SEED, shown_text

Factory = Callable[[Context], Scene]


@pytest.fixture
def window_factory(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Factory]:
    """``window_factory(**run_game_kwargs)``: the first scene factory ``run_game`` opens with."""

    def opened(**kwargs: object) -> Factory:
        given: list[Factory] = []

        def fake_run(settings_dir: Path | None = None, **options: object) -> int:
            factory = options["scene_factory"]
            assert callable(factory)
            given.append(factory)  # type: ignore[arg-type]
            return 0

        monkeypatch.setattr(game.ui, "run", fake_run)
        assert run_game(**kwargs) == 0  # type: ignore[arg-type]
        assert len(given) == 1
        return given[0]

    return opened


def _saved(path: Path, seats: dict[str, Seat], *, to_the_end: bool = False) -> Session:
    """A game of the bundled scenario with some moves made, saved to ``path`` and loaded back."""
    loaded = bundled(SCENARIO)
    full = {a.id: seats.get(a.id, Seat(SeatKind.AI)) for a in loaded.scenario.playable}
    session = Session(loaded, SEED, full, autosave=False)
    for _ in range(400 if to_the_end else 3):
        if session.is_over:
            break
        if session.human_to_move:
            session.submit(session.legal_actions()[0])
        else:
            session.step()
    assert session.is_over == to_the_end
    session.save(path)
    return load(path, autosave=True)


def test_the_window_opens_on_the_resumed_game_and_leaving_shows_the_title(
    make_pilot: MakePilot, home: Path, window_factory: Callable[..., Factory]
) -> None:
    resumed = _saved(home / "game.json", {"us": Seat(SeatKind.HUMAN)})
    moves = len(resumed.log)
    assert moves >= 3
    pilot = make_pilot(window_factory(resume=resumed, turn_seconds=40.0), ai_pace="fast")
    pilot.advance()
    table = pilot.scene
    assert isinstance(table, TableScene), type(table).__name__
    assert table.setup.session is resumed  # the very game loaded from the save, no new one
    assert len(table.setup.session.log) >= moves
    assert classroom_of(pilot.app.context).turn_seconds == 40.0  # the options still apply
    pilot.press("escape")
    pilot.click("leave.yes")
    title = pilot.scene
    assert isinstance(title, GameTitle)  # the title was under the game, not an empty window
    assert pilot.running
    assert bundled(SCENARIO).scenario.title in shown_text(title)
    assert pilot.widget("title.continue").enabled  # leaving autosaved the resumed game
    assert pilot.app.crashes == []


def test_a_finished_save_opens_on_its_debrief(
    make_pilot: MakePilot, home: Path, window_factory: Callable[..., Factory]
) -> None:
    resumed = _saved(home / "over.json", {"us": Seat(SeatKind.RANDOM)}, to_the_end=True)
    pilot = make_pilot(window_factory(resume=resumed))
    pilot.advance()
    assert isinstance(pilot.scene, DebriefScene)
    pilot.click("debrief.title")
    assert isinstance(pilot.scene, GameTitle)
    assert pilot.app.crashes == []


def test_without_resume_the_window_opens_on_the_title(
    make_pilot: MakePilot, home: Path, window_factory: Callable[..., Factory]
) -> None:
    pilot = make_pilot(window_factory(loaded=bundled(SCENARIO)))
    pilot.advance(3)
    assert isinstance(pilot.scene, GameTitle)
    assert pilot.app.stack == [pilot.scene]


def test_the_debrief_of_a_loaded_game_shows_the_rationales_the_save_left_out(
    make_pilot: MakePilot, home: Path, window_factory: Callable[..., Factory]
) -> None:
    """Issue 14 item 14: saves hold no rationale; the debrief screen recomputes them."""
    resumed = _saved(home / "over.json", {"us": Seat(SeatKind.RANDOM)}, to_the_end=True)
    assert all(not e.rationale for e in resumed.log)
    pilot = make_pilot(window_factory(resume=resumed))
    pilot.advance()
    assert isinstance(pilot.scene, DebriefScene)
    text = shown_text(pilot.scene)
    assert "No AI delegate sat at this table." not in text
    assert "chosen at random" in text  # the random seat's rationale, recomputed
