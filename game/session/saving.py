"""A session turned into its save record and written to disk (the other half is ``store``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from game import __version__, engine
from game.fileio import write_atomic
from game.session.errors import SaveError
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

if TYPE_CHECKING:
    from game.session.facilitator import PinHash
    from game.session.session import Session


def to_save(session: Session) -> SaveFile:
    """The game as a save record."""
    path = session.loaded.path
    pins = {actor: _record(pin) for actor, pin in session.pins.items()}
    console = session.facilitator_pin
    # The lowest format that holds it: a game without PINs stays readable by older versions.
    version = FORMAT if console else FORMAT_WITH_PINS if pins else FORMAT_WITHOUT_PINS
    return SaveFile(
        format=version,
        game_version=__version__,
        scenario=ScenarioRef(
            id=session.scenario.id,
            hash=session.loaded.content_hash,
            # Absolute, so the save replays from any folder; the id and hash are what count.
            path=path_hint(path.resolve()) if path is not None else "",
        ),
        seed=session.seed,
        seats={
            actor: SeatRecord(kind=seat.kind, difficulty=seat.difficulty)
            for actor, seat in session.seats.items()
        },
        actions=[engine.format_action(entry.action) for entry in session.log],
        by=[entry.by for entry in session.log],
        # Never the rationales: they hold what only the debrief may reveal (an AI's
        # numbers, its secret red lines' reasons), and a student can read the autosave.
        # Empty ones keep the field older versions require; ``reveal`` recomputes them.
        rationales=[""] * len(session.log),
        remarks=[entry.remark for entry in session.log],
        pins=pins or None,
        facilitator_pin=_record(console) if console is not None else None,
    )


def _record(pin: PinHash) -> PinRecord:
    return PinRecord(salt=pin.salt, hash=pin.digest, rounds=pin.rounds)


def save_bytes(session: Session) -> bytes:
    """The save file's content for the game as it is now."""
    # No ``"pins": null``: a format-2 reader refuses any field it does not know.
    data = to_save(session).model_dump_json(indent=2, exclude_none=True)
    return data.encode("utf-8") + b"\n"


def write_bytes(path: Path, data: bytes) -> None:
    """Write save ``data`` to ``path`` atomically; ``SaveError`` if it cannot be written."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SaveError(f"cannot save the game to {path}: {reason}") from None


def write_save(session: Session, path: Path) -> None:
    """Write the game to ``path`` atomically; ``SaveError`` if it cannot be written."""
    write_bytes(path, save_bytes(session))
