"""The widget kit, driven through the real app by the pilot."""

from __future__ import annotations

import pygame
import pytest

from game.ui.kit.dialog import Dialog
from game.ui.kit.intent import Intent
from game.ui.kit.text import wrap_lines
from game.ui.kit.theme import load_theme
from game.ui.kit.widgets import ListView, ScrollPanel
from tests.ui.conftest import MakePilot
from tests.ui.sandbox import ROWS, LongForm, Sandbox


def _sandbox(pilot_scene: object) -> Sandbox:
    assert isinstance(pilot_scene, Sandbox)
    return pilot_scene


def test_tab_visits_every_enabled_control_in_order_and_wraps(make_pilot: MakePilot) -> None:
    pilot = make_pilot(Sandbox)
    order = []
    for _ in range(7):
        order.append(pilot.scene.focused.id if pilot.scene.focused else None)
        pilot.press("tab")
    assert order == [
        "ok",
        "entry",
        "choice",
        "toggle",
        "stepper",
        "list",
        "ok",
    ]  # "off" is disabled
    pilot.press("tab", pygame.KMOD_SHIFT)
    pilot.press("tab", pygame.KMOD_SHIFT)
    assert pilot.scene.focused is not None
    assert pilot.scene.focused.id == "list"


def test_text_entry_takes_textinput_including_cyrillic(make_pilot: MakePilot) -> None:
    pilot = make_pilot(Sandbox)
    scene = _sandbox(pilot.scene)
    pilot.click("entry")
    pilot.type("Привет, NATO")
    assert scene.entry.text == "Привет, NATO"
    pilot.press("backspace")
    pilot.press("backspace", pygame.KMOD_CTRL)
    assert scene.entry.text == "Привет, "
    pilot.press("home")
    pilot.type("«")
    assert scene.entry.text == "«Привет, "
    pilot.press("return")
    assert scene.intents[-1] == Intent("entry", "submit", "«Привет, ")


def test_typing_in_an_entry_never_fires_a_shortcut(make_pilot: MakePilot) -> None:
    pilot = make_pilot(Sandbox)
    scene = _sandbox(pilot.scene)
    pilot.press("q")
    assert scene.actions == ["q-pressed"]
    pilot.click("entry")
    pilot.press("q", unicode="q")
    pilot.type("q")
    assert scene.actions == ["q-pressed"]
    assert scene.entry.text == "q"
    pilot.press("z", pygame.KMOD_CTRL)  # shortcuts with Ctrl still reach the scene
    assert scene.actions[-1] == "undo"


def test_ime_composition_is_shown_then_committed(make_pilot: MakePilot) -> None:
    pilot = make_pilot(Sandbox)
    scene = _sandbox(pilot.scene)
    pilot.click("entry")
    pygame.event.post(pygame.event.Event(pygame.TEXTEDITING, text="ni", start=2, length=0))
    pilot.advance()
    assert scene.entry.composition == "ni"
    assert scene.entry.text == ""
    pilot.type("你")
    assert (scene.entry.text, scene.entry.composition) == ("你", "")


def test_entry_respects_max_length(make_pilot: MakePilot) -> None:
    pilot = make_pilot(Sandbox)
    scene = _sandbox(pilot.scene)
    scene.entry.max_length = 5
    pilot.click("entry")
    pilot.type("abcdefgh")
    assert scene.entry.text == "abcde"


def test_list_scrolls_by_wheel_and_keys_and_renders_only_visible_rows(
    make_pilot: MakePilot,
) -> None:
    pilot = make_pilot(Sandbox)
    view = _sandbox(pilot.scene).list
    assert isinstance(view, ListView)
    pilot.screenshot()
    first_draw = view.rows_rendered
    assert 0 < first_draw < 60  # 2,000 rows, only the visible ones rendered
    pilot.scroll(-3, "list")  # wheel towards the user: down
    assert view.scroll > 0
    pilot.scroll(+10, "list")
    assert view.scroll == 0
    pilot.click("list")
    selected = view.selected
    assert selected is not None
    pilot.press("pagedown")
    assert view.selected is not None
    assert view.selected > selected
    pilot.press("end")
    assert view.selected == len(ROWS) - 1
    assert view.scroll == view.max_scroll()
    assert view.selected in view.visible_range()
    pilot.press("return")
    assert _sandbox(pilot.scene).intents[-1] == Intent("list", "activate", len(ROWS) - 1)
    pilot.screenshot()
    assert view.rows_rendered < first_draw + 60


def test_list_row_cache_is_reused_between_frames(make_pilot: MakePilot) -> None:
    pilot = make_pilot(Sandbox)
    view = _sandbox(pilot.scene).list
    pilot.screenshot()
    before = view.rows_rendered
    pilot.screenshot()
    pilot.screenshot()
    assert view.rows_rendered == before


def test_dropdown_opens_chooses_and_closes(make_pilot: MakePilot) -> None:
    pilot = make_pilot(Sandbox)
    scene = _sandbox(pilot.scene)
    pilot.click("choice")
    assert scene.choice.open
    pilot.press("down")
    pilot.press("down")
    pilot.press("return")
    assert not scene.choice.open
    assert scene.intents[-1] == Intent("choice", "change", "c")
    pilot.click("choice")
    row = scene.choice.popup_rect()
    pilot.click_at((row.centerx, row.top + 5))  # the first option
    assert scene.intents[-1] == Intent("choice", "change", "a")
    pilot.click("choice")
    pilot.click_at((5, 5))  # elsewhere: closes without a change
    assert not scene.choice.open
    assert scene.intents[-1] == Intent("choice", "change", "a")


def test_toggle_and_stepper_report_changes(make_pilot: MakePilot) -> None:
    pilot = make_pilot(Sandbox)
    scene = _sandbox(pilot.scene)
    pilot.click("toggle")
    assert scene.intents[-1] == Intent("toggle", "change", True)
    pilot.press("space")
    assert scene.intents[-1] == Intent("toggle", "change", False)
    pilot.click_at((scene.stepper.rect.right - 5, scene.stepper.rect.centery))
    assert scene.intents[-1] == Intent("stepper", "change", 2)
    pilot.press("left")
    assert scene.intents[-1] == Intent("stepper", "change", 1)
    count = len(scene.intents)
    pilot.press("left")  # already at the first value: no intent
    assert len(scene.intents) == count


def test_disabled_button_reports_nothing(make_pilot: MakePilot) -> None:
    pilot = make_pilot(Sandbox)
    pilot.click("off")
    pilot.click("ok")
    assert [i.source for i in _sandbox(pilot.scene).intents] == ["ok"]


def test_modal_dims_the_scene_below_and_returns_its_choice(make_pilot: MakePilot) -> None:
    pilot = make_pilot(Sandbox)
    before = pilot.screenshot().get_at((5, 5))
    pilot.press("d")
    assert isinstance(pilot.scene, Dialog)
    after = pilot.screenshot().get_at((5, 5))
    assert sum(after[:3]) < sum(before[:3])  # dimmed, not hidden
    pilot.press("escape")
    assert isinstance(pilot.scene, Sandbox)
    assert _sandbox(pilot.scene).results == [Intent("ask", "choose", "no")]
    pilot.press("d")
    pilot.click("yes")
    assert _sandbox(pilot.scene).results[-1] == Intent("ask", "choose", "yes")


def test_tooltip_appears_only_after_the_pointer_rests(make_pilot: MakePilot) -> None:
    pilot = make_pilot(Sandbox)
    pilot.move(pilot.widget("ok").rect.center)
    assert pilot.scene.tooltips.visible_text() is None
    delay = pilot.app.wakeup_in()
    assert delay is not None  # the loop sleeps until the tooltip is due
    assert delay > 0
    pilot.advance(ms=delay)
    assert pilot.scene.tooltips.visible_text() == "Confirm the choice"
    pilot.press("tab")
    assert pilot.scene.tooltips.visible_text() is None


def test_help_overlay_lists_the_scene_shortcuts(make_pilot: MakePilot) -> None:
    pilot = make_pilot(Sandbox)
    pilot.press("f1")
    texts = {fit.text for fit in pilot.scene.text_fits()}
    assert {"A plain-letter shortcut", "Undo", "Ctrl+Z", "Show the keyboard shortcuts"} <= texts
    pilot.press("f1")
    assert isinstance(pilot.scene, Sandbox)


def test_caret_blink_wakes_the_loop_but_does_not_spin_it(make_pilot: MakePilot) -> None:
    pilot = make_pilot(Sandbox)
    assert pilot.app.wakeup_in() is None  # nothing to do: the loop blocks on input
    pilot.click("entry")
    wake = pilot.app.wakeup_in()
    assert wake is not None
    assert wake > 100
    assert not pilot.app.render()  # nothing changed since the last frame
    pilot.advance(ms=wake)
    assert not _sandbox(pilot.scene).entry.caret_visible()
    assert pilot.app.frames > 0


@pytest.mark.parametrize("width", [40, 120, 333])
def test_wrap_breaks_long_words_and_keeps_every_character(width: int) -> None:
    pygame.font.init()
    theme = load_theme()
    font = theme.font("body")
    text = (
        "Переговоры в Женеве: "
        + "безальтернативность" * 3
        + " and a https://example.org/very/long/path"
    )
    lines = wrap_lines(font, text, width)
    assert all(font.size(line)[0] <= width for line in lines)
    # Nothing is lost: the only additions are the hyphens ending split pieces.
    joined = "".join(line.removesuffix("-") if line[-2:-1].isalpha() else line for line in lines)
    assert joined.replace(" ", "") == text.replace(" ", "")


def test_wrapped_text_and_labels_fit_their_boxes_in_the_sandbox(make_pilot: MakePilot) -> None:
    pilot = make_pilot(Sandbox, ui_scale=1.5)
    assert [fit for fit in pilot.scene.text_fits() if fit.overflows] == []


def test_scroll_panel_reveals_the_focused_child_and_hides_the_rest(make_pilot: MakePilot) -> None:
    pilot = make_pilot(LongForm)
    scene = pilot.scene
    assert isinstance(scene, LongForm)
    panel = scene.panel
    assert panel.max_scroll() > 0
    assert scene.focused is panel  # first in Tab order: it can be scrolled by keys
    for _ in range(30):
        pilot.press("tab")
    focused = scene.focused
    assert focused is not None
    assert focused.id == "form.button.29"
    assert panel.scroll > 0
    assert panel.rect.contains(focused.rect)
    hidden = scene.rows[0][1]  # scrolled away above the panel, under the heading
    assert hidden.rect.bottom <= panel.rect.top
    pilot.click_at(hidden.rect.center)
    assert scene.intents == []
    pilot.click("form.button.29")
    assert [i.source for i in scene.intents] == ["form.button.29"]


def test_scroll_panel_scrolls_by_wheel_and_keys(make_pilot: MakePilot) -> None:
    pilot = make_pilot(LongForm)
    panel = pilot.scene.widget("form.panel")
    assert isinstance(panel, ScrollPanel)
    pilot.scroll(-2, "form.panel")
    assert panel.scroll > 0
    before = panel.scroll
    pilot.click_at((panel.rect.right - 2, panel.rect.bottom - 5))  # the scrollbar: page down
    assert panel.scroll > before
    assert pilot.scene.focused is panel
    pilot.press("end")
    assert panel.scroll == panel.max_scroll()
    pilot.press("home")
    assert panel.scroll == 0
