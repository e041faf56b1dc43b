"""Patience while our own offer is open (``core._hold_for_ours``): a delegate does not settle
for another's offer while its own, worth more to it, can still be taken.

Found on a scenario the AI was not designed on (benchmarks/scenarios/cuba-1962.yaml, seed 9):
the US offered the whole deal (missiles withdrawn under verification, with the bombers,
the Jupiters and a private pledge); the USSR answered with the same package without the
missiles and the quarantine, and the US accepted that at once, giving away what it had
offered in return for the missiles.  Had it waited one turn, the USSR would have taken
the US offer (it did, in a replay where the US passed): the US scored +0.32, not -0.14.
"""

from __future__ import annotations

import random
from dataclasses import replace

from game import engine
from game.ai.core import _hold_for_ours, choose
from game.ai.judge import LAST_CHANCE
from game.ai.moves import Kind, Moves
from game.ai.table import Offer, Table
from game.ai.view import own_prefs, table_from_view
from tests.engine.fixtures import small_scenario


def _setup(difficulty: str = "normal") -> tuple[Table, Offer, Offer]:
    """Our offer of our best terms, and theirs: ours without the term we value most."""
    state = engine.new_game(small_scenario(), 1)
    table = table_from_view(
        engine.view(state, "aster"), own_prefs(engine.view(state, "aster")), difficulty
    )
    prefs = table.prefs
    ours = tuple(sorted((i, prefs.best_option[i]) for i in table.open_issues))
    dearest = max(ours, key=lambda t: prefs.weights.get(t[0], 0.0))
    theirs = tuple(t for t in ours if t != dearest)
    other = next(a for a in table.participants if a != "aster")
    mine = Offer(1, "aster", ours, accepted_by=frozenset({"aster"}))
    counter = Offer(2, other, theirs, accepted_by=frozenset({other}))
    return replace(table, offers=(mine, counter), turns_left=2), mine, counter


def test_their_offer_waits_a_turn_while_ours_gives_us_more_and_may_be_taken() -> None:
    table, mine, counter = _setup()
    held = _hold_for_ours(table, counter, random.Random(1))
    assert held is not None
    assert held.kind is Kind.PASS
    assert (held.proposal, held.answers) == (mine.id, counter.id)


def test_no_waiting_for_an_offer_turned_down_or_at_easy() -> None:
    table, mine, counter = _setup()
    refused = replace(mine, rejected_by=frozenset({counter.proposer}))
    assert (
        _hold_for_ours(replace(table, offers=(refused, counter)), counter, random.Random(1)) is None
    )
    easy, _, counter = _setup("easy")
    assert _hold_for_ours(easy, counter, random.Random(1)) is None


def test_no_waiting_when_theirs_is_worth_as_much() -> None:
    table, mine, _ = _setup()
    same = Offer(2, next(a for a in table.participants if a != "aster"), mine.terms)
    assert _hold_for_ours(replace(table, offers=(mine, same)), same, random.Random(1)) is None


def test_at_our_last_turn_we_let_theirs_lapse_only_when_the_issues_come_back() -> None:
    """At our last turn of the round their offer lapses if we wait: we let it when the
    issues have a later table; at their last chance, only if those whose yes ours lacks
    move after us and our model says they gain from ours over no deal."""
    table, _, counter = _setup()
    early = dict.fromkeys(table.open_issues, 0.3)
    last = replace(table, turns_left=0, progress=early)
    assert _hold_for_ours(last, counter, random.Random(1)) is not None
    final = replace(last, progress=dict.fromkeys(table.open_issues, LAST_CHANCE))
    me_last = replace(
        final, participants=(*[a for a in final.participants if a != "aster"], "aster")
    )
    assert _hold_for_ours(me_last, counter, random.Random(1)) is None  # nobody moves after us


def test_the_core_passes_instead_of_accepting_and_says_why() -> None:
    """Through the whole decision: the offer meets our aspiration, yet we wait; the plain
    sentence of the rationale says so, not 'nothing needed an answer'."""
    from game.ai.explain import plain

    table, mine, counter = _setup()
    cheap = replace(table, progress=dict.fromkeys(table.open_issues, 0.85))  # a low aspiration
    moves = Moves(accept=frozenset({counter.id}), reject=frozenset({counter.id}), can_pass=True)
    intent = choose(cheap, moves, random.Random(1))
    assert intent is not None
    assert intent.kind is Kind.PASS, intent
    assert f"our #{mine.id} gives us more than #{counter.id}" in plain(cheap, intent)
    without_ours = replace(cheap, offers=(counter,))
    taken = choose(without_ours, moves, random.Random(1))
    assert taken is not None
    assert taken.kind is Kind.ACCEPT


def test_no_threat_while_a_delegation_is_coming_towards_us() -> None:
    """A delegation whose latest offer this round gives us more than its earlier ones is
    moving: a threat then presses it for nothing, and signing its next offer breaks the
    threat (in all-AI Geneva, 7 of 22 threats were broken that way)."""
    from game.ai.core import _coming_towards_us

    table, mine, counter = _setup()
    other = counter.proposer
    worse = Offer(3, other, (), accepted_by=frozenset({other}))
    better = Offer(4, other, mine.terms, accepted_by=frozenset({other}))
    assert _coming_towards_us(replace(table, offers=(mine, worse, better)))
    assert not _coming_towards_us(replace(table, offers=(mine, better, worse)))
    assert not _coming_towards_us(replace(table, offers=(mine, better)))  # a first offer
