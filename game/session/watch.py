"""Live reload for authors: notice a scenario file's changes and restart the game on the new file.

``ScenarioWatcher.poll`` is cheap enough for every frame or every input line: a
``stat`` each time, a read and a hash only when the stat changed, and a load only
when the bytes did.  A broken or half-written file (an editor saving mid-way) is
reported, never raised, and the next change is tried again.  ``reload_session``
builds a new session on the new scenario with the same seed and seats and
replays as much of the old log as still replays.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.errors import UserError
from game.scenario import LoadedScenario, Located, ScenarioError, load_bytes
from game.scenario.yaml_reader import read_path
from game.session.seats import Seat, SeatKind
from game.session.session import LogEntry, ReplayError, Session

KEEPING = "keeping the running game until the file is fixed"

# What ``os.stat`` says about a file, enough to tell that it was written: None when missing.
Signature = tuple[int, int, int] | None


@dataclass(frozen=True, slots=True)
class Change:
    """What a poll found: the file's new scenario, or why it cannot be used."""

    loaded: LoadedScenario | None
    errors: tuple[str, ...] = ()  # one line each, ``FILE:LINE:COL: path: message`` where located
    located: tuple[Located, ...] = ()  # the same, as data, when the loader placed them
    restored: bool = False  # the file is back to the content the game runs on: nothing to reload

    @property
    def ok(self) -> bool:
        return self.loaded is not None


@dataclass(frozen=True, slots=True)
class ReloadResult:
    """A live reload's outcome: the session to play on and what to tell the author."""

    session: Session  # the new session, or the untouched old one when the file is broken
    reloaded: bool
    message: str
    replayed: int = 0  # moves of the old log the new session replayed
    total: int = 0  # moves in the old log
    failed_at: int | None = None  # the first move that no longer replays
    reason: str = ""  # why it no longer replays
    errors: tuple[str, ...] = ()  # the located errors of a broken file
    notes: tuple[str, ...] = field(default=())  # seats that changed with the scenario


class ScenarioWatcher:
    """Polls one scenario file; ``poll`` returns a ``Change`` when its content changed."""

    def __init__(self, path: str | Path, *, loaded: LoadedScenario | None = None) -> None:
        self.path = Path(path)
        self.name = str(self.path)
        self._signature: Signature = None
        self._digest: str | None = None  # the content the running game was loaded from
        self._seen: str | None = None  # the content last read (broken or not)
        self.errors: tuple[str, ...] = ()  # what is wrong with the file now; () when it is fine
        self.located: tuple[Located, ...] = ()
        self.loaded = loaded
        # Take the file as it is now as the starting point, so the first poll reports
        # only a real change (and a file that is broken from the start says so once).
        first = self.poll(force=True)
        if first is not None and first.ok and loaded is None:
            self.loaded = first.loaded

    def _stat(self) -> Signature:
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return (info.st_mtime_ns, info.st_size, info.st_ino)

    def poll(self, *, force: bool = False) -> Change | None:
        """A ``Change`` when the file's content changed since the last poll, else None.

        ``force`` reads and hashes the file even when its stat looks the same.
        Never raises for anything wrong with the file: that is a ``Change`` with errors.
        """
        signature = self._stat()
        if signature == self._signature and not force:
            return None
        self._signature = signature
        try:
            raw = read_path(self.path, self.name)
        except UserError as exc:
            return self._broken(exc, digest=None)
        except OSError as exc:  # anything read_path does not name: a disk error, a lock
            return self._broken(UserError(f"{self.name}: {exc.strerror or exc}"), digest=None)
        digest = hashlib.sha256(raw).hexdigest()
        if digest == self._seen and not force:
            return None  # touched, or saved unchanged
        self._seen = digest
        if digest == self._digest and not force:
            # Broken, then put back as the game runs it: clear the errors, restart nothing.
            self.errors, self.located = (), ()
            return Change(None, restored=True)
        try:
            loaded = load_bytes(raw, self.name, self.path)
        except UserError as exc:
            return self._broken(exc, digest=digest)
        self._digest = self._seen = digest
        self.errors, self.located = (), ()
        self.loaded = loaded
        return Change(loaded)

    def _broken(self, exc: UserError, *, digest: str | None) -> Change | None:
        located = exc.errors if isinstance(exc, ScenarioError) else ()
        errors = tuple(str(e) for e in located) or (str(exc),)
        self._seen = digest  # the running content's digest is kept: a revert is no change
        if errors == self.errors:
            return None  # the same mistake again (the file was touched, not fixed)
        self.errors, self.located = errors, tuple(located)
        return Change(None, errors, tuple(located))


def reload_session(
    session: Session, loaded: LoadedScenario, *, keep_prefix: bool = True
) -> ReloadResult:
    """A new session on ``loaded`` with the old seed and seats, replaying the old log.

    The whole log is replayed if it still can be.  Otherwise the game restarts
    just before the first move that no longer replays (``keep_prefix``), or from
    the start; the result says which move and why.
    """
    seats, notes = _carry_seats(session.seats, loaded)
    log = session.log
    total = len(log)

    def build(entries: Sequence[LogEntry]) -> Session:
        rebuilt = Session.restore(
            loaded,
            session.seed,
            seats,
            entries,
            autosave=session.autosave,
            save_path=session.save_path,
            autosave_file=session.autosave_file,  # the same game: the same autosave
        )
        # Hot-seat PINs belong to the room, not to the scenario: a reload keeps them,
        # and its autosave must carry them too.
        rebuilt.pins = dict(session.pins)
        rebuilt.facilitator_pin = session.facilitator_pin
        rebuilt.persist()  # only a log that replayed gets here: each reload saves once
        return rebuilt

    try:
        new = build(log)
    except ReplayError as exc:
        kept = exc.number - 1 if keep_prefix else 0
        new = build(log[:kept])
        session.close()  # the old game's agent programs: the new game starts its own
        where = f"at move {kept} of {total}" if kept else "from the start"
        message = f"restarted {where}: move {exc.number} no longer replays ({exc.reason})"
        return ReloadResult(new, True, message, kept, total, exc.number, exc.reason, (), notes)
    session.close()  # the old game's agent programs: the new game starts its own
    message = f"restarted at move {total} of {total}" if total else "restarted from the start"
    return ReloadResult(new, True, message, total, total, notes=notes)


def apply_change(session: Session, change: Change, *, keep_prefix: bool = True) -> ReloadResult:
    """Reload on a valid change; on a broken file keep ``session`` as it is and pass the errors."""
    if change.restored:
        message = "the scenario file is back as the game runs it; the game goes on"
        return ReloadResult(session, False, message)
    if change.loaded is None:
        message = f"the scenario file has errors; {KEEPING}"
        return ReloadResult(session, False, message, errors=change.errors)
    return reload_session(session, change.loaded, keep_prefix=keep_prefix)


def _carry_seats(
    old: Mapping[str, Seat], loaded: LoadedScenario
) -> tuple[dict[str, Seat], tuple[str, ...]]:
    """The old seats of the delegations still playable; a new delegation gets the computer."""
    playable = [actor.id for actor in loaded.scenario.playable]
    carried = {actor: old.get(actor, Seat(SeatKind.AI)) for actor in playable}
    notes = [f"{actor} is new: the computer plays it" for actor in playable if actor not in old]
    notes += [
        f"{actor} is no longer playable: its seat is gone" for actor in old if actor not in carried
    ]
    return carried, tuple(notes)
