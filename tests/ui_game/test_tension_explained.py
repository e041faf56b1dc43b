"""Tension explained: what moved it, by how much — in the round summary and on the meter."""

from __future__ import annotations

import pygame

from game.engine import EventKind, GameEvent
from game.session.seats import Seat, SeatKind
from game.text import table as text_table
from game.ui.screens.flow import start_scene
from game.ui.screens.summary import RoundSummaryScene
from game.ui.screens.table.scene import TableScene
from game.ui.screens.tension import tension_changes
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import new_setup, play_until, shown_text


def _event(kind: EventKind, text: str, value: float | None = None, turn: int = 1) -> GameEvent:
    return GameEvent(kind, text, 1, turn, actor="", value=value)


def test_each_change_is_put_down_to_the_move_or_event_before_it() -> None:
    log = [
        _event(EventKind.THREAT, "Russia threatens Further troop build-up."),
        _event(EventKind.TENSION, "Tension rises to 65.", 65),
        _event(EventKind.QUOTE, "Blinken: “a gun to Ukraine's head”"),
        _event(EventKind.EVENT_DRAWN, "Event: CSTO troops in Kazakhstan.\nMore words."),
        _event(EventKind.TENSION, "Tension rises to 68.", 68),
        _event(EventKind.ACCEPTED, "US accepts #2.", turn=2),
        _event(EventKind.AGREEMENT, "Agreement on #2 (Russia, US).", turn=2),
        _event(EventKind.BINDING, "Binding: Missiles: limits.", turn=2),
        _event(EventKind.TENSION, "Tension falls to 62.", 62, turn=2),
    ]
    changes = tension_changes(log, 62)
    assert [(c.cause, c.delta, c.level) for c in changes] == [
        ("Russia threatens Further troop build-up.", 3, 65),
        ("Event: CSTO troops in Kazakhstan.", 3, 68),
        ("Agreement on #2 (Russia, US).", -6, 62),
    ]
    assert changes[0].line() == "+3 → 65: Russia threatens Further troop build-up."


def test_the_round_summary_lists_what_moved_tension_yours_included(
    make_pilot: MakePilot,
) -> None:
    setup = new_setup({"us": Seat(SeatKind.HUMAN)})
    pilot = make_pilot(lambda ctx: start_scene(ctx, setup), ai_pace="fast")
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    pilot.press("s")  # a statement of ours: it moves tension too
    pilot.press("return", pygame.KMOD_CTRL)
    for _ in range(200):
        if isinstance(pilot.scene, RoundSummaryScene):
            break
        scene = pilot.scene
        if isinstance(scene, TableScene) and scene.viewer_moves():
            pilot.press("n")
        else:
            pilot.advance(ms=450)
    summary = pilot.scene
    assert isinstance(summary, RoundSummaryScene)
    text = shown_text(summary)
    assert "What moved the tension" in text
    game = setup.game
    changes = [
        c
        for c in tension_changes(game.public_view().log, game.opening().trackers.tension)
        if c.round == 1
    ]
    assert changes
    for change in changes:
        assert change.line() in text
    assert any(c.cause.startswith("US (") for c in changes)  # the viewer's own statement


def test_the_tension_meter_tooltip_gives_the_last_changes(make_pilot: MakePilot) -> None:
    setup = new_setup({"us": Seat(SeatKind.HUMAN)})
    pilot = make_pilot(lambda ctx: start_scene(ctx, setup), ai_pace="fast")
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    pilot.press("n")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    scene = pilot.scene
    assert isinstance(scene, TableScene)
    pilot.move(scene.topbar.meter_rect().center)
    pilot.advance(ms=1500)
    shown = scene.tooltips.visible_text()
    assert shown is not None
    game = setup.game
    changes = tension_changes(game.public_view().log, game.opening().trackers.tension)
    assert changes
    assert changes[-1].line() in shown


def test_the_window_and_the_terminal_show_the_same_trackers_explained(
    make_pilot: MakePilot,
) -> None:
    setup = new_setup({"us": Seat(SeatKind.HUMAN)})
    pilot = make_pilot(lambda ctx: start_scene(ctx, setup), ai_pace="fast")
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    scene = pilot.scene
    assert isinstance(scene, TableScene)
    pv = scene.pv
    window = "\n".join(scene.delegations.all_text())
    terminal = "\n".join(text_table.trackers(pv))
    names = {a.id: a.short_name or a.name for a in pv.actors}
    for actor in (a for a in pv.actors if a.playable):
        a = actor.id
        tr = pv.trackers
        for label, values in (
            ("Credibility", tr.credibility),
            ("Support", tr.support),
            ("Cohesion", tr.cohesion),
        ):
            assert f"{label} {values[a]:.0f}" in window
            assert f"{names[a]} {values[a]:.0f}" in terminal
            assert label.lower() in terminal
    for (a, b), value in pv.trackers.trust.items():
        if a in names and b in names and {a, b} <= {x.id for x in pv.actors if x.playable}:
            assert f"{names[a]}–{names[b]} {value:.0f}" in window
            assert f"{names[a]}–{names[b]} {value:.0f}" in terminal
    # explained where shown: the card's tooltip and the terminal's legend
    card = scene.delegations._card_rects()[0]
    pilot.move(card.center)
    pilot.advance(ms=1500)
    tip = scene.tooltips.visible_text() or ""
    for word in ("Credibility:", "Support:", "Cohesion:", "Trust:"):
        assert word in tip
    assert "credibility: threats believed" in terminal
