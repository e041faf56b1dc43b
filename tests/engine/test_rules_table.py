"""Rule tests R1–R9 of docs/rules.md: the table, turns, rounds, proposals and consent."""

# ruff: noqa: N802 - test names carry the rule number of docs/rules.md (test_R<n>_...)

from __future__ import annotations

import pytest

from game.engine import (
    CommitmentStatus,
    EventKind,
    IllegalActionError,
    ProposalStatus,
    apply,
    is_over,
    outcome,
    parse_action,
    to_move,
)
from game.engine.model import Round
from game.engine.termination import Termination
from tests.engine.helpers import quiet, run, start


def test_R1_opening_demands() -> None:
    """Every actor's public demands are on the record before round 1 starts."""
    state = start()
    kinds = [e.kind for e in state.log]
    demands = [e for e in state.log if e.kind is EventKind.DEMAND]
    assert [(e.actor, e.issue) for e in demands] == [("boreal", "alliance"), ("aster", "border")]
    assert kinds.index(EventKind.DEMAND) < kinds.index(EventKind.ROUND_OPENED)
    assert "No further expansion, in writing." in demands[0].text


def test_R2_turn_order() -> None:
    """Movers move in speaking order, one action per turn; non-playable participants never move."""
    state = start()
    order = []
    while state.round_index == 0:
        order.append(to_move(state))
        state = run(state, f"{to_move(state)} pass")
    assert order == ["aster", "boreal"] * 3
    seen = []
    while not is_over(state):
        seen.append(to_move(state))
        state = run(state, f"{to_move(state)} pass")
    assert seen == ["cobalt", "boreal", "aster"] * 3  # dorian sits but never moves


def test_R3_round_without_movers_closes() -> None:
    """A round with fewer than two movers closes as soon as it opens."""
    base = quiet()
    lonely = Round(
        "lonely",
        "Lonely",
        "Hall",
        "Nowhere",
        "2030-01-11",
        ("aster", "dorian"),
        ("border",),
        2,
        "Nobody came.",
    )
    sc = quiet(rounds=(base.rounds[0], lonely, base.rounds[1]))
    state = run(start(sc), *["aster pass", "boreal pass"] * 3)
    assert state.round_index == 2
    assert to_move(state) == "cobalt"
    assert any("Nowhere" in e.text for e in state.log if e.kind is EventKind.ROUND_OPENED)


def test_R4_end_of_round() -> None:
    """At the end of a round its live proposals lapse and the next round opens; after the last
    round the game is over."""
    state = run(
        start(),
        "aster propose border=monitored",
        "boreal pass",
        "aster pass",
        "boreal pass",
        "aster pass",
    )
    assert state.proposal(1).status is ProposalStatus.LIVE
    state = run(state, "boreal pass")
    assert state.proposal(1).status is ProposalStatus.LAPSED
    assert state.round_index == 1
    assert state.turn == 1
    opened = [e for e in state.log if e.kind is EventKind.ROUND_OPENED]
    assert "The council meets at the harbour." in opened[-1].text
    quotes = [e.text for e in state.log if e.kind is EventKind.QUOTE]
    assert quotes == ["Boreal: “We need guarantees.”", "Observer: “The talks were frank.”"]
    state = run(state, *["cobalt pass", "boreal pass", "aster pass"] * 3)
    assert is_over(state)
    assert state.ended_by is Termination.ROUNDS


@pytest.mark.parametrize(
    ("move", "reason"),
    [
        ("aster propose exercises=full", "not on this round's agenda"),
        ("aster propose border=closed", "is not an option of border"),
        ("aster propose nowhere=open", "there is no issue"),
        ("aster propose", "at least one term"),
    ],
)
def test_R5_what_may_be_proposed(move: str, reason: str) -> None:
    """A proposal names options of agenda issues that are not bindingly settled."""
    state = start()
    with pytest.raises(IllegalActionError, match=reason):
        apply(state, parse_action(move))
    settled = run(state, "aster propose border=monitored", "boreal accept 1")
    with pytest.raises(IllegalActionError, match="already settled"):
        apply(settled, parse_action("aster propose border=open"))


def test_R6_escalation_ends_the_game() -> None:
    """When tension reaches the war threshold the crisis escalates and the game ends at once;
    pending commitments stay pending."""
    sc = quiet(rules={"hostile_tension": 30.0})
    state = run(start(sc), "aster threaten tariffs", "boreal say hostile", "aster say hostile")
    assert is_over(state)
    assert state.escalated
    assert state.tension == 100.0
    result = outcome(state)
    assert result is not None
    assert result.id == "escalation"
    assert [e.kind for e in state.log][-3:] == [
        EventKind.ESCALATION,
        EventKind.ROUND_CLOSED,
        EventKind.GAME_OVER,
    ]
    assert state.ledger[0].status is CommitmentStatus.PENDING  # overtaken by the crisis


def test_R7_one_live_proposal_each() -> None:
    """A new proposal replaces its proposer's live one; the proposer accepts implicitly."""
    state = run(
        start(),
        "aster propose border=monitored",
        "boreal pass",
        "aster propose border=demilitarised",
    )
    assert state.proposal(1).status is ProposalStatus.WITHDRAWN
    assert state.proposal(1).why == "it was withdrawn, replaced by #2"
    assert state.proposal(2).accepted_by == ("aster",)
    assert [p.number for p in state.live_proposals()] == [2]


def test_R8_agreement_when_all_present_accept() -> None:
    """A proposal is agreed when every present mover accepted it; binding issues lower tension
    and other proposals on settled issues are overtaken."""
    state = run(
        start(), "aster propose border=monitored,missiles=limits", "boreal propose border=open"
    )
    before = state.tension
    state = run(state, "aster pass", "boreal accept 1")
    assert state.binding == (("border", "monitored"), ("missiles", "limits"))
    assert state.tension == before - 12.0
    assert state.proposal(1).status is ProposalStatus.AGREED
    assert state.proposal(2).status is ProposalStatus.WITHDRAWN
    assert state.trust("aster", "boreal") == 33.0


def test_R9_multilateral_consent() -> None:
    """An issue binds only when all its consenting actors accepted; until then it is
    provisional, and acceptances of the same option add up across rounds."""
    state = run(start(), "aster propose alliance=moratorium", "boreal accept 1")
    assert state.binding == ()
    (prov,) = state.provisional
    assert (prov.issue, prov.option, prov.accepted_by, prov.missing) == (
        "alliance",
        "moratorium",
        ("aster", "boreal"),
        ("cobalt",),
    )
    state = run(state, *["aster pass", "boreal pass"] * 2)
    assert state.round_index == 1
    state = run(state, "cobalt propose alliance=moratorium", "boreal accept 2", "aster accept 2")
    assert state.binding == (("alliance", "moratorium"),)
    assert state.provisional == ()
    with pytest.raises(IllegalActionError, match="already settled"):
        apply(state, parse_action("cobalt propose alliance=open-door"))


def test_R9_other_option_replaces_provisional() -> None:
    """A later agreement on a different option replaces a provisional one, with only its own
    parties' consent."""
    state = run(start(), "aster propose alliance=moratorium", "boreal accept 1")
    state = run(state, *["aster pass", "boreal pass"] * 2)
    state = run(state, "cobalt propose alliance=open-door", "boreal accept 2", "aster accept 2")
    assert state.binding == (("alliance", "open-door"),)  # all three consented to this one
    state = run(
        start(),
        "aster propose alliance=moratorium",
        "boreal accept 1",
        "aster propose alliance=guarantee",
        "boreal accept 2",
    )
    (prov,) = state.provisional
    assert (prov.option, prov.accepted_by, prov.missing) == (
        "guarantee",
        ("aster", "boreal"),
        ("cobalt",),
    )
