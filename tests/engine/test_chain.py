"""The history and the log are chains: appending costs O(1) and no state ever changes (14.10)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from game.engine import apply, digest
from game.engine.actions import Bookmark
from game.engine.chain import Chain
from tests.engine.helpers import run, start

# A program: each step extends one of the chains made so far (by index) with some items.
_steps = st.lists(
    st.tuples(st.integers(min_value=0), st.lists(st.integers(), max_size=3)), max_size=40
)


@given(_steps)
def test_chains_behave_as_tuples_whichever_state_is_extended(steps: list) -> None:
    chains: list[Chain[int]] = [Chain()]
    tuples: list[tuple[int, ...]] = [()]
    for pick, items in steps:
        i = pick % len(chains)
        chains.append(chains[i].extend(items) if len(items) != 1 else chains[i].append(items[0]))
        tuples.append((*tuples[i], *items))
    for chain, expected in zip(chains, tuples, strict=True):  # nothing made earlier changed
        assert chain == expected
        assert tuple(chain) == expected
        assert len(chain) == len(expected)
        assert repr(chain) == repr(expected)
        assert hash(chain) == hash(expected)
        assert list(reversed(chain)) == list(reversed(expected))
        for k in range(-len(expected), len(expected)):
            assert chain[k] == expected[k]
        assert chain[1:-1] == expected[1:-1]
        assert chain[::-2] == expected[::-2]


def test_a_chain_reads_out_of_range_as_a_tuple_does() -> None:
    chain = Chain([1, 2]).append(3)
    longer = chain.append(4)
    assert longer == (1, 2, 3, 4)
    for index in (3, -4, 10):
        try:
            chain[index]
        except IndexError:
            continue
        raise AssertionError(f"chain[{index}] should be out of range")


def test_applying_an_action_to_the_newest_state_shares_history_and_log_uncopied() -> None:
    # Issue 14.10: apply copied both tuples on every action, so replaying n actions cost n².
    # Now every state of a game views one list: an action appends to it in place.
    state = start()
    first = state
    for n in range(2000):
        state, _ = apply(state, Bookmark(f"note {n}"))
    assert len(state.history) == 2000
    assert state.history._items is first.history._items  # one list, never copied
    assert state.log._items is first.log._items
    assert len(first.history) == 0  # and the first state still sees none of it


def test_a_branch_from_an_older_state_changes_neither_state() -> None:
    base = run(start(), "aster propose border=monitored")
    kept = run(base, "boreal accept 1")
    before = (tuple(kept.history), tuple(kept.log), digest(kept))
    other = run(base, 'boreal say hostile "No."')  # a second move from the same state
    assert (tuple(kept.history), tuple(kept.log), digest(kept)) == before
    assert other.history[-1] != kept.history[-1]
    assert other.log[: len(base.log)] == base.log
