"""Engine speed: random-seat and all-AI full games per second, on one core and on all cores.

Run: ``python benchmarks/engine.py [--seconds S] [--jobs J]``.  Measures the fixture
scenario of the engine tests, a generated 12-issue scenario, and the bundled
``geneva-2022`` scenario when the YAML loader (``game.scenario``) is present:

* random-seat games (seat choices from a generator seeded per game, as random seats do
  in a real session): games/s, actions/s and the engine's time per action;
* all-AI games (normal AI delegates in every seat, seeded as ``simulate`` seeds them):
  games/s on one core, the cost of one move split into the AI's decision, ``engine.view``
  and the engine's ``legal_actions`` + ``apply``, and games/s on all cores (one process
  per core, seeds shared out between them).

One-core figures are CPU time of this process, so that other work on the machine
disturbs them less; the all-cores figure is by the wall clock (it is what ``simulate
--jobs`` gets).  Ends with one summary line.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine import apply, is_over, legal_actions, new_game, to_move, view
from game.engine.model import Scenario
from game.session.agents import Agent, make_agent
from game.session.seats import Seat, SeatKind

# All-AI games of the bundled scenario per second of one core (issue 11): the goal, and
# what we aim at.
AI_GOAL = 400
AI_AIM = 1000


def play(scenario: Scenario, seed: int) -> int:
    """One random-seat game; returns the number of actions."""
    seats = random.Random(seed)
    state = new_game(scenario, seed)
    n = 0
    while not is_over(state):
        state, _ = apply(state, seats.choice(legal_actions(state, to_move(state) or "")))
        n += 1
    return n


def _agents(scenario: Scenario, seed: int) -> dict[str, Agent]:
    seat = Seat(SeatKind.AI)
    return {a.id: make_agent(scenario, a.id, seat, seed) for a in scenario.playable}


def play_ai(scenario: Scenario, seed: int, split: list[int] | None = None) -> int:
    """One all-AI game; returns the number of actions.  With ``split`` (three counters of
    CPU nanoseconds) it also adds up decision, view and engine time."""
    agents = _agents(scenario, seed)
    state = new_game(scenario, seed)
    n = 0
    if split is None:
        while not is_over(state):
            actor = to_move(state) or ""
            legal = legal_actions(state, actor)
            state, _ = apply(state, agents[actor].decide(view(state, actor), legal).action)
            n += 1
        return n
    clock = time.process_time_ns
    while not is_over(state):
        actor = to_move(state) or ""
        t0 = clock()
        legal = legal_actions(state, actor)
        t1 = clock()
        seen = view(state, actor)
        t2 = clock()
        action = agents[actor].decide(seen, legal).action
        t3 = clock()
        state, _ = apply(state, action)
        t4 = clock()
        split[0] += t3 - t2
        split[1] += t2 - t1
        split[2] += (t1 - t0) + (t4 - t3)
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
        f"{name:<24} random  {gps:>7.0f} games/s {aps:>9.0f} actions/s "
        f"{us:>6.1f} us/action {actions / games:>6.1f} actions/game"
    )
    return gps, aps, us


def measure_ai(name: str, scenario: Scenario, seconds: float) -> float:
    """All-AI games per second on one core, and the split of one move's cost."""
    play_ai(scenario, 0)  # warm the tables and the delegates' shared facts
    games = actions = 0
    start = time.process_time()
    while (elapsed := time.process_time() - start) < seconds:
        actions += play_ai(scenario, games)
        games += 1
    gps = games / elapsed
    split = [0, 0, 0]
    moves = sum(play_ai(scenario, seed, split) for seed in range(max(10, games // 4)))
    decide, seen, engine = (ns / moves / 1e3 for ns in split)
    print(
        f"{name:<24} all-AI  {gps:>7.0f} games/s {actions / elapsed:>9.0f} actions/s "
        f"{1e6 / (actions / elapsed):>6.1f} us/action {actions / games:>6.1f} actions/game"
    )
    print(
        f"{'':<24}   per move: AI decision {decide:.1f} us, view {seen:.1f} us,"
        f" legal_actions + apply {engine:.1f} us"
    )
    return gps


# --- all cores: one process per core, each playing a share of the seeds ----------------

_WORKER: dict[str, Scenario] = {}


def _worker_init(name: str) -> None:
    scenario = dict(_scenarios(quiet=True))[name]
    _WORKER["scenario"] = scenario
    play_ai(scenario, 0)


def _worker_games(seeds: range) -> int:
    scenario = _WORKER["scenario"]
    return sum(1 for seed in seeds if play_ai(scenario, seed) > 0)


def measure_ai_all_cores(name: str, one_core: float, seconds: float, jobs: int) -> float:
    """All-AI games per second of the wall clock with ``jobs`` processes."""
    games = max(jobs * 20, int(one_core * seconds * jobs))
    chunk = 20
    seeds = [range(k, min(games, k + chunk)) for k in range(0, games, chunk)]
    with multiprocessing.get_context("spawn").Pool(
        jobs, initializer=_worker_init, initargs=(name,)
    ) as pool:
        pool.map(_worker_games, [range(0, 2)] * jobs)  # every worker started and warm
        start = time.perf_counter()
        played = sum(pool.map(_worker_games, seeds, chunksize=1))
        elapsed = time.perf_counter() - start
    gps = played / elapsed
    print(
        f"{name:<24} all-AI  {gps:>7.0f} games/s on {jobs} cores (wall clock,"
        f" {played} games, {gps / jobs:.0f} per core)"
    )
    return gps


def _scenarios(quiet: bool = False) -> list[tuple[str, Scenario]]:
    from tests.engine.fixtures import generated_scenario, small_scenario

    found = [("fixture-summit", small_scenario()), ("generated-12x5x5", generated_scenario())]
    try:
        from game.scenario import load_scenario
    except ImportError:
        if not quiet:
            print("note: game.scenario is not available; skipping geneva-2022")
        return found
    found.append(("geneva-2022", load_scenario("geneva-2022").scenario))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="processes for the all-cores run"
    )
    args = parser.parse_args()
    scenarios = _scenarios()
    results = {name: measure(name, sc, args.seconds) for name, sc in scenarios}
    ai = {name: measure_ai(name, sc, args.seconds) for name, sc in scenarios}
    main_name = scenarios[-1][0]  # the bundled scenario when present
    wall = measure_ai_all_cores(main_name, ai[main_name], args.seconds, args.jobs)
    worst = max(us for _, _, us in results.values())
    randoms = ", ".join(f"{name} {gps:.0f}" for name, (gps, _, _) in results.items())
    ais = ", ".join(f"{name} {gps:.0f}" for name, gps in ai.items())
    print(
        f"summary: all-AI {main_name} {ai[main_name]:.0f} games/s/core (goal >= {AI_GOAL}:"
        f" {ai[main_name] >= AI_GOAL}, aim {AI_AIM}),"
        f" {wall:.0f} games/s on {args.jobs} cores; all-AI games/s/core: {ais};"
        f" random games/s: {randoms}; slowest {worst:.1f} us/action"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
