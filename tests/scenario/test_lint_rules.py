"""Warnings about option rules and red lines that do not do what they seem to."""

from __future__ import annotations

from typing import Any

from tests.scenario.test_lint import warnings_after


def test_excluding_a_status_quo_stops_nothing_while_its_issue_is_open() -> None:
    def edit(d: dict[str, Any]) -> None:
        d["format"] = 2
        issue = d["issues"][1]
        other = d["issues"][0]
        issue["options"][1]["excludes"] = {other["id"]: [other["status_quo"]]}

    found = [w for w in warnings_after(edit) if "excludes" in w]
    assert len(found) == 1
    assert "the status quo of" in found[0]
    assert "use 'requires' on the other options" in found[0]


def test_a_red_line_without_a_veto_is_flagged() -> None:
    def edit(d: dict[str, Any]) -> None:
        issue = d["issues"][1]  # customs: only south consents
        assert "north" not in issue["consent"]
        d["preferences"]["north"]["red_lines"] = [
            {
                "id": "no-veto",
                "issue": issue["id"],
                "options": [issue["options"][1]["id"]],
                "public": True,
                "reason": "Never.",
            }
        ]

    found = [w for w in warnings_after(edit) if "not asked to consent" in w]
    assert len(found) == 1, found
    assert found[0].startswith("preferences.")
    assert "the others can agree it without" in found[0]


def test_a_requirement_that_needs_another_consenter_is_flagged() -> None:
    """R33 counts a required term of the same package even while it waits for a
    consenter the requiring term does not need: the requiring term can then bind alone."""

    def edit(d: dict[str, Any]) -> None:
        d["format"] = 2
        fishing, customs = d["issues"][0], d["issues"][1]  # customs needs south only
        customs["options"][1]["requires"] = {fishing["id"]: [fishing["options"][1]["id"]]}

    found = [w for w in warnings_after(edit) if "requires" in w.split(":")[0]]
    assert found == [
        "issues[1].options[1].requires.fishing: 'joint' requires fishing=shared, which also "
        "needs 'north': agreed without them, 'joint' binds while fishing=shared waits, "
        "perhaps for good (give 'joint' the same consent)"
    ]
