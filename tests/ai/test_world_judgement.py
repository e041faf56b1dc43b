"""The delegate prices ratification (R29), an option's own consent (R37) and lifts a red
line whose ``unless`` holds (R27): a term is worth what it will really bind."""

from __future__ import annotations

import dataclasses

import pytest

from game import engine
from game.ai.judge import judge
from game.ai.table import Table
from game.ai.view import own_prefs, table_from_view
from game.ai.worth import bind_chances, package_value, worth
from game.engine.model import (
    Condition,
    Effect,
    RedLine,
    RuleTuning,
    Scenario,
    TrackerKind,
)
from tests.engine.fixtures import small_scenario

ME = "aster"  # speaks first at the first table (aster, boreal), on border, missiles, alliance


def _scenario(
    threshold: float | None = None,
    drops: dict[tuple[str, str], float] | None = None,
    talk: float = 0.0,
    consent: dict[tuple[str, str], tuple[str, ...]] | None = None,
    lines: tuple[RedLine, ...] | None = None,
) -> Scenario:
    """The small fixture with ``ME`` ratifying below ``threshold`` (its support starts at
    50), options that cost its support (``drops``), support per conciliatory statement
    (``talk``), options with their own consent, and ``ME``'s red lines replaced."""
    sc = small_scenario()
    drops, consent = drops or {}, consent or {}
    issues = tuple(
        dataclasses.replace(
            issue,
            options=tuple(
                dataclasses.replace(
                    o,
                    on_agree=(Effect(TrackerKind.SUPPORT, drops[(issue.id, o.id)], ME),)
                    if (issue.id, o.id) in drops
                    else o.on_agree,
                    consent=consent.get((issue.id, o.id), o.consent),
                )
                for o in issue.options
            ),
        )
        for issue in sc.issues
    )
    actors = tuple(
        dataclasses.replace(a, ratification=threshold) if a.id == ME else a for a in sc.actors
    )
    prefs = dict(sc.preferences)
    if lines is not None:
        prefs[ME] = dataclasses.replace(prefs[ME], red_lines=lines)
    rules = dataclasses.replace(RuleTuning(), conciliatory_support=talk)
    return dataclasses.replace(sc, issues=issues, actors=actors, preferences=prefs, rules=rules)


def _table(sc: Scenario, moves: int = 0) -> Table:
    """``ME``'s table after ``moves`` passes (each turn: both delegations pass)."""
    state = engine.new_game(sc, 3)
    for _ in range(moves):
        actor = engine.to_move(state)
        assert actor is not None
        state, _ = engine.apply(state, engine.Pass(actor))
    assert engine.to_move(state) == ME
    view = engine.view(state, ME)
    return table_from_view(view, own_prefs(view))


def _support(sc: Scenario) -> float:
    return engine.view(engine.new_game(sc, 3), ME).table.trackers.support[ME]


def test_a_term_that_leaves_its_ratifier_below_the_threshold_is_worth_the_status_quo() -> None:
    """With no way to win support back, a term that drops us below our threshold never
    binds: its worth is the status quo's (0 for an open border), not its value (0.7)."""
    start = _support(_scenario())
    free = _table(_scenario(drops={("border", "monitored"): -10}))
    held = _table(_scenario(start - 5, drops={("border", "monitored"): -10}))
    assert worth(free, "border", "monitored") == 0.7
    assert worth(held, "border", "monitored") == 0.0
    # An option that leaves support above the threshold is untouched.
    assert worth(held, "border", "demilitarised") == worth(free, "border", "demilitarised")
    assert (
        judge(held, (("border", "monitored"),)).utility
        < judge(free, (("border", "monitored"),)).utility
    )


def test_the_chance_of_ratification_falls_with_the_gap_and_with_the_time_left() -> None:
    """Support won back by our statements can still ratify: the nearer the threshold and
    the more turns left, the likelier."""
    start = _support(_scenario())
    near = _scenario(start - 5, drops={("border", "monitored"): -8}, talk=2.0)
    far = _scenario(start - 5, drops={("border", "monitored"): -12}, talk=2.0)
    chance = {
        "near": bind_chances(_table(near))["border"]["monitored"],
        "far": bind_chances(_table(far))["border"]["monitored"],
        "near, later": bind_chances(_table(near, moves=4))["border"]["monitored"],
    }
    assert 0.0 < chance["far"] < chance["near"] < 1.0, chance
    assert chance["near, later"] < chance["near"], chance


def test_ratification_is_judged_on_the_whole_package() -> None:
    """Two terms each leave support at the threshold; together they push it below: the
    package is worth less than its terms agreed one by one (R31: effects add up)."""
    start = _support(_scenario())
    drops = {("border", "monitored"): -3, ("missiles", "limits"): -3}
    free, held = _table(_scenario(drops=drops)), _table(_scenario(start - 3, drops))
    for terms in ({"border": "monitored"}, {"missiles": "limits"}):
        assert package_value(held, terms) == package_value(free, terms)
    both = {"border": "monitored", "missiles": "limits"}
    assert package_value(held, both) < package_value(free, both) - 0.1


def test_an_options_own_consent_counts_when_its_consenter_is_absent() -> None:
    """R37: ``cobalt`` must consent to a monitored border, and does not sit at the first
    table: agreed there, that option is only provisional; the issue's others bind."""
    plain = bind_chances(_table(_scenario())).get("border", {})
    extra = bind_chances(_table(_scenario(consent={("border", "monitored"): ("cobalt",)})))
    assert plain.get("monitored", 1.0) == 1.0
    assert extra["border"]["monitored"] < 1.0
    assert extra["border"]["demilitarised"] == 1.0


def _conditional_line() -> RedLine:
    return RedLine(
        "no-guarantee-unless-border",
        ME,
        "alliance",
        frozenset({"guarantee"}),
        True,
        "Not without a monitored border.",
        "fixture",
        unless=Condition(agreed={"border": frozenset({"monitored", "demilitarised"})}),
    )


def test_a_red_line_lifted_by_the_package_is_not_crossed() -> None:
    """R27: the package that satisfies the line's ``unless`` lifts it; alone, the term
    still crosses it."""
    table = _table(_scenario(lines=(_conditional_line(),)))
    assert judge(table, (("alliance", "guarantee"),)).breaches
    assert not judge(table, (("alliance", "guarantee"), ("border", "monitored"))).breaches


def test_a_red_line_lifted_by_what_binds_no_longer_forbids_the_option() -> None:
    sc = _scenario(lines=(_conditional_line(),))
    state = engine.new_game(sc, 3)
    for actor in ("aster", "boreal"):  # the first table agrees a monitored border
        if actor == "aster":
            state, _ = engine.apply(state, engine.Propose(actor, (("border", "monitored"),)))
        else:
            state, _ = engine.apply(state, engine.Accept(actor, 1))
    assert dict(state.binding).get("border") == "monitored"
    while engine.to_move(state) != ME:
        actor = engine.to_move(state)
        assert actor is not None
        state, _ = engine.apply(state, engine.Pass(actor))
    view = engine.view(state, ME)
    prefs = own_prefs(view)
    assert "guarantee" not in prefs.forbidden["alliance"]
    assert not prefs.breaches((("alliance", "guarantee"),), dict(state.binding))


def test_a_refusal_never_cites_a_red_line_the_package_lifts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The plain sentence of a refusal names a red line only if the package crosses it as
    a whole: the guarantee with a monitored border meets the line's condition (R27), so
    when the guarantee decided the refusal, it was for its worth, not for a line."""
    from game.ai import explain
    from game.ai.table import Offer

    monkeypatch.setattr(explain, "decisive_issue", lambda *_: "alliance")
    table = _table(_scenario(lines=(_conditional_line(),)))
    lifted = (("alliance", "guarantee"), ("border", "monitored"))
    alone = (("alliance", "guarantee"),)
    table = dataclasses.replace(
        table, offers=(Offer(1, "boreal", lifted), Offer(2, "boreal", alone))
    )
    assert "red line" not in explain._because(table, 1)
    assert "red line" in explain._because(table, 2)


def test_an_option_behind_anothers_conditional_line_is_within_reach_at_its_price() -> None:
    """Another delegation's public line with ``unless`` is no wall: what a delegate aims
    for on the issue counts the option, less what meeting the condition costs it on the
    other issue (a Cuba-style test scenario's US aimed for a freeze because the USSR's
    'no withdrawal unless a pledge' line hid the withdrawal, and bound the freeze)."""
    from game.ai.judge import issue_best
    from game.ai.worth import worths

    base = _table(_scenario())
    line = RedLine(
        "boreal-no-demilitarised",
        "boreal",
        "border",
        frozenset({"demilitarised"}),
        True,
        "Not unless missiles are banned.",
        "fixture",
        unless=Condition(agreed={"missiles": frozenset({"ban"})}),
    )
    walled = dataclasses.replace(
        base,
        public_lines={**base.public_lines, "boreal": {"border": frozenset({"demilitarised"})}},
        cache={},
    )
    priced = dataclasses.replace(walled, conditional_lines=(line,), cache={})
    prefs = base.prefs
    row = worths(walled)["border"]
    assert issue_best(walled, "border") == max(row["monitored"], prefs.values["border"]["open"])
    best_missiles = prefs.values["missiles"][prefs.best_option["missiles"]]
    cost = prefs.weights["missiles"] * (best_missiles - prefs.values["missiles"]["ban"])
    expected = row["demilitarised"] - cost / prefs.weights["border"]
    assert expected > issue_best(walled, "border")
    assert abs(issue_best(priced, "border") - expected) < 1e-9
