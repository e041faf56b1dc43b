"""The classroom layer: the turn clock, pause, the PIN, and facilitator actions in log and replay.

Time is a plain number passed in, so nothing here waits or reads a clock.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game import engine
from game.engine import EventKind, Pass
from game.engine.actions import Bookmark, EndGame, EndRound, ExtendRound, Inject, News, Timeout
from game.errors import UserError
from game.session import Session, SessionError, load, save
from game.session.clock import TurnClock
from game.session.facilitator import Facilitation
from game.session.pins import PinHash
from tests.session.conftest import AI, HUMAN, FakeLoaded, new_session, resolver, seats_for

# --- the clock on its own ------------------------------------------------------------


def test_the_countdown_runs_from_the_start_of_the_turn() -> None:
    clock = TurnClock(60)
    assert clock.remaining(0) == 60  # nothing timed yet: full time, never expired
    assert not clock.expired(1000)
    assert clock.start("a", 100)
    assert clock.remaining(130) == 30
    assert not clock.expired(159.9)
    assert clock.expired(160)
    assert clock.remaining(500) == 0  # never below zero


def test_pause_stops_the_countdown_and_resume_goes_on_from_there() -> None:
    clock = TurnClock(60)
    clock.start("a", 0)
    clock.pause(20)
    assert clock.paused
    assert clock.remaining(20) == 40
    assert clock.remaining(10_000) == 40  # paused for ever: no time passes
    assert not clock.expired(10_000)
    clock.pause(10_500)  # pausing again changes nothing
    clock.resume(11_000)
    assert not clock.paused
    assert clock.remaining(11_010) == 30
    assert clock.expired(11_040)


def test_extend_adds_time_to_this_turn_only() -> None:
    clock = TurnClock(60)
    clock.start("a", 0)
    clock.extend(30)
    assert clock.remaining(60) == 30
    assert not clock.expired(89)
    clock.start("b", 90)
    assert clock.remaining(90) == 60  # the next turn gets the plain limit
    with pytest.raises(ValueError, match="positive"):
        clock.extend(0)


def test_the_clock_restarts_only_when_the_turn_changes() -> None:
    clock = TurnClock(60)
    assert clock.start("a", 0)
    assert not clock.start("a", 50)  # the same turn: called every frame, no reset
    assert clock.remaining(50) == 10
    assert clock.start("b", 50)
    assert clock.remaining(50) == 60


def test_a_change_of_turn_while_paused_starts_the_next_countdown_frozen() -> None:
    clock = TurnClock(60)
    clock.start("a", 0)
    clock.pause(10)
    clock.start("b", 20)
    assert clock.remaining(500) == 60
    clock.resume(500)
    assert clock.remaining(510) == 50


def test_no_limit_means_no_countdown_and_bad_limits_are_refused() -> None:
    clock = TurnClock(None)
    clock.start("a", 0)
    assert clock.remaining(1e9) is None
    assert not clock.expired(1e9)
    for bad in (0, -5, float("nan"), 1e9):
        with pytest.raises(ValueError, match="turn limit"):
            TurnClock(bad)


# --- the clock over a session -----------------------------------------------------------


def _class(loaded: FakeLoaded, seconds: float | None = 60, seed: int = 1) -> Facilitation:
    session = new_session(loaded, seed)
    session.run_until_human()
    facilitation = Facilitation(session, turn_seconds=seconds)
    facilitation.sync(0)
    return facilitation


def test_expiry_submits_one_timeout_for_the_person_to_move(loaded: FakeLoaded) -> None:
    f = _class(loaded)
    s = f.session
    mover = s.to_move
    assert mover is not None
    assert s.human_to_move
    assert f.tick(59) is None
    turn = f.tick(60)
    assert turn is not None
    assert turn.action == Timeout(mover)
    assert turn.text == f"facilitator timeout {mover}"
    assert next(e.kind for e in turn.events) is EventKind.TIMEOUT
    assert s.to_move != mover or s.state.turn != 1  # the turn passed
    # The next person's clock starts afresh at the moment of expiry: no second timeout.
    s.run_until_human()
    assert f.tick(60.5) is None
    assert f.tick(119) is None
    timeouts = [e for e in s.log if isinstance(e.action, Timeout)]
    assert len(timeouts) == 1


def test_a_timeout_is_in_the_save_and_replays(loaded: FakeLoaded, tmp_path: Path) -> None:
    f = _class(loaded)
    f.tick(61)
    f.session.run_until_human()
    path = tmp_path / "game.json"
    save(f.session, path)
    back = load(path, resolve=resolver(loaded))
    assert any(isinstance(e.action, Timeout) for e in back.log)
    assert back.digest() == f.session.digest()


def test_pause_stops_the_timer_and_the_computer_seats(loaded: FakeLoaded) -> None:
    session = new_session(loaded, 1, seats=seats_for(loaded, first=AI, rest=HUMAN))
    f = Facilitation(session, turn_seconds=30)
    assert not session.human_to_move  # a computer seat is to move
    f.pause(0)
    assert f.step() is None
    assert session.log == ()  # nothing moved
    f.resume(5)
    assert f.step() is not None  # the computer seat moves once resumed
    assert session.human_to_move  # a person is to move now
    f.sync(5)
    f.pause(10)
    assert f.tick(10_000) is None  # paused: the clock stands still at 25 s
    assert f.remaining(10_000) == 25
    f.resume(10_000)
    assert f.tick(10_024) is None
    assert f.tick(10_025) is not None


def test_the_timer_waits_for_people_only(loaded: FakeLoaded) -> None:
    session = new_session(loaded, 1, seats=seats_for(loaded, first=AI, rest=HUMAN))
    f = Facilitation(session, turn_seconds=1)
    assert f.remaining(0) is None  # a computer seat is to move
    assert f.tick(1e6) is None
    assert session.log == ()


def test_extend_turn_gives_the_mover_more_time(loaded: FakeLoaded) -> None:
    f = _class(loaded, 60)
    f.extend_turn(30, 50)
    assert f.tick(60) is None
    assert f.tick(90) is not None


def test_without_a_timer_nothing_times_out(loaded: FakeLoaded) -> None:
    f = _class(loaded, None)
    assert f.remaining(1e6) is None
    assert f.tick(1e6) is None


# --- facilitator actions ----------------------------------------------------------------


def test_bookmark_news_and_inject_are_in_log_transcript_and_replay(
    loaded: FakeLoaded, tmp_path: Path
) -> None:
    f = _class(loaded, None, seed=3)
    card = loaded.scenario.events[0].id
    f.submit(Bookmark("discuss this opening"))
    f.submit(News("A journalist asks about the border"))
    f.submit(Inject(card))
    s = f.session
    assert [e.action for e in s.log[-3:]] == [
        Bookmark("discuss this opening"),
        News("A journalist asks about the border"),
        Inject(card),
    ]
    kinds = {e.kind for e in s.transcript}
    assert {EventKind.BOOKMARK, EventKind.NEWS, EventKind.EVENT_DRAWN} <= kinds
    texts = "\n".join(e.text for e in s.transcript)
    assert "discuss this opening" in texts
    assert "A journalist asks about the border" in texts
    s.submit(Pass(str(s.to_move)))
    s.run_until_human()
    path = tmp_path / "game.json"
    save(s, path)
    back = load(path, resolve=resolver(loaded))
    assert back.digest() == s.digest()
    assert [e.action for e in back.log] == [e.action for e in s.log]
    assert "discuss this opening" in "\n".join(e.text for e in back.transcript)


def test_round_and_game_controls_go_through_the_engine(loaded: FakeLoaded) -> None:
    f = _class(loaded, None)
    s = f.session
    f.submit(ExtendRound(2))
    assert s.state.extra_turns == 2
    first_round = s.state.round_index
    f.submit(EndRound())
    s.run_until_human()
    assert s.state.round_index > first_round or s.is_over
    f.submit(EndGame())
    assert s.is_over
    assert [engine.format_action(e.action) for e in s.log][-1] == "facilitator end-game"
    with pytest.raises(SessionError, match="over"):
        f.submit(Bookmark("too late"))


def test_a_refused_facilitator_action_changes_nothing(loaded: FakeLoaded) -> None:
    f = _class(loaded, None)
    before = f.session.digest()
    with pytest.raises(SessionError):
        f.submit(Inject("no-such-card"))
    with pytest.raises(SessionError):
        f.submit(ExtendRound(0))
    with pytest.raises(SessionError, match="only facilitator actions"):
        f.submit(Pass(str(f.session.to_move)))
    assert f.session.digest() == before


def test_time_out_makes_the_mover_pass_at_once(loaded: FakeLoaded) -> None:
    f = _class(loaded, None)
    mover = str(f.session.to_move)
    turn = f.submit(Timeout(mover))
    assert turn.action == Timeout(mover)


# --- the PIN --------------------------------------------------------------------------------


def test_the_pin_is_checked_and_kept_only_as_a_salted_hash() -> None:
    pin = PinHash.make("4711")
    assert pin.check("4711")
    assert not pin.check("4712")
    assert not pin.check("")
    record = str(pin)
    # The salt and the hash are hex and may contain "4711" by chance: the PIN must not be
    # one of the record's fields, nor follow a separator as plain text.
    assert "4711" not in record.split("$")
    assert "4711" not in repr(pin).replace(record, "")
    assert PinHash.parse(record).check("4711")
    assert str(PinHash.make("4711")) != str(PinHash.make("4711"))  # a fresh salt each time


def test_the_pin_never_reaches_a_save_in_plain(loaded: FakeLoaded, tmp_path: Path) -> None:
    """The console's PIN is saved with the game, as its salted hash only."""
    session = new_session(loaded)
    session.facilitator_pin = PinHash.make("secret-pin-93")
    Facilitation(session).submit(Bookmark("here"))
    path = tmp_path / "game.json"
    save(session, path)
    assert "secret-pin-93" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", ["", " 12", "12\n", "x" * 65])
def test_unusable_pins_are_refused(bad: str) -> None:
    with pytest.raises(UserError, match="PIN"):
        PinHash.make(bad)
    with pytest.raises(UserError, match="damaged"):
        PinHash.parse("pbkdf2-sha256$1$zz$00")


def test_sessions_are_unchanged_by_a_facilitation_alone(loaded: FakeLoaded) -> None:
    session: Session = new_session(loaded)
    f = Facilitation(session, turn_seconds=10)
    f.pause(0)
    f.resume(1)
    f.sync(2)
    assert session.log == ()
