"""The table and the console talk to the game only through the game controller.

A ``Recording`` controller stands in for the local one (as a client of a game
hosted elsewhere will): it writes down every intent the screens hand over and
can refuse moves.  The tests check the intents a scene returns (a decision
changes nothing by itself), what the controller did with them, and what then
ends up on screen.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from pathlib import Path

import pygame

from game.engine import (
    FACILITATOR,
    Action,
    ActorView,
    Bookmark,
    GameEvent,
    Pass,
    Propose,
    PublicView,
)
from game.engine.state import OutcomeResult
from game.session.controller import (
    Applied,
    ClockReading,
    FacilitatorStep,
    GameController,
    GameIntent,
    Pause,
    Reloaded,
    Resume,
    Submit,
    Undo,
    Upcoming,
)
from game.session.records import Turn
from game.session.seats import Difficulty, Seat, SeatKind
from game.ui.kit.context import Context
from game.ui.kit.dialog import Dialog
from game.ui.kit.pilot import Pilot
from game.ui.kit.scene import Scene
from game.ui.screens.common import GameSetup
from game.ui.screens.console import FacilitatorConsole
from game.ui.screens.flow import start_scene
from game.ui.screens.table.forms import FormScene
from game.ui.screens.table.model import easy_ai, status_line
from game.ui.screens.table.scene import TableScene
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import new_setup, play_until, shown_text

GAME_UI = Path(__file__).resolve().parents[2] / "game" / "ui"


class Recording:
    """A game controller that is not the local one: it forwards to ``inner``, writes down
    every intent, and refuses every delegation's move when ``refuse`` says why."""

    def __init__(self, inner: GameController, refuse: str = "") -> None:
        self.inner = inner
        self.refuse = refuse
        self.intents: list[GameIntent] = []
        self.applied: list[Applied] = []

    def to_move(self) -> str | None:
        return self.inner.to_move()

    def human_to_move(self) -> bool:
        return self.inner.human_to_move()

    def is_over(self) -> bool:
        return self.inner.is_over()

    def seats(self) -> Mapping[str, Seat]:
        return self.inner.seats()

    def public_view(self) -> PublicView:
        return self.inner.public_view()

    def view(self, actor: str) -> ActorView:
        return self.inner.view(actor)

    def legal_actions(self, actor: str | None = None) -> tuple[Action, ...]:
        return self.inner.legal_actions(actor)

    def undo_actor(self) -> str | None:
        return self.inner.undo_actor()

    def deck(self) -> Mapping[str, str]:
        return self.inner.deck()

    def opening(self) -> PublicView:
        return self.inner.opening()

    def outcome(self) -> OutcomeResult | None:
        return self.inner.outcome()

    def turns_since(self, number: int) -> tuple[Turn, ...]:
        return self.inner.turns_since(number)

    def events_since(self, number: int) -> tuple[GameEvent, ...]:
        return self.inner.events_since(number)

    def clock(self) -> ClockReading:
        return self.inner.clock()

    def save_warning(self) -> str | None:
        return self.inner.save_warning()

    def upcoming(self) -> Upcoming | None:
        return self.inner.upcoming()

    def apply(self, intent: GameIntent) -> Applied:
        self.intents.append(intent)
        if self.refuse and isinstance(intent, Submit):
            applied = Applied(intent, refused=self.refuse)
        else:
            applied = self.inner.apply(intent)
        self.applied.append(applied)
        return applied

    def save(self) -> None:
        self.inner.save()

    def polls(self) -> bool:
        return self.inner.polls()

    def poll(self) -> Reloaded | None:
        return self.inner.poll()

    def file_errors(self) -> tuple[str, ...]:
        return self.inner.file_errors()

    def answer_to(self, intent: GameIntent) -> Applied:
        return next(a for a in self.applied if a.intent == intent)


def _table(make_pilot: MakePilot, refuse: str = "") -> tuple[Pilot, TableScene, Recording]:
    setup = new_setup({"us": Seat(SeatKind.HUMAN)})
    recording = Recording(setup.local, refuse)
    setup.game = recording  # the screens cannot tell

    def first(ctx: Context) -> Scene:
        return start_scene(ctx, setup)

    pilot = make_pilot(first, ai_pace="fast")
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    table = pilot.scene
    assert isinstance(table, TableScene)
    return pilot, table, recording


def _setup(table: TableScene) -> GameSetup:
    return table.setup


def test_pass_is_an_intent_the_controller_applies_and_the_transcript_shows(
    make_pilot: MakePilot, home: Path
) -> None:
    pilot, table, recording = _table(make_pilot)
    session = _setup(table).session
    moves = len(session.log)
    assert table.decide_action("pass") == Submit(Pass("us"))
    assert len(session.log) == moves  # deciding changes nothing
    pilot.click("table.pass")
    applied = recording.answer_to(Submit(Pass("us")))
    assert applied.ok
    assert [t.action for t in applied.turns] == [Pass("us")]
    assert session.log[moves].action == Pass("us")
    shown = shown_text(table)
    assert all(" ".join(e.text.split()) in shown for e in applied.turns[0].events)


def test_undo_is_an_intent_and_takes_the_move_off_the_screen(
    make_pilot: MakePilot, home: Path
) -> None:
    pilot, table, recording = _table(make_pilot)
    session = _setup(table).session
    assert table.decide_action("undo") is None  # nothing of the viewer's to take back yet
    moves = len(session.log)
    pilot.click("table.pass")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    rows = len(table.transcript.items)
    assert table.decide_action("undo") == Undo()
    pilot.press("z", pygame.KMOD_CTRL)
    applied = recording.answer_to(Undo())
    assert applied.ok
    assert applied.undone >= 1
    assert len(session.log) == moves
    assert len(table.transcript.items) < rows
    assert table.bar.status.text.startswith("Your move")


def test_a_form_closes_with_its_submit_intent(make_pilot: MakePilot, home: Path) -> None:
    pilot, table, recording = _table(make_pilot)
    pilot.click("table.propose")
    form = pilot.scene
    assert isinstance(form, FormScene)
    pilot.press("right")  # the first issue's first option
    action = form.action()
    assert isinstance(action, Propose)
    pilot.press("return", pygame.KMOD_CTRL)
    assert Submit(action) in recording.intents
    assert recording.answer_to(Submit(action)).ok
    number = table.pv.proposals[-1].number if table.pv.proposals else None
    assert number is not None
    assert any(f"#{number}" in text for text in table.board.all_text() + table.all_text())


def test_a_refused_move_is_explained_and_changes_nothing(make_pilot: MakePilot, home: Path) -> None:
    pilot, table, recording = _table(make_pilot, refuse="the host refused it")
    session = _setup(table).session
    moves = len(session.log)
    pilot.click("table.pass")
    assert recording.intents[-1] == Submit(Pass("us"))
    dialog = pilot.scene
    assert isinstance(dialog, Dialog)
    assert "the host refused it" in shown_text(dialog)
    assert "That move is not possible" in shown_text(dialog)
    assert len(session.log) == moves


def test_the_console_asks_the_controller_to_pause_and_bookmark(
    make_pilot: MakePilot, home: Path
) -> None:
    pilot, table, recording = _table(make_pilot)
    session = _setup(table).session
    pilot.press("f9")
    console = pilot.scene
    assert isinstance(console, FacilitatorConsole)
    assert console.game is recording
    pilot.click("console.pause")
    assert recording.intents[-1] == Pause()
    assert "PAUSED" in console.status.text
    pilot.click("console.note")
    pilot.type("look at this")
    pilot.click("console.bookmark")
    step = FacilitatorStep(Bookmark("look at this"))
    assert step in recording.intents
    assert recording.answer_to(step).ok
    assert session.log[-1].action == Bookmark("look at this")
    assert session.log[-1].action.actor == FACILITATOR
    pilot.click("console.pause")
    assert recording.intents[-1] == Resume()
    pilot.press("escape")
    assert pilot.scene is table
    assert "look at this" in shown_text(table)  # the bookmark's row, back at the table


def _calls(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.lineno, node.func.attr)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    ]


# What changes a game: only the game controller's ``apply`` may (called in ``control.settle``).
GAME_CHANGERS = {
    "submit",
    "submit_text",
    "undo",
    "run_until_human",
    "inject",
    "news",
    "bookmark",
    "extend_round",
    "end_round",
    "end_game",
    "time_out",
    "extend_turn",
    "replace_session",
    "apply",
}


def test_no_screen_or_widget_changes_the_game_itself() -> None:
    found = [
        f"{path.relative_to(GAME_UI.parent.parent)}:{line}: .{name}()"
        for path in sorted(GAME_UI.rglob("*.py"))
        for line, name in _calls(path)
        if name in GAME_CHANGERS and path.name != "control.py"
    ]
    assert found == []


def test_the_table_reads_the_game_only_through_the_controller() -> None:
    # The PIN hash is a plain value (game.session.pins), not the facilitator's controls.
    allowed = (
        "game.session.controller",
        "game.session.records",
        "game.session.seats",
        "game.session.pins",
    )
    problems = []
    table = sorted((GAME_UI / "screens" / "table").rglob("*.py"))
    for path in [*table, GAME_UI / "screens" / "console.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            if module and module.startswith("game.session") and module not in allowed:
                problems.append(f"{path.name}:{node.lineno}: {module}")
    assert problems == []


def test_no_table_helper_imports_the_table_scene() -> None:
    table = GAME_UI / "screens" / "table"
    importers = [
        path.name
        for path in sorted(table.glob("*.py"))
        if path.name != "scene.py" and "table.scene" in path.read_text(encoding="utf-8")
    ]
    assert importers == []


def test_the_status_line_comes_from_plain_inputs(home: Path) -> None:
    setup = new_setup({"us": Seat(SeatKind.HUMAN)})
    setup.session.run_until_human()
    pv = setup.game.public_view()
    assert pv.to_move == "us"

    def line(viewer: str | None, **kw: object) -> tuple[str, str]:
        args: dict[str, object] = {"human_to_move": True, "paused": False, "save_warning": None}
        return status_line(pv, viewer, **{**args, **kw})  # type: ignore[arg-type]

    assert line("us")[0].startswith("Your move — the ")
    assert line(None)[0].startswith("Waiting for the ")
    assert line("us", paused=True) == ("Paused by the facilitator.", "warning")
    assert line("us", save_warning="disk full") == ("Not saved: disk full", "danger")
    assert "considering its move" in line(None, human_to_move=False)[0]
    assert easy_ai(pv, {"russia": Seat(SeatKind.AI, Difficulty.EASY)}) == ("russia",)
    assert easy_ai(pv, {"russia": Seat(SeatKind.AI)}) == ()


def _imported(path: Path) -> set[str]:
    """The game modules a file imports, at module level or inside functions."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("game"):
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names if alias.name.startswith("game"))
    return names


def test_the_table_modules_import_each_other_without_a_cycle() -> None:
    root = GAME_UI.parent.parent
    files = {
        ".".join(path.relative_to(root).with_suffix("").parts): path
        for path in (GAME_UI / "screens").rglob("*.py")
    }
    graph = {name: _imported(path) & files.keys() - {name} for name, path in files.items()}
    table = {name for name in files if ".table." in name or name.endswith(".control")}

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            here = todo.pop()
            for nxt in graph[here]:
                if nxt == goal:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return False

    cycles = sorted(name for name in table if reaches(name, name))
    assert cycles == []
