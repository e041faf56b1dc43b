"""``redlines play --text --watch`` and ``--timer``, driven as an author and a teacher would.

The live-reload test runs the real command in a subprocess and edits the
scenario file between input lines.  It stays deterministic without sleeps: the
file is checked when a line arrives, and the test sends the next line only after
it has read the output of the previous one, so every edit lands between two
known lines.  The timer is tested in-process with a fake clock.
"""

from __future__ import annotations

import argparse
import io
import os
import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.cli import play
from game.engine.actions import Timeout
from game.errors import UserError
from game.scenario import load_scenario
from game.session import Seat, SeatKind, Session
from game.session.pins import PinHash
from game.text.classroom import ClassroomTextGame

MINIMAL = Path(__file__).resolve().parent / "scenario" / "data" / "minimal.yaml"
MENU_END = "  ? every move"  # the last line of the table and menu shown before each prompt
WAIT = 60.0  # seconds before a missing line fails the test (a hang, not a timing)


class Player:
    """A running ``redlines play`` whose output is read line by line on a thread."""

    def __init__(self, home: Path, *args: str) -> None:
        env = dict(os.environ, REDLINES_HOME=str(home), PYTHONIOENCODING="utf-8")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "game", "play", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def until(self, marker: str) -> list[str]:
        """The output lines up to the first one containing ``marker`` (included)."""
        got: list[str] = []
        while True:
            try:
                line = self.lines.get(timeout=WAIT)
            except queue.Empty:
                self.proc.kill()
                raise AssertionError(f"no {marker!r} in:\n" + "\n".join(self.seen[-60:])) from None
            if line is None:
                raise AssertionError(f"ended before {marker!r}:\n" + "\n".join(self.seen[-60:]))
            got.append(line)
            self.seen.append(line)
            if marker in line:
                return got

    def finish(self) -> tuple[int, str]:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        code = self.proc.wait(timeout=WAIT)
        assert self.proc.stderr is not None
        return code, self.proc.stderr.read()


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    target = tmp_path / "harbour.yaml"
    shutil.copyfile(MINIMAL, target)
    return target


@pytest.fixture
def player(tmp_path: Path, scenario: Path) -> Iterator[Player]:
    p = Player(
        tmp_path / "home",
        str(scenario),
        "--text",
        "--watch",
        "--seats",
        "north=human,south=random",
        "--seed",
        "2",
    )
    yield p
    if p.proc.poll() is None:
        p.proc.kill()
        p.proc.wait()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    info = path.stat()  # a new time even where the file system keeps whole seconds
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


@pytest.mark.slow  # a Python process of its own
def test_play_watch_reloads_between_moves_and_survives_a_broken_file(
    player: Player, scenario: Path
) -> None:
    good = scenario.read_text(encoding="utf-8")
    player.until(MENU_END)
    player.send('s firm "Ours"')  # move 1; the computer answers
    player.until(MENU_END)
    player.send("t blockade")  # a later move that names the lever
    player.until(MENU_END)

    # A broken edit: the errors with their line, and the game goes on as it was.
    line = good.splitlines().index("    turns: 3") + 1
    _edit(scenario, "    turns: 3", "    turns: three")
    player.send("b")
    shown = player.until(MENU_END)
    assert "scenario has errors; keeping the running game until the file is fixed:" in shown
    assert f"  {scenario}:{line}:12: rounds[0].turns: expected a whole number, found 'three'" in (
        shown
    )
    assert not any("scenario reloaded" in s for s in shown)

    # Half a file, as an editor might leave it mid-save: reported, never a crash.
    scenario.write_text(good[: len(good) // 2], encoding="utf-8")
    player.send("")
    player.send("b")
    shown = player.until(MENU_END)
    assert any(s.startswith(f"  {scenario}:") for s in shown)

    # Fixed, with a new title: the game restarts at the same move.
    scenario.write_text(good.replace("The Harbour Dispute", "The Harbour Quarrel"), "utf-8")
    player.send("")
    shown = player.until(MENU_END)
    reloaded = [s for s in shown if s.startswith("scenario reloaded: ")]
    assert len(reloaded) == 1
    assert reloaded[0].startswith("scenario reloaded: restarted at move ")
    total = reloaded[0].rsplit(" ", 1)[1]
    assert reloaded[0] == f"scenario reloaded: restarted at move {total} of {total}"
    assert "The Harbour Quarrel" in shown

    # The lever renamed: the threat no longer replays; the game restarts before it.
    _edit(scenario, "blockade", "embargo")
    player.send("b")
    shown = player.until(MENU_END)
    reloaded = [s for s in shown if s.startswith("scenario reloaded: ")]
    assert len(reloaded) == 1
    assert " no longer replays (" in reloaded[0]
    assert "there is no lever 'blockade'" in reloaded[0]
    assert "(the input 'b' was for the old game and is not used)" in shown
    assert any("embargo" in s for s in shown)  # the menu offers the renamed lever

    player.send("q")
    code, err = player.finish()
    assert code == 0
    assert err == ""


# --- the timer in the terminal, with a fake clock -------------------------------------------


class SteppingClock:
    """A clock that moves on by ``step`` seconds each time it is read (``first`` steps first)."""

    def __init__(self, step: float, first: tuple[float, ...] = ()) -> None:
        self.now = 0.0
        self.step = step
        self.first = list(first)

    def __call__(self) -> float:
        self.now += self.first.pop(0) if self.first else self.step
        return self.now


def _text_game(
    step: float, limit: float, stdin: str, first: tuple[float, ...] = ()
) -> tuple[Session, str]:
    loaded = load_scenario(MINIMAL)
    seats = {"north": Seat(SeatKind.HUMAN), "south": Seat(SeatKind.RANDOM)}
    session = Session(loaded, 2, seats, autosave=False)
    out = io.StringIO()
    game = ClassroomTextGame(
        session,
        io.StringIO(stdin),
        out,
        interactive=False,
        turn_seconds=limit,
        clock=SteppingClock(step, first),
    )
    assert game.run() == 0
    return game.session, out.getvalue()


def test_a_move_typed_too_late_is_not_used_and_the_delegation_passes() -> None:
    session, out = _text_game(step=50, limit=30, stdin="1\n" * 40)
    assert "(you have 30 s for this move)" in out
    assert "Too late: 30 s have passed." in out
    assert "Time is up for N: it passes." in out
    actions = [entry.action for entry in session.log]
    assert not [a for a in actions if a.actor == "north"]  # every move it typed came too late
    assert [a for a in actions if isinstance(a, Timeout) and a.mover == "north"]
    assert "The game is over." in out


def test_a_timed_out_turn_cannot_be_undone() -> None:
    # The clock is read at each prompt and after each line: the first line comes 100 s late.
    session, out = _text_game(step=1, limit=30, stdin="1\nu\n" + "1\n" * 40, first=(0, 100))
    assert "refused: a turn that timed out cannot be taken back" in out
    assert isinstance(session.log[0].action, Timeout)


def test_a_move_in_time_counts() -> None:
    session, out = _text_game(step=10, limit=30, stdin="1\n" * 40)
    assert "Too late" not in out
    assert not any(isinstance(entry.action, Timeout) for entry in session.log)


# --- the command line -----------------------------------------------------------------------


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    play.configure(parser)
    return parser.parse_args(argv)


def test_help_says_how_the_terminal_enforces_the_timer() -> None:
    parser = argparse.ArgumentParser()
    play.configure(parser)
    text = " ".join(parser.format_help().split())
    assert "enforced when the next line is typed" in text
    assert "press Enter to check" in text


@pytest.mark.parametrize("bad", ["0", "-3", "soon", "nan"])
def test_a_bad_timer_is_a_usage_error(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        _args("--timer", bad)
    assert stop.value.code == 2
    assert "--timer" in capsys.readouterr().err


def test_the_pin_is_refused_in_the_terminal(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="facilitator console"):
        play.run(_args(str(MINIMAL), "--text", "--facilitator-pin", "1234"))


class FakeWindow:
    """Stands in for ``game.ui.main.run_game``: records what ``play`` hands the window."""

    def __init__(self) -> None:
        self.calls: list[tuple[tuple[object, ...], dict[str, object]]] = []

    def __call__(self, *args: object, **kwargs: object) -> int:
        self.calls.append((args, kwargs))
        return 0

    @property
    def received(self) -> tuple[tuple[object, ...], dict[str, object]]:
        assert len(self.calls) == 1, self.calls
        return self.calls[0]


@pytest.fixture
def window(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> FakeWindow:
    import game.ui.main

    monkeypatch.setenv("REDLINES_HOME", str(tmp_path / "home"))
    fake = FakeWindow()
    monkeypatch.setattr(game.ui.main, "run_game", fake)
    return fake


def test_the_window_gets_the_classroom_options(window: FakeWindow, scenario: Path) -> None:
    args = _args(str(scenario), "--watch", "--timer", "45", "--facilitator-pin", "2468")
    assert play.run(args) == 0
    (loaded, seats, seed), extra = window.received
    assert loaded.path == scenario  # type: ignore[attr-defined]
    assert (seats, seed) == (None, None)
    assert extra["turn_seconds"] == 45.0
    pin = extra["facilitator_pin"]
    assert isinstance(pin, PinHash)
    assert pin.check("2468")  # the window gets the hash, never the PIN itself
    assert extra["watch"].path == scenario  # type: ignore[attr-defined]
    assert extra["resume"] is None


def test_the_window_without_options_gets_none_of_them(window: FakeWindow, scenario: Path) -> None:
    assert play.run(_args(str(scenario), "--seats", "north=random", "--seed", "4")) == 0
    (_, seats, seed), extra = window.received
    assert seed == 4
    assert seats["north"] == Seat(SeatKind.RANDOM)  # type: ignore[index]
    assert extra == {"watch": None, "turn_seconds": None, "facilitator_pin": None, "resume": None}


def _saved_game(path: Path) -> Session:
    loaded = load_scenario(MINIMAL)
    seats = {"north": Seat(SeatKind.RANDOM), "south": Seat(SeatKind.RANDOM)}
    session = Session(loaded, 2, seats, autosave=False)
    session.step()
    session.step()
    assert len(session.log) == 2
    session.save(path)
    return session


def test_the_window_resumes_a_save_with_its_options(window: FakeWindow, tmp_path: Path) -> None:
    save = tmp_path / "game.json"
    original = _saved_game(save)
    args = _args("--resume", str(save), "--seats", "north=human", "--watch", "--timer", "30")
    assert play.run(args) == 0
    (loaded, seats, seed), extra = window.received
    assert (loaded, seats, seed) == (None, None, None)  # all three come from the save
    resumed = extra["resume"]
    assert isinstance(resumed, Session)
    assert [e.action for e in resumed.log] == [e.action for e in original.log]
    assert resumed.seats["north"] == Seat(SeatKind.HUMAN)  # --seats overrides the one it names
    assert resumed.seats["south"] == Seat(SeatKind.RANDOM)
    assert extra["watch"].path == MINIMAL  # type: ignore[attr-defined]
    assert extra["turn_seconds"] == 30.0


def test_a_broken_save_never_reaches_the_window(window: FakeWindow, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(UserError, match=f"cannot load the save {broken}: "):
        play.run(_args("--resume", str(broken)))
    with pytest.raises(UserError, match="no such file"):
        play.run(_args("--resume", str(tmp_path / "absent.json")))
    assert window.calls == []


def test_the_window_refuses_what_it_cannot_do(window: FakeWindow, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="--save works with --text or --resume"):
        play.run(_args(str(MINIMAL), "--save", str(tmp_path / "g.json")))
    with pytest.raises(UserError, match="without --resume, give the scenario"):
        play.run(_args("--scenario", str(MINIMAL)))
    with pytest.raises(UserError, match="--resume takes the scenario and the seed from the save"):
        play.run(_args("--resume", str(tmp_path / "g.json"), "--seed", "3"))
    assert window.calls == []
