"""Saving a session to a file and loading it back by replaying its log.

Every way a save can be broken ends in one ``SaveError`` whose message says
what is wrong, and loading never writes anything.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game import engine, paths
from game.engine.errors import ActionError
from game.errors import UserError
from game.fileio import NotRegularFileError, TooLargeError, read_limited
from game.session import autosaves
from game.session.errors import SaveError
from game.session.pins import PinHash
from game.session.savefile import FORMAT, GAME, MAX_ACTIONS, SaveFile, hinted_path
from game.session.seats import Seat, SeatKind
from game.session.session import LoadedLike, LogEntry, ReplayError, Session

MAX_SAVE_BYTES = 50_000_000  # far beyond any real game; refuses to read a wrong, huge file
# A save nests three levels (scenario, seats, pins); anything deeper is damage.  The
# JSON reader itself recurses, so a file nested thousands deep stops it first.
MAX_SAVE_DEPTH = 16
MAX_NUMBER_DIGITS = 100  # a seed or a format; Python refuses to read over 4300 anyway
_MAX_LISTED_PROBLEMS = 3
_TRUNCATED = "the file is truncated (it ends in the middle of the data)"

Resolver = Callable[[str | Path], LoadedLike]


def save(session: Session, path: Path) -> None:
    """Write ``session`` to ``path`` atomically (``SaveError`` if that fails)."""
    session.save(path)


def _problem(path: Path, reason: str) -> SaveError:
    return SaveError(f"cannot load the save {path}: {reason}")


def _read_json(path: Path) -> Any:
    try:
        raw = read_limited(path, MAX_SAVE_BYTES)
    except TooLargeError as exc:
        raise _problem(path, f"the file is too large to be a save ({exc.size} bytes)") from None
    except NotRegularFileError:
        raise _problem(path, "it is not a regular file (a device or a pipe?)") from None
    except FileNotFoundError:
        raise _problem(path, "no such file") from None
    except IsADirectoryError:
        raise _problem(path, "it is a folder, not a file") from None
    except OSError as exc:
        raise _problem(path, exc.strerror or str(exc)) from None
    if not raw.strip():
        raise _problem(path, "the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":  # cut inside a character: a short write
            raise _problem(path, _TRUNCATED) from None
        raise _problem(path, "not a Red Lines save (not a text file)") from None
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        if _cut_short(text, exc):
            raise _problem(path, _TRUNCATED) from None
        raise _problem(
            path, f"not a Red Lines save (not valid JSON at line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise _problem(path, _too_deep()) from None
    except _DamageError as exc:
        raise _problem(path, f"the save is damaged ({exc})") from None
    problem = _odd_value(data)
    if problem is not None:
        raise _problem(path, problem)
    return data


class _DamageError(ValueError):
    """A save that is valid JSON but never one the game writes (a duplicate key, a huge number)."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # JSON lets the last of two equal keys win in silence; a save the game wrote has none.
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DamageError(f"the key {key!r} appears twice in one object")
        found[key] = value
    return found


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _DamageError(f"a number of {len(digits.lstrip('-'))} digits")
    return int(digits)


def _too_deep() -> str:
    return (
        "the save is damaged (its data is nested too deeply: "
        f"a save nests {MAX_SAVE_DEPTH} levels at most)"
    )


def _odd_value(data: Any) -> str | None:
    """What no save the game writes contains: deep nesting, or text that is not Unicode.

    A lone surrogate (``"\\ud800"``) is valid JSON but cannot be written back as UTF-8,
    so the game would fail at its next autosave.  Walked without recursion.
    """
    stack: list[tuple[Any, tuple[str, ...]]] = [(data, ())]
    while stack:
        value, where = stack.pop()
        if len(where) > MAX_SAVE_DEPTH:
            return _too_deep()
        if isinstance(value, dict):
            stack.extend((v, (*where, str(k))) for k, v in value.items())
            keys = [k for k in value if not _is_unicode(k)]
            if keys:
                return _bad_text(where)
        elif isinstance(value, list):
            stack.extend((v, (*where, str(i))) for i, v in enumerate(value))
        elif isinstance(value, str) and not _is_unicode(value):
            return _bad_text(where)
    return None


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _bad_text(where: tuple[str, ...]) -> str:
    place = ".".join(where) or "the top level"
    return (
        f"the save is damaged ({place}: text with an invalid character, "
        "half of a UTF-16 surrogate pair)"
    )


def _cut_short(text: str, exc: json.JSONDecodeError) -> bool:
    """Does this JSON fail because it stops early (a save cut off by a crash or a full disk)?"""
    stripped = text.strip()
    if stripped[:1] not in ("{", "["):
        return False  # not JSON at all
    return (
        exc.pos >= len(text.rstrip())
        or exc.msg.startswith("Unterminated string")  # its closing quote never came
        or not stripped.endswith(("}", "]"))
    )


def _describe(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors()[:_MAX_LISTED_PROBLEMS]:
        where = ".".join(str(part) for part in error["loc"])
        message = str(error["msg"])
        problems.append(f"{where}: {message}" if where else message)
    more = exc.error_count() - len(problems)
    if more > 0:
        problems.append(f"and {more} more")
    return "; ".join(problems)


def read_save(path: Path) -> SaveFile:
    """The save record in ``path``, checked; ``SaveError`` if it is not a usable save."""
    data = _read_json(path)
    if not isinstance(data, dict) or data.get("game", GAME) != GAME:
        raise _problem(path, "not a Red Lines save")
    version = data.get("format")
    if isinstance(version, int) and not isinstance(version, bool):
        if version > FORMAT:
            raise _problem(
                path,
                f"it was written by a newer version of Red Lines (save format {version}; "
                f"this version reads format {FORMAT}); update the game to load it",
            )
        if version < 1:
            raise _problem(path, f"unknown save format {version}")
    actions = data.get("actions")
    if isinstance(actions, list) and len(actions) > MAX_ACTIONS:
        raise _problem(
            path,
            f"it holds {len(actions):,} actions; a save holds at most {MAX_ACTIONS:,} "
            "(what the game can replay in a second or two)",
        )
    try:
        return SaveFile.model_validate(data)
    except ValidationError as exc:
        raise _problem(path, f"the save is damaged ({_describe(exc)})") from None


def default_resolver(path_or_id: str | Path) -> LoadedLike:
    from game.scenario import load_scenario

    return load_scenario(path_or_id)


def _recorded_paths(path: Path, ref_path: str) -> list[str]:
    """Where the recorded scenario file may be: as recorded, or beside the save."""
    if not ref_path:
        return []
    recorded = hinted_path(ref_path)
    found = []
    for candidate in (recorded, path.parent / recorded, path.parent / recorded.name):
        # Absolute: a relative name could read as a bundled scenario's id.
        if candidate.is_file() and str(candidate.resolve()) not in found:
            found.append(str(candidate.resolve()))
    return found


def _scenario_for(
    path: Path, record: SaveFile, resolve: Resolver, scenario: Path | None = None
) -> LoadedLike:
    """The scenario the game was played on: ``scenario`` if given, its recorded path, its id."""
    ref = record.scenario
    # A Path given by the user is that file, never read as an id; otherwise the recorded
    # paths, then the id (a bundled scenario's; the save's id field is checked to be an id).
    candidates: list[str | Path] = (
        [scenario] if scenario is not None else [*_recorded_paths(path, ref.path), ref.id]
    )
    found: LoadedLike | None = None
    failure = ""
    for candidate in candidates:
        try:
            loaded = resolve(candidate)
        except UserError as exc:
            # The first failure is the one to report: the recorded file, when there is one.
            failure = failure or (str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            continue
        if loaded.content_hash == ref.hash and loaded.scenario.id == ref.id:
            return loaded
        found = found or loaded
    if scenario is None:  # a bundled scenario that has changed: the edition it was played on
        for edition in paths.bundled_editions(ref.id):
            try:
                loaded = resolve(edition)
            except UserError:
                continue
            if loaded.content_hash == ref.hash and loaded.scenario.id == ref.id:
                return loaded
    if found is None:
        where = f" from {ref.path}" if ref.path and scenario is None else ""
        hint = "; give the scenario file with --scenario PATH" if scenario is None else ""
        raise _problem(
            path,
            f"the scenario {ref.id!r} it was played on{where} cannot be loaded ({failure}){hint}",
        )
    if found.scenario.id != ref.id:
        source = str(scenario) if scenario is not None else ref.path or "its id"
        raise _problem(
            path, f"the scenario at {source} is now {found.scenario.id!r}, not {ref.id!r}"
        )
    raise _problem(
        path,
        f"the scenario {ref.id!r} has changed since this game was saved "
        f"(content hash {_short(ref.hash)} in the save, {_short(found.content_hash)} now), "
        "so its moves may no longer fit",
    )


def _short(content_hash: str) -> str:
    return content_hash.rpartition(":")[2][:12]


def _seats(path: Path, record: SaveFile, loaded: LoadedLike) -> dict[str, Seat]:
    playable = [actor.id for actor in loaded.scenario.playable]
    for actor in record.seats:
        if actor not in playable:
            raise _problem(path, f"its seats name {actor!r}, not a playable delegation")
    missing = [actor for actor in playable if actor not in record.seats]
    if missing:
        raise _problem(path, f"the save has no seat for {', '.join(map(repr, missing))}")
    # A save never names a program to run (loading a shared file must not run code): a
    # seat an outside agent played resumes as an AI seat; --seats can seat the agent again.
    return {
        actor: Seat(SeatKind.AI)
        if seat.kind is SeatKind.AGENT
        else Seat(seat.kind, seat.difficulty)
        for actor, seat in record.seats.items()
    }


def _pins(path: Path, record: SaveFile, seats: Mapping[str, Seat]) -> dict[str, PinHash]:
    pins = record.pins or {}
    for actor in pins:
        if actor not in seats:
            raise _problem(path, f"its PINs name {actor!r}, not a playable delegation")
    return {actor: PinHash(pin.salt, pin.hash, pin.rounds) for actor, pin in pins.items()}


def _log(path: Path, record: SaveFile) -> list[LogEntry]:
    entries = []
    total = len(record.actions)
    rows = zip(record.actions, record.by, record.rationales, record.remarks_or_blank(), strict=True)
    for number, (text, by, why, said) in enumerate(rows, 1):
        try:
            action = engine.parse_action(text, check_text=False)
        except ActionError as exc:
            raise _problem(
                path, f"action {number} of {total} ({text!r}) cannot be read: {exc}"
            ) from None
        entries.append(LogEntry(action, by, why, said))
    return entries


def load(
    path: Path,
    *,
    autosave: bool = False,
    save_path: Path | None = None,
    seats: Mapping[str, Seat] | None = None,
    resolve: Resolver | None = None,
    scenario: Path | None = None,
) -> Session:
    """The game saved in ``path``, replayed to where it was; ``SaveError`` if it cannot be.

    ``seats`` overrides saved seats (to take over a seat, or hand one to the
    computer; seats it does not name stay as saved); ``scenario`` is the scenario
    file to use instead of the recorded one (moved, or saved elsewhere);
    ``resolve`` finds a scenario by path or id (default:
    ``game.scenario.load_scenario``).  Loading writes nothing.  A game continued
    from an autosave keeps autosaving to that file.  Hot-seat PIN hashes come back too.
    """
    record = read_save(path)
    loaded = _scenario_for(path, record, resolve or default_resolver, scenario)
    chosen = _seats(path, record, loaded)
    pins = _pins(path, record, chosen)
    if seats is not None:
        chosen.update(seats)
    log = _log(path, record)
    try:
        session = Session.restore(
            loaded,
            record.seed,
            chosen,
            log,
            autosave=autosave,
            save_path=save_path,
            autosave_file=autosaves.own_file(path),
        )
    except ReplayError as exc:
        raise _problem(path, str(exc)) from None
    session.pins = pins  # a resumed hot-seat game asks for the same PINs
    console = record.facilitator_pin
    if console is not None:  # and its console for the facilitator's
        session.facilitator_pin = PinHash(console.salt, console.hash, console.rounds)
    return session
