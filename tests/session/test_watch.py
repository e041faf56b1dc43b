"""Live reload: the watcher notices edits, never raises on a broken file, and the game restarts.

The scenario is the loader's small test file, copied so each test can edit it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from game import engine
from game.session import Seat, SeatKind, Session
from game.session.facilitator import Facilitation
from game.session.watch import KEEPING, ScenarioWatcher, apply_change, reload_session

MINIMAL = Path(__file__).resolve().parent.parent / "scenario" / "data" / "minimal.yaml"
SEATS = {"north": Seat(SeatKind.HUMAN), "south": Seat(SeatKind.RANDOM)}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "harbour.yaml"
    shutil.copyfile(MINIMAL, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    _write(path, text.replace(old, new))


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    # Some file systems keep whole-second times: make sure the stat changes with the content.
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


def _game(watcher: ScenarioWatcher, *moves: str) -> Session:
    assert watcher.loaded is not None
    session = Session(watcher.loaded, 2, SEATS, autosave=False)
    for move in moves:
        session.run_until_human()
        session.submit_text(move)
    session.run_until_human()
    return session


def _texts(session: Session) -> list[str]:
    return [engine.format_action(e.action) for e in session.log]


def test_an_unchanged_file_reports_nothing(path: Path) -> None:
    watcher = ScenarioWatcher(path)
    assert watcher.loaded is not None
    assert watcher.errors == ()
    assert watcher.poll() is None
    os.utime(path, ns=(0, path.stat().st_mtime_ns + 5_000_000_000))  # touched, same bytes
    assert watcher.poll() is None


def test_a_valid_edit_restarts_at_the_same_move(path: Path) -> None:
    watcher = ScenarioWatcher(path)
    session = _game(watcher, 'north say firm "Ours"', "north pass")
    _edit(path, "The Harbour Dispute", "The Harbour Quarrel")
    change = watcher.poll()
    assert change is not None
    assert change.ok
    result = apply_change(session, change)
    total = len(session.log)
    assert result.reloaded
    assert result.message == f"restarted at move {total} of {total}"
    assert (result.replayed, result.total, result.failed_at) == (total, total, None)
    assert result.session is not session
    assert result.session.scenario.title == "The Harbour Quarrel"
    assert _texts(result.session) == _texts(session)
    assert result.session.seed == session.seed
    assert dict(result.session.seats) == dict(session.seats)
    assert session.scenario.title == "The Harbour Dispute"  # the old session is untouched


def test_an_edit_that_breaks_a_later_move_restarts_just_before_it(path: Path) -> None:
    watcher = ScenarioWatcher(path)
    session = _game(watcher, 'north say firm "Ours"', "north threaten blockade")
    broken_at = _texts(session).index("north threaten blockade") + 1
    _edit(path, "blockade", "embargo")  # the lever gets a new id; the old move names it
    change = watcher.poll()
    assert change is not None
    assert change.ok
    result = apply_change(session, change)
    assert result.failed_at == broken_at
    assert "there is no lever 'blockade'" in result.reason
    assert result.message == (
        f"restarted at move {broken_at - 1} of {len(session.log)}: move {broken_at} "
        f"no longer replays ({result.reason})"
    )
    assert _texts(result.session) == _texts(session)[: broken_at - 1]


def test_an_edit_that_breaks_the_first_move_restarts_from_the_start(path: Path) -> None:
    watcher = ScenarioWatcher(path)
    session = _game(watcher, "north threaten blockade", "north pass")
    assert _texts(session)[0] == "north threaten blockade"
    _edit(path, "blockade", "embargo")
    change = watcher.poll()
    assert change is not None
    assert change.loaded is not None
    result = reload_session(session, change.loaded)
    assert result.message.startswith("restarted from the start: move 1 no longer replays (")
    assert "blockade" in result.message
    assert result.session.log == ()


def test_keep_prefix_off_always_restarts_from_the_start(path: Path) -> None:
    watcher = ScenarioWatcher(path)
    session = _game(watcher, 'north say firm "Ours"', "north threaten blockade")
    _edit(path, "blockade", "embargo")
    change = watcher.poll()
    assert change is not None
    assert change.loaded is not None
    result = reload_session(session, change.loaded, keep_prefix=False)
    assert result.message.startswith("restarted from the start: move ")
    assert result.session.log == ()


def test_an_invalid_edit_keeps_the_game_and_reports_located_errors(path: Path) -> None:
    watcher = ScenarioWatcher(path)
    session = _game(watcher, "north pass")
    before = (session.digest(), _texts(session))
    line = path.read_text(encoding="utf-8").splitlines().index("    turns: 3") + 1
    _edit(path, "    turns: 3", "    turns: three")
    change = watcher.poll()
    assert change is not None
    assert not change.ok
    assert change.errors == (
        f"{path}:{line}:12: rounds[0].turns: expected a whole number, found 'three'",
    )
    assert change.located[0].line == line
    result = apply_change(session, change)
    assert not result.reloaded
    assert result.session is session
    assert result.errors == change.errors
    assert KEEPING in result.message
    assert (session.digest(), _texts(session)) == before  # the game runs on as it was
    assert watcher.errors == change.errors  # kept for the overlay until the file is fixed
    assert watcher.poll() is None  # the same broken file is not reported again


def test_a_half_written_file_does_not_raise_and_fixing_it_reloads(path: Path) -> None:
    good = path.read_text(encoding="utf-8")
    watcher = ScenarioWatcher(path)
    session = _game(watcher, "north pass")
    for cut in (len(good) // 2, len(good) // 3, 0):  # mid-way, earlier, empty
        _write(path, good[:cut])
        change = watcher.poll()  # None only when the mistakes are the same as the last time
        assert change is None or not change.ok, cut
        assert watcher.errors
        assert all(str(path) in e for e in watcher.errors)
    path.unlink()  # an editor that saves by delete and rename
    change = watcher.poll()
    assert change is not None
    assert change.errors == (f"{path}: no such file",)
    _write(path, good.replace("The Harbour Dispute", "The Harbour Dispute, fixed"))
    change = watcher.poll()
    assert change is not None
    assert change.ok
    assert watcher.errors == ()
    result = apply_change(session, change)
    assert result.reloaded
    assert result.message.startswith("restarted at move ")
    assert _texts(result.session) == _texts(session)


def test_binary_and_hostile_content_is_reported_not_raised(path: Path) -> None:
    watcher = ScenarioWatcher(path)
    path.write_bytes(b"\x00\xff\xfe garbage")
    os.utime(path, ns=(0, path.stat().st_mtime_ns + 3_000_000_000))
    change = watcher.poll()
    assert change is not None
    assert not change.ok
    _write(path, "a: &a [*a, *a]\nb: [*a, *a, *a, *a]\n")
    change = watcher.poll()
    assert change is not None
    assert not change.ok


def test_a_file_broken_from_the_start_says_so(path: Path) -> None:
    _write(path, "format: 1\n")
    watcher = ScenarioWatcher(path)
    assert watcher.loaded is None
    assert watcher.errors
    assert all(e.startswith(f"{path}:") for e in watcher.errors)


def test_seats_follow_the_playable_delegations(path: Path) -> None:
    watcher = ScenarioWatcher(path)
    session = _game(watcher)
    _edit(path, "    playable: false\n", "    playable: true\n")  # the mediator becomes playable
    _edit(
        path,
        "  south:\n    weights:",
        "  mediator:\n    weights: {customs: 1}\n    values:\n"
        "      customs: {none: 0.5, joint: 0.5}\n    reservation: 0.1\n  south:\n    weights:",
    )
    change = watcher.poll()
    assert change is not None
    assert change.ok, change.errors
    result = apply_change(session, change)
    assert result.session.seats["north"] == SEATS["north"]
    assert result.session.seats["mediator"].kind is SeatKind.AI
    assert "mediator is new: the computer plays it" in result.notes


def test_a_reload_hands_the_facilitation_the_new_game(path: Path) -> None:
    watcher = ScenarioWatcher(path)
    facilitation = Facilitation(_game(watcher), turn_seconds=30)
    facilitation.sync(0)
    facilitation.pause(10)
    _edit(path, "The Harbour Dispute", "The Harbour Quarrel")
    change = watcher.poll()
    assert change is not None
    result = apply_change(facilitation.session, change)
    facilitation.replace_session(result.session, 20)
    assert facilitation.session is result.session
    assert facilitation.paused  # a reload does not unpause the room
    assert facilitation.remaining(1000) == 30  # a fresh countdown for the restarted turn


def test_reverting_a_broken_file_to_the_running_content_restarts_nothing(path: Path) -> None:
    good = path.read_text(encoding="utf-8")
    watcher = ScenarioWatcher(path)
    session = _game(watcher, "north pass")
    _edit(path, "    turns: 3", "    turns: three")
    broken = watcher.poll()
    assert broken is not None
    assert not broken.ok
    _write(path, good)  # the author undoes the mistake
    change = watcher.poll()
    assert change is not None
    assert change.restored
    assert watcher.errors == ()  # the overlay clears
    result = apply_change(session, change)
    assert not result.reloaded  # the game is not restarted: its scenario never changed
    assert result.session is session
    assert result.errors == ()
    assert "back as the game runs it" in result.message
    assert watcher.poll() is None
    # Breaking it again the same way is reported again, and a real edit still reloads.
    _edit(path, "    turns: 3", "    turns: three")
    again = watcher.poll()
    assert again is not None
    assert not again.ok
    _write(path, good.replace("The Harbour Dispute", "The Harbour Dispute, fixed"))
    fixed = watcher.poll()
    assert fixed is not None
    assert fixed.ok


def test_a_reload_keeps_the_games_autosave_file(path: Path) -> None:
    watcher = ScenarioWatcher(path)
    session = _game(watcher, "north pass")
    _edit(path, "The Harbour Dispute", "The Harbour Dispute, edited")
    change = watcher.poll()
    assert change is not None
    assert change.loaded is not None
    result = reload_session(session, change.loaded)
    assert result.session.autosave_file == session.autosave_file


def test_a_reload_keeps_the_hot_seat_pins(path: Path) -> None:
    """The PINs belong to the room: a reload (even one that restarts) keeps them."""
    from game.session import PinHash

    watcher = ScenarioWatcher(path)
    session = _game(watcher, "north pass")
    session.pins = {"north": PinHash.make("qwerty")}
    _edit(path, "The Harbour Dispute", "The Harbour Dispute, edited")
    change = watcher.poll()
    assert change is not None
    assert change.loaded is not None
    result = reload_session(session, change.loaded, keep_prefix=False)
    assert set(result.session.pins) == {"north"}
    assert result.session.pins["north"].check("qwerty")
