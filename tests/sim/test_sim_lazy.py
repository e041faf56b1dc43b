"""``simulate`` makes its work lazily: a huge run holds a few chunks, never all (14.12)."""

from __future__ import annotations

from itertools import islice

import pytest

from game.sim import runner


def test_chunks_are_made_as_they_are_needed() -> None:
    chunks = runner._chunks(runner.MAX_GAMES, 5)
    first = list(islice(chunks, 3))
    assert first == [range(5, 30), range(30, 55), range(55, 80)]
    assert not isinstance(chunks, list | tuple)


def test_a_worker_pool_is_fed_a_window_of_chunks_not_all_of_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[int] = []
    results: list[int] = []

    def counting(games: int, seed: int):  # type: ignore[no-untyped-def]
        for chunk in range(0, games, runner.CHUNK):
            made.append(chunk)
            yield range(seed + chunk, seed + min(chunk + runner.CHUNK, games))

    class _Done:
        def __init__(self, value: object) -> None:
            self.value = value

        def get(self) -> object:
            results.append(len(made))
            return self.value

    class _Pool:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def __enter__(self) -> _Pool:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def apply_async(self, _func, args):  # type: ignore[no-untyped-def]
            return _Done(args[0])

    class _Context:
        Pool = _Pool

    monkeypatch.setattr(runner.multiprocessing, "get_context", lambda _method: _Context())
    job = runner._Job.__new__(runner._Job)
    tallies = runner._tallies(job, counting(runner.MAX_GAMES, 0), workers=2)
    for _ in range(10):
        next(tallies)
    # When the tenth result was read, only a window of chunks (4 per worker) had been made.
    assert max(results) <= 10 + runner.IN_FLIGHT * 2


def test_processes_are_what_really_runs() -> None:
    assert runner.processes(20, 1000) == 1  # one chunk: one process
    assert runner.processes(30, 1000) == 2
    assert runner.processes(10_000, 2) == 2
    assert runner.processes(10_000, 1) == 1


def test_simulate_refuses_a_count_outside_its_range() -> None:
    with pytest.raises(ValueError, match="between 1 and"):
        runner.simulate(None, {}, games=runner.MAX_GAMES + 1)  # type: ignore[arg-type]
