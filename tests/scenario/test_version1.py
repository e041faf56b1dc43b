"""Version-1 scenario files load and play exactly as before format version 2.

The digests below were recorded with the engine as it was before format 2 (commit
159c2ec): random games (walk-outs left out, so that games run long) of the
version-1 starter and of the version-1 Geneva scenario.  The same seeds must give
the same games, action for action and state for state.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.engine import WalkOut, apply, digest, is_over, legal_actions, new_game, to_move
from game.engine.model import Scenario
from game.scenario.loader import load_bytes

DATA = Path(__file__).parent / "data"

STARTER_V1 = [
    (0, 6, "e57e576d9d2c8a5e", "stalemate"),
    (1, 6, "69b765143073f655", "stalemate"),
    (2, 6, "d0de8d045f7001f8", "stalemate"),
    (3, 6, "0ae41e6dfb4657e2", "stalemate"),
    (4, 6, "56ae527e79768f7d", "stalemate"),
    (5, 6, "c51669437c4586e5", "stalemate"),
    (6, 6, "c18ae907486efd3f", "stalemate"),
    (7, 6, "7d7f1fd0cf1c7d9d", "stalemate"),
    (8, 6, "0600848917479e01", "stalemate"),
    (9, 6, "664a894a0aaac391", "stalemate"),
    (10, 6, "89c3fc2b3645cb0d", "stalemate"),
    (11, 6, "7f33bcc4badfda95", "stalemate"),
    (12, 6, "9dfb6fc2a9745b9c", "stalemate"),
    (13, 6, "f2461886d2f31f36", "stalemate"),
    (14, 6, "0d24d85f50f366d4", "stalemate"),
    (15, 6, "407cf053b636609c", "stalemate"),
    (16, 6, "847cc5954866592a", "stalemate"),
    (17, 6, "5d5449abdccb189f", "stalemate"),
    (18, 6, "b5fb3bab8bb70dc3", "stalemate"),
    (19, 6, "0e27f79cbbb214e0", "stalemate"),
]

GENEVA_V1 = [
    (0, 19, "a2ec0498bb5e1aa8", "escalation"),
    (1, 29, "573bdec1c2e5d4b4", "escalation"),
    (2, 16, "a3144da84b2706c1", "escalation"),
    (3, 13, "dc43ec420801419a", "escalation"),
    (4, 6, "663a8d3e8ccbc288", "escalation"),
    (5, 6, "a199e9dfc38a5af9", "escalation"),
    (6, 30, "7ba35e004fb50d65", "escalation"),
    (7, 7, "d8dd92ad81df7db5", "escalation"),
    (8, 16, "d76a2b3ecb461341", "escalation"),
    (9, 14, "c32a43216945e191", "escalation"),
    (10, 31, "3af20efd47017b4e", "escalation"),
    (11, 22, "8b0059fd4d8345a7", "escalation"),
    (12, 10, "6a88246ceda12ab1", "escalation"),
    (13, 16, "64477951f892c7b1", "escalation"),
    (14, 13, "dcec4f4d30e27509", "escalation"),
    (15, 22, "8b246fabb265cf52", "escalation"),
    (16, 19, "b64dd55f1b90557d", "escalation"),
    (17, 19, "4e34bb78a9ec7e0b", "escalation"),
    (18, 14, "867c3eed10a089cd", "escalation"),
    (19, 10, "f811fa47c7da5d8a", "escalation"),
]


def _load(name: str) -> Scenario:
    return load_bytes((DATA / name).read_bytes(), name).scenario


def _play(scenario: Scenario, seed: int) -> tuple[int, str, str]:
    rng = random.Random(seed)
    state = new_game(scenario, seed)
    while not is_over(state):
        legal = legal_actions(state, to_move(state) or "")
        state, _ = apply(state, rng.choice([a for a in legal if not isinstance(a, WalkOut)]))
    assert state.outcome_result is not None
    return len(state.history), digest(state), state.outcome_result.id


@pytest.mark.parametrize(
    ("name", "games"), [("starter-v1.yaml", STARTER_V1), ("geneva-2022-v1.yaml", GENEVA_V1)]
)
def test_version_1_files_play_as_before(name: str, games: list[tuple[int, int, str, str]]) -> None:
    scenario = _load(name)
    assert not scenario.rules.talk_fades  # R28 is a format-2 rule
    for seed, length, want, label in games:
        assert _play(scenario, seed) == (length, want, label), f"seed {seed}"
