"""A save holds at most MAX_ACTIONS actions: what the game replays in a second or two (14.10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine import Bookmark, EndGame, format_action
from game.session import store
from game.session.errors import SaveError, SessionError
from game.session.savefile import MAX_ACTIONS
from game.session.seats import Seat, SeatKind
from tests.session.conftest import AI, FakeLoaded, new_session, resolver, seats_for

NOTE = format_action(Bookmark("note"))


def _save_with(tmp_path: Path, loaded: FakeLoaded, actions: int) -> Path:
    path = tmp_path / "game.json"
    new_session(loaded).save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(actions=[NOTE] * actions, by=["human"] * actions, rationales=[""] * actions)
    data.pop("remarks", None)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.slow  # writes and reads a save at the size cap
def test_a_save_of_exactly_the_cap_loads(tmp_path: Path, loaded: FakeLoaded) -> None:
    session = store.load(_save_with(tmp_path, loaded, MAX_ACTIONS), resolve=resolver(loaded))
    assert len(session.log) == MAX_ACTIONS


def test_a_save_over_the_cap_is_refused_with_one_clean_message(
    tmp_path: Path, loaded: FakeLoaded
) -> None:
    # Issue 14.10: 200,000 bookmarks (9.4 MB, under the 50 MB cap) froze Load for minutes.
    path = _save_with(tmp_path, loaded, MAX_ACTIONS + 1)
    with pytest.raises(SaveError) as caught:
        store.load(path, resolve=resolver(loaded))
    message = str(caught.value)
    assert f"{MAX_ACTIONS + 1:,} actions" in message
    assert f"at most {MAX_ACTIONS:,}" in message
    assert "\n" not in message


def test_a_game_stops_growing_at_the_cap_and_can_still_be_ended(loaded: FakeLoaded) -> None:
    session = new_session(loaded)
    for _ in range(MAX_ACTIONS - 1):
        session.submit(Bookmark("note"))
    assert session.log_is_full
    with pytest.raises(SessionError, match="the most a save can hold"):
        session.submit(Bookmark("one too many"))
    assert len(session.log) == MAX_ACTIONS - 1
    session.submit(EndGame())
    assert session.is_over
    assert len(session.log) == MAX_ACTIONS  # the longest game still saves and loads


@pytest.mark.slow  # plays computer seats up to the save cap
def test_computer_seats_at_the_cap_end_the_game_instead_of_moving(loaded: FakeLoaded) -> None:
    seats = dict.fromkeys(seats_for(loaded), AI)
    session = new_session(loaded, seats=seats)
    session.set_seat(next(iter(seats)), Seat(SeatKind.HUMAN))
    for _ in range(MAX_ACTIONS - 1):
        session.submit(Bookmark("note"))
    session.set_seat(next(iter(seats)), AI)
    session.run_until_human()
    assert session.is_over
    assert isinstance(session.log[-1].action, EndGame)
    assert "the most a save can hold" in session.log[-1].rationale  # says why it ended
