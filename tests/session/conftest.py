"""Session test set-up: every test gets its own REDLINES_HOME, and a small scenario to play."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from game.engine.model import Scenario
from game.errors import UserError
from game.session import Seat, SeatKind, Session
from tests.engine.fixtures import small_scenario


@dataclasses.dataclass(frozen=True)
class FakeLoaded:
    """What ``game.scenario.load_scenario`` returns, for a scenario built in Python."""

    scenario: Scenario
    content_hash: str = "sha256:fixture"
    path: Path | None = None


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever writes the real user's autosave."""
    folder = tmp_path / "home"
    monkeypatch.setenv("REDLINES_HOME", str(folder))
    return folder


@pytest.fixture
def loaded() -> FakeLoaded:
    return FakeLoaded(small_scenario())


def resolver(*known: FakeLoaded):  # type: ignore[no-untyped-def]
    """A scenario resolver for ``load`` that knows only these scenarios, by id."""

    def resolve(path_or_id: str) -> FakeLoaded:
        for item in known:
            if path_or_id == item.scenario.id:
                return item
        raise UserError(f"{path_or_id}: no such scenario")

    return resolve


HUMAN = Seat(SeatKind.HUMAN)
AI = Seat(SeatKind.AI)
RANDOM = Seat(SeatKind.RANDOM)


def seats_for(loaded: FakeLoaded, first: Seat = HUMAN, rest: Seat = RANDOM) -> dict[str, Seat]:
    ids = [a.id for a in loaded.scenario.playable]
    return {a: (first if i == 0 else rest) for i, a in enumerate(ids)}


def new_session(loaded: FakeLoaded, seed: int = 1, **kwargs: object) -> Session:
    kwargs.setdefault("autosave", False)
    seats = kwargs.pop("seats", None) or seats_for(loaded)
    return Session(loaded, seed, seats, **kwargs)  # type: ignore[arg-type]
