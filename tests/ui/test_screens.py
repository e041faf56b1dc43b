"""The title and settings screens, driven through the real app by the pilot."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pygame
import pytest

from game.ui.kit.context import Context
from game.ui.kit.dialog import Dialog
from game.ui.kit.scene import Push, Scene, Transition
from game.ui.kit.settings import SettingsStore
from game.ui.kit.widgets import Button, Stepper, Toggle
from game.ui.screens.settings_screen import SettingsScene
from game.ui.screens.title import TitleHooks, TitleScene
from tests.ui.conftest import MakePilot
from tests.ui.sandbox import LongForm, Sandbox


def _title(ctx: Context) -> Scene:
    return TitleScene(ctx, subtitle="A test subtitle")


def _button(pilot_widget: object) -> Button:
    assert isinstance(pilot_widget, Button)
    return pilot_widget


def test_menu_entries_without_a_hook_are_disabled_not_fake(make_pilot: MakePilot) -> None:
    pilot = make_pilot(_title)
    for wid in ("title.new", "title.continue", "title.load"):
        assert not _button(pilot.widget(wid)).enabled
        pilot.click(wid)
        assert isinstance(pilot.scene, TitleScene)
    assert _button(pilot.widget("title.settings")).enabled


def test_hooks_open_the_scenes_they_make(make_pilot: MakePilot) -> None:
    hooks = TitleHooks(new_game=Sandbox, load_game=Sandbox)
    pilot = make_pilot(lambda ctx: TitleScene(ctx, hooks=hooks))
    assert not _button(pilot.widget("title.continue")).enabled
    pilot.click("title.new")
    assert isinstance(pilot.scene, Sandbox)
    pilot.press("escape")
    assert isinstance(pilot.scene, TitleScene)
    pilot.press("l")
    assert isinstance(pilot.scene, Sandbox)


def test_the_subtitle_comes_from_the_caller(make_pilot: MakePilot) -> None:
    pilot = make_pilot(lambda ctx: TitleScene(ctx, subtitle="Женева, январь"))
    assert {fit.text for fit in pilot.scene.text_fits()} >= {"Red Lines", "Женева, январь"}


def test_quit_button_and_escape_dialog(make_pilot: MakePilot) -> None:
    pilot = make_pilot(_title)
    pilot.press("escape")
    assert isinstance(pilot.scene, Dialog)
    pilot.press("escape")  # cancel: stay
    assert isinstance(pilot.scene, TitleScene)
    assert pilot.running
    pilot.press("escape")
    pilot.press("return")  # the default button quits
    assert not pilot.running


def test_keyboard_alone_reaches_settings(make_pilot: MakePilot) -> None:
    pilot = make_pilot(_title)
    pilot.press("down")  # from Settings (first enabled entry) to Quit
    pilot.press("up")
    pilot.press("return")
    assert isinstance(pilot.scene, SettingsScene)


def test_scale_change_is_saved_and_relays_out_the_screen(make_pilot: MakePilot, home: Path) -> None:
    pilot = make_pilot(_title)
    pilot.click("title.settings")
    done_before = pilot.widget("settings.done").rect.copy()
    stepper = pilot.widget("settings.scale")
    pilot.click_at((stepper.rect.right - 4, stepper.rect.centery))  # "+"
    saved = json.loads((home / "settings.json").read_text(encoding="utf-8"))
    assert saved["ui_scale"] == 1.25
    assert pilot.app.context.theme.scale == 1.25
    done_after = pilot.widget("settings.done").rect
    assert done_after.height > done_before.height
    assert done_after != done_before
    pilot.press("escape")  # the title, below, was laid out again too
    assert isinstance(pilot.scene, TitleScene)
    assert pilot.widget("title.quit").rect.height > 0
    assert [f for f in pilot.scene.text_fits() if f.overflows] == []


def test_colour_blind_palette_toggles_live_and_persists(make_pilot: MakePilot, home: Path) -> None:
    pilot = make_pilot(SettingsScene)
    theme = pilot.app.context.theme
    danger = theme.color("danger")
    pilot.click("settings.colour_blind")
    assert theme.palette == "colour_blind"
    assert theme.color("danger") != danger
    assert json.loads((home / "settings.json").read_text(encoding="utf-8"))["colour_blind"] is True
    pilot.press("space")  # the toggle has focus after the click
    assert theme.palette == "default"


def test_settings_are_remembered_by_the_next_run(make_pilot: MakePilot, home: Path) -> None:
    pilot = make_pilot(SettingsScene)
    pilot.click("settings.sound")
    pilot.click("settings.ai_pace")
    pilot.press("down")
    pilot.press("return")
    pilot.close()
    again = make_pilot(SettingsScene)
    assert again.app.context.settings.sound is False
    assert again.app.context.settings.ai_pace == "slow"


def test_window_size_choice_resizes_the_window(make_pilot: MakePilot) -> None:
    pilot = make_pilot(SettingsScene)
    pilot.click("settings.window")
    pilot.press("down")
    pilot.press("return")
    assert pilot.app.screen.get_size() == (1366, 768)
    assert pilot.app.context.settings.window_size == (1366, 768)


def test_resizing_the_window_lays_out_again(make_pilot: MakePilot) -> None:
    pilot = make_pilot(SettingsScene)
    pilot.resize(1600, 900)
    assert pilot.app.screen.get_size() == (1600, 900)
    panel = pilot.scene.rect
    assert panel.size == (1600, 900)
    assert pilot.widget("settings.done").rect.right < 1600
    pilot.resize(960, 600)
    assert pilot.widget("settings.done").rect.right < 960
    assert [f for f in pilot.scene.text_fits() if f.overflows] == []


def test_corrupt_settings_fall_back_to_defaults_with_a_warning(
    home: Path, caplog: pytest.LogCaptureFixture
) -> None:
    home.mkdir(parents=True)
    (home / "settings.json").write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        settings = SettingsStore().load()
    assert settings.ui_scale == 1.0
    assert "not valid JSON" in caplog.text


def test_invalid_fields_fall_back_one_by_one(home: Path, caplog: pytest.LogCaptureFixture) -> None:
    home.mkdir(parents=True)
    data = {"ui_scale": 7, "sound": False, "window_size": [10, 10], "ai_pace": "fast"}
    (home / "settings.json").write_text(json.dumps(data), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        settings = SettingsStore().load()
    assert (settings.ui_scale, settings.sound, settings.window_size, settings.ai_pace) == (
        1.0,
        False,
        (1280, 720),
        "fast",
    )
    assert "ui_scale" in caplog.text
    assert "window_size" in caplog.text


def test_settings_are_written_atomically(home: Path) -> None:
    store = SettingsStore()
    store.save(store.load().with_(sound=False))
    assert [p.name for p in home.iterdir()] == ["settings.json"]  # no temporary file left
    assert SettingsStore().load().sound is False


class _Broken(Scene):
    title = "Broken"

    def on_action(self, action: str) -> None:
        raise RuntimeError(f"a bug in a scene ({action})")

    KEYS = TitleScene.KEYS


def test_a_scene_that_raises_shows_an_error_screen_and_writes_a_log(
    make_pilot: MakePilot, home: Path
) -> None:
    saved: list[str] = []
    pilot = make_pilot(_title)
    pilot.app.context.autosave = lambda: saved.append("autosave")
    pilot.app._apply(Push(_Broken(pilot.app.context)))
    pilot.press("n")
    assert type(pilot.scene).__name__ == "ErrorScene"
    assert saved == ["autosave"]
    logs = list((home / "logs").glob("crash-*.log"))
    assert len(logs) == 1
    assert "a bug in a scene" in logs[0].read_text(encoding="utf-8")
    assert all("Traceback" not in fit.text for fit in pilot.scene.text_fits())
    pilot.click("error.back")
    assert isinstance(pilot.scene, TitleScene)


@pytest.mark.parametrize(
    "scene", ["TitleScene", "SettingsScene", "Dialog", "HelpOverlay", "ErrorScene", "App"]
)
def test_every_key_table_names_real_keys(scene: str) -> None:
    from game.ui.kit.app import App
    from game.ui.kit.crash import ErrorScene
    from game.ui.kit.help import HelpOverlay
    from game.ui.kit.keys import parse_keys

    tables = {
        "TitleScene": TitleScene.KEYS,
        "SettingsScene": SettingsScene.KEYS,
        "Dialog": Dialog.KEYS,
        "HelpOverlay": HelpOverlay.KEYS,
        "ErrorScene": ErrorScene.KEYS,
        "App": App.GLOBAL_KEYS,
    }
    for binding in tables[scene]:
        parse_keys(binding.keys)  # raises on an unknown name
        assert binding.description


class _BadDraw(Scene):
    title = "Bad draw"

    def draw(self, surface: object) -> None:
        raise ZeroDivisionError(f"drawing on {surface} went wrong")


def test_a_scene_that_fails_to_draw_is_replaced_by_the_error_screen(make_pilot: MakePilot) -> None:
    pilot = make_pilot(_title)
    pilot.app._apply(Push(_BadDraw(pilot.app.context)))
    pilot.screenshot()
    assert type(pilot.scene).__name__ == "ErrorScene"
    assert len(pilot.app.crashes) == 1
    pilot.press("escape")
    assert isinstance(pilot.scene, TitleScene)


def test_f11_toggles_full_screen_and_remembers_it(make_pilot: MakePilot) -> None:
    pilot = make_pilot(_title)
    pilot.press("f11")
    assert pilot.app.context.settings.fullscreen is True
    assert pilot.running
    pilot.press("return", pygame.KMOD_ALT)
    assert pilot.app.context.settings.fullscreen is False
    assert pilot.app.screen.get_size() == (1280, 720)


def test_ctrl_plus_anywhere_enlarges_text_and_the_settings_screen_follows(
    make_pilot: MakePilot, home: Path
) -> None:
    pilot = make_pilot(_title)
    pilot.click("title.settings")
    pilot.press("=", pygame.KMOD_CTRL)
    pilot.press("+", pygame.KMOD_CTRL | pygame.KMOD_SHIFT)
    assert pilot.app.context.theme.scale == 1.5
    stepper = pilot.widget("settings.scale")
    assert isinstance(stepper, Stepper)
    assert stepper.value == 1.5
    pilot.press("-", pygame.KMOD_CTRL)
    assert json.loads((home / "settings.json").read_text(encoding="utf-8"))["ui_scale"] == 1.25
    pilot.press("f11")
    toggle = pilot.widget("settings.fullscreen")
    assert isinstance(toggle, Toggle)
    assert toggle.value is True
    assert not pilot.widget("settings.window").enabled


def test_closing_the_window_asks_the_scene(make_pilot: MakePilot) -> None:
    class Careful(Sandbox):
        def on_quit_request(self) -> Transition | None:
            return Push(Dialog(self.ctx, "leave", "Leave the table?", "", [("ok", "Leave")]))

    pilot = make_pilot(Careful)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    pilot.advance()
    assert pilot.running
    assert isinstance(pilot.scene, Dialog)
    plain = make_pilot(_title)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    plain.advance()
    assert not plain.running


def test_pilot_refuses_to_click_what_is_scrolled_away(make_pilot: MakePilot) -> None:
    pilot = make_pilot(LongForm)
    assert "form.button.0" in pilot.clickable()
    assert "form.button.39" not in pilot.clickable()
    with pytest.raises(AssertionError, match="not on screen"):
        pilot.click("form.button.39")


def test_a_small_window_lowers_the_scale_so_the_title_still_fits(make_pilot: MakePilot) -> None:
    pilot = make_pilot(_title, ui_scale=2.0)
    assert pilot.app.context.theme.scale == 2.0
    pilot.resize(800, 480)
    assert 1.0 <= pilot.app.context.theme.scale < 2.0
    assert pilot.app.context.settings.ui_scale == 2.0  # the choice is kept for a bigger window
    screen = pilot.app.screen.get_rect()
    fits = pilot.scene.text_fits()
    assert [f.text for f in fits if f.overflows or not screen.contains(f.box)] == []
    pilot.resize(1280, 720)
    assert pilot.app.context.theme.scale == 2.0


def test_settings_nested_too_deeply_fall_back_to_the_defaults(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    from game.ui.kit.settings import Settings

    assert SettingsStore(home).load() == Settings()
