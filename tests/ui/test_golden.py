"""Screenshots of the finished screens compared with approved images, and no text overflowing.

Regenerate on purpose only (``REDLINES_REGEN_GOLDEN=1``) and look at the new
images before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.ui.kit.context import Context
from game.ui.kit.pilot import Pilot
from game.ui.kit.scene import Scene
from game.ui.screens.title import TitleScene
from tests.ui.conftest import MakePilot, assert_golden

SUBTITLE = (
    "Three venues, one week, and a border under strain: can the talks step back from the brink?"
)


def _title(ctx: Context) -> Scene:
    return TitleScene(ctx, subtitle=SUBTITLE)


SCREENS = {
    "title": [],
    "settings": ["title.settings"],
    "help": ["F1"],
    "quit_dialog": ["ESC"],
}


VARIANTS: dict[str, dict[str, object]] = {
    "1280x720": {},
    "scale2": {"ui_scale": 2.0},
    "colourblind": {"colour_blind": True},
}
CASES = [(screen, variant) for screen in SCREENS for variant in ("1280x720", "scale2")]
CASES.append(("settings", "colourblind"))


def _open(pilot: Pilot, steps: list[str]) -> None:
    for step in steps:
        if step == "F1":
            pilot.press("f1")
        elif step == "ESC":
            pilot.press("escape")
        else:
            pilot.click(step)


@pytest.mark.parametrize(("screen", "variant"), CASES)
def test_screen_matches_golden_and_no_text_overflows(
    make_pilot: MakePilot, screen: str, variant: str
) -> None:
    pilot = make_pilot(_title, **VARIANTS[variant])
    _open(pilot, SCREENS[screen])
    pilot.move((2, 2))  # no hover effects in the picture
    frame = pilot.screenshot()
    assert frame.get_size() == (1280, 720)
    overflowing = [
        f"{f.widget_id}: {f.text!r} {f.size} in {f.box}"
        for f in pilot.scene.text_fits()
        if f.overflows
    ]
    assert overflowing == []
    screen_rect = frame.get_rect()
    off_screen = [f.text for f in pilot.scene.text_fits() if not screen_rect.contains(f.box)]
    assert off_screen == []
    assert_golden(frame, f"{screen}-{variant}")


def test_a_changed_picture_fails_and_leaves_a_side_by_side_diff(tmp_path: Path) -> None:
    picture = pygame.Surface((64, 32))
    picture.fill((20, 30, 50))
    pygame.image.save(picture, str(tmp_path / "pic.png"))
    assert_golden(picture, "pic", tmp_path, tmp_path / "_failures")  # identical: passes
    changed = picture.copy()
    changed.fill((240, 240, 240), pygame.Rect(0, 0, 32, 32))
    with pytest.raises(pytest.fail.Exception, match="mean difference"):
        assert_golden(changed, "pic", tmp_path, tmp_path / "_failures")
    sheet = pygame.image.load(str(tmp_path / "_failures" / "pic-golden-current-diff.png"))
    assert sheet.get_size() == (64 * 3, 32)
