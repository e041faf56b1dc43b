"""Engine speed: random-seat full games per second and actions per second.

Run: ``python benchmarks/engine.py [--seconds S]``.  Measures the fixture scenario of the
engine tests, a generated 12-issue scenario, and the bundled ``geneva-2022`` scenario when
the YAML loader (``game.scenario``) is present.  Seat choices come from a generator seeded
per game, as random seats do in a real session.  Times are CPU time of this process,
so that other work on the machine disturbs the figures less.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine import apply, is_over, legal_actions, new_game, to_move
from game.engine.model import Scenario


def play(scenario: Scenario, seed: int) -> int:
    """One random-seat game; returns the number of actions."""
    seats = random.Random(seed)
    state = new_game(scenario, seed)
    n = 0
    while not is_over(state):
        state, _ = apply(state, seats.choice(legal_actions(state, to_move(state) or "")))
        n += 1
    return n


def measure(name: str, scenario: Scenario, seconds: float) -> tuple[float, float, float]:
    play(scenario, 0)  # warm the scenario's tables
    games = actions = 0
    start = time.process_time()
    while (elapsed := time.process_time() - start) < seconds:
        actions += play(scenario, games)
        games += 1
    gps, aps = games / elapsed, actions / elapsed
    us = 1e6 / aps
    print(
        f"{name:<24} {gps:>9.0f} games/s {aps:>10.0f} actions/s "
        f"{us:>6.1f} us/action {actions / games:>6.1f} actions/game"
    )
    return gps, aps, us


def _scenarios() -> list[tuple[str, Scenario]]:
    from tests.engine.fixtures import generated_scenario, small_scenario

    found = [("fixture-summit", small_scenario()), ("generated-12x5x5", generated_scenario())]
    try:
        from game.scenario import load_scenario
    except ImportError:
        print("note: game.scenario is not available; skipping geneva-2022")
        return found
    found.append(("geneva-2022", load_scenario("geneva-2022").scenario))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per scenario")
    args = parser.parse_args()
    results = {name: measure(name, sc, args.seconds) for name, sc in _scenarios()}
    worst = max(us for _, _, us in results.values())
    summary = ", ".join(f"{name} {gps:.0f} games/s" for name, (gps, _, _) in results.items())
    print(f"summary: engine random games: {summary}; slowest {worst:.1f} us/action")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
