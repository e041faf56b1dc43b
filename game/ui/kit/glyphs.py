"""Which characters a font file has glyphs for, read from its ``cmap`` table.

SDL_ttf answers a missing glyph with the font's box glyph and ordinary metrics, so
the window cannot ask pygame whether a character will show.  The character map of
the file itself can: this reads the two Unicode subtables every current font has
(format 4 for the Basic Multilingual Plane, format 12 beyond it).
"""

from __future__ import annotations

import functools
import struct
from pathlib import Path


class FontFileError(ValueError):
    """The file is not a TrueType/OpenType font this reader understands."""


def _tables(data: bytes) -> dict[bytes, tuple[int, int]]:
    if len(data) < 12:
        raise FontFileError("too short for a font")
    (count,) = struct.unpack_from(">H", data, 4)
    tables = {}
    for i in range(count):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        tables[tag] = (offset, length)
    return tables


def _format4(data: bytes, at: int) -> set[int]:
    (segments_x2,) = struct.unpack_from(">H", data, at + 6)
    n = segments_x2 // 2
    ends = struct.unpack_from(f">{n}H", data, at + 14)
    starts = struct.unpack_from(f">{n}H", data, at + 16 + segments_x2)
    deltas = struct.unpack_from(f">{n}h", data, at + 16 + 2 * segments_x2)
    range_at = at + 16 + 3 * segments_x2
    offsets = struct.unpack_from(f">{n}H", data, range_at)
    found: set[int] = set()
    for i in range(n):
        for code in range(starts[i], ends[i] + 1):
            if code == 0xFFFF:
                continue
            if offsets[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                where = range_at + 2 * i + offsets[i] + 2 * (code - starts[i])
                (glyph,) = struct.unpack_from(">H", data, where)
                if glyph:
                    glyph = (glyph + deltas[i]) & 0xFFFF
            if glyph:
                found.add(code)
    return found


def _format12(data: bytes, at: int) -> set[int]:
    (groups,) = struct.unpack_from(">I", data, at + 12)
    found: set[int] = set()
    for g in range(groups):
        start, end, first_glyph = struct.unpack_from(">III", data, at + 16 + 12 * g)
        found.update(range(start + (first_glyph == 0), end + 1))
    return found


@functools.cache
def covered(path: Path) -> frozenset[int]:
    """The code points the font file at ``path`` has a glyph for."""
    data = path.read_bytes()
    tables = _tables(data)
    if b"cmap" not in tables:
        raise FontFileError(f"{path.name}: no character map")
    cmap, _length = tables[b"cmap"]
    (count,) = struct.unpack_from(">H", data, cmap + 2)
    found: set[int] = set()
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        if (platform, encoding) not in {(0, 3), (0, 4), (3, 1), (3, 10), (0, 6)}:
            continue  # not a Unicode subtable
        at = cmap + offset
        (fmt,) = struct.unpack_from(">H", data, at)
        if fmt == 4:
            found |= _format4(data, at)
        elif fmt == 12:
            found |= _format12(data, at)
    if not found:
        raise FontFileError(f"{path.name}: no Unicode character map")
    return frozenset(found)


@functools.cache
def covered_characters(path: Path) -> frozenset[str]:
    """``covered(path)`` as characters: ``covered_characters(p).issuperset(text)`` asks
    whether the font has every character of ``text`` without a loop in Python."""
    return frozenset(map(chr, covered(path)))
