"""One hash of every decision of many all-AI games: proof that a speed-up changed nothing.

Run: ``python benchmarks/decision_hash.py [--games N] [--difficulty D] [--seed S]``.
Plays all-AI games of ``geneva-2022`` straight on the engine and hashes, move by move,
the action's repr, the delegate's rationale and remark, and each game's final state
digest (which covers the worded log).  A behaviour-preserving change must print the same
hash before and after.  Also prints the CPU time the games took (process time, so a
shared machine does not inflate it) and one summary line.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game import engine
from game.ai import make_agent
from game.engine.model import Scenario
from game.scenario import load_scenario


def game_hash(scenario: Scenario, seed: int, difficulty: str, into: hashlib._Hash) -> int:
    """Feed one game's decisions and final digest into ``into``; the number of moves."""
    agents = {a.id: make_agent(scenario, a.id, difficulty, seed) for a in scenario.playable}
    state = engine.new_game(scenario, seed)
    moves = 0
    while not engine.is_over(state):
        actor = engine.to_move(state) or ""
        legal = engine.legal_actions(state, actor)
        decision = agents[actor].decide(engine.view(state, actor), legal)
        into.update(
            f"{actor}|{decision.action!r}|{decision.remark}|{decision.rationale}\n".encode()
        )
        state, _ = engine.apply(state, decision.action)
        moves += 1
    into.update(f"digest {engine.digest(state)}\n".encode())
    return moves


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=200)
    parser.add_argument("--difficulty", default="normal")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    scenario = load_scenario("geneva-2022").scenario
    total = hashlib.sha256()
    moves = 0
    start = time.process_time()
    for seed in range(args.seed, args.seed + args.games):
        moves += game_hash(scenario, seed, args.difficulty, total)
    cpu = time.process_time() - start
    print(
        f"SUMMARY decision_hash[{args.difficulty}]: {total.hexdigest()[:16]} over "
        f"{args.games} games from seed {args.seed} ({moves} moves), "
        f"{args.games / cpu:.1f} games/s CPU ({cpu:.2f} s)"
    )


if __name__ == "__main__":
    main()
