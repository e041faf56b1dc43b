"""The probes of benchmarks/adversaries/probes.py play only legal moves, in every seat.

A probe whose answer the game refuses passes its turn silently in the benchmark, which
would make its margin measure nothing: here a refused answer fails the test.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import pytest

from game import engine
from game.ai import Difficulty, make_agent
from game.scenario import load_scenario
from game.session.agents import derive_seed
from game.session.external import InProcessAgent

ADVERSARIES = Path(__file__).resolve().parents[2] / "benchmarks" / "adversaries"
sys.path.insert(0, str(ADVERSARIES))

from probes import PROBES, CoalitionAccomplice, CoalitionLeader  # type: ignore[import-not-found]  # noqa: E402

SCENARIO = load_scenario("geneva-2022").scenario
SEATS = [a.id for a in SCENARIO.playable]


def _refusals(scripted: dict[str, object], seed: int) -> list[str]:
    """Play one game with ``scripted`` seats (the AI elsewhere); the refused answers."""
    agents = {
        a.id: scripted.get(a.id)
        or make_agent(SCENARIO, a.id, Difficulty.NORMAL, derive_seed(seed, a.id))
        for a in SCENARIO.playable
    }
    state = engine.new_game(SCENARIO, seed)
    refused = []
    while not state.over:
        actor = engine.to_move(state) or ""
        legal = engine.legal_actions(state, actor)
        decision = agents[actor].decide(engine.view(state, actor), legal)  # type: ignore[attr-defined]
        if actor in scripted and "passed:" in decision.rationale:
            refused.append(decision.rationale)
        state, _ = engine.apply(state, decision.action)
    return refused


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PROBES))
def test_a_probe_plays_only_legal_moves_in_every_seat(name: str) -> None:
    for k, seat in enumerate(SEATS):
        agent = InProcessAgent(PROBES[name], seat, derive_seed(k, seat))
        assert _refusals({seat: agent}, k) == []


@pytest.mark.slow
def test_a_coalition_plays_only_legal_moves() -> None:
    leader, accomplice = SEATS[0], SEATS[2]
    scripted: dict[str, object] = {
        leader: InProcessAgent(CoalitionLeader, leader, 1),
        accomplice: InProcessAgent(
            functools.partial(CoalitionAccomplice, leader=leader), accomplice, 2
        ),
    }
    assert _refusals(scripted, 3) == []
