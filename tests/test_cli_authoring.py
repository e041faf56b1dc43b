"""The authoring commands: validate, schema, new and info, with their exit statuses."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from game import paths
from game.cli import main
from game.scenario import load_scenario
from game.scenario.describe import report
from game.scenario.schema import SCHEMA_FILE
from tests.cli import Ran, run_cli

DATA = Path(__file__).parent / "scenario" / "data"
MINIMAL = DATA / "minimal.yaml"
BROKEN = DATA / "broken.yaml"


def redlines(*args: str) -> Ran:
    """Run the real command, as a user would (in this process: ``tests.cli``)."""
    return run_cli(*args)


def test_validate_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(MINIMAL)]) == 0
    out, err = capsys.readouterr()
    assert out == (
        f"OK {MINIMAL} (harbour-dispute, 3 actors (2 playable), 2 issues, 2 rounds, "
        "1 lever, 2 events, 3 outcomes)\n"
    )
    assert err == ""


def test_validate_reports_errors_on_stderr_without_traceback() -> None:
    result = redlines("validate", str(MINIMAL), str(BROKEN))
    assert result.returncode == 1
    assert result.stdout.startswith(f"OK {MINIMAL} ")
    assert "Traceback" not in result.stderr
    expected = (
        (DATA / "broken.expected").read_text(encoding="utf-8").replace("broken.yaml:", f"{BROKEN}:")
    )
    count = len(expected.splitlines())
    assert result.stderr == expected + f"FAILED {BROKEN} ({count} errors)\n"


def test_validate_hostile_and_missing_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(
        'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n'
        + "".join(
            f"{c}: &{c} [{','.join([f'*{p}'] * 10)}]\n"
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        )
    )
    assert main(["validate", str(bomb), str(tmp_path / "absent.yaml")]) == 1
    _, err = capsys.readouterr()
    assert "alias bomb" in err
    assert "absent.yaml: no such file" in err


def test_validate_misuse_is_exit_2() -> None:
    result = redlines("validate")
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow  # a Python process of its own
def test_validate_does_not_import_pygame() -> None:
    code = (
        f"import sys; from game.cli import main; rc = main(['validate', {str(MINIMAL)!r}]); "
        "assert 'pygame' not in sys.modules, 'pygame imported'; sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_strict_turns_warnings_into_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "    agenda: [fishing, customs]\n", "    agenda: [fishing]\n"
    )
    path = tmp_path / "warn.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    _, err = capsys.readouterr()
    assert "issues[1].id: warning: issue 'customs' is on no round's agenda" in err
    assert main(["validate", "--strict", str(path)]) == 1


def test_schema_prints_the_committed_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    committed = (paths.scenarios_dir() / SCHEMA_FILE).read_text(encoding="utf-8")
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == committed
    out = tmp_path / "s.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == committed


def test_new_writes_a_starter_that_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "Border Crisis.yaml"
    assert main(["new", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    schema_ref = text.splitlines()[0].split("$schema=", 1)[1]
    assert (path.parent / schema_ref).resolve() == (paths.scenarios_dir() / SCHEMA_FILE).resolve()
    assert "\nid: border-crisis " in text
    capsys.readouterr()
    assert main(["validate", "--strict", str(path)]) == 0  # valid, and no warnings either
    assert "OK" in capsys.readouterr().out


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("precious", encoding="utf-8")
    assert main(["new", str(path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "precious"


def test_info_summarises(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(MINIMAL)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The Harbour Dispute  [harbour-dispute]\ncontent hash: sha256:")
    assert "Negotiation space: 6 complete settlements" in out
    assert "    - north-only: North only  (status quo)" in out
    assert "  blockade                 north → south: Blockade the harbour mouth" in out
    assert "  stalemate        Stalemate: always" in out


def test_info_shows_the_consent_an_option_adds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(DATA / "every-addition.yaml")]) == 0
    out = capsys.readouterr().out
    assert "    - withdrawal: Full withdrawal  [+ consent: green]" in out
    assert out.count("+ consent:") == 1


def test_info_on_a_broken_file_is_one_clean_error() -> None:
    result = redlines("info", str(BROKEN))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith(f"{BROKEN}:4:5: id: ")


def test_validate_shows_negotiation_findings_and_fails_on_their_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``redlines analyze``'s errors (an end state no outcome can label) fail validation too."""
    text = MINIMAL.read_text(encoding="utf-8")
    outcomes = text.index("\noutcomes:\n")
    never = "\noutcomes:\n  - {id: never, label: Never, when: {min_agreements: 5}}\n"
    path = tmp_path / "never.yaml"
    path.write_text(text[:outcomes] + never, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "[no-outcome]" in err
    assert err.endswith(f"FAILED {path} (1 error)\n")


@pytest.mark.parametrize("given", ["", "   "])
def test_validate_of_an_empty_name_says_none_was_given(
    given: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 14.16: "validate ''" answered ".: is a directory".
    assert main(["validate", given]) == 1
    err = capsys.readouterr().err
    assert "no scenario given" in err
    assert "directory" not in err


@pytest.mark.parametrize("number", ["9" * 5000, "1e999"])
def test_a_number_too_long_to_hold_is_quoted_not_called_inf(
    number: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 14.16: a 5000-digit format was reported as "found the number inf".
    path = tmp_path / "huge.yaml"
    path.write_text(f"format: {number}\nid: huge\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:1:9: format: expected a whole number, found '{number[:20]}" in err
    assert "inf" not in err.replace(number, "")


def test_info_columns_align_whatever_the_length_of_the_ids() -> None:
    scenario = load_scenario(MINIMAL).scenario
    long_actor = dataclasses.replace(scenario.actors[0], id="a-very-long-actor-id")
    long_issue = dataclasses.replace(scenario.issues[0], id="an-issue-id-of-twenty-six")
    text = report(
        dataclasses.replace(
            scenario,
            actors=(long_actor, *scenario.actors[1:]),
            issues=(long_issue, *scenario.issues[1:]),
        )
    )
    lines = text.splitlines()
    for heading in ("Actors", "Issues"):
        start = next(i for i, line in enumerate(lines) if line.startswith(heading))
        rows = [line for line in lines[start + 1 :] if line.startswith("  ") and line[2] != " "]
        rows = rows[: len(scenario.actors if heading == "Actors" else scenario.issues)]
        name_columns = {len(row) - len(row[2:].split(" ", 1)[1].lstrip()) for row in rows}
        assert len(name_columns) == 1, rows
