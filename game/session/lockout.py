"""Wrong PINs cost time: a few free tries, then a delay that doubles with each miss.

A PIN keeps a glance at the screen out; it must also keep a student from typing
all 10,000 four-digit PINs in a minute.  After ``free_tries`` misses every try
waits ``first_delay`` seconds, doubling up to ``longest``; a right PIN starts
over.  While locked, a try is refused without even checking the PIN.  Time comes
from ``now`` (a fake clock in tests; never a sleep).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

FREE_TRIES = 3
FIRST_DELAY = 5.0  # seconds, after the free tries
LONGEST_DELAY = 300.0


@dataclass(frozen=True, slots=True)
class PinAnswer:
    """What a try gave: ``ok``, or how long to wait before the next one (0: at once)."""

    ok: bool
    wait: float = 0.0
    checked: bool = True  # False: refused while locked, the PIN was not even looked at

    def message(self, wrong: str) -> str:
        """The words for a refused try: ``wrong`` and, when locked, how long to wait."""
        if self.ok:
            return ""
        if self.wait <= 0:
            return wrong
        seconds = math.ceil(self.wait)
        lead = f"{wrong} " if self.checked else ""
        return f"{lead}Too many wrong tries: wait {seconds} s before the next one."


@dataclass
class PinLockout:
    """The misses at one PIN prompt (the console's, or one delegation's hand-over)."""

    now: Callable[[], float] = time.monotonic
    free_tries: int = FREE_TRIES
    first_delay: float = FIRST_DELAY
    longest: float = LONGEST_DELAY
    misses: int = field(default=0, init=False)
    locked_until: float = field(default=0.0, init=False)

    def wait(self) -> float:
        """Seconds before the next try is taken (0 when it would be now)."""
        return max(0.0, self.locked_until - self.now())

    def attempt(self, pin: str, check: Callable[[str], bool]) -> PinAnswer:
        """Try ``pin`` with ``check``, unless locked; count the miss and lock when due."""
        left = self.wait()
        if left > 0:
            return PinAnswer(ok=False, wait=left, checked=False)
        return self.settle(check(pin))

    def settle(self, ok: bool) -> PinAnswer:
        """Count a try whose PIN was checked elsewhere (the host hashes off its main loop):
        ``ok`` starts over, a miss counts and locks when due.  The caller asks ``wait``
        before it checks, as ``attempt`` does."""
        if ok:
            self.misses = 0
            self.locked_until = 0.0
            return PinAnswer(ok=True)
        self.misses += 1
        extra = self.misses - self.free_tries
        if extra >= 0:
            delay = min(self.longest, self.first_delay * 2**extra)
            self.locked_until = self.now() + delay
        return PinAnswer(ok=False, wait=self.wait())
