"""``redlines play --text`` and ``redlines replay`` driven as a player would.

A whole game is scripted through stdin (a human seat against random and AI
seats); same seed and same inputs give the same digest; the save it leaves
replays to that digest; mistakes are one line on stderr, never a traceback.
The commands run in this process (``tests.cli``); the tests about the process
itself (pygame never imported, an ASCII console, no display) start one.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli import Ran, run_cli

GAME = Path(__file__).resolve().parent.parent / "game"
SEATS = "us=human,russia=random,nato=ai"
MISTAKES = "h\ni\n?\nxyz\n999\np bogus\ns firm We stand firm\nu\nb\n"
ONES = "1\n" * 400  # far more answers than a game asks for
DIGEST = re.compile(r"^digest: ([0-9a-f]{16})$", re.MULTILINE)


def redlines(home: Path, *args: str, stdin: str = "") -> Ran:
    return run_cli(*args, home=home, stdin=stdin)


# Seed 7: a game in which the random Russian seat does not carry out the use of force (which
# ends the game at once, R26) before the script's moves are played.
def play(home: Path, *extra: str, seed: str = "7", stdin: str = MISTAKES + ONES) -> str:
    result = redlines(home, "play", "--text", "--seats", SEATS, "--seed", seed, *extra, stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def autosave_of(home: Path) -> Path:
    """The one autosave of a game played with ``home`` as REDLINES_HOME."""
    found = sorted((home / "data" / "autosave").glob("*.json"))
    assert len(found) == 1, found
    return found[0]


def digest_of(output: str) -> str:
    found = DIGEST.findall(output)
    assert len(found) == 1, output[-2000:]
    return str(found[0])


def test_a_scripted_game_plays_to_the_end(tmp_path: Path) -> None:
    out = play(tmp_path)
    # Geneva has hidden types: the seed would tell them, so it is said only at the end.
    assert "seed: told at the end (hidden types)   seats: US human, Russia random, NATO ai" in out
    assert "\nseed: 7\n" in out
    assert "Round 1 of " in out
    assert "Tension " in out
    assert "Board (* on this round's agenda):" in out
    assert "US to move · " in out  # the short menu
    assert "   1. " in out  # ? lists every move
    assert "Commands (one a line):" in out  # h
    assert "Your brief (US, confidential):" in out  # i
    assert "Your red lines:" in out
    assert "[crosses YOUR red line on " in out  # the menu warns before a red line is crossed
    assert "refused: unknown command 'xyz': type h for help" in out
    assert "refused: no action number 999: choose 1 to " in out
    assert "refused: cannot read action 'us propose bogus': a term must be issue=option" in out
    assert "US (firm): “We stand firm”" in out
    assert 'Undone: us say firm "We stand firm"' in out
    during, _, revealed = out.partition("AI rationales, revealed:")
    assert "chosen at random" not in during  # rationales are private while the game goes on
    assert "Russia (random): chosen at random" in revealed
    assert re.search(r"^      NATO \(ai\): “", during, re.MULTILINE)  # its words at the table
    assert "The game is over." in out
    assert re.search(r"^outcome: \S", out, re.MULTILINE)
    assert re.search(r"^  US: [+-]\d+\.\d{3}$", out, re.MULTILINE)
    digest_of(out)
    autosave_file = autosave_of(tmp_path)
    assert autosave_file.name.startswith("geneva-2022-7-")  # one file per game
    autosave = json.loads(autosave_file.read_text(encoding="utf-8"))
    assert autosave["seed"] == 7
    assert autosave["seats"]["russia"] == {"kind": "random", "difficulty": "normal"}


def test_same_seed_and_inputs_give_the_same_digest(tmp_path: Path) -> None:
    first = digest_of(play(tmp_path / "a"))
    assert digest_of(play(tmp_path / "b")) == first
    others = {digest_of(play(tmp_path / f"s{seed}", seed=str(seed))) for seed in (4, 5, 6)}
    assert others != {first}  # a different seed can give a different game


def test_the_save_replays_to_the_same_digest(tmp_path: Path) -> None:
    save = tmp_path / "class" / "game.json"
    out = play(tmp_path, "--save", str(save))
    result = redlines(tmp_path, "replay", str(save), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert {"digest", "outcome", "scores", "turns"} <= summary.keys()
    assert summary["digest"] == digest_of(out)
    assert summary["turns"] == len(json.loads(save.read_text(encoding="utf-8"))["actions"])
    assert set(summary["scores"]) == {"us", "russia", "nato"}
    assert all(isinstance(v, float) for v in summary["scores"].values())
    assert summary["over"] is True
    text = redlines(tmp_path, "replay", str(save))
    assert text.returncode == 0
    assert digest_of(text.stdout) == summary["digest"]
    # "turns" in JSON (a contract); in words, a turn is a round's, so these are moves
    assert f"moves: {summary['turns']} (round " in text.stdout


def test_end_of_input_saves_and_resume_finishes_the_same_game(tmp_path: Path) -> None:
    script = MISTAKES + ONES
    lines = script.splitlines(keepends=True)
    cut = 10  # the commands, one move and one more
    out = play(tmp_path / "stop", stdin="".join(lines[:cut]))
    autosave = autosave_of(tmp_path / "stop")
    assert "(end of input)" in out
    assert f"Game saved to {autosave}." in out
    assert "The game is over." not in out
    resumed = redlines(
        tmp_path / "stop", "play", "--text", "--resume", str(autosave), stdin="".join(lines[cut:])
    )
    assert resumed.returncode == 0, resumed.stderr
    assert autosave_of(tmp_path / "stop") == autosave  # a continued game keeps its autosave
    straight = play(tmp_path / "straight", stdin=script)
    assert digest_of(resumed.stdout) == digest_of(straight)


def test_quit_saves(tmp_path: Path) -> None:
    out = play(tmp_path, stdin="1\nq\n1\n")
    assert "Game saved to" in out
    assert len(json.loads(autosave_of(tmp_path).read_text())["actions"]) >= 1


def test_all_random_needs_no_input(tmp_path: Path) -> None:
    result = redlines(tmp_path, "play", "--text", "--seats", "all=random", "--seed", "1")
    assert result.returncode == 0, result.stderr
    assert "to move · " not in result.stdout
    digest_of(result.stdout)


def test_the_readme_example_seats_the_named_delegation_as_a_human(tmp_path: Path) -> None:
    # `us=human,all=ai`: all= is the default for the seats not named, wherever it stands.
    result = redlines(
        tmp_path, "play", "--text", "--seats", "us=human,all=ai", "--seed", "7", stdin="q\n"
    )
    assert result.returncode == 0, result.stderr
    assert "US to move · " in result.stdout
    assert "Game saved to" in result.stdout


def test_help_says_what_all_means(tmp_path: Path) -> None:
    result = redlines(tmp_path, "play", "--help")
    assert "sets every delegation the spec does not name" in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--seats", "us=robot"],
            "seat 'us': unknown seat kind 'robot' (use one of: agent, ai, human, random)",
        ),
        (
            ["--seats", "all=ai,ukraine=human"],
            "seat spec names 'ukraine', which is not a playable delegation "
            "(playable: nato, russia, us)",
        ),
        (["--seats", "us"], "seat spec entry 'us' is not ACTOR=KIND (example: us=human)"),
        (
            ["--seats", "russia=ai:brutal"],
            "seat 'russia': unknown difficulty 'brutal' (use one of: easy, hard, normal)",
        ),
        (["--resume", "x.json", "--seed", "1"], None),
        (["no-such-scenario"], None),
    ],
)
def test_mistakes_on_the_command_line_exit_1_with_one_clean_message(
    tmp_path: Path, args: list[str], message: str | None
) -> None:
    result = redlines(tmp_path, "play", "--text", *args)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    if message is not None:
        assert result.stderr == message + "\n"
    assert not (tmp_path / "data" / "autosave.json").exists()


def test_misuse_of_the_options_is_argparse_exit_2(tmp_path: Path) -> None:
    result = redlines(tmp_path, "play", "--text", "--seed", "three")
    assert result.returncode == 2
    assert "invalid int value: 'three'" in result.stderr
    assert "Traceback" not in result.stderr


def test_replay_of_a_broken_save_is_one_message_and_exit_1(tmp_path: Path) -> None:
    save = tmp_path / "game.json"
    play(tmp_path, "--save", str(save), stdin="1\n1\n")
    save.write_bytes(save.read_bytes()[:150])
    for args in (["replay", str(save)], ["replay", str(save), "--json"]):
        result = redlines(tmp_path, *args)
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr == (
            f"cannot load the save {save}: the file is truncated "
            "(it ends in the middle of the data)\n"
        )
    missing = redlines(tmp_path, "replay", str(tmp_path / "nope.json"))
    assert missing.returncode == 1
    assert missing.stderr == f"cannot load the save {tmp_path / 'nope.json'}: no such file\n"


def test_resume_of_a_broken_save_writes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = redlines(tmp_path, "play", "--text", "--resume", str(broken), stdin="1\n")
    assert result.returncode == 1
    assert result.stderr.startswith(f"cannot load the save {broken}: ")
    assert broken.read_text(encoding="utf-8") == "{not json"
    assert not (tmp_path / "data").exists()


def test_the_window_refuses_a_broken_save_before_it_opens(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"game": "red-lines", "format": 1', encoding="utf-8")
    result = redlines(tmp_path, "play", "--resume", str(broken))  # no --text: the window
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"cannot load the save {broken}: the file is truncated "
        "(it ends in the middle of the data)\n"
    )
    assert broken.read_text(encoding="utf-8") == '{"game": "red-lines", "format": 1'


@pytest.mark.slow  # a Python process of its own
def test_play_text_never_loads_pygame(tmp_path: Path) -> None:
    args = ["play", "--text", "--seats", SEATS, "--seed", "3"]
    code = (
        f"import sys; from game.cli import main; rc = main({args!r}); "
        "assert 'pygame' not in sys.modules, 'pygame imported'; sys.exit(rc)"
    )
    env = dict(os.environ, REDLINES_HOME=str(tmp_path), PYTHONIOENCODING="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", code],
        input=ONES,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "The game is over." in result.stdout  # a whole game ran


def test_facilitator_moves_typed_in_the_notation(tmp_path: Path) -> None:
    out = play(tmp_path, stdin='facilitator bookmark "discuss the opening"\nfacilitator end-game\n')
    assert "discuss the opening" in out
    assert "The game is over." in out
    digest_of(out)


def test_a_save_file_that_cannot_be_written_is_refused_before_the_first_move(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    result = redlines(
        tmp_path,
        "play",
        "--text",
        "--seats",
        SEATS,
        "--save",
        str(blocker / "game.json"),
        stdin=ONES,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"cannot save the game to {blocker / 'game.json'}: ")
    assert "Round 1" not in result.stdout  # refused at the start, not after a whole game
    assert "Traceback" not in result.stderr


def test_resume_with_seats_overrides_only_the_seats_it_names(tmp_path: Path) -> None:
    play(tmp_path, stdin="1\n")  # us=human, russia=random, nato=ai; stops at end of input
    autosave = autosave_of(tmp_path)
    resumed = redlines(
        tmp_path, "play", "--text", "--resume", str(autosave), "--seats", "nato=human", stdin=""
    )
    assert resumed.returncode == 0, resumed.stderr
    assert "seats: US human, Russia random, NATO human" in resumed.stdout


def test_a_seat_named_twice_is_refused(tmp_path: Path) -> None:
    result = redlines(tmp_path, "play", "--text", "--seats", "us=human,us=ai", stdin="")
    assert result.returncode == 1
    assert result.stderr.strip() == "seat spec 'us=human,us=ai' names 'us' twice"


@pytest.mark.parametrize(
    "command",
    [
        ("info", "geneva-2022"),
        ("simulate", "geneva-2022", "--games", "1", "--seed", "1"),
        ("play", "--text", "--seats", "all=random", "--seed", "1"),
    ],
)
@pytest.mark.slow  # a Python process of its own for each command
def test_a_narrow_console_gets_question_marks_not_a_traceback(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    env = dict(os.environ, REDLINES_HOME=str(tmp_path), PYTHONIOENCODING="ascii")
    result = subprocess.run(
        [sys.executable, "-m", "game", *command],
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("ascii", "replace")
    assert b"Traceback" not in result.stderr
    assert b"?" in result.stdout  # the scenario's typographic quotes, replaced
    result.stdout.decode("ascii")  # and nothing but ASCII reached the console


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open fds in /proc")
def test_a_closed_pipe_is_not_an_error_and_leaks_no_descriptor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.cli import main

    monkeypatch.setenv("REDLINES_HOME", str(tmp_path))
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head` that has already gone
    # Line-buffered, like a terminal: the first line written meets the closed pipe.
    with open(write_end, "w", buffering=1, encoding="utf-8") as closed_pipe:
        monkeypatch.setattr(sys, "stdout", closed_pipe)
        before = len(os.listdir("/proc/self/fd"))
        assert main(["info", "geneva-2022"]) == 0
        assert len(os.listdir("/proc/self/fd")) == before


NO_WINDOW = "no window can be opened"


def _without_display(home: Path, **overrides: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("SDL_VIDEODRIVER", None)
    env.update(REDLINES_HOME=str(home), PYTHONIOENCODING="utf-8", **overrides)
    return subprocess.run(
        [sys.executable, "-m", "game"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.slow  # a Python process of its own
def test_a_video_driver_that_cannot_open_a_window_says_so_and_suggests_the_terminal(
    tmp_path: Path,
) -> None:
    result = _without_display(tmp_path, SDL_VIDEODRIVER="invalid-driver-name")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert NO_WINDOW in result.stderr
    assert "redlines play --text" in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland displays")
@pytest.mark.slow  # a Python process of its own
def test_no_display_at_all_does_not_run_an_invisible_game(tmp_path: Path) -> None:
    # Without DISPLAY or WAYLAND_DISPLAY, SDL falls back to its offscreen driver and
    # the game would run forever in a window nobody can see.
    result = _without_display(tmp_path)
    assert result.returncode == 1
    assert NO_WINDOW in result.stderr
    assert "redlines play --text" in result.stderr
