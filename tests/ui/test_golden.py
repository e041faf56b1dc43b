"""Screenshots of the finished screens compared with approved images, and no text overflowing.

Regenerate on purpose only (``REDLINES_REGEN_GOLDEN=1``) and look at the new
images before committing them.
"""

from __future__ import annotations

import pytest

from game.ui.context import Context
from game.ui.scene import Scene
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


def _open(pilot: object, steps: list[str]) -> None:
    for step in steps:
        if step == "F1":
            pilot.press("f1")  # type: ignore[attr-defined]
        elif step == "ESC":
            pilot.press("escape")  # type: ignore[attr-defined]
        else:
            pilot.click(step)  # type: ignore[attr-defined]


@pytest.mark.parametrize("screen", sorted(SCREENS))
@pytest.mark.parametrize(
    ("variant", "settings"),
    [("1280x720", {}), ("scale2", {"ui_scale": 2.0}), ("colourblind", {"colour_blind": True})],
)
def test_screen_matches_golden_and_no_text_overflows(
    make_pilot: MakePilot, screen: str, variant: str, settings: dict[str, object]
) -> None:
    if variant == "colourblind" and screen != "settings":
        pytest.skip("the colour-blind palette is checked on the settings screen")
    pilot = make_pilot(_title, **settings)
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
