"""The saved games a player can open, one entry per game, described as a person reads them.

Each game autosaves to its own file, and the game that autosaved last is also
copied to ``autosave.json``: that copy is the same game, so it is not listed a
second time.  Every entry says what it is — the scenario's title, the round
reached, when it was last played and how it ended — from the save itself
(replayed); a save that cannot be read is listed with the reason.  A class's
folder holds dozens of games of one scenario: each scenario file is read once per
listing, not once per save (reading it is most of the cost of describing a save).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game import engine, paths
from game.errors import UserError
from game.session import autosaves, store

if TYPE_CHECKING:
    from game.session.records import LoadedLike


@dataclass(frozen=True, slots=True)
class SavedGame:
    path: Path
    played: _dt.datetime  # when the file was last written (local time)
    autosave: bool  # a per-game autosave rather than a file the player named
    title: str = ""
    round_reached: int = 0
    rounds: int = 0
    outcome: str = ""  # the outcome's label once over, "" while the game runs
    problem: str = ""  # why the save cannot be opened ("" when it can)

    def describe(self) -> str:
        """One line: title · round · outcome · date played (or the file and its problem)."""
        when = f"played {self.played:%Y-%m-%d %H:%M}"
        if self.problem:
            return f"{self.path.name}   ·   {when}   ·   cannot be opened"
        where = f"round {self.round_reached} of {self.rounds}"
        result = self.outcome or "in progress"
        named = "" if self.autosave else f"   ·   saved as {self.path.stem}"
        # Most telling first: a narrow list (large text) cuts the end of the line.
        return f"{self.title}   ·   {where}   ·   {result}   ·   {when}{named}"


def _candidates(folder: Path) -> list[Path]:
    found: list[Path] = []
    for place in (folder, folder / autosaves.FOLDER):
        try:
            found += [
                p
                for p in place.iterdir()
                if p.suffix == ".json" and p.is_file() and not p.name.startswith(".")
            ]
        except OSError:
            continue  # no such folder yet
    return found


def _remembering(resolve: store.Resolver) -> store.Resolver:
    """``resolve``, reading each scenario (or failing to) once; a file and an id stay apart."""
    seen: dict[tuple[bool, str], LoadedLike | UserError] = {}

    def remembered(path_or_id: str | Path) -> LoadedLike:
        key = (isinstance(path_or_id, Path), str(path_or_id))
        if key not in seen:
            try:
                seen[key] = resolve(path_or_id)
            except UserError as exc:
                seen[key] = exc
        found = seen[key]
        if isinstance(found, UserError):
            raise found
        return found

    return remembered


def _describe(path: Path, resolve: store.Resolver) -> SavedGame:
    played = _dt.datetime.fromtimestamp(path.stat().st_mtime)
    autosaved = path.parent.name == autosaves.FOLDER or path.name == autosaves.LATEST_NAME
    try:
        session = store.load(path, resolve=resolve)
    except UserError as exc:
        return SavedGame(path, played, autosaved, problem=str(exc))
    state = session.state
    result = engine.outcome(state)
    return SavedGame(
        path,
        played,
        autosaved,
        title=session.scenario.title,
        round_reached=state.round_number,
        rounds=len(session.scenario.rounds),
        outcome=result.label if result is not None else "",
    )


def saved_games(
    folder: Path | None = None, resolve: store.Resolver | None = None
) -> list[SavedGame]:
    """One entry per saved game in the data folder (autosaves included), newest first.

    ``resolve`` finds a scenario by path or id (default: the game's own loader).
    """
    where = folder if folder is not None else paths.user_data_dir()
    reader = _remembering(resolve or store.default_resolver)
    games = []
    for path in _candidates(where):
        # The latest copy is one of the per-game autosaves, already listed.
        latest = path.name == autosaves.LATEST_NAME and path.parent == where
        if latest and autosaves.own_file(path) is not None:
            continue
        try:
            games.append(_describe(path, reader))
        except OSError:
            continue  # removed while we looked
    return sorted(games, key=lambda g: (g.played, g.path.name), reverse=True)
