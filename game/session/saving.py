"""A game's record (``Session.record()``) turned into a save file and written to disk.

The other half is ``store``.  This module sees only the plain record, never the
session, so the session can use it without the two importing each other.
"""

from __future__ import annotations

from pathlib import Path

from game import __version__, engine
from game.fileio import write_atomic
from game.session.errors import SaveError
from game.session.pins import PinHash
from game.session.records import GameRecord
from game.session.savefile import (
    FORMAT,
    FORMAT_WITH_PINS,
    FORMAT_WITHOUT_PINS,
    PinRecord,
    SaveFile,
    ScenarioRef,
    SeatRecord,
    path_hint,
)


def to_save(record: GameRecord) -> SaveFile:
    """The game as a save file."""
    path = record.scenario_path
    pins = {actor: _record(pin) for actor, pin in record.pins.items()}
    console = record.facilitator_pin
    # The lowest format that holds it: a game without PINs stays readable by older versions.
    version = FORMAT if console else FORMAT_WITH_PINS if pins else FORMAT_WITHOUT_PINS
    return SaveFile(
        format=version,
        game_version=__version__,
        scenario=ScenarioRef(
            id=record.scenario_id,
            hash=record.scenario_hash,
            # Absolute, so the save replays from any folder; the id and hash are what count.
            path=path_hint(path.resolve()) if path is not None else "",
        ),
        seed=record.seed,
        seats={
            actor: SeatRecord(kind=seat.kind, difficulty=seat.difficulty)
            for actor, seat in record.seats.items()
        },
        actions=[engine.format_action(entry.action) for entry in record.log],
        by=[entry.by for entry in record.log],
        # Never the rationales: they hold what only the debrief may reveal (an AI's
        # numbers, its secret red lines' reasons), and a student can read the autosave.
        # Empty ones keep the field older versions require; ``reveal`` recomputes them.
        rationales=[""] * len(record.log),
        remarks=[entry.remark for entry in record.log],
        pins=pins or None,
        facilitator_pin=_record(console) if console is not None else None,
    )


def _record(pin: PinHash) -> PinRecord:
    return PinRecord(salt=pin.salt, hash=pin.digest, rounds=pin.rounds)


def save_bytes(record: GameRecord) -> bytes:
    """The save file's content for the game ``record`` holds."""
    # No ``"pins": null``: a format-2 reader refuses any field it does not know.
    data = to_save(record).model_dump_json(indent=2, exclude_none=True)
    return data.encode("utf-8") + b"\n"


def write_bytes(path: Path, data: bytes) -> None:
    """Write save ``data`` to ``path`` atomically; ``SaveError`` if it cannot be written."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SaveError(f"cannot save the game to {path}: {reason}") from None


def write_save(record: GameRecord, path: Path) -> None:
    """Write the game to ``path`` atomically; ``SaveError`` if it cannot be written."""
    write_bytes(path, save_bytes(record))
