"""A PIN kept as a salted hash: the facilitator's and each hot-seat delegation's.

A leaf of the session layer (the save record, the facilitator and the screens
all use it), so it imports nothing of the session.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from game.errors import UserError

PIN_SCHEME = "pbkdf2-sha256"
# Slows guessing from a copied save: 200,000 rounds take about 0.1 s on a classroom laptop,
# twice what a four-digit PIN cost to crack before (saves keep their own count, so older
# PINs still check).  No count saves a four-digit PIN from a patient student with the
# files: a passphrase does (see the README on saves and PINs).
PIN_ROUNDS = 200_000
MAX_PIN_LENGTH = 64


@dataclass(frozen=True, slots=True)
class PinHash:
    """A facilitator PIN as a salted hash: the PIN itself is never kept."""

    salt: str  # hex
    digest: str  # hex
    rounds: int = PIN_ROUNDS

    @classmethod
    def make(cls, pin: str, *, salt: bytes | None = None) -> PinHash:
        """Hash ``pin`` with a fresh random salt; ``UserError`` for an unusable PIN."""
        if not pin or len(pin) > MAX_PIN_LENGTH or not pin.isprintable() or pin != pin.strip():
            raise UserError(
                f"a facilitator PIN must be 1 to {MAX_PIN_LENGTH} printable characters, "
                "with no spaces at either end"
            )
        salt = salt if salt is not None else secrets.token_bytes(16)
        return cls(salt.hex(), _derive(pin, salt, PIN_ROUNDS).hex(), PIN_ROUNDS)

    @classmethod
    def parse(cls, record: str) -> PinHash:
        """Read back what ``str`` wrote (``pbkdf2-sha256$ROUNDS$SALT$DIGEST``)."""
        try:
            scheme, rounds, salt, digest = record.split("$")
            parts = (bytes.fromhex(salt), bytes.fromhex(digest))
            if scheme != PIN_SCHEME or int(rounds) < 1 or not all(parts):
                raise ValueError(record)
        except ValueError:
            raise UserError("the facilitator PIN record is damaged") from None
        return cls(salt, digest, int(rounds))

    def check(self, pin: str) -> bool:
        """True when ``pin`` is the PIN this was made from (compared in constant time)."""
        candidate = _derive(pin, bytes.fromhex(self.salt), self.rounds)
        return hmac.compare_digest(candidate, bytes.fromhex(self.digest))

    def __str__(self) -> str:
        return f"{PIN_SCHEME}${self.rounds}${self.salt}${self.digest}"


def _derive(pin: str, salt: bytes, rounds: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, rounds)
