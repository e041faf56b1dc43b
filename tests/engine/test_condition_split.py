"""``holds`` splits into the clauses on binding terms and the rest (what the AI relies on
to judge a condition's other clauses once for every package it weighs in a move)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from game.engine.conditions import (
    holds,
    holds_besides_terms,
    terms_hold,
    terms_settled,
)
from game.engine.model import Condition, Round, TrackerTest
from game.engine.state import Provisional

ISSUES = ("door", "missiles", "exercises")
OPTIONS = ("a", "b", "c")
LEVERS = ("swift", "pipeline")


@dataclass(frozen=True)
class Imagined:
    """A state the conditions can be judged in (``conditions.Facts``)."""

    round_index: int
    tension: float
    binding: tuple[tuple[str, str], ...]
    executed: Collection[str]
    escalated: bool
    walked_out_ever: Collection[str]

    @property
    def round(self) -> Round:
        raise AssertionError("a version-1 condition never asks")

    @property
    def provisional(self) -> tuple[Provisional, ...]:
        return ()

    @property
    def drawn(self) -> Collection[str]:
        return ()

    def threatened(self, lever: str) -> bool:
        raise AssertionError(lever)

    def broken(self) -> Collection[str]:
        return ()

    def tracker(self, test: TrackerTest) -> float:
        raise AssertionError(test)


maybe_int = st.none() | st.integers(0, 4)
maybe_tension = st.none() | st.floats(0, 100)
conditions = st.builds(
    Condition,
    min_round=maybe_int,
    max_round=maybe_int,
    min_tension=maybe_tension,
    max_tension=maybe_tension,
    min_agreements=maybe_int,
    max_agreements=maybe_int,
    agreed=st.dictionaries(
        st.sampled_from(ISSUES), st.frozensets(st.sampled_from(OPTIONS), min_size=1), max_size=2
    ),
    not_agreed=st.lists(st.sampled_from(ISSUES), max_size=2, unique=True).map(tuple),
    levers_executed=st.lists(st.sampled_from(LEVERS), max_size=1).map(tuple),
    levers_not_executed=st.lists(st.sampled_from(LEVERS), max_size=1).map(tuple),
    escalated=st.none() | st.booleans(),
    walked_out=st.lists(st.sampled_from(("us", "them")), max_size=1).map(tuple),
)
states = st.builds(
    Imagined,
    round_index=st.integers(0, 4),
    tension=st.floats(0, 100),
    binding=st.dictionaries(st.sampled_from(ISSUES), st.sampled_from(OPTIONS)).map(
        lambda d: tuple(sorted(d.items()))
    ),
    executed=st.frozensets(st.sampled_from(LEVERS)),
    escalated=st.booleans(),
    walked_out_ever=st.frozensets(st.sampled_from(("us", "them"))),
)


@given(conditions, states, st.dictionaries(st.sampled_from(ISSUES), st.sampled_from(OPTIONS)))
def test_holds_is_the_terms_and_the_rest(
    cond: Condition, state: Imagined, other: dict[str, str]
) -> None:
    assert cond.simple
    expected = holds(cond, state)
    assert expected == (
        holds_besides_terms(cond, state) and terms_settled(cond, dict(state.binding))
    )
    # The rest of a version-1 condition never reads the terms: the same for any others.
    imagined = Imagined(
        state.round_index,
        state.tension,
        tuple(sorted(other.items())),
        state.executed,
        state.escalated,
        state.walked_out_ever,
    )
    assert holds_besides_terms(cond, imagined) == holds_besides_terms(cond, state)
    assert holds(cond, imagined) == (
        holds_besides_terms(cond, state) and terms_settled(cond, other)
    )


term_clauses = st.builds(
    Condition,
    min_agreements=maybe_int,
    max_agreements=maybe_int,
    agreed=st.dictionaries(
        st.sampled_from(ISSUES), st.frozensets(st.sampled_from(OPTIONS), min_size=1), max_size=2
    ),
    not_agreed=st.lists(st.sampled_from(ISSUES), max_size=2, unique=True).map(tuple),
)
terms_only = st.recursive(
    term_clauses,
    lambda inner: st.builds(
        Condition,
        any=st.lists(inner, max_size=2).map(tuple),
        all=st.lists(inner, max_size=2).map(tuple),
        not_=st.none() | inner,
        max_agreements=maybe_int,
    ),
    max_leaves=6,
)


@given(terms_only, states)
def test_a_condition_on_terms_alone_is_judged_on_the_terms(
    cond: Condition, state: Imagined
) -> None:
    assert holds(cond, state) == terms_hold(cond, dict(state.binding))
