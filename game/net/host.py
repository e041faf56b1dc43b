"""The authoritative host: the one place a networked game's moves are judged and applied.

``Host`` runs on the main thread.  The server thread hands it what happened on
the network (``Connected``, ``Received``, ``Gone``) and it answers through a
``Transport`` (``send``/``close``), which only queues: the host never waits for
a client.  Moves go through the same ``Session`` as a local game, so the log,
the autosave, the replay and the digest are those of the same moves played at
one machine.  Each client gets only its own delegation's view, the public view
and the transcript; AI rationales and every delegation's secrets go out only
in ``over``.  Who may take a seat with a PIN is the ``PinGate``'s to say: it hashes
PINs off this loop and keeps the game's one rule for wrong ones.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from game import engine
from game.engine.actions import Timeout
from game.engine.errors import ActionError
from game.net import frames
from game.net.codec import encode
from game.net.pin_gate import PinChecker, PinGate, Verdict
from game.net.protocol import Act, ClientFrame, Join, Undo, error_frame
from game.session.errors import SessionError
from game.session.facilitator import Facilitation
from game.session.local import LocalGame
from game.session.pins import PinHash
from game.session.records import LogEntry, Turn
from game.session.seats import Seat
from game.session.session import Session

log = logging.getLogger("game.net")

LATE = "the time was up: your delegation passed"


class Transport(Protocol):
    """How the host reaches a connection; both calls queue and return at once."""

    def send(self, conn: int, text: str) -> None: ...
    def send_many(self, conns: list[int], text: str) -> None: ...
    def close(self, conn: int, reason: str) -> None: ...


@dataclass(frozen=True, slots=True)
class Connected:
    conn: int
    peer: str  # the client's address, for the PIN lockout and the log


@dataclass(frozen=True, slots=True)
class Received:
    conn: int
    frame: ClientFrame


@dataclass(frozen=True, slots=True)
class Gone:
    conn: int


@dataclass(frozen=True, slots=True)
class PinChecked:
    """The answer of a ``PinChecker``: whether the PIN ``conn`` joined with is right."""

    conn: int
    ok: bool


NetEvent = Connected | Received | Gone | PinChecked


@dataclass(slots=True)
class _Client:
    peer: str
    seat: str | None = None
    joined: bool = False
    checking: bool = False  # its join waits for a PIN check


class Host:
    """A session played over the network: ``handle`` what arrives, ``advance`` the game."""

    def __init__(
        self,
        session: Session,
        remote: Iterable[str],
        transport: Transport,
        *,
        turn_seconds: float | None = None,
        pin_checker: PinChecker | None = None,
        reveal: Callable[[Session], object] | None = None,
    ) -> None:
        self.session = session
        self.remote = frozenset(remote)
        unknown = self.remote - set(session.seats)
        if unknown:
            raise SessionError(f"no delegation {sorted(unknown)[0]!r} to seat remotely")
        for actor in self.remote:
            if not session.seat_of(actor).is_human:
                raise SessionError(f"a remote seat is played by a person: {actor!r} is not")
        self.facilitation = Facilitation(session, turn_seconds=turn_seconds)
        self.transport = transport
        self.kinds = frames.seat_kinds(session, self.remote)
        self.on_turns: list[Callable[[Sequence[Turn]], None]] = []
        # What ``over`` adds for the debrief on the laptops (the export's ``Debrief``, built by
        # a layer above this one, sent as the codec encodes it): the whole debrief, revealed
        # only once the game is over.
        self.reveal = reveal
        self._clients: dict[int, _Client] = {}
        self._seat_conn: dict[str, int] = {}
        self._ever_joined: set[str] = set()  # seats a laptop has held: "dropped", not "waiting"
        self._now = 0.0  # the time ``handle`` was last given: the PIN lockout's clock
        # A hosted game checks PINs on a thread (``pin_checker``); in the host's tests, at once.
        self._pins = PinGate(
            self._seat_pin,
            pin_checker,
            lambda: self._now,
            lambda conn: conn in self._clients,
        )
        self._over_sent = False

    # --- reading ----------------------------------------------------------------

    def _seat_pin(self, seat: str) -> PinHash | None:
        return self.session.pins.get(seat)  # looked up each time: the session's PINs may change

    @property
    def connected(self) -> tuple[str, ...]:
        """The remote seats with a laptop connected now."""
        return tuple(a for a in self.session.seats if a in self._seat_conn)

    def seat_state(self, actor: str) -> str:
        """``joined``, ``waiting`` (no laptop yet) or ``dropped`` (its laptop left) for a
        remote seat; the seat's kind (``human``, ``ai``, ...) for any other."""
        if actor not in self.remote:
            return self.kinds.get(actor, "")
        if actor in self._seat_conn:
            return "joined"
        return "dropped" if actor in self._ever_joined else "waiting"

    @property
    def spectators(self) -> int:
        return sum(1 for c in self._clients.values() if c.joined and c.seat is None)

    @property
    def finished(self) -> bool:
        """True once the game is over and every client has been sent ``over``."""
        return self._over_sent

    # --- what the network brings -------------------------------------------------

    def handle(self, event: NetEvent, now: float) -> None:
        self._now = now
        if isinstance(event, PinChecked):
            self._judged(self._pins.checked(event.conn, event.ok), now)
        elif isinstance(event, Connected):
            self._clients[event.conn] = _Client(event.peer)
            log.info("connection %d from %s", event.conn, event.peer)
        elif isinstance(event, Gone):
            self._gone(event.conn)
        else:
            client = self._clients.get(event.conn)
            if client is None:
                return  # it left while its frame was queued
            frame = event.frame
            if isinstance(frame, Join):
                self._join(event.conn, client, frame, now)
            elif not client.joined:
                self._error(event.conn, "not-joined", "send 'join' first")
            elif isinstance(frame, Act):
                self._act(event.conn, client, frame.action, now)
            elif isinstance(frame, Undo):
                self._undo(event.conn, client, now)

    def advance(self, now: float) -> None:
        """Time out a late delegation and let the computer seats move; tell every client."""
        turns: list[Turn] = []
        timed_out = self.facilitation.tick(now)
        if timed_out is not None:
            turns.append(timed_out)
        while (turn := self.facilitation.step()) is not None:
            turns.append(turn)
        if turns:
            self._publish(turns, self._log_before(turns), now)
        elif self.session.is_over and not self._over_sent:
            self._finish()  # a game resumed from a save of a finished game

    def publish(
        self, turns: Sequence[Turn], log_from: int, now: float, *, undone: Sequence[LogEntry] = ()
    ) -> None:
        """Tell every client about moves made at the host itself (its window's human seats,
        the facilitator's console), then let the computer seats answer."""
        self._publish(turns, log_from, now, undone=undone)
        if not undone:
            self.advance(now)

    def hand_to_ai(self, actor: str, seat: Seat, now: float) -> None:
        """The facilitator gives a remote seat whose laptop is not there to a computer seat."""
        if actor not in self.remote:
            raise SessionError(f"{actor!r} is not a remote seat")
        if seat.is_human:
            raise SessionError("a seat handed over is played by the computer")
        conn = self._seat_conn.get(actor)
        if conn is not None:
            self._fatal(conn, "replaced", f"the facilitator gave {actor!r} to the computer")
        self.session.set_seat(actor, seat)
        self.remote = self.remote - {actor}
        self.kinds[actor] = frames.seat_kind(seat)  # an agent's program path stays here
        log.info("the seat %s is played by the computer (%s) from now on", actor, seat)
        self._roster()
        self.advance(now)  # it may be that seat's move now

    def shutdown(self, reason: str) -> None:
        for conn in list(self._clients):
            self.transport.close(conn, reason)
        self._clients.clear()
        self._seat_conn.clear()
        self._pins.clear()

    # --- joining ------------------------------------------------------------------

    def _join(self, conn: int, client: _Client, join: Join, now: float) -> None:
        if client.joined or client.checking:
            self._error(conn, "already-joined", "this connection has joined already")
            return
        seat = join.seat
        if seat is None:
            client.joined = True
            log.info("connection %d watches as a spectator", conn)
            self._welcome(conn, client, now)
            return
        if seat not in self.remote:
            remote = ", ".join(sorted(self.remote)) or "none"
            self._error(conn, "unknown-seat", f"{seat[:40]!r} is not a remote seat ({remote})")
            return
        if seat not in self.session.pins:
            self._take_seat(conn, client, seat, now)
            return
        client.checking = True
        self._judged(self._pins.claim(conn, client.peer, seat, join.pin), now)

    def _judged(self, verdicts: list[Verdict], now: float) -> None:
        """Seat the joins whose PIN was right; tell the others why not."""
        for verdict in verdicts:
            answer, seat = verdict.answer, verdict.seat
            if not answer.ok and answer.checked:
                log.warning("wrong PIN for %s from %s", seat, verdict.peer)
            client = self._clients.get(verdict.conn)
            if client is None:
                continue  # it left; its try counted all the same
            client.checking = False
            wrong = f"wrong PIN for {seat!r}"
            if answer.ok:
                self._take_seat(verdict.conn, client, seat, now)
            elif answer.wait > 0:
                self._fatal(verdict.conn, "locked-out", answer.message(f"{wrong}."))
            else:
                self._error(verdict.conn, "wrong-pin", wrong)

    # --- seated -------------------------------------------------------------------------

    def _take_seat(self, conn: int, client: _Client, seat: str, now: float) -> None:
        """Give ``conn`` the seat (its PIN, if any, was right), or say why not."""
        holder = self._seat_conn.get(seat)
        if holder is not None:
            if seat not in self.session.pins:
                # Without a PIN nobody can prove the seat is theirs: first come keeps it.
                self._fatal(conn, "seat-taken", f"{seat!r} is taken by another laptop")
                return
            # The PIN proves it: a laptop coming back (its old connection not yet timed out).
            self._fatal(holder, "replaced", f"{seat!r} joined again from another connection")
        client.seat, client.joined = seat, True
        self._seat_conn[seat] = conn
        self._ever_joined.add(seat)
        log.info("connection %d takes the seat %s", conn, seat)
        self._welcome(conn, client, now)

    def _welcome(self, conn: int, client: _Client, now: float) -> None:
        s = self.session
        pv = engine.public_view(s.state)
        record = LocalGame(s)  # reads the record (the moves with their events) for the welcome
        welcome = frames.welcome(
            s, client.seat, self.kinds, pv, opening=record.opening(), turns=record.turns_since(0)
        )
        self.transport.send(conn, welcome)
        if client.seat is not None and self.session.to_move == client.seat:
            self._prompt(now)
        if self.session.is_over:
            self.transport.send(conn, self._over_frame())
        self._roster()

    def _gone(self, conn: int) -> None:
        client = self._clients.pop(conn, None)
        if client is None:
            return
        if client.seat is not None and self._seat_conn.get(client.seat) == conn:
            del self._seat_conn[client.seat]
            log.info("the seat %s is waiting for its laptop", client.seat)
        self._roster()

    # --- moves ----------------------------------------------------------------------

    def _act(self, conn: int, client: _Client, text: str, now: float) -> None:
        if client.seat is None:
            self._error(conn, "not-a-seat", "a spectator cannot move")
            return
        try:
            action = engine.parse_action(text)
        except ActionError as exc:
            self.transport.send(conn, frames.refused(str(exc)))
            return
        if action.actor != client.seat:
            self.transport.send(conn, frames.refused(f"you play {client.seat!r}, not that seat"))
            return
        late = self.facilitation.tick(now)
        if late is not None:
            # The time was up before the loop noticed: that delegation passed, as at one
            # machine.  Everyone hears of it first (so a late mover's menu is gone).
            self._publish([late], self._log_before([late]), now)
            self.advance(now)
            if late.entry.action == Timeout(client.seat):
                self.transport.send(conn, frames.refused(LATE))
                return
        if self.facilitation.paused:
            self.transport.send(conn, frames.refused("the game is paused"))
            return
        before = len(self.session.transcript)
        try:
            # The session saves the move before it returns: a laptop hears of a move only
            # once a restarted host would still have it (its unanswered move is resent).
            turn = self.session.submit(action)
        except SessionError as exc:
            self.transport.send(conn, frames.refused(str(exc)))
            return
        self._publish([turn], before, now)
        self.advance(now)

    def _undo(self, conn: int, client: _Client, now: float) -> None:
        s = self.session
        if client.seat is None or s.undo_actor != client.seat:
            reason = s.undo_refusal or "only the delegation that made the last move can undo it"
            self.transport.send(conn, frames.refused(reason))
            return
        undone = s.undo()
        self._publish([], 0, now, undone=undone)

    # --- telling the clients -----------------------------------------------------------

    def _log_before(self, turns: Sequence[Turn]) -> int:
        return len(self.session.transcript) - sum(len(t.events) for t in turns)

    def _publish(
        self, turns: Sequence[Turn], log_from: int, now: float, *, undone: Sequence[LogEntry] = ()
    ) -> None:
        pv = engine.public_view(self.session.state)
        text = frames.update(pv, turns, max(0, log_from), undone=undone)
        self._send_joined(text)
        for watch in self.on_turns:
            watch(turns)
        if self.session.is_over:
            self._finish()
        else:
            self._prompt(now)

    def _prompt(self, now: float) -> None:
        mover = self.session.to_move
        conn = self._seat_conn.get(mover) if mover is not None else None
        if conn is None or mover is None:
            return
        seconds = self.facilitation.remaining(now)
        self.transport.send(conn, frames.your_move(self.session, mover, seconds))

    def _over_frame(self) -> str:
        reveal = encode(self.reveal(self.session)) if self.reveal is not None else None
        return frames.over(self.session, debrief=reveal)

    def _finish(self) -> None:
        text = self._over_frame()
        self._send_joined(text)
        self._over_sent = True

    def _roster(self) -> None:
        text = frames.roster(self.kinds, self.connected, self.spectators)
        self._send_joined(text)

    def _send_joined(self, text: str) -> None:
        self.transport.send_many([c for c, client in self._clients.items() if client.joined], text)

    def _error(self, conn: int, code: str, message: str) -> None:
        log.warning("connection %d: %s: %s", conn, code, message)
        self.transport.send(conn, error_frame(code, message))

    def _fatal(self, conn: int, code: str, message: str) -> None:
        self._error(conn, code, message)
        self.transport.close(conn, message)
        client = self._clients.pop(conn, None)
        if (
            client is not None
            and client.seat is not None
            and self._seat_conn.get(client.seat) == conn
        ):
            del self._seat_conn[client.seat]
