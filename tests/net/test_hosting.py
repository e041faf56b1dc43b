"""The host's command line pieces: seat specs with ``remote``, PINs, and clean refusals."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.errors import UserError
from game.net.hosting import parse_host_seats, parse_pins
from game.session import Seat, SeatKind
from game.session.seats import SeatSpecError, parse_seat
from tests.cli import run_cli

PLAYABLE = ["us", "russia", "nato"]
HUMAN, AI = Seat(SeatKind.HUMAN), Seat(SeatKind.AI)


def test_by_default_every_delegation_is_remote() -> None:
    seats, remote = parse_host_seats(None, PLAYABLE)
    assert seats == dict.fromkeys(PLAYABLE, HUMAN)
    assert remote == set(PLAYABLE)


def test_remote_is_a_seat_kind_and_later_entries_win() -> None:
    seats, remote = parse_host_seats("all=remote,nato=ai:hard", PLAYABLE)
    assert remote == {"us", "russia"}
    assert seats["nato"] == parse_seat("ai:hard")
    seats, remote = parse_host_seats("all=ai,us=remote,russia=human", PLAYABLE)
    assert remote == {"us"}
    assert seats == {"us": HUMAN, "russia": HUMAN, "nato": AI}


def test_resuming_makes_the_saved_human_seats_remote_unless_named() -> None:
    base = {"us": HUMAN, "russia": HUMAN, "nato": AI}
    assert parse_host_seats(None, PLAYABLE, base=base) == (base, {"us", "russia"})
    seats, remote = parse_host_seats("russia=ai", PLAYABLE, base=base)
    assert remote == {"us"}
    assert seats["russia"] == AI


@pytest.mark.parametrize("spec", ["us=remote:hard", "atlantis=remote", "us=robot", "us"])
def test_a_bad_seat_spec_is_one_message(spec: str) -> None:
    with pytest.raises(SeatSpecError):
        parse_host_seats(spec, PLAYABLE)


def test_pins_are_hashed_per_delegation() -> None:
    # "walrus" has letters no hex digest can hold: a salted hash of "1234" holds "1234"
    # about once in seven hundred draws, so that would be a test that flakes.
    pins = parse_pins("us=walrus, russia=9876", PLAYABLE)
    assert set(pins) == {"us", "russia"}
    assert pins["us"].check("walrus")
    assert not pins["us"].check("9876")
    assert "walrus" not in str(pins["us"])


@pytest.mark.parametrize("spec", ["us", "atlantis=1", "us=1,us=2", "us= 12"])
def test_a_bad_pin_spec_is_one_message(spec: str) -> None:
    with pytest.raises(UserError):
        parse_pins(spec, PLAYABLE)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["host", "--headless", "--seats", "us=human"], "'us' is a human seat"),
        (["host", "--headless", "--facilitator-pin", "1"], "no console"),
        (["host", "--headless", "--pins", "atlantis=1"], "not DELEGATION=PIN"),
        (["join", "ws://127.0.0.1:1", "--text"], "join with --seat ID"),
        (["join", "http://example.org", "--seat", "us"], "ws://ADDRESS:PORT"),
        (["join", "UUUUU-UUUUU", "--seat", "us"], "not in a join code"),
        (["join", "ws://127.0.0.1:1", "--seat", "us", "--spectate", "--text"], "not both"),
        (["join", "http://example.org", "--seat", "us", "--text"], "ws://ADDRESS:PORT"),
        (["join", "ws://127.0.0.1:1", "--seat", "us", "--text"], "cannot reach the host"),
    ],
)
def test_command_line_mistakes_are_one_line_and_exit_1(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = run_cli(*args, home=tmp_path)
    assert result.returncode == 1, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow  # a Python process of its own
def test_a_mistake_from_a_shell_is_one_line_in_a_process_of_its_own(tmp_path: Path) -> None:
    """The same refusal from a real process: no traceback, one line, exit status 1."""
    result = subprocess.run(
        [sys.executable, "-m", "game", "host", "--headless", "--seats", "us=human"],
        capture_output=True,
        text=True,
        env={"REDLINES_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "'us' is a human seat" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
