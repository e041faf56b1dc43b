"""A host and its server together: seats from a spec, PINs, and the main loop's pump.

``HostedGame`` is what ``redlines host`` (and the host screen) runs: it starts
the server thread and, on the caller's thread, ``pump``s what arrived into the
``Host``.  The pump waits on the inbox with a timeout, so an idle host sleeps
instead of polling: a turn-based classroom game must not spin a laptop's CPU.
"""

from __future__ import annotations

import logging
import queue
import socket
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor

from game.errors import UserError
from game.net import discovery
from game.net.host import Host, NetEvent, PinChecked
from game.net.protocol import DEFAULT_PORT
from game.net.server import Limits, Server
from game.session.pins import PinHash
from game.session.seats import Seat, SeatSpecError, parse_seats
from game.session.session import Session

log = logging.getLogger("game.net")

REMOTE = "remote"  # the seat kind of a delegation played from a laptop
IDLE_WAIT = 1.0  # seconds the pump sleeps with nothing to do and no timer running
TIMER_WAIT = 0.25  # with a turn timer: how late a timeout may be noticed


def parse_host_seats(
    spec: str | None, playable: list[str], *, base: Mapping[str, Seat] | None = None
) -> tuple[dict[str, Seat], set[str]]:
    """A ``--seats`` spec where ``remote`` is a kind too: the session's seats and the remote ones.

    A remote seat is a person's (``human``) to the session; the host keeps which
    of them play from a laptop.  With no spec every delegation is remote (a class
    with one laptop each); when resuming, every saved human seat is remote.
    """
    if spec is None:
        if base is not None:
            return dict(base), {a for a, seat in base.items() if seat.is_human}
        spec = "all=remote"
    entries = [part.strip() for part in spec.split(",")]
    plain = []
    remote_now: dict[str, bool] = {}  # the last entry naming a seat decides whether it is remote
    for entry in entries:
        name, eq, value = entry.partition("=")
        is_remote = eq and value.strip().lower() == REMOTE
        plain.append(f"{name}=human" if is_remote else entry)
        key = name.strip().lower()
        targets = playable if key == "all" else [key]
        for actor in targets:
            remote_now[actor] = bool(is_remote)
    try:
        seats = parse_seats(",".join(plain), playable, base=base)
    except SeatSpecError as exc:
        raise SeatSpecError(f"{exc} (for the host, a seat may also be {REMOTE})") from None
    remote = {a for a, on in remote_now.items() if on and a in seats}
    if base is not None:
        named = set(remote_now)
        remote |= {a for a, seat in base.items() if seat.is_human and a not in named}
    return seats, remote


def parse_pins(spec: str | None, playable: list[str]) -> dict[str, PinHash]:
    """``a=1234,b=9876`` -> each delegation's PIN, hashed at once (the PIN is not kept)."""
    if not spec:
        return {}
    pins: dict[str, PinHash] = {}
    for entry in spec.split(","):
        actor, eq, pin = entry.strip().partition("=")
        actor = actor.strip().lower()
        if not eq or actor not in playable:
            raise UserError(
                f"--pins entry {entry.strip()!r} is not DELEGATION=PIN "
                f"(delegations: {', '.join(playable)})"
            )
        if actor in pins:
            raise UserError(f"--pins names {actor!r} twice")
        try:
            pins[actor] = PinHash.make(pin)
        except UserError as exc:
            raise UserError(f"--pins {actor}: {exc}".replace("facilitator ", "")) from None
    return pins


def lan_address() -> str:
    """The address other machines on the network reach this one at (best guess, no traffic)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # UDP connect sends nothing; it picks a route
        return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


class PinThread:
    """Checks PINs on a thread of its own and posts the answers to the host's inbox.

    A check is a slow hash on purpose (``PinHash``): on the host's loop, every join
    with a PIN would freeze the projector's window and every laptop's game for it.
    """

    def __init__(self, inbox: queue.Queue[NetEvent]) -> None:
        self._inbox = inbox
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="redlines-pin")

    def check(self, conn: int, pin: PinHash, attempt: str) -> None:
        self._pool.submit(self._check, conn, pin, attempt)

    def _check(self, conn: int, pin: PinHash, attempt: str) -> None:
        try:
            ok = pin.check(attempt)
        except Exception:  # a damaged record: the join is refused, the host goes on
            log.exception("the PIN of a seat could not be checked")
            ok = False
        self._inbox.put(PinChecked(conn, ok))

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class HostedGame:
    """A ``Host`` served on ``bind:port``; ``start``, then ``pump`` from the main loop."""

    def __init__(
        self,
        session: Session,
        remote: set[str],
        *,
        bind: str = "0.0.0.0",
        port: int = DEFAULT_PORT,
        turn_seconds: float | None = None,
        limits: Limits | None = None,
        clock: Callable[[], float] = time.monotonic,
        reveal: Callable[[Session], object] | None = None,
    ) -> None:
        self.inbox: queue.Queue[NetEvent] = queue.Queue()
        self.server = Server(self.inbox, bind=bind, port=port, limits=limits)
        self.pins = PinThread(self.inbox)
        self.host = Host(
            session,
            remote,
            self.server,
            turn_seconds=turn_seconds,
            pin_checker=self.pins,
            reveal=reveal,
        )
        self.clock = clock
        self._announcement: discovery.Announcement | None = None

    @property
    def loopback(self) -> bool:
        """Whether it listens on this machine only (nothing to announce to the network)."""
        bind = self.server.bind
        return bind.startswith("127.") or bind == "localhost"

    @property
    def address(self) -> str:
        """``ws://ADDRESS:PORT`` as a laptop should type it."""
        bind = self.server.bind
        shown = lan_address() if bind in ("0.0.0.0", "", "::") else bind
        return f"ws://{shown}:{self.server.port}"

    def start(self, *, announce: bool = False) -> str:
        """Listen; with ``announce``, also tell the network (zeroconf) where, if it lets us.
        If anything fails once it listens, it stops listening before the error goes on."""
        self.server.start()
        try:
            self.host.advance(self.clock())  # computer seats who open the game move now
            address = self.address
            if announce:
                where = address.removeprefix("ws://").rsplit(":", 1)[0]
                scenario = self.host.session.scenario
                name = f"{scenario.title} on {socket.gethostname()}"
                self._announcement = discovery.announce(name, where, self.server.port, scenario.id)
        except BaseException:
            self.stop()
            raise
        return address

    def pump(self, wait: float | None = None) -> None:
        """Handle what arrived (waiting up to ``wait`` seconds for something), then advance."""
        if wait is None:
            wait = TIMER_WAIT if self.host.facilitation.clock.enabled else IDLE_WAIT
        try:
            event: NetEvent | None = (
                self.inbox.get(timeout=wait) if wait > 0 else self.inbox.get_nowait()
            )
        except queue.Empty:
            event = None
        while event is not None:
            self.host.handle(event, self.clock())
            try:
                event = self.inbox.get_nowait()
            except queue.Empty:
                event = None
        self.host.advance(self.clock())

    def run_until_over(self) -> None:
        while not self.host.finished:
            self.pump()

    def stop(self) -> None:
        """Stop announcing, listening and checking PINs; each even if another fails."""
        announcement, self._announcement = self._announcement, None
        try:
            if announcement is not None:
                announcement.close()
        except Exception as exc:  # zeroconf's many errors: finding hosts was a convenience
            log.warning("could not withdraw the announcement: %s", exc)
        finally:
            try:
                self.server.stop()
            finally:
                self.pins.close()
