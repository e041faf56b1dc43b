"""How a laptop learns the host's address: a short join code, and a QR code of the address.

The join code is the host's IPv4 address and port (six bytes) in Crockford's
base 32: ten characters in two groups, with no letters that read like digits
(``4KQ1Z-W6J8C``).  A student types it instead of ``ws://192.168.1.20:8765``;
``redlines join`` takes either.
"""

from __future__ import annotations

import ipaddress

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
_READS_AS = {"I": "1", "L": "1", "O": "0"}  # what a person may type for what is meant
CODE_LENGTH = 10  # 48 bits, 5 bits a character


class CodeError(ValueError):
    """A join code that does not decode to an address."""


def join_code(url: str) -> str | None:
    """The code for ``ws://A.B.C.D:PORT``; None when the address is not IPv4."""
    rest = url.removeprefix("ws://")
    host, _, port = rest.rpartition(":")
    try:
        address = ipaddress.IPv4Address(host)
        number = (int(address) << 16) | int(port)
    except ValueError:
        return None
    chars = []
    for _ in range(CODE_LENGTH):
        chars.append(ALPHABET[number & 31])
        number >>= 5
    code = "".join(reversed(chars))
    return f"{code[:5]}-{code[5:]}"


def is_code(text: str) -> bool:
    """True when ``text`` looks like a join code rather than an address."""
    plain = text.strip().replace("-", "").replace(" ", "")
    return len(plain) == CODE_LENGTH and ":" not in text and "." not in text


def address_of(code: str) -> str:
    """``ws://ADDRESS:PORT`` for a join code; ``CodeError`` when it cannot be one."""
    plain = code.strip().upper().replace("-", "").replace(" ", "")
    if len(plain) != CODE_LENGTH:
        raise CodeError(f"{code!r}: a join code has {CODE_LENGTH} characters, like 4KQ1Z-W6J8C")
    number = 0
    for typed in plain:
        char = _READS_AS.get(typed, typed)
        if char not in ALPHABET:
            raise CodeError(f"{code!r}: {typed!r} is not in a join code")
        number = number * 32 + ALPHABET.index(char)
    if number >> 48:
        raise CodeError(f"{code!r} is not a join code")
    address = ipaddress.IPv4Address(number >> 16)
    return f"ws://{address}:{number & 0xFFFF}"


def qr_text(url: str) -> str:
    """The address as a QR code drawn with block characters, for a terminal on a projector."""
    import io

    import segno

    out = io.StringIO()
    segno.make(url, error="m", micro=False).terminal(out=out, compact=True, border=2)
    return out.getvalue()
