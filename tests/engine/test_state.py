"""The state's own guarantees: immutable from outside, copied whole, digests that tell apart."""

from __future__ import annotations

import pytest

from game.engine import GameState, digest
from game.engine.state import Draft, StateFields
from tests.engine.helpers import run, start

SCRATCH = {"_tr", "_events", "_tension_from"}


def _midgame() -> GameState:
    return run(
        start(),
        "aster propose border=monitored",
        "boreal accept 1",
        "aster threaten tariffs",
        'boreal say hostile "No."',
    )


def test_state_is_immutable_from_outside() -> None:
    state = _midgame()
    with pytest.raises(AttributeError, match="immutable"):
        state.turn = 9  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable"):
        del state.log
    assert isinstance(state.proposals, tuple)
    assert isinstance(state.trackers, tuple)


def test_draft_copies_every_field() -> None:
    """The hand-written copy in Draft must name every slot (a new field must be added there)."""
    state = _midgame()
    copy = Draft(state).freeze()
    assert type(copy) is GameState
    for name in StateFields.__slots__:
        if name in SCRATCH:
            assert not hasattr(copy, name)
        elif name in {"trackers", "log"}:  # rebuilt from the scratch copies
            assert getattr(copy, name) == getattr(state, name)
        else:
            assert getattr(copy, name) is getattr(state, name), name
    assert copy == state
    assert digest(copy) == digest(state)


def test_digest_tells_states_apart() -> None:
    state = _midgame()
    assert len(digest(state)) == 16
    assert digest(run(state, "aster pass")) != digest(state)
    assert digest(run(state, 'facilitator bookmark "x"')) != digest(
        run(state, 'facilitator bookmark "y"')
    )
