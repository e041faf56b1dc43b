"""The transcript's row heights: always the height of the row shown, whatever came before."""

from __future__ import annotations

import gc
from itertools import pairwise

import pygame

from game import engine
from game.engine import EventKind, GameEvent, Propose
from game.session.seats import Seat, SeatKind
from game.ui.kit.theme import load_theme
from game.ui.screens.flow import start_scene
from game.ui.screens.table.scene import TableScene
from game.ui.screens.table.transcript import Row, TranscriptView, _row
from tests.scenarios import bundled
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import new_setup, play_until

LONG = "A long entry that wraps over several lines of the transcript panel. " * 6


def _view() -> TranscriptView:
    pygame.font.init()
    pv = engine.public_view(engine.new_game(bundled("geneva-2022").scenario, 7))
    view = TranscriptView("transcript", pv)
    view.attach(load_theme())
    view.rect = pygame.Rect(0, 0, 360, 400)
    return view


def _fresh_heights(view: TranscriptView) -> list[int]:
    other = _view()
    return [other._measure(other.theme, row, view._row_width()) for row in view.items]


def test_rows_rebuilt_after_an_undo_get_their_own_heights() -> None:
    # An undo rebuilds every row as a new object; a height remembered for a row that
    # is gone must never be given to a new row (CPython reuses the ids of freed objects).
    view = _view()
    view.set_items([Row("statement", "us", "US", f"short {n}", 1) for n in range(200)])
    view.content_height()  # measured and remembered
    old_ids = {id(row) for row in view.items}
    view.set_items([])
    gc.collect()
    fresh: list[Row] = []
    reused = 0
    for n in range(2000):
        fresh.append(Row("statement", "us", "US", f"{LONG} {n}", 1))
        reused += id(fresh[-1]) in old_ids
        if reused >= 20:
            break
    view.set_items(fresh)
    offsets = view._ensure_offsets()
    heights = [b - a for a, b in pairwise(offsets)]
    assert heights == _fresh_heights(view)


def test_appending_a_row_measures_only_the_new_row() -> None:
    view = _view()
    view.set_items([Row("statement", "us", "US", f"entry {n}", 1) for n in range(300)])
    view.content_height()
    measured: list[object] = []
    original = view.measure_row
    assert original is not None

    def counting(theme, item, width):  # type: ignore[no-untyped-def]
        measured.append(item)
        return original(theme, item, width)

    view.measure_row = counting
    new = Row("statement", "russia", "Russia", LONG, 1)
    view.append(new)
    view.content_height()
    assert measured == [new]
    offsets = view._ensure_offsets()
    assert offsets[-1] - offsets[-2] == _fresh_heights(view)[-1]


def test_after_propose_undo_statement_pass_every_row_has_its_height(
    make_pilot: MakePilot,
) -> None:
    # The play-test's steps: propose, Ctrl+Z, a statement with no words, pass.
    setup = new_setup({"us": Seat(SeatKind.HUMAN)})
    pilot = make_pilot(lambda ctx: start_scene(ctx, setup), ai_pace="fast")
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    pilot.press("p")
    pilot.press("right")
    pilot.press("return", pygame.KMOD_CTRL)
    assert isinstance(pilot.scene, TableScene)
    assert any(isinstance(e.action, Propose) for e in setup.session.log)
    pilot.press("z", pygame.KMOD_CTRL)
    assert not any(isinstance(e.action, Propose) for e in setup.session.log)
    pilot.press("s")
    pilot.press("return", pygame.KMOD_CTRL)
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    pilot.press("n")
    scene = pilot.scene
    assert isinstance(scene, TableScene)
    view = scene.transcript
    offsets = view._ensure_offsets()
    assert [b - a for a, b in pairwise(offsets)] == _fresh_heights(view)
    assert view.max_scroll() == max(0, offsets[-1] - view.rect.height + 2)


def test_a_quote_by_the_delegation_itself_names_it_once() -> None:
    pv = _view().pv
    own = GameEvent(EventKind.QUOTE, "US: “We are ready.”", 1, 0, actor="us")
    other = GameEvent(EventKind.QUOTE, "Antony Blinken (CNN): “a path”", 1, 0, actor="us")
    assert _row(pv, own).speaker == ""
    assert _row(pv, other).speaker == "US"


def test_new_moves_are_followed_or_announced_below(make_pilot: MakePilot) -> None:
    setup = new_setup({"us": Seat(SeatKind.HUMAN)})
    pilot = make_pilot(lambda ctx: start_scene(ctx, setup), ai_pace="fast")
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    scene = pilot.scene
    assert isinstance(scene, TableScene)
    view = scene.transcript
    # At the end: a new move is followed, no marker.
    pilot.press("n")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    assert view.scroll == view.max_scroll()
    assert view.marker_text() == ""
    # Scrolled up: new moves stay below, and a marker says so.
    view.scroll = 0
    pilot.press("n")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    assert view.scroll == 0
    assert view.unseen > 0
    assert "New moves below" in view.marker_text()
    assert any("New moves below" in f.text for f in scene.text_fits())
    marker = view.marker_rect()
    assert marker is not None
    pilot.click_at(marker.center)
    assert view.scroll == view.max_scroll()
    assert view.marker_text() == ""
