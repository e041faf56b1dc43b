"""The host's rules, without sockets: joining, PINs, taken seats, moves, undo, privacy."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.actions import Pass, Timeout
from game.engine.variants import drawn_variant
from game.net.host import LATE, Connected, Gone, Host, PinChecked, Received
from game.net.protocol import Act, Join, Undo
from game.session import PinHash, SeatKind
from game.session.lockout import FIRST_DELAY, FREE_TRIES, LONGEST_DELAY
from tests.examples import examples
from tests.net.helpers import REMOTE, FakeTransport, quick_pin, session


def make_host(**pins: str) -> tuple[Host, FakeTransport]:
    game = session()
    for actor, pin in pins.items():
        game.pins[actor] = quick_pin(pin)
    transport = FakeTransport()
    host = Host(game, REMOTE, transport)
    host.advance(0.0)
    return host, transport


def join(host: Host, conn: int, seat: str | None, pin: str | None = None, peer: str = "10.0.0.9"):
    host.handle(Connected(conn, peer), 0.0)
    host.handle(Received(conn, Join(seat, pin)), 0.0)


def test_a_seat_joins_and_gets_its_own_view_and_the_table() -> None:
    host, net = make_host()
    join(host, 1, "us")
    welcome = net.frames(1)[0]
    assert welcome["type"] == "welcome"
    assert welcome["seat"] == "us"
    assert welcome["private"]["briefing"] == host.session.view("us").briefing
    assert len(welcome["table"]["log"]) == len(host.session.transcript)
    assert "us" in host.connected


def test_the_seat_to_move_is_prompted_with_its_legal_moves() -> None:
    host, net = make_host()
    mover = host.session.to_move
    assert mover in REMOTE
    join(host, 1, mover)
    prompt = net.frames(1)[1]
    assert prompt["type"] == "your-move"
    legal = [m["action"] for m in prompt["legal"]]
    assert f"{mover} pass" in legal


def test_a_move_is_applied_through_the_session_and_every_client_hears_of_it() -> None:
    host, net = make_host()
    mover = host.session.to_move
    join(host, 1, mover)
    join(host, 2, None)  # a spectator
    before = len(host.session.log)
    host.handle(Received(1, Act(f"{mover} pass")), 0.0)
    assert len(host.session.log) > before
    assert host.session.log[before].by is SeatKind.HUMAN
    for conn in (1, 2):
        assert "update" in net.types(conn)


def test_a_client_cannot_move_for_another_delegation() -> None:
    host, net = make_host()
    join(host, 1, "us")
    before = len(host.session.log)
    host.handle(Received(1, Act("russia pass")), 0.0)
    assert net.last(1)["type"] == "refused"
    assert len(host.session.log) == before


def test_an_illegal_move_is_refused_with_the_engines_reason_and_changes_nothing() -> None:
    host, net = make_host()
    other = next(a for a in REMOTE if a != host.session.to_move)
    join(host, 1, other)
    digest = host.session.digest()
    host.handle(Received(1, Act(f"{other} pass")), 0.0)  # not its turn
    assert net.last(1)["type"] == "refused"
    assert net.last(1)["reason"]
    assert host.session.digest() == digest


def test_a_spectator_cannot_move() -> None:
    host, net = make_host()
    join(host, 1, None)
    host.handle(Received(1, Act("us pass")), 0.0)
    assert net.last(1) == {
        "type": "error",
        "code": "not-a-seat",
        "message": "a spectator cannot move",
        "fatal": False,
    }


def test_a_second_client_claiming_a_taken_seat_is_refused_and_closed() -> None:
    host, net = make_host()
    join(host, 1, "us")
    join(host, 2, "us")
    assert net.last(2)["code"] == "seat-taken"
    assert 2 in net.closed
    assert 1 not in net.closed


def test_with_its_pin_a_laptop_takes_its_seat_back_from_a_stale_connection() -> None:
    host, net = make_host(us="1234")
    join(host, 1, "us", "1234")
    join(host, 2, "us", "1234")
    assert net.frames(2)[0]["type"] == "welcome"
    assert net.last(1)["code"] == "replaced"
    assert 1 in net.closed


def test_a_wrong_pin_is_refused_then_locked_out_after_a_few_tries() -> None:
    """The rule of every PIN prompt (``session.lockout``): a few free tries, then each miss
    locks that seat for that address, 5 s, then twice as long each time, up to 5 min."""
    host, net = make_host(us="1234")
    for conn in range(1, FREE_TRIES):
        join(host, conn, "us", "0000")
        assert net.last(conn)["code"] == "wrong-pin"
        assert conn not in net.closed
    join(host, 99, "us", "0000")
    assert net.last(99)["code"] == "locked-out"
    assert f"wait {FIRST_DELAY:.0f} s" in net.last(99)["message"]
    assert 99 in net.closed
    # Locked out even with the right PIN, until the wait is over.
    join(host, 100, "us", "1234")
    assert net.last(100)["code"] == "locked-out"
    # Another address is not locked out of the seat.
    join(host, 101, "us", "1234", peer="10.0.0.10")
    assert net.frames(101)[0]["type"] == "welcome"
    # The next miss after the wait doubles it.
    at = FIRST_DELAY + 0.5
    host.handle(Connected(102, "10.0.0.9"), at)
    host.handle(Received(102, Join("us", "0000")), at)
    assert f"wait {2 * FIRST_DELAY:.0f} s" in net.last(102)["message"]
    at += 2 * FIRST_DELAY + 0.5
    host.handle(Connected(103, "10.0.0.9"), at)
    host.handle(Received(103, Join("us", "1234")), at)
    assert net.frames(103)[0]["type"] == "welcome"


def test_guessing_every_four_digit_pin_takes_days_not_minutes() -> None:
    """A script that reconnects and tries again as soon as the host lets it, for an hour."""
    host, net = make_host(us="9999")
    now, checked, conn = 0.0, 0, 0
    while now < 3600.0:
        conn += 1
        host.handle(Connected(conn, "10.0.0.9"), now)
        host.handle(Received(conn, Join("us", f"{checked:04d}")), now)
        message = net.last(conn)["message"]
        checked += message.startswith("wrong PIN")
        wait = re.search(r"wait (\d+) s", message)
        now += float(wait.group(1)) if wait else 0.1
    assert checked <= FREE_TRIES + 3600.0 / LONGEST_DELAY + 8  # about 20 of 10,000 PINs


class LaterChecks:
    """A ``PinChecker`` whose answers come when the test says (as from the host's thread)."""

    def __init__(self) -> None:
        self.asked: list[tuple[int, PinHash, str]] = []

    def check(self, conn: int, pin: PinHash, attempt: str) -> None:
        self.asked.append((conn, pin, attempt))

    def answer(self, host: Host, now: float = 0.0) -> None:
        conn, pin, attempt = self.asked.pop(0)
        host.handle(PinChecked(conn, pin.check(attempt)), now)


def test_a_pin_is_checked_off_the_hosts_loop_and_the_join_waits_for_the_answer() -> None:
    """Hashing a PIN takes a tenth of a second on purpose: the host hands it to its checker
    and goes on; the join is answered when the check comes back (review 13)."""
    game = session()
    game.pins["us"] = quick_pin("1234")
    net, checks = FakeTransport(), LaterChecks()
    host = Host(game, REMOTE, net, pin_checker=checks)
    host.advance(0.0)
    join(host, 1, "us", "1234")
    assert net.types(1) == []  # nothing yet: the check is under way
    assert [(c, a) for c, _, a in checks.asked] == [(1, "1234")]
    join(host, 2, None)  # the host serves others meanwhile
    assert net.frames(2)[0]["type"] == "welcome"
    host.handle(Received(1, Join("us", "1234")), 0.0)
    assert net.last(1)["code"] == "already-joined"
    checks.answer(host)
    assert net.frames(1)[1]["type"] == "welcome"
    assert "us" in host.connected


def test_tries_from_many_connections_are_checked_one_at_a_time_and_all_count() -> None:
    """Many connections from one address sending wrong PINs at once cannot outrun the
    lockout: their checks go one after another, and those past the limit are refused
    without a check.  A connection that leaves before its answer still counts."""
    game = session()
    game.pins["us"] = quick_pin("1234")
    net, checks = FakeTransport(), LaterChecks()
    host = Host(game, REMOTE, net, pin_checker=checks)
    host.advance(0.0)
    for conn in range(1, 11):
        join(host, conn, "us", f"{conn:04d}")
    assert len(checks.asked) == 1
    host.handle(Gone(1), 0.0)  # leaves before its answer
    for _ in range(FREE_TRIES):
        checks.answer(host)
    assert checks.asked == []  # the rest were refused unseen: locked out
    codes = [net.last(conn)["code"] for conn in range(2, 11)]
    assert codes == ["wrong-pin"] * (FREE_TRIES - 2) + ["locked-out"] * (11 - FREE_TRIES)


def test_a_missing_pin_is_a_wrong_pin() -> None:
    host, net = make_host(us="1234")
    join(host, 1, "us", None)
    assert net.last(1)["code"] == "wrong-pin"


def test_an_unknown_or_computer_seat_cannot_be_joined() -> None:
    host, net = make_host()
    join(host, 1, "nato")  # the computer's
    assert net.last(1)["code"] == "unknown-seat"
    join(host, 2, "atlantis")
    assert net.last(2)["code"] == "unknown-seat"


def test_frames_before_join_are_refused() -> None:
    host, net = make_host()
    host.handle(Connected(1, "10.0.0.9"), 0.0)
    host.handle(Received(1, Act("us pass")), 0.0)
    assert net.last(1)["code"] == "not-joined"


def test_a_dropped_seat_waits_and_can_be_rejoined() -> None:
    host, net = make_host()
    join(host, 1, "us")
    host.handle(Gone(1), 0.0)
    assert "us" not in host.connected
    join(host, 2, "us")
    assert net.frames(2)[0]["type"] == "welcome"
    roster = net.last(2)
    assert roster["type"] == "roster"
    assert roster["seats"]["us"] == {"kind": "remote", "connected": True}


def test_undo_takes_back_only_the_own_last_move() -> None:
    host, net = make_host()
    mover = host.session.to_move
    assert mover is not None
    other = next(a for a in REMOTE if a != mover)
    join(host, 1, mover)
    join(host, 2, other)
    host.handle(Received(1, Act(f"{mover} pass")), 0.0)
    host.handle(Received(2, Undo()), 0.0)
    assert net.last(2)["type"] == "refused"
    moves = len(host.session.log)
    host.handle(Received(1, Undo()), 0.0)
    assert len(host.session.log) < moves
    update = [f for f in net.frames(2) if f["type"] == "update"][-1]
    assert update["undone"][0] == f"{mover} pass"


def test_the_turn_timer_passes_for_a_late_delegation() -> None:
    game = session()
    net = FakeTransport()
    host = Host(game, REMOTE, net, turn_seconds=30)
    host.advance(0.0)
    mover = game.to_move
    join(host, 1, mover)
    moves = len(game.log)
    host.advance(10.0)
    assert len(game.log) == moves
    host.advance(31.0)
    assert isinstance(game.log[moves].action, Timeout)
    assert game.log[moves].action.mover == mover
    assert net.last(1)["type"] == "update"


def test_a_move_that_comes_after_the_time_is_up_is_a_timeout_as_at_one_machine() -> None:
    """The loop may not have looked at the clock since the time ran out: the move that
    arrives then is not taken; the delegation passed, as ``LocalGame`` judges it."""
    game = session()
    net = FakeTransport()
    host = Host(game, REMOTE, net, turn_seconds=30)
    host.advance(0.0)
    mover = game.to_move
    assert mover is not None
    join(host, 1, mover)
    moves = len(game.log)
    host.handle(Received(1, Act(f"{mover} pass")), 31.0)  # no advance() since 0 s
    assert isinstance(game.log[moves].action, Timeout)
    assert game.log[moves].action.mover == mover
    assert all(e.action != Pass(mover) for e in game.log[moves:])
    kinds = net.types(1)
    assert kinds[-1] == "refused"
    assert "update" in kinds[kinds.index("your-move") + 1 :]
    assert net.last(1)["reason"] == LATE


def test_when_another_delegations_time_is_up_a_move_is_judged_after_its_pass() -> None:
    game = session()
    net = FakeTransport()
    host = Host(game, REMOTE, net, turn_seconds=30)
    host.advance(0.0)
    mover = game.to_move
    assert mover is not None
    other = next(a for a in REMOTE if a != mover)
    join(host, 1, other)
    host.handle(Received(1, Act(f"{other} pass")), 31.0)
    assert Timeout(mover) in [e.action for e in game.log]
    refusals = [f["reason"] for f in net.frames(1) if f["type"] == "refused"]
    assert LATE not in refusals  # it was not this delegation's time that ran out
    assert Pass(other) in [e.action for e in game.log] or refusals


def _walk(value: Any, path: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _walk(v, f"{path}.{k}")]
    if isinstance(value, list):
        return [p for v in value for p in _walk(v, path)]
    return [(path, value)]


@pytest.mark.parametrize("seat", [*REMOTE, None])
def test_privacy_no_frame_before_over_carries_another_delegations_secrets(seat: str | None) -> None:
    """A client per seat records every frame of a whole game until ``over``."""
    host, net = make_host()
    join(host, 1, "us")
    join(host, 2, "russia")
    join(host, 3, None)
    conn = {"us": 1, "russia": 2, None: 3}[seat]
    game = host.session
    while not game.is_over:
        mover = game.to_move
        assert mover is not None
        host.handle(Received(1 if mover == "us" else 2, Act(f"{mover} pass")), 0.0)
    frames = net.frames(conn)
    over = next(i for i, f in enumerate(frames) if f["type"] == "over")
    before = frames[:over]
    text = "\n".join(json.dumps(f, ensure_ascii=False) for f in before)
    scenario = game.scenario
    for actor in scenario.actors:
        if actor.id == seat:
            continue
        if actor.briefing.strip():
            assert actor.briefing.strip()[:80] not in text, actor.id
        prefs = scenario.preferences.get(actor.id)
        for line in prefs.red_lines if prefs else ():
            if not line.public:
                assert line.reason not in text, (actor.id, line.id)
        for objective in prefs.objectives if prefs else ():
            assert objective.text not in text, (actor.id, objective.id)
        drawn = drawn_variant(prefs)  # seed 7 draws the US a hidden type
        if drawn is not None:
            assert drawn.name not in text, actor.id
            assert drawn.briefing.strip()[:60] not in text, actor.id
    for entry in game.log:
        if entry.rationale:
            assert entry.rationale not in text
    # Preference numbers travel only in the client's own private part.
    private = [(p, v) for f in before for p, v in _walk(f) if ".weights" in p or ".values" in p]
    if seat is None:
        assert private == []
    else:
        mine = game.view(seat)
        assert all(p.startswith((".private.weights", ".private.values")) for p, _ in private)
        welcome = before[0]
        assert welcome["private"]["weights"] == mine.weights
        assert welcome["private"]["hidden_type"] == mine.hidden_type
        assert welcome["private"]["instructions"] == mine.instructions
        assert (mine.hidden_type == "Congress and the eastern allies") is (seat == "us")
    # What over reveals: the rationales and every delegation's brief.
    assert frames[over]["private"].keys() == set(game.seats)


def test_a_finished_game_is_over_at_once_for_the_host_and_a_late_joiner() -> None:
    game = session(ai=("us", "russia", "nato"))
    game.run_until_human()
    assert game.is_over
    net = FakeTransport()
    host = Host(game, (), net)
    host.advance(0.0)
    assert host.finished
    join(host, 1, None)
    assert net.types(1)[:2] == ["welcome", "over"]


JOINS = st.lists(
    st.one_of(
        st.tuples(
            st.just("join"),
            st.sampled_from(["10.0.0.1", "10.0.0.2"]),
            st.sampled_from(["us", "russia"]),
            st.sampled_from(["1234", "0000", "9999", None]),
        ),
        st.tuples(st.just("gone"), st.integers(0, 30)),
        st.tuples(st.just("answer")),
    ),
    max_size=40,
)


@settings(max_examples=examples(60), deadline=None)
@given(JOINS)
def test_property_joins_with_pins_in_any_order_are_each_answered_and_the_lockout_holds(
    steps: list[tuple[Any, ...]],
) -> None:
    """Joins with right, wrong and missing PINs from two addresses, connections that
    leave, checks answered whenever: every join still connected gets one answer, and no
    address has more than the free tries of wrong PINs checked in a row for a seat."""
    game = session()
    game.pins["us"] = quick_pin("1234")
    game.pins["russia"] = quick_pin("1234")
    net, checks = FakeTransport(), LaterChecks()
    host = Host(game, REMOTE, net, pin_checker=checks)
    host.advance(0.0)
    peers: dict[int, tuple[str, str]] = {}
    checked: dict[tuple[str, str], list[bool]] = {}

    def answer() -> None:
        conn, _pin, attempt = checks.asked[0]
        checked.setdefault(peers[conn], []).append(attempt == "1234")
        checks.answer(host)

    for step in steps:
        if step[0] == "join":
            conn = len(peers) + 1
            peers[conn] = (step[1], step[2])
            join(host, conn, step[2], step[3], peer=step[1])
        elif step[0] == "gone" and step[1] in peers:
            host.handle(Gone(step[1]), 0.0)
        elif step[0] == "answer" and checks.asked:
            answer()
    while checks.asked:
        answer()
    for conn in peers:
        if conn in host._clients:
            kinds = [(f["type"], f.get("code")) for f in net.frames(conn)]
            answers = [k for k in kinds if k[0] == "welcome" or k[0] == "error"]
            assert len(answers) == 1, kinds
    for key, results in checked.items():
        run = 0
        for ok in results:
            run = 0 if ok else run + 1
            assert run <= FREE_TRIES, key
