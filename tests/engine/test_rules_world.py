"""Rules R25-R39 (format version 2): a coherent world around the table."""

# ruff: noqa: N802 - test names carry the rule number of docs/rules.md (test_R<n>_...)

from __future__ import annotations

import dataclasses

import pytest

from game.engine import (
    CommitmentKind,
    CommitmentStatus,
    EventKind,
    IllegalActionError,
    apply,
    explain_red_lines,
    legal_actions,
    parse_action,
    scores,
)
from game.engine.conditions import holds
from game.engine.model import (
    AgendaChange,
    Condition,
    Effect,
    EventCard,
    Scenario,
    TrackerKind,
    TrackerTest,
)
from tests.engine.helpers import events_of, quiet, run, start


def _lever(sc: Scenario, lever_id: str, **changes: object) -> Scenario:
    levers = tuple(
        dataclasses.replace(lv, **changes) if lv.id == lever_id else lv for lv in sc.levers
    )
    return dataclasses.replace(sc, levers=levers)


def _option(sc: Scenario, issue_id: str, option_id: str, **changes: object) -> Scenario:
    issues = []
    for issue in sc.issues:
        if issue.id == issue_id:
            options = tuple(
                dataclasses.replace(o, **changes) if o.id == option_id else o for o in issue.options
            )
            issues.append(dataclasses.replace(issue, options=options))
        else:
            issues.append(issue)
    return dataclasses.replace(sc, issues=tuple(issues))


def _actor(sc: Scenario, actor_id: str, **changes: object) -> Scenario:
    actors = tuple(dataclasses.replace(a, **changes) if a.id == actor_id else a for a in sc.actors)
    return dataclasses.replace(sc, actors=actors)


AGREE_BORDER = ("aster propose border=monitored", "boreal accept 1")


def test_R25_breach_voids_the_term_and_costs() -> None:
    """Carrying out a lever that breaks a binding term voids it (status quo, negotiable
    again), records a broken agreement in the ledger and costs credibility, trust with the
    other parties and tension."""
    sc = _lever(quiet(), "troops", breaks={"border": frozenset({"monitored"})})
    state = run(start(sc), *AGREE_BORDER)
    assert ("border", "monitored") in state.binding
    before = state
    state, events = events_of(state, "aster pass", "boreal carry-out troops")
    assert "border" not in dict(state.binding)
    (breach,) = [c for c in state.ledger if c.kind is CommitmentKind.AGREEMENT]
    assert (breach.actor, breach.status, breach.unless) == (
        "boreal",
        CommitmentStatus.BROKEN,
        (("border", "monitored"),),
    )
    assert any(e.kind is EventKind.BREACH and "Boreal breaks" in e.text for e in events)
    assert state.credibility("boreal") == before.credibility("boreal") - 15
    # surprise (R11) -10 and the breach -15
    assert state.trust("boreal", "aster") == before.trust("boreal", "aster") - 25
    # execute +6, the lever's own +10, the breach +5
    assert state.tension == before.tension + 21
    assert state.broken() == ("border",)
    assert holds(Condition(broken=("border",)), state)
    # the issue can be negotiated again
    apply(state, parse_action("aster propose border=monitored"))


def test_R25_no_breach_without_a_binding_term() -> None:
    """A lever that breaks a term nobody agreed is an ordinary lever."""
    sc = _lever(quiet(), "troops", breaks={"border": frozenset({"monitored"})})
    state = run(start(sc), "aster pass", "boreal carry-out troops")
    assert not any(c.kind is CommitmentKind.AGREEMENT for c in state.ledger)


def test_R25_a_breach_leaves_provisional_terms_to_R39() -> None:
    """A lever that breaks options of two issues, one binding and one provisional, breaks
    the binding one (R25) and withdraws the provisional one (R39): two ledger lines."""
    sc = _lever(
        quiet(),
        "troops",
        breaks={"border": frozenset({"monitored"}), "alliance": frozenset({"moratorium"})},
    )
    state = run(start(sc), "aster propose border=monitored,alliance=moratorium", "boreal accept 1")
    assert ("border", "monitored") in state.binding
    assert state.provisional[0].issue == "alliance"
    state = run(state, "aster pass", "boreal carry-out troops")
    statuses = [(c.status, c.unless) for c in state.ledger if c.kind is CommitmentKind.AGREEMENT]
    assert statuses == [
        (CommitmentStatus.BROKEN, (("border", "monitored"),)),
        (CommitmentStatus.WITHDRAWN, (("alliance", "moratorium"),)),
    ]
    assert not state.provisional
    assert not state.binding
    assert state.broken() == ("border",)


def test_R39_a_lever_that_breaks_a_provisional_term_withdraws_it() -> None:
    """Carrying out a lever that breaks a provisional term withdraws it: the issue reopens
    (acceptances forgotten), the ledger records the agreement withdrawn, the transcript
    says so, and the actor loses trust with each other actor who had accepted the term; it
    is no breach (no credibility or tension cost, and ``broken`` does not hold)."""
    sc = _lever(quiet(), "troops", breaks={"alliance": frozenset({"moratorium"})})
    state = run(start(sc), "aster propose alliance=moratorium", "boreal accept 1")
    (pv,) = state.provisional
    assert (pv.issue, pv.missing) == ("alliance", ("cobalt",))
    before = state
    state, events = events_of(state, "aster pass", "boreal carry-out troops")
    assert not state.provisional
    assert "alliance" not in dict(state.binding)
    (line,) = [c for c in state.ledger if c.kind is CommitmentKind.AGREEMENT]
    assert (line.actor, line.status, line.unless) == (
        "boreal",
        CommitmentStatus.WITHDRAWN,
        (("alliance", "moratorium"),),
    )
    assert any(
        e.kind is EventKind.BREACH and "provisional agreement" in e.text and "withdrawn" in e.text
        for e in events
    )
    # surprise (R11) -10 and the withdrawal -5 with aster, who had accepted it
    assert state.trust("boreal", "aster") == before.trust("boreal", "aster") - 15
    assert state.credibility("boreal") == before.credibility("boreal")
    # execute +6 and the lever's own +10: nothing for the withdrawal
    assert state.tension == before.tension + 16
    assert state.broken() == ()
    assert not holds(Condition(broken=("alliance",)), state)
    # The issue is open again: a new agreement settles it.
    state = run(state, "aster pass", "boreal pass")
    state = run(state, "cobalt propose alliance=moratorium", "boreal accept 2", "aster accept 2")
    assert ("alliance", "moratorium") in state.binding


def test_R39_withdrawal_trust_is_tunable_and_other_provisional_terms_stand() -> None:
    """``withdrawal_trust`` in ``rules:`` sets the cost; a provisional term on another option
    than those the lever breaks stays."""
    sc = _lever(
        quiet(rules={"withdrawal_trust": -12.0}),
        "troops",
        breaks={"alliance": frozenset({"moratorium"})},
    )
    state = run(start(sc), "aster propose alliance=moratorium", "boreal accept 1")
    before = state
    state = run(state, "aster pass", "boreal carry-out troops")
    assert state.trust("boreal", "aster") == before.trust("boreal", "aster") - 22
    other = run(start(sc), "aster propose alliance=guarantee", "boreal accept 1")
    assert other.provisional
    other = run(other, "aster pass", "boreal carry-out troops")
    assert [pv.option for pv in other.provisional] == ["guarantee"]
    assert not any(c.kind is CommitmentKind.AGREEMENT for c in other.ledger)


def test_R26_escalating_lever_ends_the_game() -> None:
    """Carrying out an escalates lever ends the game in escalation at once, at any tension."""
    sc = _lever(quiet(), "troops", escalates=True)
    state = run(start(sc), "aster pass", "boreal carry-out troops")
    assert state.over
    assert state.escalated
    assert state.ended_by == "escalation"
    assert state.tension < sc.trackers.war_threshold
    assert state.outcome_result is not None
    with pytest.raises(IllegalActionError, match="game is over"):
        apply(state, parse_action("aster pass"))


def test_R27_conditional_red_line_is_lifted_by_the_terms() -> None:
    """A red line with unless is lifted when its condition holds for the package plus what
    already binds; then it is not crossed and costs nothing at the end."""
    sc = quiet()
    prefs = sc.preferences["aster"]
    lines = tuple(
        dataclasses.replace(line, unless=Condition(agreed={"border": frozenset({"demilitarised"})}))
        if line.id == "aster-alliance"
        else line
        for line in prefs.red_lines
    )
    sc = dataclasses.replace(
        sc, preferences={**sc.preferences, "aster": dataclasses.replace(prefs, red_lines=lines)}
    )
    crossing = explain_red_lines(sc, (("alliance", "guarantee"),), "aster")
    assert "aster-alliance" in {b.red_line for b in crossing}
    lifted = explain_red_lines(
        sc, (("alliance", "guarantee"), ("border", "demilitarised")), "aster"
    )
    assert "aster-alliance" not in {b.red_line for b in lifted}
    with_agreed = explain_red_lines(
        sc, (("alliance", "guarantee"),), "aster", agreed={"border": "demilitarised"}
    )
    assert "aster-alliance" not in {b.red_line for b in with_agreed}
    state = run(start(sc), "aster propose border=demilitarised,alliance=guarantee")
    state = run(state, "boreal accept 1")
    # the alliance term is provisional (cobalt's consent): only binding terms score
    assert "aster-alliance" not in scores(state)["aster"].red_lines_crossed


@pytest.mark.parametrize(("fades", "expected"), [(True, [-2, -1, 0]), (False, [-2, -2, -2])])
def test_R28_talk_has_diminishing_returns(fades: bool, expected: list[float]) -> None:
    """The n-th statement of a tone by an actor in a round moves tension by 1/n of the
    tone's effect, rounded towards zero; the count starts again each round."""
    sc = quiet(rules={"talk_fades": fades})
    state = start(sc)
    moves = []
    for _ in range(3):
        before = state.tension
        state = run(state, 'aster say conciliatory "calm"', "boreal pass")
        moves.append(state.tension - before)
    assert moves == expected
    assert state.round_index == 1  # a new round: the first statement counts in full again
    before = state.tension
    state = run(state, "cobalt pass", "boreal pass", 'aster say conciliatory "calm"')
    assert state.tension - before == -2


def test_R29_ratification_gates_consent_until_support_rises() -> None:
    """While an actor's support is below its ratification threshold, its acceptance leaves a
    term provisional (awaiting ratification); when support reaches it, the term binds."""
    sc = _actor(quiet(), "aster", ratification=70.0)
    sc = dataclasses.replace(
        sc,
        trackers=dataclasses.replace(
            sc.trackers, support=dataclasses.replace(sc.trackers.support, start=60.0)
        ),
    )
    state = run(start(sc), *AGREE_BORDER)
    (pv,) = state.provisional
    assert (pv.issue, pv.missing, pv.unratified) == ("border", (), ("aster",))
    assert "border" not in dict(state.binding)
    # threatening with tariffs raises aster's support by 2; five times is not possible,
    # so lift it with an injected event instead.
    card = EventCard(
        "rally",
        "Rally",
        "Support rises.",
        0.0,
        Condition(),
        (Effect(TrackerKind.SUPPORT, 15.0, "aster"),),
    )
    sc2 = dataclasses.replace(sc, events=(card,))
    state = run(start(sc2), *AGREE_BORDER)
    state, events = events_of(state, "facilitator inject rally")
    assert ("border", "monitored") in state.binding
    assert not state.provisional
    assert any(e.kind is EventKind.RATIFIED for e in events)


def test_R30_bypassing_a_consenting_actor_costs_cohesion_and_trust() -> None:
    """An agreement made provisional while a consenting actor was away from the table lowers
    that actor's cohesion and its trust with the parties."""
    sc = quiet(rules={"consent_bypass_cohesion": -8.0, "consent_bypass_trust": -4.0})
    state = start(sc)
    before = (state.cohesion("cobalt"), state.trust("cobalt", "aster"))
    state, events = events_of(state, "aster propose alliance=moratorium", "boreal accept 1")
    assert state.provisional[0].missing == ("cobalt",)
    assert state.cohesion("cobalt") == before[0] - 8
    assert state.trust("cobalt", "aster") == before[1] - 4
    assert any(e.kind is EventKind.CONSENT_BYPASSED for e in events)
    # by default the rule costs nothing
    plain = run(start(), "aster propose alliance=moratorium", "boreal accept 1")
    assert plain.cohesion("cobalt") == before[0]


def test_R31_on_agree_effects_apply_once_per_deal() -> None:
    """An option's on_agree effects apply when an agreement settles its issue on it, and not
    again when the same option is re-agreed to gather consent."""
    sc = _option(
        quiet(), "alliance", "moratorium", on_agree=(Effect(TrackerKind.SUPPORT, -10.0, "aster"),)
    )
    state = start(sc)
    before = state.support("aster")
    state = run(state, "aster propose alliance=moratorium", "boreal accept 1")
    assert state.support("aster") == before - 10
    state = run(state, "aster pass", "boreal pass", "aster pass", "boreal pass")
    state = run(state, "cobalt propose alliance=moratorium", "boreal accept 2", "aster accept 2")
    assert ("alliance", "moratorium") in state.binding
    assert state.support("aster") == before - 10


def test_R32_round_start_event_is_certain_and_not_drawn() -> None:
    """A card at round_start is played as its round opens when its condition holds, and never
    drawn between turns."""
    card = EventCard(
        "opening",
        "Opening",
        "A vote.",
        0.0,
        Condition(round="harbour"),
        (Effect(TrackerKind.TENSION, 3.0),),
        at_round_start=True,
    )
    sc = dataclasses.replace(quiet(), events=(card,))
    state = start(sc)
    assert "opening" not in state.drawn
    state = run(state, *["aster pass", "boreal pass"] * 3)
    assert state.round_index == 1
    assert state.drawn == ("opening",)


def test_R32_an_event_never_happens_before_its_date() -> None:
    """A dated card is neither drawn, played at a round's start, offered to the facilitator nor
    injected in a round whose last day is before its date, unless it is counterfactual."""
    later = EventCard(
        "later", "Later", "Too soon.", 1.0, Condition(), (), date="2030-01-12"
    )  # the second round's date: the first (10 January) is too early
    opening = dataclasses.replace(later, id="opening", at_round_start=True)
    sc = dataclasses.replace(quiet(), events=(later, opening))
    state = start(sc)
    assert state.drawn == ()
    assert parse_action("facilitator inject later") not in legal_actions(state, "facilitator")
    with pytest.raises(IllegalActionError, match="happened on 2030-01-12"):
        apply(state, parse_action("facilitator inject later"))
    state = run(state, *["aster pass", "boreal pass"] * 3)
    assert state.round_index == 1
    assert state.drawn[0] == "opening"  # played as the round of its date opens
    state = run(state, "cobalt pass", "boreal pass", "aster pass")
    assert "later" in state.drawn  # drawn in its own time

    what_if = dataclasses.replace(later, counterfactual=True)
    state = start(dataclasses.replace(quiet(), events=(what_if,)))
    state = run(state, "aster pass", "boreal pass")
    assert state.drawn == ("later",)  # the author said it may come early


def test_R33_incoherent_packages_are_refused_with_the_reason() -> None:
    """An option's requires and excludes must hold for the package plus what binds; the menu
    offers such an option alone only when the binding terms satisfy it."""
    sc = _option(quiet(), "border", "demilitarised", requires={"missiles": frozenset({"ban"})})
    sc = _option(sc, "missiles", "none", excludes={"border": frozenset({"monitored"})})
    state = start(sc)
    with pytest.raises(IllegalActionError, match="needs Missile deployments: Ban"):
        apply(state, parse_action("aster propose border=demilitarised"))
    apply(state, parse_action("aster propose border=demilitarised,missiles=ban"))
    with pytest.raises(IllegalActionError, match="cannot go with Border regime: Monitored"):
        apply(state, parse_action("aster propose border=monitored,missiles=none"))
    with pytest.raises(IllegalActionError, match="needs"):
        apply(state, parse_action("aster threaten tariffs unless border=demilitarised"))
    menu = set(legal_actions(state, "aster"))
    assert parse_action("aster propose border=demilitarised") not in menu
    state = run(state, "aster propose missiles=ban", "boreal accept 1")
    assert ("missiles", "ban") in state.binding
    state = run(state, "aster pass")
    assert parse_action("boreal propose border=demilitarised") in legal_actions(state, "boreal")


def test_R34_agenda_effects_change_the_table() -> None:
    """A lever (or event) may add issues to a round's agenda or remove them."""
    sc = _lever(
        quiet(),
        "tariffs",
        agenda=(
            AgendaChange("lakeside", ("exercises",), True),
            AgendaChange("lakeside", ("missiles",), False),
        ),
    )
    state = start(sc)
    with pytest.raises(IllegalActionError, match="not on this round's agenda"):
        apply(state, parse_action("aster propose exercises=notified"))
    state, events = events_of(state, "aster carry-out tariffs")
    assert state.agenda == ("border", "alliance", "exercises")
    assert any(e.kind is EventKind.AGENDA for e in events)
    apply(state, parse_action("boreal propose exercises=notified"))
    with pytest.raises(IllegalActionError, match="not on this round's agenda"):
        apply(state, parse_action("boreal propose missiles=ban"))


def test_R35_threat_pressure_is_the_makers_credibility() -> None:
    """A pending threat presses its target with its maker's credibility / 100."""
    from game.engine.queries import threat_pressure

    state = run(start(), "aster threaten tariffs")
    (threat,) = state.ledger
    assert threat_pressure(state, threat) == pytest.approx(state.credibility("aster") / 100)


def test_R36_a_lever_with_several_owners() -> None:
    """Either owner may threaten with or carry out a lever with several owners, once in all;
    a commitment stays its maker's."""
    sc = _lever(quiet(), "tariffs", owners=("aster", "cobalt"))
    state = run(start(sc), "aster threaten tariffs", "boreal pass")
    state = run(state, "aster pass", "boreal pass", "aster pass", "boreal pass")
    assert state.round_index == 1
    state = run(start(sc), "aster threaten tariffs", "boreal pass", "aster pass", "boreal pass")
    state = run(state, "aster pass", "boreal pass")
    # round 2: cobalt moves first; aster's threat fell due and broke; cobalt may still use it
    assert parse_action("cobalt carry-out tariffs") in legal_actions(state, "cobalt")
    state = run(state, "cobalt carry-out tariffs", "boreal pass")
    with pytest.raises(IllegalActionError, match="already been carried out"):
        apply(state, parse_action("aster carry-out tariffs"))


def test_R37_consent_per_option() -> None:
    """An option's consent list adds actors to its issue's for agreements on that option."""
    sc = _option(quiet(), "border", "demilitarised", consent=("cobalt",))
    state = run(start(sc), "aster propose border=demilitarised", "boreal accept 1")
    assert state.provisional[0].missing == ("cobalt",)
    state = run(start(sc), *AGREE_BORDER)
    assert ("border", "monitored") in state.binding


def test_R38_conditions_on_everything_seen() -> None:
    """Conditions read trackers, trust, events, provisional terms, threats, breaches, the
    round, and combine with any/all/not."""
    state = run(start(), "aster threaten tariffs", "boreal propose alliance=moratorium")
    state = run(state, "aster accept 1")
    assert holds(Condition(round="lakeside"), state)
    assert not holds(Condition(round="harbour"), state)
    assert holds(Condition(min=(TrackerTest(TrackerKind.CREDIBILITY, 50.0, "aster"),)), state)
    assert not holds(Condition(max=(TrackerTest(TrackerKind.TENSION, 10.0),)), state)
    trust = state.trust("aster", "boreal")
    assert holds(Condition(max=(TrackerTest(TrackerKind.TRUST, trust, "aster", "boreal"),)), state)
    assert holds(Condition(threatened=("tariffs",)), state)
    assert not holds(Condition(threatened=("troops",)), state)
    assert holds(Condition(provisional={"alliance": frozenset({"moratorium"})}), state)
    assert not holds(Condition(events_happened=("thaw",)), state)
    assert not holds(Condition(broken=("border",)), state)
    yes, no = Condition(round="lakeside"), Condition(round="harbour")
    assert holds(Condition(any=(no, yes)), state)
    assert not holds(Condition(all=(no, yes)), state)
    assert holds(Condition(not_=no), state)
    assert not holds(Condition(not_=yes), state)
