"""Hypothesis strategies for engine values, shared by the notation and property tests."""

from __future__ import annotations

from hypothesis import strategies as st

from game.engine import (
    Accept,
    Action,
    Bookmark,
    CarryOut,
    EndGame,
    EndRound,
    ExtendRound,
    Inject,
    News,
    Pass,
    Propose,
    Reject,
    Statement,
    Threaten,
    Timeout,
    Tone,
    WalkOut,
)

ids = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True).filter(lambda s: s != "facilitator")
awkward = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(['"', "\\", "\n", "\r", "\t", "\u2028", "\x85", "Ж", "ї", " "]),
    ),
    max_size=40,
)
numbers = st.integers(min_value=0, max_value=10**6)
terms = st.dictionaries(ids, ids, min_size=1, max_size=4).map(lambda d: tuple(sorted(d.items())))

actions: st.SearchStrategy[Action] = st.one_of(
    st.builds(Propose, ids, terms),
    st.builds(Accept, ids, numbers),
    st.builds(Reject, ids, numbers),
    st.builds(Statement, ids, st.sampled_from(list(Tone)), awkward),
    st.builds(Threaten, ids, ids, terms | st.just(())),
    st.builds(CarryOut, ids, ids),
    st.builds(WalkOut, ids),
    st.builds(Pass, ids),
    st.builds(Inject, ids),
    st.builds(News, awkward),
    st.builds(Bookmark, awkward),
    st.builds(ExtendRound, st.integers(min_value=0, max_value=99)),
    st.just(EndRound()),
    st.just(EndGame()),
    st.builds(Timeout, ids),
)
