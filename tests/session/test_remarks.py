"""Computer seats speak remarks at the table, saved with the game; rationales wait for the end."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from game.engine import Statement
from game.session import store
from game.session.errors import SaveError
from game.session.seats import SeatKind
from game.session.session import Session, Turn
from game.text.terminal import TextGame
from tests.scenarios import bundled
from tests.session.conftest import AI, HUMAN, FakeLoaded, new_session, resolver, seats_for


def _ai_game(loaded: FakeLoaded, seed: int = 3) -> Session:
    session = new_session(loaded, seed, seats=seats_for(loaded, AI, AI))
    session.run_until_human()
    assert session.is_over
    return session


def test_ai_moves_carry_remarks_into_the_log(loaded: FakeLoaded) -> None:
    session = _ai_game(loaded)
    spoken = [e for e in session.log if e.remark]
    assert spoken
    for entry in session.log:
        assert entry.remark != entry.rationale or not entry.remark


def test_a_save_keeps_the_remarks(loaded: FakeLoaded, tmp_path: Path) -> None:
    session = _ai_game(loaded)
    path = tmp_path / "game.json"
    session.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["remarks"] == [e.remark for e in session.log]
    again = store.load(path, resolve=resolver(loaded))
    assert [e.remark for e in again.log] == [e.remark for e in session.log]
    assert [e.rationale for e in again.revealed_log()] == [e.rationale for e in session.log]


def test_an_older_save_without_remarks_loads_with_empty_ones(
    loaded: FakeLoaded, tmp_path: Path
) -> None:
    session = _ai_game(loaded)
    path = tmp_path / "old.json"
    session.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["remarks"]
    data["format"] = 1  # as written before remarks existed
    path.write_text(json.dumps(data), encoding="utf-8")
    again = store.load(path, resolve=resolver(loaded))
    assert [e.remark for e in again.log] == [""] * len(session.log)
    assert [e.rationale for e in again.revealed_log()] == [e.rationale for e in session.log]
    assert again.digest() == session.digest()


def test_remarks_of_the_wrong_length_are_damage(loaded: FakeLoaded, tmp_path: Path) -> None:
    session = _ai_game(loaded)
    path = tmp_path / "bad.json"
    session.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["remarks"] = data["remarks"][:-1]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match="remarks"):
        store.load(path, resolve=resolver(loaded))


def test_the_terminal_prints_remarks_during_play_and_rationales_only_at_the_end() -> None:
    loaded = bundled("geneva-2022")
    seats = {a.id: AI for a in loaded.scenario.playable}
    seats[loaded.scenario.playable[0].id] = HUMAN
    session = Session(loaded, 5, seats, autosave=False)
    out = io.StringIO()
    # A human who always takes the first action offered, to the end.
    TextGame(session, io.StringIO("1\n" * 400), out, interactive=False).run()
    text = out.getvalue()
    assert session.is_over
    during, heading, revealed = text.partition("AI rationales, revealed:")
    assert heading
    assert "The game is over." in during  # the reveal follows the outcome and scores
    computer = [e for e in session.log if e.by is not SeatKind.HUMAN]
    assert computer
    for entry in computer:
        assert entry.rationale not in during, entry.rationale
        assert entry.rationale in revealed
        if entry.remark and not isinstance(entry.action, Statement):
            assert f"“{entry.remark}”" in during
    assert "aspiration" not in during


def test_the_terminal_prints_a_remark_with_its_move_not_after_what_followed() -> None:
    loaded = bundled("geneva-2022")
    seats = {a.id: AI for a in loaded.scenario.playable}
    seats[loaded.scenario.playable[0].id] = HUMAN
    session = Session(loaded, 3, seats, autosave=False)
    turns: list[Turn] = []
    run_until_human = session.run_until_human

    def recording() -> list[Turn]:
        found = run_until_human()
        turns.extend(found)
        return found

    session.run_until_human = recording  # type: ignore[method-assign]
    out = io.StringIO()
    TextGame(session, io.StringIO("1\n" * 400), out, interactive=False).run()
    lines = out.getvalue().splitlines()
    spoken = [t for t in turns if t.remark and not isinstance(t.action, Statement)]
    assert any(len(t.events) > 1 for t in spoken)  # moves that set off quotes, events, rounds
    said = -1
    for turn in spoken:  # in order, so a remark said twice is found at its own move
        said = next(i for i in range(said + 1, len(lines)) if f"“{turn.remark}”" in lines[i])
        move = turn.events[0].text.strip().splitlines()[-1].strip()
        assert lines[said - 1].strip() == move, (lines[said - 1], move)
