"""Who may take a seat with a PIN: every try counted, one check at a time, none on the loop.

A PIN check is a slow hash on purpose (``session.pins``), so the host hands it to
a ``PinChecker`` (in a hosted game, a thread of its own) and hears back later.
Wrong PINs follow the game's one rule (``session.lockout``: a few free tries,
then a doubling wait), kept per address and seat.  Tries for one address and
seat are checked one after another, so many connections sending PINs at once
cannot outrun the lockout, and a try whose connection has gone still counts.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from game.session.lockout import PinAnswer, PinLockout
from game.session.pins import PinHash

Key = tuple[str, str]  # (address, seat): whose misses a try counts


class PinChecker(Protocol):
    """Checks ``attempt`` against ``pin`` and tells the gate later (``PinGate.checked``)."""

    def check(self, conn: int, pin: PinHash, attempt: str) -> None: ...


@dataclass(frozen=True, slots=True)
class Verdict:
    """A join's answer: ``answer.ok`` (take the seat), or why not and how long to wait."""

    conn: int
    peer: str
    seat: str
    answer: PinAnswer


@dataclass(frozen=True, slots=True)
class _Claim:
    conn: int
    attempt: str | None
    key: Key


class PinGate:
    """The tries at the seats' PINs; each call returns the verdicts it reached."""

    def __init__(
        self,
        pins: Callable[[str], PinHash | None],
        checker: PinChecker | None,
        now: Callable[[], float],
        alive: Callable[[int], bool],
    ) -> None:
        self._pins = pins
        self._checker = checker  # None: checked at once (a host without threads, in tests)
        self._now = now
        self._alive = alive
        self._lockouts: dict[Key, PinLockout] = {}
        self._checking: dict[Key, _Claim] = {}  # the check under way, per key
        self._waiting: dict[Key, deque[_Claim]] = {}  # the tries behind it

    def claim(self, conn: int, peer: str, seat: str, attempt: str | None) -> list[Verdict]:
        """``conn`` asks for ``seat`` with ``attempt`` (None: no PIN given)."""
        key = (peer, seat)
        self._waiting.setdefault(key, deque()).append(_Claim(conn, attempt, key))
        return self._next(key)

    def checked(self, conn: int, ok: bool) -> list[Verdict]:
        """A check came back: count it, then go on with the tries waiting behind it."""
        claim = next((c for c in self._checking.values() if c.conn == conn), None)
        if claim is None:
            return []
        del self._checking[claim.key]
        return [self._verdict(claim, self._lockout(claim.key).settle(ok)), *self._next(claim.key)]

    def clear(self) -> None:
        """Forget the tries waiting (the host is stopping); counted misses stay."""
        self._waiting.clear()

    def _next(self, key: Key) -> list[Verdict]:
        """Judge the tries waiting for ``key`` until one needs its PIN hashed."""
        verdicts: list[Verdict] = []
        waiting = self._waiting.get(key)
        while waiting and key not in self._checking:
            claim = waiting.popleft()
            if not self._alive(claim.conn):
                continue  # it left before its turn: it never tried
            lockout = self._lockout(key)
            pin = self._pins(key[1])
            if lockout.wait() > 0:  # refused without even looking at the PIN
                answer = PinAnswer(ok=False, wait=lockout.wait(), checked=False)
            elif pin is None:  # the seat lost its PIN while the try waited
                answer = lockout.settle(True)
            elif claim.attempt is None:
                answer = lockout.settle(False)  # no PIN is a wrong one
            elif self._checker is None:
                answer = lockout.settle(pin.check(claim.attempt))
            else:  # its answer comes back through ``checked``
                self._checking[key] = claim
                self._checker.check(claim.conn, pin, claim.attempt)
                continue
            verdicts.append(self._verdict(claim, answer))
        if not waiting:
            self._waiting.pop(key, None)
        return verdicts

    def _verdict(self, claim: _Claim, answer: PinAnswer) -> Verdict:
        if answer.ok:
            self._lockouts.pop(claim.key, None)  # a right PIN starts over
        return Verdict(claim.conn, claim.key[0], claim.key[1], answer)

    def _lockout(self, key: Key) -> PinLockout:
        lockout = self._lockouts.get(key)
        if lockout is None:
            lockout = self._lockouts[key] = PinLockout(now=self._now)
        return lockout
