"""Many games across processes, with a report that does not depend on how many.

Game ``i`` is played from seed ``seed + i``.  Seeds are cut into chunks of a
fixed size (not one per worker), each chunk is tallied on its own and the
chunk tallies are merged in seed order, so one process and sixteen give the
same sums to the last bit.  Workers get the scenario once, at start-up.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult
from typing import Any

from game.engine.model import Scenario
from game.engine.variants import dealt, draw
from game.session.seats import Seat, format_seats
from game.sim.play import play_game
from game.sim.report import Tally, Yardstick, report, total_turns

CHUNK = 25  # games per task: large enough to amortise messaging, small for a smooth bar
IN_FLIGHT = 4  # chunks queued per worker at a time
# The most games one run may play: hours at a thousand games a second.  More is a typo
# (or an attack): refused with a message rather than run for years.
MAX_GAMES = 10_000_000

Progress = Callable[[int, int], None]  # (games done, games in all)


@dataclass(frozen=True, slots=True)
class _Job:
    scenario: Scenario
    seats: dict[str, Seat]


_WORKER: dict[str, Any] = {}


def _init(job: _Job) -> None:
    _WORKER["job"] = job
    _WORKER["yardsticks"] = {}


def _yardstick(scenario: Scenario, seed: int) -> Yardstick:
    """The yardstick of the game with ``seed``: its frontier and Nash point are those of
    the hidden types it drew (one per set of types, computed when first met)."""
    known: dict[tuple[str, ...], Yardstick] = _WORKER["yardsticks"]
    types = draw(scenario, seed)
    found = known.get(types)
    if found is None:
        found = known[types] = Yardstick.of(dealt(scenario, seed))
    return found


def _init_worker(job: _Job) -> None:
    # Ctrl+C is the parent's to handle (it stops the pool); a worker that caught
    # it too would print a traceback per process.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init(job)


def _tally(seeds: range) -> Tally:
    job: _Job = _WORKER["job"]
    turns = total_turns(job.scenario)
    tally = Tally()
    start = time.process_time()
    for seed in seeds:
        game = play_game(job.scenario, job.seats, seed)
        tally.add(game, turns, _yardstick(job.scenario, seed))
    tally.cpu_seconds = time.process_time() - start
    return tally


def _chunks(games: int, seed: int) -> Iterator[range]:
    """The seed ranges, made as they are needed: a billion games is not 40 million ranges
    built up front (4.7 GB before the first game)."""
    for k in range(0, games, CHUNK):
        yield range(seed + k, seed + min(k + CHUNK, games))


def processes(games: int, jobs: int) -> int:
    """How many processes ``simulate`` really runs for ``games`` with ``jobs`` asked for:
    one when one is asked or one chunk is all there is, else no more than the chunks."""
    chunks = -(-games // CHUNK)
    return 1 if jobs <= 1 or chunks <= 1 else min(jobs, chunks)


def _tallies(job: _Job, chunks: Iterator[range], workers: int) -> Iterator[Tally]:
    if workers <= 1:
        _init(job)
        yield from map(_tally, chunks)
        return
    # fork shares the loaded scenario and modules for free where it exists (Linux).
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(job,)) as pool:
        # Pool.imap would queue every chunk at once; a window of a few per worker keeps
        # them busy while holding only that many tasks, in seed order.
        pending: deque[AsyncResult[Tally]] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_tally, (chunk,)))
            if len(pending) >= IN_FLIGHT * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def simulate(
    scenario: Scenario,
    seats: Mapping[str, Seat],
    *,
    games: int,
    seed: int = 0,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Play ``games`` games and return the balance report (see ``report.report``)."""
    if not 1 <= games <= MAX_GAMES:
        raise ValueError(f"games must be between 1 and {MAX_GAMES:,}, not {games:,}")
    workers = processes(games, jobs if jobs is not None else (os.cpu_count() or 1))
    job = _Job(scenario, dict(seats))
    start = time.perf_counter()
    total = Tally()
    for part in _tallies(job, _chunks(games, seed), workers):
        total.merge(part)
        if progress is not None:
            progress(total.games, games)
    seconds = time.perf_counter() - start
    return report(
        scenario, total, seed=seed, seats=format_seats(seats), seconds=seconds, jobs=workers
    )
