"""The classroom in the window: facilitator console, PIN, pause, turn timer, injects, bookmarks.

Time is fake: the window's classroom clock is a number the test moves along
with the pilot's frames, so no test sleeps and the countdown is exact.
"""

from __future__ import annotations

import inspect
import os
import re
from pathlib import Path

import pygame

from game import paths
from game.engine import Bookmark, EndGame, Inject, Pass, Timeout
from game.scenario import load_scenario
from game.session import autosaves
from game.session.controller import Submit
from game.session.pins import PinHash
from game.session.seats import Seat, SeatKind
from game.session.session import Session
from game.session.store import load
from game.session.watch import ScenarioWatcher
from game.ui.kit.context import Context
from game.ui.kit.pilot import Pilot
from game.ui.kit.scene import Scene
from game.ui.main import run_game, title_factory
from game.ui.screens.classroom import Classroom, classroom_of, install
from game.ui.screens.common import GameSetup
from game.ui.screens.console import FacilitatorConsole
from game.ui.screens.debrief import DebriefScene
from game.ui.screens.flow import start_scene
from game.ui.screens.panel import PinGate
from game.ui.screens.summary import RoundSummaryScene
from game.ui.screens.table.forms import FormScene
from game.ui.screens.table.scene import TableScene
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import (
    SCENARIO,
    assert_golden,
    new_setup,
    play_until,
    private_texts,
    shown_text,
)

PIN = "4321"


class FakeTime:
    """The classroom's clock: seconds the test lets pass."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _start(
    make_pilot: MakePilot, room: Classroom, setup: GameSetup | None = None
) -> tuple[Pilot, GameSetup, FakeTime]:
    clock = FakeTime()
    room.now = clock
    game = setup or new_setup({"us": Seat(SeatKind.HUMAN)})

    def first(ctx: Context) -> Scene:
        install(ctx, room)
        return start_scene(ctx, game)

    pilot = make_pilot(first, ai_pace="fast")
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    return pilot, game, clock


def _wait(pilot: Pilot, clock: FakeTime, seconds: float) -> None:
    """Let ``seconds`` pass on both the classroom's clock and the app's, a second at a time."""
    for _ in range(int(seconds)):
        clock.now += 1.0
        pilot.advance(ms=1000)
        assert pilot.app.crashes == [], pilot.app.crashes


def _open_console(pilot: Pilot, pin: str | None = None) -> FacilitatorConsole:
    pilot.press("f9")
    if pin is not None:
        assert isinstance(pilot.scene, PinGate)
        pilot.type(pin)
        pilot.press("return")
    assert isinstance(pilot.scene, FacilitatorConsole), type(pilot.scene).__name__
    return pilot.scene


def test_run_game_takes_the_classroom_options_play_passes() -> None:
    params = inspect.signature(run_game).parameters
    for name in ("watch", "turn_seconds", "facilitator_pin", "settings_dir"):
        assert params[name].kind is inspect.Parameter.KEYWORD_ONLY


def test_console_needs_the_pin_and_shows_nothing_private(make_pilot: MakePilot, home: Path) -> None:
    pilot, setup, _ = _start(make_pilot, Classroom(turn_seconds=40, pin=PinHash.make(PIN)))
    pilot.press("f9")
    assert isinstance(pilot.scene, PinGate)
    pilot.type("0000")
    pilot.press("return")
    assert isinstance(pilot.scene, PinGate)  # a wrong PIN opens nothing
    assert "not the facilitator PIN" in shown_text(pilot.scene)
    pilot.type(PIN)
    pilot.press("return")
    console = pilot.scene
    assert isinstance(console, FacilitatorConsole)
    text = shown_text(console)
    assert "to move" in text
    assert "left" in text
    for actor in ("us", "russia", "nato"):
        for secret in private_texts(setup, actor):
            assert secret not in text, f"{actor}'s private text on the console"
    pilot.move((2, 2))
    frame = pilot.screenshot()
    assert [f.text for f in console.text_fits() if f.overflows] == []
    assert_golden(frame, "console-1280x720")
    pilot.press("escape")
    assert isinstance(pilot.scene, TableScene)


def test_pause_stops_the_clock_and_the_ai(make_pilot: MakePilot, home: Path) -> None:
    room = Classroom(turn_seconds=20)
    pilot, setup, clock = _start(make_pilot, room)
    session = setup.session
    table = pilot.scene
    assert isinstance(table, TableScene)
    console = _open_console(pilot)
    pilot.click("console.pause")
    pilot.press("escape")
    assert "PAUSED" in shown_text(pilot.scene) or table.topbar.clock == "PAUSED"
    moves = len(session.log)
    _wait(pilot, clock, 60)  # three times the turn's length: no timeout while paused
    assert len(session.log) == moves
    assert not table.bar.buttons["table.pass"].enabled  # nobody moves while paused
    _open_console(pilot)
    pilot.click("console.pause")  # now "Resume"
    pilot.press("escape")
    pilot.click("table.pass")
    assert not session.human_to_move  # an AI delegation is to move next
    moves = len(session.log)
    console = _open_console(pilot)
    pilot.click("console.pause")
    pilot.press("escape")
    _wait(pilot, clock, 10)
    assert len(session.log) == moves  # the AI waits while paused
    console = _open_console(pilot)
    assert "PAUSED" in console.status.text
    pilot.click("console.pause")
    pilot.press("escape")
    _wait(pilot, clock, 2)
    assert len(session.log) > moves  # and moves once resumed


def test_the_timer_counts_down_and_its_expiry_passes(make_pilot: MakePilot, home: Path) -> None:
    pilot, setup, clock = _start(make_pilot, Classroom(turn_seconds=20))
    table = pilot.scene
    assert isinstance(table, TableScene)
    assert table.topbar.clock == "0:20 left"
    assert not table.topbar.urgent
    wake = table.wakeup_in()
    assert wake is not None
    assert 0 < wake <= 1005
    _wait(pilot, clock, 12)
    assert table.topbar.clock == "0:08 left"
    assert table.topbar.urgent
    moves = len(setup.session.log)
    _wait(pilot, clock, 9)
    timeouts = [e.action for e in setup.session.log[moves:] if isinstance(e.action, Timeout)]
    assert timeouts == [Timeout("us")]
    assert any("Time is up" in t for t in table.transcript.all_text())


def test_inject_and_bookmark_go_to_log_transcript_and_replay(
    make_pilot: MakePilot, home: Path
) -> None:
    pilot, setup, _ = _start(make_pilot, Classroom())
    console = _open_console(pilot)
    card = str(console.card.value)
    pilot.click("console.inject")
    pilot.click("console.note")
    pilot.type("first threat: discuss")
    pilot.click("console.bookmark")
    assert "Bookmark dropped" in console.feedback.text
    pilot.press("escape")
    table = pilot.scene
    assert isinstance(table, TableScene)
    actions = [e.action for e in setup.session.log]
    assert Inject(card) in actions
    assert Bookmark("first threat: discuss") in actions
    assert any("first threat: discuss" in t for t in table.transcript.all_text())
    title = next(c.title for c in setup.session.scenario.events if c.id == card)
    assert any(title in t for t in table.transcript.all_text())
    replayed = load(autosaves.continue_path())
    assert [e.action for e in replayed.log] == actions
    assert replayed.digest() == setup.session.digest()


def test_end_game_from_the_console_and_export_the_debrief(
    make_pilot: MakePilot, home: Path
) -> None:
    pilot, setup, _ = _start(make_pilot, Classroom())
    _open_console(pilot)
    pilot.click("console.note")
    pilot.type("worth discussing")
    pilot.click("console.bookmark")
    pilot.click("console.end-game")
    pilot.click("confirm-game.yes")
    assert isinstance(setup.session.log[-1].action, EndGame)
    play_until(pilot, lambda p: not isinstance(p.scene, TableScene))
    if isinstance(pilot.scene, RoundSummaryScene):
        pilot.click("summary.continue")
    debrief = pilot.scene
    assert isinstance(debrief, DebriefScene)
    assert "worth discussing" in shown_text(debrief)
    pilot.click("debrief.export.html")
    assert "Written to" in shown_text(pilot.scene)
    pilot.press("return")
    pilot.click("debrief.export.md")
    pilot.press("return")
    html, md = debrief.exported
    assert html.is_file()
    assert md.is_file()
    assert "worth discussing" in html.read_text(encoding="utf-8")
    assert "worth discussing" in md.read_text(encoding="utf-8")


def test_the_title_console_sets_the_timer_and_pin_for_the_next_game(
    make_pilot: MakePilot, home: Path
) -> None:
    pilot = make_pilot(title_factory(turn_seconds=None))
    room = classroom_of(pilot.app.context)
    pilot.press("f9")
    console = pilot.scene
    assert isinstance(console, FacilitatorConsole)
    assert console.game is None
    pilot.click("console.timer")  # the stepper's middle does nothing; use the keys
    pilot.press("right")
    pilot.press("right")
    assert room.turn_seconds == 30
    pilot.click("console.pin")
    pilot.type(PIN)
    pilot.click("console.pin.set")
    assert room.pin is not None
    assert room.pin.check(PIN)
    pilot.press("escape")
    pilot.press("f9")
    assert isinstance(pilot.scene, PinGate)


def test_a_move_after_the_time_is_up_is_not_used(make_pilot: MakePilot, home: Path) -> None:
    pilot, setup, clock = _start(make_pilot, Classroom(turn_seconds=20))
    table = pilot.scene
    assert isinstance(table, TableScene)
    moves = len(setup.session.log)
    clock.now += 30  # the time ran out while the player was busy with a form
    table.on_resume(Submit(Pass("us")))  # a form's move, confirmed too late
    assert [e.action for e in setup.session.log[moves:]][:1] == [Timeout("us")]
    assert Pass("us") not in [e.action for e in setup.session.log[moves:]]


def _write(path: Path, text: str) -> None:
    """Write the file so that its stat surely changes (same-size edits within one tick too)."""
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_live_reload_shows_errors_keeps_playing_and_reloads_when_fixed(
    make_pilot: MakePilot, home: Path, tmp_path: Path
) -> None:
    path = tmp_path / "scenario.yaml"
    good = (paths.scenarios_dir() / f"{SCENARIO}.yaml").read_text(encoding="utf-8")
    path.write_text(good, encoding="utf-8")
    loaded = load_scenario(path)
    room = Classroom(watcher=ScenarioWatcher(path, loaded=loaded))
    seats = {
        a.id: Seat(SeatKind.HUMAN if a.id == "us" else SeatKind.AI)
        for a in loaded.scenario.playable
    }
    setup = GameSetup(Session(loaded, 7, seats, autosave=True))
    pilot, _, clock = _start(make_pilot, room, setup)
    table = pilot.scene
    assert isinstance(table, TableScene)
    pilot.click("table.pass")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    old, moves = setup.session, len(setup.session.log)
    # A broken edit: the overlay names the file, line and column; the game goes on.
    _write(path, good.replace("turns: 3", "turns: many", 1))
    _wait(pilot, clock, 1)
    errors = table.room.errors()
    assert errors
    assert any(re.search(r"scenario\.yaml:\d+:\d+: ", e) for e in errors), errors
    lines = [text for text, _, _ in table.room.error_lines(table.theme, 800)]
    assert any("turns" in line for line in lines)
    assert setup.session is old
    pilot.click("table.pass")  # still playable
    assert len(old.log) > moves
    # Fixed: the game restarts on the new file at the same point and the overlay goes.
    _write(path, good.replace("Working dinner", "Working supper", 1))
    _wait(pilot, clock, 1)
    assert table.room.errors() == ()
    assert setup.session is not old
    assert len(setup.session.log) == len(old.log)
    assert table.room.toast.startswith("scenario reloaded: ")
    assert "Working supper" in shown_text(table)


def test_a_move_form_shows_the_turn_countdown(make_pilot: MakePilot, home: Path) -> None:
    pilot, _, clock = _start(make_pilot, Classroom(turn_seconds=20))
    table = pilot.scene
    assert isinstance(table, TableScene)
    pilot.click("table.propose")
    form = pilot.scene
    assert isinstance(form, FormScene)
    assert form.countdown.text == "0:20 left"
    assert form.countdown.color == "accent"
    assert pilot.app.wakeup_in() is not None  # it wakes to count, with nobody touching it
    _wait(pilot, clock, 12)
    assert pilot.scene is form  # still filling in the form
    assert form.countdown.text == "0:08 left" == table.room.clock()[0]  # the table's clock
    assert form.countdown.color == "danger"  # the last seconds
    assert "0:08 left" in shown_text(form)


def test_while_paused_no_move_looks_possible(make_pilot: MakePilot, home: Path) -> None:
    # Play-test: paused, Walk out, Pass and Undo looked enabled and did nothing.
    pilot, setup, clock = _start(make_pilot, Classroom())
    table = pilot.scene
    assert isinstance(table, TableScene)
    pilot.click("table.pass")  # a move of ours to undo, then the AI plays round to us
    for _ in range(200):
        if table.viewer_moves():
            break
        _wait(pilot, clock, 1)
    assert table.viewer_moves()
    assert table.bar.buttons["table.undo"].enabled
    _open_console(pilot)
    pilot.click("console.pause")
    pilot.press("escape")
    assert isinstance(pilot.scene, TableScene)
    bar = table.bar
    enabled = [bid for bid, b in bar.buttons.items() if b.enabled and bid != "table.briefing"]
    assert enabled == []
    assert not bar.accept.enabled
    assert not bar.reject.enabled
    # ... and they look it, on the screen: drawn as the other disabled moves are, not
    # as Briefing (still enabled) is.
    frame = pilot.screenshot()

    def brightest(button_id: str) -> tuple[int, ...]:
        box = bar.buttons[button_id].rect.inflate(-12, -12)  # the label, not the border
        xs, ys = range(box.left, box.right), range(box.top, box.bottom)
        pixels = (frame.get_at((x, y)) for x in xs for y in ys)
        return max((tuple(c)[:3] for c in pixels), key=sum)

    looks = {bid: brightest(bid) for bid in ("table.walkout", "table.pass", "table.undo")}
    disabled, enabled = brightest("table.propose"), brightest("table.briefing")
    assert looks == dict.fromkeys(looks, disabled)
    assert sum(disabled) < sum(enabled)
    moves = len(setup.session.log)
    for key in ("w", "n", "p", "s"):
        pilot.press(key)
        assert isinstance(pilot.scene, TableScene)
    pilot.press("z", pygame.KMOD_CTRL)
    assert len(setup.session.log) == moves
