"""Large text (UI scale 2) at 1280×720: screens taller than the window scroll, nothing is cut.

Issue 12: at scale 2 the seats screen ran past the bottom of the window (the
console PIN and Start out of reach), and the accept warning cut a long list of
red lines.  Both now scroll, with their buttons always in view.
"""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.scenario import load_scenario
from game.ui.kit.pilot import Pilot
from game.ui.kit.theme import UI_SCALES
from game.ui.kit.widgets.scrollpanel import ScrollPanel
from game.ui.screens.common import names_list
from game.ui.screens.seats import SeatsScene
from game.ui.screens.table.scene import TableScene
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import SCENARIO, long_warning
from tests.ui_game.test_golden import _table_screen

WINDOW = pygame.Rect(0, 0, 1280, 720)


def _seats(make_pilot: MakePilot) -> Pilot:
    return make_pilot(lambda ctx: SeatsScene(ctx, load_scenario(SCENARIO)), ui_scale=2.0)


def test_at_large_text_the_seats_screen_scrolls_and_start_stays_in_reach(
    make_pilot: MakePilot, home: Path
) -> None:
    del home
    pilot = _seats(make_pilot)
    scene = pilot.scene
    assert isinstance(scene, SeatsScene)
    for button in (scene.start, scene.back):
        assert WINDOW.contains(button.rect)
        assert not button.rect.colliderect(scene.body.rect)
    assert WINDOW.contains(scene.body.rect)
    assert scene.body.max_scroll() > 0  # taller than the window leaves: it scrolls
    last = scene.fpin
    assert not scene.body.rect.contains(last.rect)  # below, out of view at first
    pilot.scroll(-50, "seats.body")
    assert scene.body.rect.contains(last.rect)  # the wheel brings the last row in view


def test_at_large_text_tab_scrolls_the_focused_seat_field_into_view(
    make_pilot: MakePilot, home: Path
) -> None:
    del home
    pilot = _seats(make_pilot)
    scene = pilot.scene
    assert isinstance(scene, SeatsScene)
    scene.focus(scene.fpin)
    assert scene.body.rect.contains(scene.fpin.rect)


def test_a_long_accept_warning_scrolls_to_its_last_red_line(
    make_pilot: MakePilot, home: Path
) -> None:
    del home
    pilot = _seats(make_pilot)
    dialog = long_warning(pilot, 14)
    assert WINDOW.contains(dialog.panel)
    for button in dialog.buttons:
        assert dialog.panel.contains(button.rect)
        assert not button.rect.colliderect(dialog.body.rect)
    body: ScrollPanel = dialog.body
    assert body.max_scroll() > 0
    message = dialog.message
    assert message.rect.bottom > body.rect.bottom  # the last lines are below, not cut off
    for _ in range(20):
        pilot.press("pagedown")
    assert body.scroll == body.max_scroll()
    assert message.rect.bottom <= body.rect.bottom  # the last red line is in view
    pilot.press("escape")
    assert pilot.scene is not dialog


def test_a_short_message_does_not_scroll(make_pilot: MakePilot, home: Path) -> None:
    del home
    pilot = _seats(make_pilot)
    dialog = long_warning(pilot, 1)
    assert dialog.body.max_scroll() == 0
    assert dialog.body.rect.contains(dialog.message.rect)


@pytest.mark.parametrize(
    "scale",
    # The smallest and the largest text size in the quick run; every size in the full run.
    [s if s in (min(UI_SCALES), max(UI_SCALES)) else pytest.param(s, marks=pytest.mark.slow)
     for s in UI_SCALES],
)  # fmt: skip
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_boards_needs_notes_wrap_whole_at_every_text_size(
    make_pilot: MakePilot, home: Path, scale: float, size: tuple[int, int]
) -> None:
    # Play-test: "at large text size the board cells clip 'Needs …'".  Each issue's
    # note wraps inside its name column, every word of it shown.
    del home
    pilot = _table_screen(make_pilot, {"ui_scale": scale})
    pilot.resize(*size)
    table = pilot.scene
    assert isinstance(table, TableScene)
    table.show_tab("board")
    pilot.advance()
    board = table.board
    fits = board.text_fits()
    assert [f.text for f in fits if f.overflows] == []
    pv = table.pv
    shown = " ".join(f.text for f in fits)
    name_w = max(table.theme.px(120), board.rect.width * 24 // 100)
    for issue in pv.issues:
        assert f"Needs {names_list(pv, issue.consent)}".split(" ")[1] in shown
    needs = [f for f in fits if f.text.startswith("Needs")]
    assert len(needs) == len(pv.issues)
    for f in needs:
        assert f.box.right <= board.rect.left + name_w


def test_at_large_text_a_threat_shows_its_cost_under_the_lever_and_scrolls_as_one(
    make_pilot: MakePilot, home: Path
) -> None:
    # Two columns do not fit: the form was two strips of two lines each, the threat's
    # cost out of sight below the lever.  One column now, the cost right under the lever.
    from game.ui.screens.table.moves import ThreatForm

    del home
    pilot = _table_screen(make_pilot, {"ui_scale": 2.0})
    pilot.press("t")
    form = pilot.scene
    assert isinstance(form, ThreatForm)
    assert not form.side.visible
    texts = {f.text: f.box for f in form.text_fits()}
    cost = next(box for text, box in texts.items() if text.startswith("Threatening raises"))
    assert form.fields.rect.contains(cost)  # in view without scrolling
    assert form.lever.rect.bottom <= cost.top  # under the lever
    assert form.fields.max_scroll() > 0  # the unless-terms follow, in the same scroll
    last = form.pickers[-1][1]
    pilot.scroll(-100, form.fields.id)
    assert form.fields.rect.contains(last.rect)
    overflowing = [f.text for f in form.text_fits() if f.overflows]
    assert overflowing == []
    assert pilot.app.crashes == []


def test_at_large_text_a_package_changes_its_notes_in_the_same_scroll(
    make_pilot: MakePilot, home: Path
) -> None:
    from game.ui.screens.table.moves import ProposeForm

    del home
    pilot = _table_screen(make_pilot, {"ui_scale": 2.0})
    pilot.press("p")
    form = pilot.scene
    assert isinstance(form, ProposeForm)
    before = form.fields.content_height
    for _ in range(3):  # choose an option on the first issue: its notes change, re-flowed
        pilot.press("right")
    assert form.fields.content_height != before or form.notes.blocks
    notes = [b.widget for b in form.notes.blocks]
    assert notes
    assert all(w in form.fields.children() for w in notes)
    assert all(b.widget in form.fields.children() for b in form.form.blocks)
    tops = [w.rect.top for w in [*(b.widget for b in form.form.blocks), *notes]]
    assert tops == sorted(tops)  # the fields, then the notes, none overlapping
    assert pilot.app.crashes == []
