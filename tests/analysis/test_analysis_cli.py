"""``redlines analyze``: exit status by severity, findings placed in the file, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from game import paths
from game.cli import main


def bundled_text() -> str:
    found = paths.bundled_scenario("geneva-2022")
    assert found is not None  # the bundled scenario ships with the game
    return found.read_text(encoding="utf-8")


def unweighted_first_issue() -> Any:
    """The bundled scenario's data with its first issue weighed by nobody and demanded by none."""
    data = yaml.safe_load(bundled_text())
    issue = data["issues"][0]["id"]
    for prefs in data["preferences"].values():
        prefs["weights"].pop(issue, None)
        prefs["values"].pop(issue, None)
    for actor, demands in list(data["demands"].items()):
        data["demands"][actor] = [d for d in demands if d["issue"] != issue]
    return data


def test_bundled_scenario_has_a_zopa_and_no_errors(capsys: pytest.CaptureFixture[str]) -> None:
    bundled_text()
    assert main(["analyze", "geneva-2022"]) == 0
    out = capsys.readouterr().out
    assert "Zone of possible agreement: yes" in out
    assert "Findings: 0 error(s)" in out


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    bundled_text()
    assert main(["analyze", "geneva-2022", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["zopa"]["exists"] is True
    assert set(data["zopa"]["utilities"]) == set(data["zopa"]["reservations"])
    for actor, u in data["zopa"]["utilities"].items():
        assert u >= data["zopa"]["reservations"][actor]


def test_unplayable_scenario_exits_1_with_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = yaml.safe_load(bundled_text())
    for outcome in data["outcomes"]:
        # More agreements than there are issues: the loader cannot tell, arithmetic can.
        outcome["when"] = {"min_agreements": len(data["issues"]) + 1}
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["analyze", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "no outcome can ever be reached" in out
    assert "[no-outcome]" in out
    assert f"{broken}:" in out  # placed at FILE:LINE:COL


def test_reservations_too_high_is_a_warning_not_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = yaml.safe_load(bundled_text())
    for prefs in data["preferences"].values():
        prefs["reservation"] = 0.95
    high = tmp_path / "high.yaml"
    high.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["analyze", str(high)]) == 0
    out = capsys.readouterr().out
    assert "Zone of possible agreement: none" in out
    assert "[no-zopa]" in out


@pytest.mark.parametrize(
    "argv",
    [["analyze", "no-such-scenario"], ["analyze", "missing/file.yaml"]],
)
def test_user_mistakes_are_messages_not_tracebacks(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip()


def test_binary_file_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.yaml"
    junk.write_bytes(b"\x00\x01\x02binary")
    assert main(["analyze", str(junk)]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_validate_hook_places_warnings_and_leaves_notes_out(tmp_path: Path) -> None:
    from game.analysis.located import located_findings
    from game.scenario import load_scenario

    data = unweighted_first_issue()
    unweighted = tmp_path / "unweighted.yaml"
    unweighted.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    found = located_findings(load_scenario(unweighted))
    assert all(f.severity in ("warning", "error") for f in found)
    flagged = [f for f in found if "[issue-unweighted]" in f.message]
    assert len(flagged) == 1
    assert flagged[0].path == "issues[0].id"
    assert flagged[0].file == str(unweighted)


def test_every_finding_names_a_place_that_exists_in_the_document(tmp_path: Path) -> None:
    from game.analysis import findings
    from game.scenario import load_scenario

    # Make trouble: an unweighted issue, and a demand for less than the best (a note).
    data = unweighted_first_issue()
    actor, demands = next((a, d) for a, d in data["demands"].items() if d)
    prefs = data["preferences"][actor]
    modest = None
    for wanted in demands:
        values = prefs["values"][wanted["issue"]]
        lined = {
            o
            for r in prefs.get("red_lines", [])
            if r["issue"] == wanted["issue"]
            for o in r["options"]
        }
        lower = [o for o, v in values.items() if v < max(values.values()) and o not in lined]
        if lower:
            modest = {**wanted, "option": lower[0]}
            break
    assert modest is not None
    demands.append(modest)
    path = tmp_path / "trouble.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    loaded = load_scenario(path)
    found = findings(loaded.scenario)
    codes = {f.code for f in found}
    assert {"issue-unweighted", "demand-not-best"} <= codes
    for finding in found:
        node: object = data
        for key in finding.where:
            assert isinstance(node, (dict, list)), (finding.code, finding.where)
            node = node[key]  # type: ignore[index]  # KeyError/IndexError: a wrong place
    demand = next(f for f in found if f.code == "demand-not-best")
    assert demand.where == ("demands", actor, len(data["demands"][actor]) - 1)


def test_no_command_module_imports_another() -> None:
    import ast

    cli = Path(__file__).resolve().parents[2] / "game" / "cli"
    for module in cli.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("game.cli."), (module.name, node.module)
