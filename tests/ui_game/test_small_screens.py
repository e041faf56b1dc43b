"""Play-test fixes on the screens around the table: labels and stray scrollbars."""

from __future__ import annotations

import pytest

from game.scenario import load_scenario
from game.ui.kit.widgets.label import Label
from game.ui.main import title_factory
from game.ui.screens.panel import PinGate
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import SCENARIO

SCALES = [{}, {"ui_scale": 2.0}]


@pytest.mark.parametrize("settings", SCALES)
def test_the_facilitator_pin_box_has_no_scrollbar(
    make_pilot: MakePilot, settings: dict[str, object]
) -> None:
    pilot = make_pilot(lambda ctx: PinGate(ctx, lambda pin: pin == "1", lambda: ctx), **settings)
    assert isinstance(pilot.scene, PinGate)
    assert pilot.scene.body.max_scroll() == 0  # nothing in it: nothing to scroll


@pytest.mark.parametrize("settings", SCALES)
def test_the_console_pin_box_on_the_seats_screen_has_a_label(
    make_pilot: MakePilot, settings: dict[str, object]
) -> None:
    pilot = make_pilot(title_factory(load_scenario(SCENARIO), None, 7), **settings)
    pilot.click("title.new")
    pilot.click("picker.choose")
    entry = pilot.widget("seats.facilitator-pin")
    label = pilot.widget("seats.facilitator-pin.label")
    assert isinstance(label, Label)
    assert "PIN" in label.text
    assert "console" in label.text.lower()
    # beside the box, on its row
    assert label.rect.right <= entry.rect.left
    assert abs(label.rect.centery - entry.rect.centery) <= entry.rect.height // 2
    assert [f for f in pilot.scene.text_fits() if f.overflows] == []
