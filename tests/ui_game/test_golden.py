"""Screenshots of every game screen at 1280×720 and at UI scale 2.0, against approved images,
and no text overflowing its box.  Regenerate on purpose: ``REDLINES_REGEN_GOLDEN=1``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from game.session.seats import Seat, SeatKind
from game.ui.kit.pilot import Pilot
from game.ui.main import title_factory
from game.ui.screens.debrief import DebriefScene
from game.ui.screens.flow import start_scene
from game.ui.screens.handover import HandoverScene
from game.ui.screens.summary import RoundSummaryScene
from game.ui.screens.table.howto import HowToPlay
from game.ui.screens.table.scene import TableScene
from tests.scenarios import bundled
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import (
    SCENARIO,
    assert_golden,
    long_warning,
    new_setup,
    play_until,
)

# Every screen at 1280x720 in the quick run; the same screens at UI scale 2 in the full run.
VARIANTS = [
    ("1280x720", {}),
    pytest.param("scale2", {"ui_scale": 2.0}, marks=pytest.mark.slow, id="scale2"),
]


def _title(pilot_maker: MakePilot, settings: dict[str, object]) -> Pilot:
    return pilot_maker(title_factory(bundled(SCENARIO), None, 7), **settings)


def _game(
    pilot_maker: MakePilot, settings: dict[str, object], humans: tuple[str, ...] = ("us",)
) -> Pilot:
    setup = new_setup({a: Seat(SeatKind.HUMAN) for a in humans})
    return pilot_maker(lambda ctx: start_scene(ctx, setup), ai_pace="fast", **settings)


def _table(pilot: Pilot) -> None:
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())


def _to_summary(pilot: Pilot) -> None:
    _table(pilot)
    for _ in range(200):
        if isinstance(pilot.scene, RoundSummaryScene):
            return
        if isinstance(pilot.scene, TableScene) and pilot.scene.viewer_moves():
            pilot.click("table.pass")
        else:
            pilot.advance(ms=450)
    raise AssertionError("no round summary")


def _to_debrief(pilot: Pilot) -> None:
    _table(pilot)
    for _ in range(3000):
        scene = pilot.scene
        if isinstance(scene, DebriefScene):
            return
        if isinstance(scene, RoundSummaryScene):
            pilot.click("summary.continue")
        elif isinstance(scene, TableScene) and scene.viewer_moves():
            pilot.click("table.pass")
        else:
            pilot.advance(ms=450)
    raise AssertionError("no debrief")


SCREENS: dict[str, Callable[[MakePilot, dict[str, object]], Pilot]] = {}


def _title_screen(maker: MakePilot, settings: dict[str, object]) -> Pilot:
    return _title(maker, settings)


def _picker(maker: MakePilot, settings: dict[str, object]) -> Pilot:
    pilot = _title(maker, settings)
    pilot.click("title.new")
    return pilot


def _seats(maker: MakePilot, settings: dict[str, object]) -> Pilot:
    pilot = _picker(maker, settings)
    pilot.click("picker.choose")
    return pilot


def _briefing(maker: MakePilot, settings: dict[str, object]) -> Pilot:
    return _game(maker, settings)


def _handover(maker: MakePilot, settings: dict[str, object]) -> Pilot:
    pilot = _game(maker, settings, ("us", "russia"))
    assert isinstance(pilot.scene, HandoverScene)
    return pilot


def _table_screen(maker: MakePilot, settings: dict[str, object]) -> Pilot:
    pilot = _game(maker, settings)
    _table(pilot)
    return pilot


def _propose(maker: MakePilot, settings: dict[str, object]) -> Pilot:
    pilot = _table_screen(maker, settings)
    pilot.press("p")
    for _ in range(3):  # a term that crosses red lines: the notes say whose and why
        pilot.press("right")
    return pilot


def _summary(maker: MakePilot, settings: dict[str, object]) -> Pilot:
    pilot = _game(maker, settings)
    _to_summary(pilot)
    return pilot


def _debrief(maker: MakePilot, settings: dict[str, object]) -> Pilot:
    pilot = _game(maker, settings)
    _to_debrief(pilot)
    return pilot


def _how_to_play(maker: MakePilot, settings: dict[str, object]) -> Pilot:
    pilot = _game(maker, {**settings, "how_to_play_seen": False})
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, HowToPlay))
    pilot.click("howto.next")  # the tension meter: the card beside what it explains
    return pilot


def _new_moves_below(maker: MakePilot, settings: dict[str, object]) -> Pilot:
    pilot = _table_screen(maker, settings)
    scene = pilot.scene
    assert isinstance(scene, TableScene)
    scene.transcript.scroll = 0
    pilot.press("n")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    pilot.press("3")  # a narrow window: the transcript's tab
    return pilot


def _threaten(maker: MakePilot, settings: dict[str, object]) -> Pilot:
    pilot = _table_screen(maker, settings)
    pilot.press("t")  # the threat dialog: its tension, trust and credibility costs
    return pilot


def _accept_warning(maker: MakePilot, settings: dict[str, object]) -> Pilot:
    pilot = _table_screen(maker, settings)
    long_warning(pilot, 14)  # more red lines than fit: the list scrolls, the buttons stay
    return pilot


SCREENS.update(
    {
        "accept-warning": _accept_warning,
        "threaten": _threaten,
        "howto": _how_to_play,
        "new-moves": _new_moves_below,
        "title": _title_screen,
        "picker": _picker,
        "seats": _seats,
        "briefing": _briefing,
        "handover": _handover,
        "table": _table_screen,
        "propose": _propose,
        "summary": _summary,
        "debrief": _debrief,
    }
)


@pytest.mark.parametrize("name", sorted(SCREENS))
@pytest.mark.parametrize(("variant", "settings"), VARIANTS)
def test_game_screen_matches_golden_and_no_text_overflows(
    make_pilot: MakePilot, home: Path, name: str, variant: str, settings: dict[str, object]
) -> None:
    pilot = SCREENS[name](make_pilot, settings)
    pilot.move((2, 2))
    frame = pilot.screenshot()
    assert frame.get_size() == (1280, 720)
    assert pilot.app.crashes == []
    overflowing = [
        f"{f.widget_id}: {f.text!r} {f.size} in {f.box}"
        for f in pilot.scene.text_fits()
        if f.overflows
    ]
    assert overflowing == [], "\n".join(overflowing)
    assert_golden(frame, f"{name}-{variant}")


def test_table_in_the_colour_blind_palette(make_pilot: MakePilot, home: Path) -> None:
    pilot = _table_screen(make_pilot, {"colour_blind": True})
    pilot.move((2, 2))
    frame = pilot.screenshot()
    assert [f.text for f in pilot.scene.text_fits() if f.overflows] == []
    assert_golden(frame, "table-colourblind")
