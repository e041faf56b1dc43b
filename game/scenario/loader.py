"""Load a scenario file (or a bundled scenario by id): read, validate, cross-check, build.

Every mistake a file can contain comes out as one ``ScenarioError`` listing
all of them, sorted by position; only what cannot be read at all (not a file,
too big, binary, broken YAML, an alias bomb...) stops at the first problem.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path as FsPath

from pydantic import ValidationError

from game import paths
from game.engine.model import Scenario
from game.errors import UserError
from game.scenario import crossref, messages, yaml_reader
from game.scenario.build import build
from game.scenario.document import FORMAT_VERSION, ScenarioDoc
from game.scenario.errors import Located, Path, ScenarioError, sort_unique
from game.scenario.hashing import content_hash


@dataclass(frozen=True, slots=True)
class LoadedScenario:
    """A valid scenario: the engine's model, the validated document, and where it came from."""

    path: FsPath | None  # None when loaded from bytes in memory
    name: str  # how messages name the file
    scenario: Scenario
    document: ScenarioDoc
    content_hash: str
    positions: yaml_reader.Positions

    def locate(self, path: Path, message: str, severity: str = "warning") -> Located:
        """A finding about the value at ``path``, placed where it is written in the file."""
        return self.positions.locate(self.name, path, message, severity)


def resolve(path_or_id: str | FsPath) -> FsPath:
    """A file path as given, or the bundled scenario of that id.

    A bare id (``geneva-2022``: no folder, no ``.yaml``) means the bundled scenario
    even when a file or folder of that name sits in the current folder; write
    ``./geneva-2022`` for that one.
    """
    if isinstance(path_or_id, FsPath):
        return path_or_id
    text = str(path_or_id)
    if not text.strip():  # Path("") is the current folder: "validate ''" said ".: is a directory"
        raise UserError("no scenario given: name a scenario file or a bundled id")
    candidate = FsPath(text)
    if paths.is_scenario_id(text):
        bundled = paths.bundled_scenario(text)
        if bundled is not None:
            return bundled
        if candidate.exists():
            return candidate
    else:
        return candidate
    known = ", ".join(paths.bundled_scenario_ids()) or "none"
    raise UserError(f"{text}: no such file, and no bundled scenario of that id (bundled: {known})")


def load_scenario(path_or_id: str | FsPath) -> LoadedScenario:
    """Load and check a scenario file or bundled id; ``ScenarioError`` lists every mistake."""
    path = resolve(path_or_id)
    name = str(path)
    return load_bytes(yaml_reader.read_path(path, name), name, path)


def load_bytes(raw: bytes, name: str, path: FsPath | None = None) -> LoadedScenario:
    """Load a scenario from a file's bytes; ``name`` is how messages refer to it."""
    return _load_valid(raw, name, path)


# The same file is loaded again and again (the picker on every visit, each saved game of
# it in the list of saves, a watched file that has not changed); a load costs tens of
# milliseconds, and its result is immutable.  So the last few valid loads are kept, by
# their exact bytes, name and path.  A file with mistakes raises, and is never kept.
@functools.lru_cache(maxsize=8)
def _load_valid(raw: bytes, name: str, path: FsPath | None) -> LoadedScenario:
    parsed = yaml_reader.read(raw, name)
    data, positions = parsed.data, parsed.positions
    _refuse_newer_format(data.get("format"), name, positions)
    found = list(parsed.problems)
    document: ScenarioDoc | None = None
    try:
        document = ScenarioDoc.model_validate(data)
    except ValidationError as exc:
        found += messages.located(exc, name, positions)
    found += (positions.locate(name, where, message) for where, message in crossref.check(data))
    if found or document is None:
        raise ScenarioError(sort_unique(found))
    return LoadedScenario(
        path=path,
        name=name,
        scenario=build(document),
        document=document,
        content_hash=content_hash(document),
        positions=positions,
    )


def _refuse_newer_format(version: object, name: str, positions: yaml_reader.Positions) -> None:
    """A newer format is one message, not a flood of 'unknown field' errors."""
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        line, col = positions.of_value(("format",))
        raise ScenarioError.single(
            name,
            f"format {version} is newer than this version of Red Lines reads "
            f"({FORMAT_VERSION}); update the game",
            line,
            col,
        )
