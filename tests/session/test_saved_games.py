"""The Load screen's list: one entry per game, described by title, round, date and outcome."""

from __future__ import annotations

import shutil
from pathlib import Path

from game import engine
from game.engine import EndGame
from game.scenario import load_scenario
from game.session import Seat, SeatKind, Session
from game.session.autosaves import LATEST_NAME
from game.session.saved_games import saved_games


def _game(seed: int, *, finish: bool) -> Session:
    loaded = load_scenario("geneva-2022")
    seats = {a.id: Seat(SeatKind.HUMAN) for a in loaded.scenario.playable}
    session = Session(loaded, seed, seats, autosave=True)
    session.submit(engine.Pass(session.to_move or ""))
    if finish:
        session.submit(EndGame())
    return session


def test_each_game_is_listed_once_with_what_a_player_recognises(home: Path) -> None:
    finished, running = _game(1, finish=True), _game(2, finish=False)
    games = saved_games()
    assert len(games) == 2  # not the copy of the latest autosave as well
    assert all(g.path.name != LATEST_NAME for g in games)
    by_seed = {g.path: g for g in games}
    done = by_seed[finished.autosave_file]
    going = by_seed[running.autosave_file]
    title = finished.scenario.title
    outcome = engine.outcome(finished.state)
    assert outcome is not None
    assert done.describe().startswith(f"{title}   ·   round 1 of 4   ·   {outcome.label}   ·   ")
    assert "   ·   played 20" in done.describe()
    assert "   ·   in progress   ·   " in going.describe()
    assert games[0].path == running.autosave_file  # newest first


def test_a_legacy_single_autosave_and_a_named_save_are_listed(home: Path) -> None:
    session = _game(3, finish=False)
    data = home / "data"
    named = data / "class-game.json"
    session.save(named)
    own = session.autosave_file
    assert own is not None
    shutil.move(own, data / "kept.bak")  # an older version wrote only autosave.json
    games = {g.path.name: g for g in saved_games()}
    assert set(games) == {LATEST_NAME, "class-game.json"}
    assert games["class-game.json"].describe().endswith("saved as class-game")


def test_listing_many_saves_reads_their_scenario_once(home: Path) -> None:
    """Dozens of saves of one scenario: the file is read once per listing, not per save."""
    for seed in range(4):
        _game(seed, finish=seed % 2 == 0)
    reads: list[str | Path] = []

    def counting(path_or_id: str | Path) -> object:
        reads.append(path_or_id)
        return load_scenario(path_or_id)

    games = saved_games(resolve=counting)  # type: ignore[arg-type]
    assert len(games) == 4
    assert all(not g.problem for g in games)
    assert len(reads) == len(set(map(str, reads))) == 1
