"""What only the debrief may reveal stays out of the save (issue 14 item 14).

An AI rationale carries its aspiration numbers and the reasons of secret red
lines; a student with the laptop's files must not read them mid-game.  The save
keeps an empty rationale per move; the AI is deterministic, so the debrief
recomputes them by replay (``Session.revealed_log``).  Old saves that hold
rationales still load, and keep them.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from game.session import Difficulty, Seat, SeatKind, Session, load
from game.session.autosaves import latest_copy_path
from game.text.terminal import TextGame
from tests.scenarios import bundled
from tests.session.conftest import AI, FakeLoaded, new_session, resolver, seats_for


def _ai_moves(session: Session) -> list[str]:
    return [e.rationale for e in session.log if e.by is not SeatKind.HUMAN and e.rationale]


def test_no_rationale_reaches_the_save_or_the_autosave(loaded: FakeLoaded, tmp_path: Path) -> None:
    session = new_session(loaded, 3, seats=seats_for(loaded, AI, AI), autosave=True)
    session.run_until_human()
    rationales = _ai_moves(session)
    assert rationales
    path = tmp_path / "game.json"
    session.save(path)
    for written in (path, session.autosave_file, latest_copy_path()):
        text = written.read_text(encoding="utf-8")
        data = json.loads(text)
        assert data["rationales"] == [""] * len(data["actions"])  # older versions still read it
        for rationale in rationales:
            assert rationale not in text


def test_the_debrief_recomputes_every_rationale_by_replay(tmp_path: Path) -> None:
    real = bundled("geneva-2022")
    for difficulty in Difficulty:
        seats = {a.id: Seat(SeatKind.AI, difficulty) for a in real.scenario.playable}
        first = next(iter(seats))
        seats[first] = Seat(SeatKind.RANDOM)
        straight = Session(real, 8, seats, autosave=False)
        for _ in range(25):
            straight.step()
        path = tmp_path / f"{difficulty}.json"
        straight.save(path)
        loaded = load(path)
        assert loaded.log == straight.log  # the game; a rationale is not part of it
        assert all(not e.rationale for e in loaded.log)
        assert [e.rationale for e in loaded.revealed_log()] == [e.rationale for e in straight.log]


def test_a_rationale_that_cannot_be_recomputed_stays_empty(
    loaded: FakeLoaded, tmp_path: Path
) -> None:
    """A seat handed from one difficulty to another mid-game: the moves the current agent
    would not have made get no rationale rather than a wrong one."""
    seats = seats_for(loaded, AI, AI)
    session = new_session(loaded, 3, seats=seats)
    session.run_until_human()
    path = tmp_path / "game.json"
    session.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["actions"][0], data["by"][0] = data["actions"][0], "random"  # not what the AI chose
    path.write_text(json.dumps(data), encoding="utf-8")
    back = load(path, resolve=resolver(loaded))
    revealed = back.revealed_log()
    assert revealed[0].rationale in ("", "chosen at random")
    assert [e.rationale for e in revealed[1:]] == [e.rationale for e in session.log[1:]]


def test_an_old_save_with_rationales_loads_and_keeps_them(
    loaded: FakeLoaded, tmp_path: Path
) -> None:
    session = new_session(loaded, 3, seats=seats_for(loaded, AI, AI))
    session.run_until_human()
    path = tmp_path / "old.json"
    session.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["rationales"] = ["as the old version wrote it"] * len(data["actions"])
    path.write_text(json.dumps(data), encoding="utf-8")
    back = load(path, resolve=resolver(loaded))
    assert back.digest() == session.digest()
    assert {e.rationale for e in back.revealed_log()} == {"as the old version wrote it"}


def test_a_resumed_terminal_game_reveals_the_rationales_of_before_the_save(
    tmp_path: Path,
) -> None:
    real = bundled("geneva-2022")
    seats = {a.id: Seat(SeatKind.AI) for a in real.scenario.playable}
    seats[real.scenario.playable[0].id] = Seat(SeatKind.HUMAN)
    session = Session(real, 5, seats, autosave=False)
    TextGame(session, io.StringIO("1\n" * 3), io.StringIO(), interactive=False).run()
    path = tmp_path / "game.json"
    session.save(path)
    before = [e.rationale for e in session.log if e.by is SeatKind.AI]
    assert before
    resumed = load(path)
    out = io.StringIO()
    TextGame(resumed, io.StringIO("1\n" * 400), out, interactive=False).run()
    assert resumed.is_over
    revealed = out.getvalue().partition("AI rationales, revealed:")[2]
    for rationale in before:
        assert rationale in revealed
