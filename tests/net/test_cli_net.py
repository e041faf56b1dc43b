"""``redlines host --headless`` and ``redlines join --text`` as a class would run them.

A whole game on loopback, two laptops and a computer seat, gives the digest of
the same moves played with ``redlines play --text`` at one machine; a laptop
that drops rejoins with its seat and PIN; a host killed mid-game and started
again from its autosave carries on with the laptops rejoining.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from game.session import Seat, SeatKind, Session
from tests.net.helpers import geneva

# Whole games of several processes talking over loopback: the quick run leaves them out.
pytestmark = pytest.mark.slow

SEED = 7
SEATS = "us=remote,russia=remote,nato=ai"
DIGEST = re.compile(r"^digest: ([0-9a-f]{16})$", re.MULTILINE)
SCRIPTS = {
    "us": [
        'us say conciliatory "We came to Geneva to listen."',
        "us propose missiles=reciprocal-limits,exercises=reciprocal-limits",
        "1",
    ],
    "russia": [
        'russia say firm "Our proposals are on the table."',
        "2",
        "russia pass",
    ],
}
PASSES = 200  # more than a game asks for: each laptop passes once its script is done
TIMEOUT = 120


def script(actor: str) -> list[str]:
    return SCRIPTS[actor] + [f"{actor} pass"] * PASSES


def local_order() -> list[str]:
    """The laptops' lines in the order a game at one machine asks for them."""
    seats = {a: Seat(SeatKind.HUMAN) for a in ("us", "russia")} | {"nato": Seat(SeatKind.AI)}
    game = Session(geneva(), SEED, seats, autosave=False)
    lines = {a: iter(script(a)) for a in ("us", "russia")}
    order = []
    while True:
        game.run_until_human()
        actor = game.to_move
        if actor is None:
            return order
        line = next(lines[actor])
        if line.isdigit():
            game.submit(game.legal_actions(actor)[int(line) - 1])
        else:
            game.submit_text(line)  # a refusal here is a broken test script
        order.append(line)


def env(home: Path) -> dict[str, str]:
    return dict(os.environ, REDLINES_HOME=str(home), PYTHONIOENCODING="utf-8")


@dataclass
class Proc:
    """A ``redlines`` process writing to files: a full pipe nobody drains would stall it."""

    process: subprocess.Popen[str]
    out: Path
    err: Path

    def output(self) -> tuple[str, str]:
        self.process.wait(timeout=TIMEOUT)
        return self.out.read_text(encoding="utf-8"), self.err.read_text(encoding="utf-8")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=TIMEOUT)


def start(home: Path, *args: str, stdin: str | None = None) -> Proc:
    home.mkdir(parents=True, exist_ok=True)
    number = len(list(home.glob("out-*.txt")))
    out, err = home / f"out-{number}.txt", home / f"err-{number}.txt"
    with out.open("w", encoding="utf-8") as o, err.open("w", encoding="utf-8") as e:
        process = subprocess.Popen(
            [sys.executable, "-m", "game", *args],
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=o,
            stderr=e,
            text=True,
            encoding="utf-8",
            env=env(home),
        )
    if stdin is not None:
        assert process.stdin is not None
        process.stdin.write(stdin)
        process.stdin.close()
    return Proc(process, out, err)


def start_host(home: Path, *args: str) -> tuple[Proc, str]:
    host = start(home, "host", "--headless", "--bind", "127.0.0.1", *args)
    deadline = time.monotonic() + TIMEOUT
    first = ""
    while time.monotonic() < deadline and host.process.poll() is None:
        first = host.out.read_text(encoding="utf-8").partition("\n")[0]
        if first:
            break
        time.sleep(0.05)
    match = re.fullmatch(r"listening on (ws://127\.0\.0\.1:\d+)", first)
    assert match, first + host.err.read_text(encoding="utf-8")
    return host, match.group(1)


def join(home: Path, url: str, actor: str, *extra: str, lines: list[str] | None = None) -> Proc:
    text = "\n".join(script(actor) if lines is None else lines) + "\n"
    return start(home, "join", url, "--seat", actor, "--text", *extra, stdin=text)


def finish(proc: Proc) -> str:
    out, err = proc.output()
    assert proc.process.returncode == 0, err[-3000:]
    assert "Traceback" not in err
    return out


def digest_of(output: str) -> str:
    found = DIGEST.findall(output)
    assert len(found) == 1, output[-3000:]
    return str(found[0])


def local_digest(home: Path) -> str:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "game",
            "play",
            "--text",
            "--seed",
            str(SEED),
            "--seats",
            "us=human,russia=human,nato=ai",
        ],
        input="\n".join(local_order()) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env(home),
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return digest_of(result.stdout)


def test_a_networked_game_has_the_digest_of_the_same_moves_played_locally(tmp_path: Path) -> None:
    host, url = start_host(tmp_path / "host", "--seed", str(SEED), "--seats", SEATS, "--port", "0")
    clients = {a: join(tmp_path / a, url, a) for a in ("us", "russia")}
    projector = start(tmp_path / "projector", "join", url, "--spectate", "--text")
    outputs = {a: finish(c) for a, c in clients.items()}
    hosted = finish(host)
    expected = local_digest(tmp_path / "local")
    assert digest_of(hosted) == expected
    watched = finish(projector)
    assert digest_of(watched) == expected
    assert "to move." not in watched  # a spectator is never offered a move
    for actor, out in outputs.items():
        assert digest_of(out) == expected, actor
        assert "to move." in out
        assert "scores:" in out
    assert "scores:" in hosted
    assert "We came to Geneva to listen." in hosted  # the transcript, as it happened


def test_a_laptop_that_drops_rejoins_with_its_seat_and_pin(tmp_path: Path) -> None:
    host, url = start_host(
        tmp_path / "host",
        "--seed",
        str(SEED),
        "--seats",
        SEATS,
        "--port",
        "0",
        "--pins",
        "us=1234,russia=9876",
    )
    order = local_order()
    us_lines = script("us")
    russia = join(tmp_path / "russia", url, "russia", "--pin", "9876")
    # The US laptop makes its first two moves, then its lid closes (end of input: it leaves).
    first = join(tmp_path / "us", url, "us", "--pin", "1234", lines=us_lines[:2])
    out = finish(first)
    assert "Rejoin with: redlines join" in out
    again = join(tmp_path / "us", url, "us", "--pin", "1234", lines=us_lines[2:])
    outputs = [finish(again), finish(russia)]
    hosted = finish(host)
    expected = local_digest(tmp_path / "local")
    assert order  # the script is one a local game accepts
    assert digest_of(hosted) == expected
    assert [digest_of(o) for o in outputs] == [expected, expected]


def test_a_wrong_pin_is_one_clean_message(tmp_path: Path) -> None:
    host, url = start_host(
        tmp_path / "host", "--seed", str(SEED), "--seats", SEATS, "--port", "0", "--pins", "us=1234"
    )
    try:
        client = join(tmp_path / "us", url, "us", "--pin", "0000", lines=[])
        _, err = client.output()
        assert client.process.returncode == 1
        assert err.strip() == "the host refused: wrong PIN for 'us'"
    finally:
        host.kill()


def laptop_moves(autosaves: Path) -> int:
    saves = sorted(autosaves.glob("*.json")) if autosaves.is_dir() else []
    if not saves:
        return 0
    actions = json.loads(saves[0].read_text(encoding="utf-8"))["actions"]
    return sum(1 for a in actions if a.startswith(("us ", "russia ")))


def test_a_host_killed_mid_game_resumes_from_its_autosave_and_the_laptops_rejoin(
    tmp_path: Path,
) -> None:
    home = tmp_path / "host"
    host, url = start_host(home, "--seed", str(SEED), "--seats", SEATS, "--port", "0")
    port = url.rsplit(":", 1)[1]
    clients = {a: join(tmp_path / a, url, a) for a in ("us", "russia")}
    autosaves = home / "data" / "autosave"
    # Kill the host once the laptops have made a few moves (the autosave is written per move).
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if laptop_moves(autosaves) >= 4:
            break
        time.sleep(0.05)
    host.kill()
    save = sorted(autosaves.glob("*.json"))[0]
    again, url2 = start_host(home, "--resume", str(save), "--port", port)
    assert url2 == url
    outputs = {a: finish(c) for a, c in clients.items()}
    hosted = finish(again)
    expected = local_digest(tmp_path / "local")
    assert digest_of(hosted) == expected
    for actor, out in outputs.items():
        assert "rejoined the game" in out, actor
        assert digest_of(out) == expected, actor


def test_a_laptop_killed_mid_game_and_started_again_carries_on(tmp_path: Path) -> None:
    """The US laptop only passes, so however many of its lines the killed process used,
    the game is the one where the US always passes and Russia follows its script."""
    home = tmp_path / "host"
    host, url = start_host(
        home, "--seed", str(SEED), "--seats", SEATS, "--port", "0", "--pins", "us=1234"
    )
    passes = ["us pass"] * PASSES
    russia = join(tmp_path / "russia", url, "russia")
    first = join(tmp_path / "us", url, "us", "--pin", "1234", lines=passes)
    deadline = time.monotonic() + TIMEOUT
    while laptop_moves(home / "data" / "autosave") < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    first.kill()
    again = join(tmp_path / "us", url, "us", "--pin", "1234", lines=passes)
    outputs = [finish(again), finish(russia)]
    hosted = finish(host)
    seats = {"us": Seat(SeatKind.HUMAN), "russia": Seat(SeatKind.HUMAN), "nato": Seat(SeatKind.AI)}
    game = Session(geneva(), SEED, seats, autosave=False)
    lines = iter(script("russia"))
    while True:
        game.run_until_human()
        if game.to_move is None:
            break
        if game.to_move == "us":
            game.submit_text("us pass")
        else:
            line = next(lines)
            if line.isdigit():
                game.submit(game.legal_actions("russia")[int(line) - 1])
            else:
                game.submit_text(line)
    assert digest_of(hosted) == game.digest()
    assert [digest_of(o) for o in outputs] == [game.digest(), game.digest()]
