"""A whole game through the UI: title, picker, seats, briefing, table, summaries, debrief."""

from __future__ import annotations

from pathlib import Path

from game import engine
from game.session.seats import SeatKind
from game.ui.kit.dialog import Dialog
from game.ui.kit.pilot import Pilot
from game.ui.main import title_factory
from game.ui.screens.debrief import DebriefScene
from game.ui.screens.picker import PickerScene
from game.ui.screens.seats import SeatsScene
from game.ui.screens.summary import RoundSummaryScene
from game.ui.screens.table.scene import TableScene
from game.ui.screens.title import GameTitle
from tests.scenarios import bundled
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import SCENARIO, shown_text


def _to_table(pilot: Pilot) -> TableScene:
    pilot.click("title.new")
    assert isinstance(pilot.scene, PickerScene)
    pilot.click("picker.choose")
    assert isinstance(pilot.scene, SeatsScene)
    pilot.click("seats.start")
    assert pilot.scene.title.startswith("Briefing")
    pilot.click("briefing.done")
    pilot.advance()
    assert isinstance(pilot.scene, TableScene)
    return pilot.scene


def test_one_human_against_two_ai_plays_to_the_debrief(make_pilot: MakePilot, home: Path) -> None:
    loaded = bundled(SCENARIO)
    pilot = make_pilot(title_factory(loaded, None, 11), ai_pace="fast")
    assert isinstance(pilot.scene, GameTitle)
    table = _to_table(pilot)
    session = table.setup.session
    humans = [a for a, s in session.seats.items() if s.kind is SeatKind.HUMAN]
    assert len(humans) == 1
    assert len(session.seats) == 3
    summaries = 0
    undone = False
    for _ in range(4000):
        scene = pilot.scene
        if isinstance(scene, DebriefScene):
            break
        if isinstance(scene, RoundSummaryScene):
            summaries += 1
            pilot.click("summary.continue")
        elif isinstance(scene, Dialog) and scene.id == "accept-warning":
            pilot.click("accept-warning.yes")  # this player accepts what is offered
        elif isinstance(scene, TableScene) and scene.viewer_moves():
            if not undone and any(e.by is SeatKind.HUMAN for e in session.log):
                before = len(session.log)
                pilot.press("z", pygame_ctrl())
                assert len(session.log) < before  # Ctrl+Z took the person's move back
                undone = True
                continue
            accept = pilot.widget("table.accept")
            pilot.click("table.accept" if accept.enabled else "table.pass")
        else:
            pilot.advance(ms=450)
        assert pilot.app.crashes == [], pilot.app.crashes
    assert isinstance(pilot.scene, DebriefScene)
    assert undone
    assert summaries >= len(session.scenario.rounds) - 1
    result = engine.outcome(session.state)
    assert result is not None
    text = shown_text(pilot.scene)
    assert result.label in text
    assert "WHAT REALLY HAPPENED" in text
    for actor in session.scenario.actors:
        if actor.briefing:
            assert actor.name in text  # every briefing revealed
    pilot.click("debrief.title")
    assert isinstance(pilot.scene, GameTitle)
    assert pilot.app.ctx is not None
    cues = set(pilot.app.ctx.sound.played)
    assert "turn" in cues  # the person heard that it was their move
    assert cues & {"proposal", "agreement", "reject", "event", "threat", "escalation"}


def pygame_ctrl() -> int:
    import pygame

    return pygame.KMOD_CTRL


def test_a_broken_user_scenario_shows_its_errors_in_the_picker(
    make_pilot: MakePilot, home: Path
) -> None:
    folder = home / "data" / "scenarios"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("id: broken\nactors: [\n", encoding="utf-8")
    pilot = make_pilot(title_factory(None, None, None))
    pilot.click("title.new")
    picker = pilot.scene
    assert isinstance(picker, PickerScene)
    index = next(i for i, e in enumerate(picker.entries) if e.name == "broken.yaml")
    for _ in range(index):
        pilot.press("down")
    assert picker.list.selected == index
    text = "\n".join(f.text for f in picker.text_fits())
    assert "broken.yaml:" in text  # a located error (file:line:col)
    assert not pilot.widget("picker.choose").enabled
    assert pilot.app.crashes == []


def test_continue_resumes_the_autosaved_game(make_pilot: MakePilot, home: Path) -> None:
    pilot = make_pilot(title_factory(bundled(SCENARIO), None, 5), ai_pace="fast")
    assert not pilot.widget("title.continue").enabled  # no autosave yet
    table = _to_table(pilot)
    moves = len(table.setup.session.log)
    pilot.press("escape")
    pilot.click("leave.yes")
    assert isinstance(pilot.scene, GameTitle)
    assert pilot.widget("title.continue").enabled
    pilot.click("title.continue")
    pilot.advance()
    assert isinstance(pilot.scene, TableScene)
    assert len(pilot.scene.setup.session.log) >= moves


def test_an_easy_ai_says_what_it_would_take(make_pilot: MakePilot, home: Path) -> None:
    from game.ai.difficulty import Difficulty
    from game.session.seats import Seat
    from game.ui.kit.dialog import Dialog
    from game.ui.screens.flow import start_scene
    from tests.ui_game.conftest import new_setup, play_until

    setup = new_setup({"us": Seat(SeatKind.HUMAN), "russia": Seat(SeatKind.AI, Difficulty.EASY)})
    pilot = make_pilot(lambda ctx: start_scene(ctx, setup), ai_pace="fast")
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    assert pilot.widget("table.hint").visible
    pilot.press("h")
    assert isinstance(pilot.scene, Dialog)
    message = shown_text(pilot.scene)
    assert "Russia" in message
    assert "=" not in message  # ids turned into the options' labels
    pilot.press("escape")
    assert isinstance(pilot.scene, TableScene)


def test_a_typed_statement_reaches_the_transcript(make_pilot: MakePilot, home: Path) -> None:
    from game.session.seats import Seat
    from game.ui.screens.flow import start_scene
    from game.ui.screens.table.moves import StatementForm
    from tests.ui_game.conftest import new_setup, play_until

    setup = new_setup({"us": Seat(SeatKind.HUMAN)})
    pilot = make_pilot(lambda ctx: start_scene(ctx, setup), ai_pace="fast")
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    pilot.press("s")
    assert isinstance(pilot.scene, StatementForm)
    pilot.press("right")  # the next tone
    pilot.click("statement.words")
    pilot.type("Мы готовы к диалогу")
    pilot.press("return")  # Enter in the entry makes the statement
    assert isinstance(pilot.scene, TableScene)
    assert any("Мы готовы к диалогу" in t for t in pilot.scene.transcript.all_text())
    last = setup.session.log[-1]
    assert last.by is SeatKind.HUMAN
    assert getattr(last.action, "text", "") == "Мы готовы к диалогу"


def test_load_opens_a_save_and_explains_a_broken_one(make_pilot: MakePilot, home: Path) -> None:
    from game.ui.kit.dialog import Dialog
    from game.ui.screens.loadgame import LoadScene

    pilot = make_pilot(title_factory(bundled(SCENARIO), None, 5), ai_pace="fast")
    _to_table(pilot)
    pilot.press("escape")
    pilot.click("leave.yes")
    data = home / "data"
    broken = data / "zz-broken.json"
    broken.write_text('{"game": "red-lines", "format": 1', encoding="utf-8")
    pilot.click("title.load")
    scene = pilot.scene
    assert isinstance(scene, LoadScene)
    names = [p.name for p in scene.files]
    # one entry per game: its own autosave, not also the copy of the latest one
    assert "autosave.json" not in names
    own = [p for p in scene.files if p.parent.name == "autosave"]
    assert len(own) == 1
    game = scene.list.items[scene.files.index(own[0])]
    title = bundled(SCENARIO).scenario.title
    assert game.startswith(f"{title}   ·   round 1 of ")
    assert "   ·   in progress   ·   played 20" in game
    assert "autosave:" not in " ".join(scene.list.items)
    broken_row = scene.list.items[names.index("zz-broken.json")]
    assert broken_row.startswith("zz-broken.json")
    assert "cannot be opened" in broken_row
    pilot.click_at(scene.list.row_rect(names.index("zz-broken.json")).center)
    pilot.click("load.load")
    assert isinstance(pilot.scene, Dialog)  # a message, not a crash
    assert "zz-broken.json" in shown_text(pilot.scene)
    pilot.press("escape")
    assert isinstance(pilot.scene, LoadScene)
    pilot.click_at(scene.list.row_rect(scene.files.index(own[0])).center)
    pilot.press("return")  # Enter on the list opens the chosen save
    pilot.advance()
    assert isinstance(pilot.scene, TableScene)
    assert pilot.app.crashes == []


def test_seats_push_over_the_picker_and_the_game_takes_both_places(
    make_pilot: MakePilot, home: Path
) -> None:
    """The picker pushes the seats and they pop back to it (the same picker, its choice
    kept); once a game starts, the title is right below it, not the picker."""
    pilot = make_pilot(title_factory(bundled(SCENARIO), None, 5), ai_pace="fast")
    pilot.click("title.new")
    picker = pilot.scene
    assert isinstance(picker, PickerScene)
    chosen = picker.list.selected
    pilot.click("picker.choose")
    assert isinstance(pilot.scene, SeatsScene)
    assert [type(s) for s in pilot.app.stack] == [GameTitle, PickerScene, SeatsScene]
    pilot.click("seats.back")
    assert pilot.scene is picker
    assert picker.list.selected == chosen
    pilot.click("picker.choose")
    pilot.press("escape")
    assert pilot.scene is picker
    pilot.click("picker.choose")
    pilot.click("seats.start")
    assert isinstance(pilot.app.stack[0], GameTitle)
    assert not any(isinstance(s, (PickerScene, SeatsScene)) for s in pilot.app.stack)
    assert pilot.app.crashes == []
