"""``load(save(s))`` is ``s`` at every turn of many random games (same digest, same log)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.session import Seat, SeatKind, Session, load, save
from tests.engine.fixtures import small_scenario
from tests.examples import examples
from tests.session.conftest import FakeLoaded, resolver

LOADED = FakeLoaded(small_scenario())
PLAYABLE = [a.id for a in LOADED.scenario.playable]
KINDS = st.sampled_from([SeatKind.HUMAN, SeatKind.RANDOM, SeatKind.AI])


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(min_value=0, max_value=2**32),
    kinds=st.lists(KINDS, min_size=len(PLAYABLE), max_size=len(PLAYABLE)),
    data=st.data(),
)
def test_load_of_save_is_the_same_game_at_every_turn(
    seed: int, kinds: list[SeatKind], data: st.DataObject
) -> None:
    seats = {actor: Seat(kind) for actor, kind in zip(PLAYABLE, kinds, strict=True)}
    session = Session(LOADED, seed, seats, autosave=False)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "save.json"
        for _ in range(200):  # far above the fixture's length; the game ends first
            if session.is_over:
                break
            if session.human_to_move:
                legal = session.legal_actions()
                session.submit(legal[data.draw(st.integers(0, len(legal) - 1))])
            else:
                session.step()
            save(session, path)
            back = load(path, resolve=resolver(LOADED))
            assert back.digest() == session.digest()
            assert back.log == session.log
            assert back.to_move == session.to_move
        assert session.is_over
