"""``redlines simulate``: JSON report, determinism across --jobs, exit codes, no tracebacks."""

from __future__ import annotations

import json

import pytest

from game.cli import main
from game.sim import TIMING_KEYS


def run_json(capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, object]:
    argv = ["simulate", "geneva-2022", "--games", "30", "--seats", "all=random", "--json"]
    assert main([*argv, *extra]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_json_has_the_required_keys(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "--seed", "4", "--jobs", "1")
    for key in (
        "games",
        "outcomes",
        "mean_scores",
        "agreement_rate",
        "games_per_second",
        "games_per_cpu_second",
        "cpu_seconds",
    ):
        assert key in data
    assert data["games"] == 30
    assert sum(data["outcomes"].values()) == 30  # type: ignore[union-attr]


@pytest.mark.slow  # worker processes
def test_same_seed_same_json_across_jobs(capsys: pytest.CaptureFixture[str]) -> None:
    one = run_json(capsys, "--seed", "9", "--jobs", "1")
    two = run_json(capsys, "--seed", "9", "--jobs", "2")
    for key in TIMING_KEYS:
        one.pop(key)
        two.pop(key)
    assert one == two


def test_text_report(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["simulate", "geneva-2022", "--games", "5", "--seats", "all=random", "--jobs", "1"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "Outcomes:" in out
    assert "Mean tension by turn" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["simulate", "no-such-scenario"],
        ["simulate", "geneva-2022", "--seats", "all=human"],
        ["simulate", "geneva-2022", "--seats", "nobody=ai"],
        ["simulate", "geneva-2022", "--seats", "all=robot"],
    ],
)
def test_user_mistakes_exit_1_without_traceback(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.strip()
    assert "Traceback" not in err


@pytest.mark.parametrize("bad", [["--games", "0"], ["--games", "many"], ["--jobs", "-1"]])
def test_bad_numbers_are_usage_errors(bad: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["simulate", "geneva-2022", *bad])
    assert exc.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_progress_bar_redraws_in_place_and_ends_the_line() -> None:
    import io

    from game.cli.simulate import _Bar

    stream = io.StringIO()
    bar = _Bar(stream)
    for done in (25, 50, 75, 100):
        bar(done, 100)
    out = stream.getvalue()
    assert out.count("\r") == 4
    assert out.endswith("100/100 games\n")
    assert "[" + "#" * 30 + "]" in out


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        (["--games", "1000000000"], "at most 10,000,000"),
        (["--jobs", "100000"], "at most 1024 worker processes"),
    ],
)
def test_absurd_counts_are_refused_with_a_message(
    bad: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 14.12: a billion games built every chunk first (4.7 GB, then MemoryError).
    with pytest.raises(SystemExit) as exc:
        main(["simulate", "geneva-2022", *bad])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert says in err
    assert "Traceback" not in err


@pytest.mark.slow  # worker processes
def test_the_report_names_the_processes_that_really_ran(capsys: pytest.CaptureFixture[str]) -> None:
    # Issue 14.16: "--jobs 1000 --games 20" said "on 1000 process(es)" and ran one.
    argv = ["simulate", "geneva-2022", "--games", "20", "--seats", "all=random", "--jobs", "1000"]
    assert main(argv) == 0
    assert "on 1 process(es)" in capsys.readouterr().out
    data = run_json(capsys, "--jobs", "1000")  # 30 games: two chunks, two processes
    assert data["jobs"] == 2
