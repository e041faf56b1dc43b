"""A game saved on an earlier edition of a bundled scenario still loads: the edition it
was played on is kept in ``scenarios/editions/ID/`` and found by its content hash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game import engine, paths
from game.scenario import load_bytes, load_scenario
from game.session import SaveError, Seat, SeatKind, Session, load

GENEVA = paths.scenarios_dir() / "geneva-2022.yaml"


def _saved_on(edition: Path, save: Path) -> Session:
    """A game played when ``edition`` was the bundled file (so its save names that path)."""
    loaded = load_bytes(edition.read_bytes(), str(GENEVA), GENEVA)
    seats = {a.id: Seat(SeatKind.RANDOM) for a in loaded.scenario.playable}
    session = Session(loaded, 4, seats, autosave=False)
    for _ in range(8):
        session.step()
    session.save(save)
    return session


def test_every_edition_is_an_earlier_geneva_and_not_a_scenario_of_its_own() -> None:
    editions = paths.bundled_editions("geneva-2022")
    assert editions
    current = load_scenario("geneva-2022").content_hash
    for edition in editions:
        loaded = load_scenario(edition)
        assert loaded.scenario.id == "geneva-2022"
        assert loaded.content_hash != current
        assert edition.stem == loaded.content_hash.rpartition(":")[2][:12]  # named by its hash
    assert paths.bundled_scenario_ids() == ["geneva-2022"]
    assert paths.bundled_editions("../geneva-2022") == []


def test_a_game_saved_on_an_earlier_edition_loads_and_replays(tmp_path: Path) -> None:
    edition = paths.bundled_editions("geneva-2022")[0]
    save = tmp_path / "old.json"
    played = _saved_on(edition, save)
    assert json.loads(save.read_text())["scenario"]["path"] == str(GENEVA)
    again = load(save)
    assert again.loaded.content_hash == played.loaded.content_hash
    assert engine.digest(again.state) == engine.digest(played.state)


def test_a_save_of_no_edition_is_still_refused_with_its_reason(tmp_path: Path) -> None:
    edition = paths.bundled_editions("geneva-2022")[0]
    changed = tmp_path / "changed.yaml"
    text = edition.read_text(encoding="utf-8").replace('title: "', 'title: "Changed ', 1)
    changed.write_text(text, encoding="utf-8")
    save = tmp_path / "orphan.json"
    _saved_on(changed, save)
    with pytest.raises(SaveError) as caught:
        load(save)
    assert "has changed since this game was saved" in str(caught.value)
