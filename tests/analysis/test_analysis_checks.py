"""Each author finding, triggered by a scenario crafted to have exactly that problem."""

from __future__ import annotations

from dataclasses import replace

import pytest

from game.analysis import Finding, Severity, findings
from game.engine.model import Condition, Demand, EventCard, Objective, Scenario
from tests.analysis.builders import actor, issue, outcome, prefs, scenario, table, two_party

OPTS = ["low", "mid", "high"]
UP = {"low": 0.0, "mid": 0.5, "high": 1.0}
DOWN = {"low": 1.0, "mid": 0.5, "high": 0.0}


def codes(s: Scenario) -> dict[str, list[Finding]]:
    found: dict[str, list[Finding]] = {}
    for f in findings(s):
        found.setdefault(f.code, []).append(f)
    return found


def only(s: Scenario, code: str) -> Finding:
    found = codes(s).get(code, [])
    assert len(found) == 1, (code, [str(f) for f in findings(s)])
    return found[0]


def three_issues(**kwargs: object) -> Scenario:
    """a and b trade on x and y; z is on the table too."""
    a = prefs("a", {"x": 3, "y": 1, "z": 1}, {"x": UP, "y": UP, "z": UP}, 0.4)
    b = prefs("b", {"x": 1, "y": 3, "z": 1}, {"x": DOWN, "y": DOWN, "z": DOWN}, 0.4)
    issues = [issue(i, OPTS, consent=["a", "b"]) for i in ("x", "y", "z")]
    base = {"preferences": [a, b]}
    base.update(kwargs)
    return scenario([actor("a"), actor("b")], issues, **base)  # type: ignore[arg-type]


def test_a_sound_scenario_has_no_warnings() -> None:
    found = findings(two_party(0.5, 0.5))
    assert [f for f in found if f.severity is not Severity.INFO] == []


def test_issue_nobody_weighs() -> None:
    a = prefs("a", {"x": 3, "y": 1}, {"x": UP, "y": UP}, 0.4)
    b = prefs("b", {"x": 1, "y": 3}, {"x": DOWN, "y": DOWN}, 0.4)
    f = only(three_issues(preferences=[a, b]), "issue-unweighted")
    assert f.severity is Severity.WARNING
    assert f.subjects == ("z",)
    assert "'z'" in f.message


def test_issue_on_no_agenda() -> None:
    f = only(three_issues(rounds=[table("talks", ["a", "b"], ["x", "y"])]), "issue-off-agenda")
    assert f.subjects == ("z",)


def test_table_of_one_delegation_cannot_agree() -> None:
    s = three_issues(rounds=[table("talks", ["a", "b"], ["x", "y"]), table("solo", ["a"], ["z"])])
    assert only(s, "issue-off-agenda").subjects == ("z",)
    assert only(s, "round-idle").subjects == ("solo",)


def test_consenting_actor_never_at_the_table() -> None:
    s = scenario(
        [actor("a"), actor("b"), actor("c")],
        [issue("x", OPTS, consent=["a", "b"]), issue("y", OPTS, consent=["a", "c"])],
        [
            prefs("a", {"x": 3, "y": 1}, {"x": UP, "y": UP}, 0.3),
            prefs("b", {"x": 1}, {"x": DOWN}, 0.3),
            prefs("c", {"y": 1}, {"y": DOWN}, 0.0),
        ],
        rounds=[table("talks", ["a", "b"], ["x", "y"])],
    )
    f = only(s, "issue-consent-absent")
    assert f.subjects == ("y", "c")


def test_red_lines_close_an_issue() -> None:
    a = prefs("a", {"x": 3, "y": 1, "z": 1}, {"x": UP, "y": UP, "z": UP}, 0.3, {"z": ["low"]})
    b = prefs(
        "b",
        {"x": 1, "y": 3, "z": 1},
        {"x": DOWN, "y": DOWN, "z": DOWN},
        0.3,
        {"z": ["mid", "high"]},
    )
    found = codes(three_issues(preferences=[a, b]))
    (closed,) = found["issue-closed"]
    assert closed.subjects == ("z", "a-z", "b-z")


def test_red_lines_of_a_bystander_make_every_agreement_cross_one() -> None:
    s = scenario(
        [actor("a"), actor("b"), actor("c")],
        [issue("x", OPTS, consent=["a", "b"])],
        [
            prefs("a", {"x": 1}, {"x": UP}, 0.3, {"x": ["low"]}),
            prefs("b", {"x": 1}, {"x": DOWN}, 0.3),
            prefs("c", {"x": 1}, {"x": UP}, 0.0, {"x": ["mid", "high"]}),
        ],
    )
    f = only(s, "issue-contested")
    assert f.severity is Severity.INFO
    assert "issue-closed" not in codes(s)


def test_reservation_beyond_reach() -> None:
    a = prefs("a", {"x": 3, "y": 1}, {"x": UP, "y": UP}, 0.7, {"x": ["high"]})
    b = prefs("b", {"x": 1, "y": 3}, {"x": DOWN, "y": DOWN}, 0.3)
    s = replace(two_party(0.5, 0.5), preferences={"a": a, "b": b})
    f = only(s, "reservation-unreachable")
    assert f.subjects == ("a",)
    assert "0.70" in f.message
    assert "0.62" in f.message  # 3/4 * 0.5 + 1/4 * 1


@pytest.mark.parametrize(
    ("demand", "code"),
    [
        (Demand("a", "x", "low", "give it all"), "demand-on-red-line"),
        (Demand("a", "z", "high", "and this"), "demand-unweighted"),
        (Demand("a", "y", "mid", "something"), "demand-not-best"),
    ],
)
def test_odd_demands(demand: Demand, code: str) -> None:
    a = prefs("a", {"x": 3, "y": 1}, {"x": UP, "y": UP}, 0.4, {"x": ["low"]})
    b = prefs("b", {"x": 1, "y": 3}, {"x": DOWN, "y": DOWN}, 0.4)
    z_weighted_by_b = replace(b, weights={**b.weights, "z": 0.2}, values={**b.values, "z": DOWN})
    s = three_issues(preferences=[a, z_weighted_by_b], demands=[demand])
    f = only(s, code)
    assert f.subjects == (demand.actor, demand.issue, demand.option)


def test_round_without_agenda_and_idle_round() -> None:
    a = prefs("a", {"x": 3, "y": 1, "z": 1}, {"x": UP, "y": UP, "z": UP}, 0.3, {"z": ["low"]})
    b = prefs(
        "b",
        {"x": 1, "y": 3, "z": 1},
        {"x": DOWN, "y": DOWN, "z": DOWN},
        0.3,
        {"z": ["mid", "high"]},
    )
    s = three_issues(
        preferences=[a, b],
        rounds=[
            table("opening", ["a", "b"], []),
            table("closed-talks", ["a", "b"], ["z"]),
            table("talks", ["a", "b"], ["x", "y"]),
        ],
    )
    assert only(s, "round-no-agenda").subjects == ("opening",)
    assert only(s, "round-idle").subjects == ("closed-talks",)


@pytest.mark.parametrize(
    ("condition", "words"),
    [
        (Condition(min_round=3, max_round=2), "above max_round"),
        (Condition(min_round=5), "beyond the last round"),
        (Condition(min_tension=80, max_tension=60), "above max_tension"),
        (Condition(min_tension=120), "war threshold"),
        (Condition(escalated=True, max_tension=50), "escalation means"),
        (Condition(escalated=False, min_tension=100), "means escalation"),
        (Condition(min_agreements=2, max_agreements=1), "above max_agreements"),
        (Condition(min_agreements=3), "at most 2 issue(s)"),
        (Condition(min_agreements=2, not_agreed=("x",)), "at most 1 issue(s)"),
        (Condition(agreed={"x": frozenset({"low"})}, max_agreements=0), "max_agreements is 0"),
        (Condition(agreed={"x": frozenset({"low"})}, not_agreed=("x",)), "both agreed"),
        (Condition(agreed={"x": frozenset({"low"})}), "red line rules out"),
        (Condition(levers_executed=("l",), levers_not_executed=("l",)), "both executed"),
        (Condition(walked_out=("c",)), "sits at no round"),
    ],
)
def test_unreachable_outcome(condition: Condition, words: str) -> None:
    s = replace(
        two_party(0.3, 0.3),
        actors=(actor("a"), actor("b"), actor("c", playable=False)),
        outcomes=(outcome("odd", condition), outcome("rest")),
    )
    a = s.preferences["a"]
    s = replace(
        s,
        preferences={
            **s.preferences,
            "a": replace(
                a, red_lines=prefs("a", {"x": 1}, {"x": UP}, 0.3, {"x": ["low"]}).red_lines
            ),
        },
    )
    f = only(s, "outcome-unreachable")
    assert f.subjects == ("odd",)
    assert words in f.message
    assert "no-outcome" not in codes(s)


def test_outcome_after_a_catch_all_is_shadowed() -> None:
    s = replace(
        two_party(0.3, 0.3),
        outcomes=(outcome("stalemate"), outcome("deal", Condition(min_agreements=1))),
    )
    assert only(s, "outcome-shadowed").subjects == ("deal",)


def test_no_reachable_outcome_is_an_error() -> None:
    s = replace(two_party(0.3, 0.3), outcomes=(outcome("never", Condition(min_round=9)),))
    found = findings(s)
    assert found[0].severity is Severity.ERROR
    assert found[0].code == "no-outcome"


def test_unreachable_objective_and_event() -> None:
    base = two_party(0.3, 0.3)
    objective = Objective("a-dream", "a", "everything", Condition(min_agreements=5), 0.1)
    card = EventCard("storm", "Storm", "", 0.5, Condition(min_round=2, max_round=1), ())
    s = replace(
        base,
        preferences={
            **base.preferences,
            "a": replace(base.preferences["a"], objectives=(objective,)),
        },
        events=(card,),
    )
    assert only(s, "objective-unreachable").subjects == ("a-dream",)
    assert only(s, "event-unreachable").subjects == ("storm",)


def test_no_zopa_names_the_reservations_that_close_it() -> None:
    f = only(two_party(0.8, 0.8), "no-zopa")
    assert f.severity is Severity.WARNING
    assert "'a'" in f.message
    assert "'b'" in f.message


def test_outcome_and_option_outside_the_zopa() -> None:
    s = replace(
        two_party(0.6, 0.6),
        outcomes=(
            outcome("compromise", Condition(agreed={"x": frozenset({"mid"})})),
            outcome("rest"),
        ),
    )
    found = codes(s)
    assert [f.subjects for f in found["outcome-outside-zopa"]] == [("compromise",)]
    outside = {f.subjects for f in found["option-outside-zopa"]}
    assert ("x", "low") in outside
    assert ("x", "high") not in outside  # the log-roll deal uses it


def test_status_quo_that_already_clears_every_reservation() -> None:
    # Status quo is "low" on both issues: a gets 0, so only a zero reservation is met.
    assert "status-quo-suffices" not in codes(two_party(0.1, 0.1))
    f = only(two_party(0.0, 0.5), "status-quo-suffices")
    assert f.severity is Severity.INFO
    assert f.subjects == ("a", "b")


@pytest.mark.slow  # the author checks of a 24-issue scenario
def test_many_lightly_weighed_issues_are_still_weighed() -> None:
    # Issue 14.16: with many issues each weighs under 0.02, and the linter said "no
    # delegation weighs it (highest weight 0.00)" of every one of them (200 issues).
    ids = [f"i{n}" for n in range(24)]
    weights = {**dict.fromkeys(ids, 1.0), "i1": 40.0}  # i2..: 1/63 each, about 0.016
    a = prefs("a", {**weights, "i0": 0.0}, dict.fromkeys(ids, UP), 0.4)
    b = prefs("b", {**weights, "i0": 0.0}, dict.fromkeys(ids, DOWN), 0.4)
    s = scenario(
        [actor("a"), actor("b")], [issue(i, OPTS, consent=["a", "b"]) for i in ids], [a, b]
    )
    unweighted = codes(s).get("issue-unweighted", [])
    assert [f.subjects for f in unweighted] == [("i0",)]  # nobody weighs i0: still found
    assert "highest weight 0)" in unweighted[0].message
