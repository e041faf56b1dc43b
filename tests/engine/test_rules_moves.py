"""Rule tests R10–R18 of docs/rules.md: commitments, levers, events, walk-outs, legality."""

# ruff: noqa: N802 - test names carry the rule number of docs/rules.md (test_R<n>_...)

from __future__ import annotations

import dataclasses

import pytest

from game.engine import (
    Accept,
    CarryOut,
    CommitmentKind,
    CommitmentStatus,
    EventKind,
    IllegalActionError,
    Pass,
    ProposalStatus,
    Propose,
    Reject,
    Statement,
    Threaten,
    Tone,
    WalkOut,
    apply,
    check,
    legal_actions,
    parse_action,
    public_view,
    to_move,
)
from game.engine.model import Condition, Effect, EventCard, TrackerKind
from game.engine.termination import Termination
from tests.engine.fixtures import small_scenario
from tests.engine.helpers import events_of, quiet, run, start


def test_R10_threat_not_carried_out_is_broken() -> None:
    """A threat whose terms are not met by the end of its round and is not carried out is
    broken, and its owner's credibility falls."""
    state = run(start(), "aster threaten tariffs unless missiles=limits")
    (c,) = state.ledger
    assert (c.kind, c.status, c.unless) == (
        CommitmentKind.THREAT,
        CommitmentStatus.PENDING,
        (("missiles", "limits"),),
    )
    assert state.tension == 53.0
    assert state.trust("aster", "boreal") == 27.0
    assert state.support("aster") == 62.0  # the lever's own threat effect
    state = run(state, "boreal pass", *["aster pass", "boreal pass"] * 2)
    assert state.ledger[0].status is CommitmentStatus.BROKEN
    assert state.credibility("aster") == 50.0


def test_R10_threat_met_becomes_kept_promise() -> None:
    """When a threat's "unless" terms are agreed it lapses into a promise, kept at the deadline
    if the lever is held back."""
    state = run(
        start(),
        "aster threaten tariffs unless missiles=limits",
        "boreal propose missiles=limits",
        "aster accept 1",
    )
    threat, promise = state.ledger
    assert threat.status is CommitmentStatus.LAPSED
    assert (promise.kind, promise.status) == (CommitmentKind.PROMISE, CommitmentStatus.PENDING)
    state = run(state, "boreal pass", "aster pass", "boreal pass")
    assert state.round_index == 1
    assert state.ledger[1].status is CommitmentStatus.KEPT
    assert state.credibility("aster") == 75.0


def test_R10_one_pending_commitment_per_lever() -> None:
    """An actor cannot threaten again with a lever whose commitment is still pending."""
    state = run(start(), "aster threaten tariffs", "boreal pass")
    with pytest.raises(IllegalActionError, match="still pending"):
        apply(state, parse_action("aster threaten tariffs"))


def test_R11_carrying_out() -> None:
    """Carrying out a pending threat keeps it; under a promise it breaks it; with no
    commitment it is a surprise that hurts trust more; each lever only once."""
    kept = run(start(), "aster threaten tariffs", "boreal pass", "aster carry-out tariffs")
    assert kept.ledger[0].status is CommitmentStatus.KEPT
    assert kept.credibility("aster") == 75.0
    assert kept.executed == ("tariffs",)
    with pytest.raises(IllegalActionError, match="already been carried out"):
        apply(run(kept, "boreal pass"), parse_action("aster carry-out tariffs"))

    surprise = run(start(), "aster carry-out tariffs")
    # 30 - 10 (surprise) - 8 (the lever's own effect)
    assert surprise.trust("aster", "boreal") == 12.0
    assert surprise.tension == 50.0 + 6.0 + 4.0

    broken = run(
        start(),
        "aster threaten tariffs unless missiles=limits",
        "boreal propose missiles=limits",
        "aster accept 1",
        "boreal pass",
        "aster carry-out tariffs",
    )
    assert broken.ledger[1].status is CommitmentStatus.BROKEN
    assert broken.credibility("aster") == 50.0


def test_R12_world_events_drawn_after_full_turns() -> None:
    """After each full turn eligible cards are tried in deck order with their probability,
    using the game's seeded generator; at most events_per_turn per turn."""
    always = EventCard(
        "storm",
        "Storm",
        "A storm.",
        1.0,
        Condition(),
        (Effect(TrackerKind.TENSION, 1.0),),
        once=False,
    )
    later = EventCard("calm", "Calm", "Calm.", 1.0, Condition(), (), once=False)
    never = EventCard("never", "Never", "No.", 1.0, Condition(min_round=2), (), once=False)
    sc = quiet(events=(never, always, later))
    state, events = events_of(start(sc), "aster pass")
    assert EventKind.EVENT_DRAWN not in [e.kind for e in events]  # mid-turn: no draw
    state, events = events_of(state, "boreal pass")
    drawn = [e.card for e in events if e.kind is EventKind.EVENT_DRAWN]
    assert drawn == ["storm"]  # "never" not eligible, "calm" over the limit of one
    assert state.tension == 51.0
    two = quiet(events=(never, always, later), rules={"events_per_turn": 2})
    _, events = events_of(start(two), "aster pass", "boreal pass")
    assert [e.card for e in events if e.kind is EventKind.EVENT_DRAWN] == ["storm", "calm"]
    once = quiet(events=(dataclasses.replace(always, once=True),))
    state = run(start(once), *["aster pass", "boreal pass"] * 3)
    assert state.drawn == ("storm",)
    # Chance comes from the seed: same seed, same draws.
    coin = quiet(events=(dataclasses.replace(always, probability=0.5),))
    draws = {
        seed: run(start(coin, seed), *["aster pass", "boreal pass"] * 3).drawn for seed in range(20)
    }
    assert draws[3] == run(start(coin, 3), *["aster pass", "boreal pass"] * 3).drawn
    assert len(set(draws.values())) > 1


def test_R13_walkout() -> None:
    """A walk-out leaves the round (skipped, proposal withdrawn, tension up); the actor is back
    next round; with fewer than two movers left the round closes."""
    state = run(start(), *["aster pass", "boreal pass"] * 3)
    state = run(state, "cobalt propose exercises=notified", "boreal walkout")
    assert state.walked_out == ("boreal",)
    assert state.tension == 56.0
    assert state.trust("boreal", "aster") == 25.0
    assert to_move(state) == "aster"
    state = run(state, "aster pass")
    assert to_move(state) == "cobalt"  # boreal is skipped
    state = run(state, "cobalt pass", "aster walkout")
    assert state.over  # round 2 was the last; one mover left, so it closed
    assert state.walked_out_ever == ("aster", "boreal")


def test_R13_walkout_can_complete_an_agreement() -> None:
    """If every mover who remains had accepted a proposal, a walk-out makes it agreed."""
    state = run(start(), *["aster pass", "boreal pass"] * 3)
    state = run(
        state,
        "cobalt propose missiles=limits",
        "boreal pass",
        "aster accept 1",
        "cobalt pass",
        "boreal walkout",
    )
    assert state.proposal(1).status is ProposalStatus.AGREED
    assert state.binding == ()  # boreal must consent on missiles
    assert state.provisional[0].missing == ("boreal",)


def test_R14_legal_actions_menu() -> None:
    """The finite menu holds exactly the expected kinds, every entry passes the check, and an
    illegal action is refused with the state named and nothing changed."""
    state = run(start(), "aster propose border=monitored")
    menu = legal_actions(state, "boreal")
    assert legal_actions(state, "aster") == ()
    assert Accept("boreal", 1) in menu
    assert Reject("boreal", 1) in menu
    assert Propose("boreal", (("alliance", "guarantee"),)) in menu
    assert sum(isinstance(a, Propose) for a in menu) == 9
    assert {a.tone for a in menu if isinstance(a, Statement)} == set(Tone)
    assert Threaten("boreal", "troops") in menu
    assert CarryOut("boreal", "troops") in menu
    assert WalkOut("boreal") in menu
    assert Pass("boreal") in menu
    for a in menu:
        check(state, a)
    before = state
    with pytest.raises(IllegalActionError) as err:
        apply(state, Accept("boreal", 7))
    assert str(err.value).startswith("round 1 (Lakeside), turn 1, boreal to move: cannot accept")
    assert state == before
    assert len(state.history) == 1
    with pytest.raises(IllegalActionError, match="it is boreal's move, not aster's"):
        apply(state, Pass("aster"))


def test_R15_accept_and_reject() -> None:
    """Only live proposals can be answered, not one's own, not twice; rejecting kills it."""
    state = run(start(), "aster propose border=monitored", "boreal pass")
    with pytest.raises(IllegalActionError, match="your own proposal"):
        apply(state, parse_action("aster reject 1"))
    state = run(state, "aster pass", "boreal reject 1")
    assert state.proposal(1).status is ProposalStatus.REJECTED
    state = run(state, "aster propose border=open")
    with pytest.raises(IllegalActionError, match=r"proposal #1: it was rejected"):
        apply(state, parse_action("boreal accept 1"))
    sc = small_scenario()
    state = run(
        start(sc),
        *["aster pass", "boreal pass"] * 3,
        "cobalt propose missiles=limits",
        "boreal accept 1",
        "aster pass",
        "cobalt pass",
    )
    with pytest.raises(IllegalActionError, match="already accepted"):
        apply(state, parse_action("boreal accept 1"))


@pytest.mark.parametrize(
    ("tone", "tension", "trust"),
    [("conciliatory", 48.0, 32.0), ("firm", 51.0, 30.0), ("hostile", 54.0, 26.0)],
)
def test_R16_statements(tone: str, tension: float, trust: float) -> None:
    """A statement moves tension by its tone and trust with the other present movers."""
    state, events = events_of(start(), f'aster say {tone} "Words."')
    assert state.tension == tension
    assert state.trust("aster", "boreal") == trust
    assert state.trust("aster", "cobalt") == 40.0  # not at this table
    assert events[0].text == f"Aster ({tone}): “Words.”"


def test_R17_trackers_start_and_stay_in_range() -> None:
    """Trackers start at the scenario's values (per-actor trust applies to its pairs) and stay
    within 0..100 whatever the effects."""
    state = start()
    assert state.trust("aster", "cobalt") == 40.0
    assert state.trust("aster", "boreal") == 30.0
    huge = EventCard(
        "boom",
        "Boom",
        "Boom.",
        1.0,
        Condition(),
        (Effect(TrackerKind.TRUST, -500.0), Effect(TrackerKind.SUPPORT, 500.0)),
    )
    state = run(start(quiet(events=(huge,))), "facilitator inject boom")
    assert state.trust("boreal", "cobalt") == 0.0
    assert state.support("dorian") == 100.0
    assert all(0.0 <= v <= 100.0 for v in state.trackers)


def test_R18_facilitator() -> None:
    """Facilitator actions are legal whoever is to move and use no turn, except a time-out
    (the mover passes), ending the round and ending the game."""
    card = EventCard(
        "storm",
        "Storm",
        "A storm.",
        0.0,
        Condition(min_round=9),
        (Effect(TrackerKind.TENSION, 5.0),),
    )
    state = run(
        start(quiet(events=(card,))),
        "facilitator inject storm",
        'facilitator news "Markets fall"',
        'facilitator bookmark "Why?"',
        "facilitator extend 2",
    )
    assert state.tension == 55.0
    assert to_move(state) == "aster"
    assert state.turn == 1
    # The round's length, extensions included, is the engine's to say (views show it).
    assert state.round_turns == state.round.turns + 2
    assert public_view(state).round_turns == state.round_turns
    with pytest.raises(IllegalActionError, match="already been played"):
        apply(state, parse_action("facilitator inject storm"))
    state = run(state, "facilitator timeout aster")
    assert to_move(state) == "boreal"
    with pytest.raises(IllegalActionError, match="it is boreal's move"):
        apply(state, parse_action("facilitator timeout aster"))
    state = run(state, *["boreal pass", "aster pass"] * 4)
    assert state.round_index == 0
    assert state.turn == 5
    state = run(state, "facilitator end-round")
    assert state.round_index == 1
    state = run(state, "facilitator end-game")
    assert state.over
    assert state.ended_by is Termination.FACILITATOR


def test_R13_walkout_agreement_overtakes_the_rest() -> None:
    """When a walk-out completes several agreements at once, the first one settles its issues
    and overtakes the others on the same issues; an overtaken proposal is never agreed."""
    base = small_scenario()
    missiles = dataclasses.replace(base.issue("missiles"), consent=("aster", "cobalt"))
    issues = tuple(missiles if i.id == "missiles" else i for i in base.issues)
    state = run(start(quiet(issues=issues)), *["aster pass", "boreal pass"] * 3)
    state = run(
        state,
        "cobalt propose missiles=limits",
        "boreal pass",
        "aster propose missiles=ban",
        "cobalt accept 2",
        "boreal pass",
        "aster accept 1",
        "cobalt pass",
        "boreal walkout",
    )
    assert state.binding == (("missiles", "limits"),)
    assert state.proposal(1).status is ProposalStatus.AGREED
    assert state.proposal(2).status is ProposalStatus.WITHDRAWN
