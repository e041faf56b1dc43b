"""The save of a computer move that hands over to a person, written ahead (issue 12).

The window knows a computer move before it lands (decided on the worker thread);
the save files as they will be are written and synced then, and the move puts
them in place with a rename, in an instant, instead of writing and syncing them
inside the window's frame.  Nothing may be lost: a game killed the instant after
the move finds it saved, and a move never made is never found in a save.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from game.engine import Pass
from game.session import saving
from game.session.controller import ComputerMove, Submit, Undo
from game.session.local import LocalGame
from tests.session.conftest import AI, HUMAN, FakeLoaded, new_session, seats_for

JOIN_S = 10.0


def _join(game: LocalGame) -> None:
    thinker = game.thinker
    assert thinker is not None
    if thinker._thread is not None:
        thinker._thread.join(JOIN_S)
        assert not thinker._thread.is_alive()


def _actions(path: Path) -> list[str]:
    return list(json.loads(path.read_text(encoding="utf-8"))["actions"])


def _temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def _person_then_computer(loaded: FakeLoaded) -> LocalGame:
    """A person's move made, the computer's reply decided and known ahead."""
    game = LocalGame(new_session(loaded, 4, autosave=True, seats=seats_for(loaded, HUMAN, AI)))
    game.think_ahead()
    person = game.to_move()
    assert person is not None
    assert game.apply(Submit(Pass(person))).ok
    _join(game)
    assert game.upcoming() is not None
    return game


def test_the_save_written_ahead_is_put_in_place_by_the_move(loaded: FakeLoaded) -> None:
    game = _person_then_computer(loaded)
    session = game.session
    path = session.autosave_file
    assert len(_actions(path)) == 1  # the person's move; the computer's is not made yet
    answer = game.apply(ComputerMove())
    assert len(answer.turns) == 1
    assert game.human_to_move()  # the move handed back to the person: it is saved now
    assert len(_actions(path)) == 2
    assert path.read_bytes() == saving.save_bytes(session.record())  # what a write makes
    assert _temporaries(path.parent) == []


def test_the_move_writes_no_save_in_its_own_frame(
    loaded: FakeLoaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    game = _person_then_computer(loaded)
    ahead = game.session._ahead
    assert ahead is not None
    ahead._thread.join(JOIN_S)  # written by now, on its own thread
    written: list[Path] = []

    def write(path: Path, data: bytes) -> None:
        del data
        written.append(path)

    monkeypatch.setattr(saving, "write_bytes", write)
    monkeypatch.setattr("game.session.save_ahead.write_temporary", write)
    game.apply(ComputerMove())
    assert game.human_to_move()
    assert written == []  # only renamed into place
    assert len(_actions(game.session.autosave_file)) == 2


def test_a_move_never_made_is_never_found_in_the_save(loaded: FakeLoaded) -> None:
    game = _person_then_computer(loaded)
    path = game.session.autosave_file
    ahead = game.session._ahead
    assert ahead is not None
    assert game.apply(Undo()).ok  # the person takes the move back before the reply lands
    assert _actions(path) == []
    ahead._thread.join(JOIN_S)  # its files, written after all, are removed by the thread
    assert _temporaries(path.parent) == []
    assert _actions(path) == []


def test_a_save_that_could_not_be_written_ahead_is_written_as_ever(
    loaded: FakeLoaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(path: Path, data: bytes, **_: object) -> str:
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr("game.session.save_ahead.write_temporary", full)
    game = _person_then_computer(loaded)
    game.apply(ComputerMove())
    assert len(_actions(game.session.autosave_file)) == 2
    assert game.session.save_warning is None


_KILLED_AFTER_THE_MOVE = textwrap.dedent(
    """
    import os, sys
    from game.engine import Pass
    from game.scenario import load_scenario
    from game.session.controller import ComputerMove, Submit
    from game.session.local import LocalGame
    from game.session.seats import Seat, SeatKind
    from game.session.session import Session

    loaded = load_scenario("geneva-2022")
    ids = [a.id for a in loaded.scenario.playable]
    seats = {a: Seat(SeatKind.HUMAN if i == 0 else SeatKind.AI) for i, a in enumerate(ids)}
    game = LocalGame(Session(loaded, 7, seats, autosave=True))
    game.think_ahead()
    for _ in range(200):
        if game.human_to_move():
            game.apply(Submit(Pass(game.to_move())))
            continue
        thread = game.thinker._thread
        if thread is not None:
            thread.join(10)
        upcoming = game.upcoming()
        ahead = game.session._ahead is not None
        game.apply(ComputerMove())
        if upcoming is not None and ahead and game.human_to_move():
            # The move that hands over to the person, its save written ahead: killed now,
            # with no chance to finish anything (no exit handlers, no threads joined).
            print(len(game.session.log), game.session.autosave_file, flush=True)
            os._exit(0)
    sys.exit("no computer move handed over to the person")
    """
)


def test_a_game_killed_the_instant_after_the_move_finds_it_saved(home: Path) -> None:
    env = {**os.environ, "REDLINES_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_AFTER_THE_MOVE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    moves, path = done.stdout.split(maxsplit=1)
    assert len(_actions(Path(path.strip()))) == int(moves)


def test_a_save_path_that_is_the_autosave_is_written_ahead_once(
    loaded: FakeLoaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    game = LocalGame(new_session(loaded, 4, autosave=True, seats=seats_for(loaded, HUMAN, AI)))
    game.session.save_path = game.session.autosave_file  # "save as" onto the autosave
    game.think_ahead()
    person = game.to_move()
    assert person is not None
    assert game.apply(Submit(Pass(person))).ok
    _join(game)
    assert game.upcoming() is not None  # known ahead: its save is being written
    ahead = game.session._ahead
    assert ahead is not None
    ahead._thread.join(JOIN_S)
    written: list[Path] = []
    monkeypatch.setattr(saving, "write_bytes", lambda path, _data: written.append(path))
    game.apply(ComputerMove())
    assert written == []  # the fast path: renamed into place, not written again
    assert len(_actions(game.session.autosave_file)) == 2
    assert _temporaries(game.session.autosave_file.parent) == []
