"""A scenario file's bytes and text: bounded, non-blocking reading and strict UTF-8 decoding."""

from __future__ import annotations

import codecs
import re
from pathlib import Path as FsPath

from game import fileio
from game.errors import UserError
from game.scenario.errors import ScenarioError

MAX_BYTES = 2 * 1024 * 1024  # a rich scenario is ~100 KiB; 2 MiB leaves room and bounds work
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def read_path(path: FsPath, name: str) -> bytes:
    """The file's bytes, refusing non-files and files over ``MAX_BYTES`` before reading them."""
    try:
        return fileio.read_limited(path, MAX_BYTES)
    except fileio.TooLargeError as exc:
        raise _too_large(name, exc.size) from None
    except fileio.NotRegularFileError:
        raise UserError(f"{name}: not a regular file") from None
    except FileNotFoundError:
        raise UserError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{name}: is a directory, not a scenario file") from None
    except PermissionError:
        raise UserError(f"{name}: permission denied") from None


def _too_large(name: str, size: int) -> ScenarioError:
    return ScenarioError.single(
        name,
        f"file is too large ({size / 2**20:.1f} MiB); scenario files are limited to "
        f"{MAX_BYTES // 2**20} MiB",
    )


def decode(raw: bytes, name: str) -> str:
    """UTF-8 text, or a refusal that says where the first bad byte is."""
    if len(raw) > MAX_BYTES:
        raise _too_large(name, len(raw))
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ScenarioError.single(name, "file is UTF-16 encoded; save it as UTF-8")
    raw = raw.removeprefix(codecs.BOM_UTF8)
    nul = raw.find(b"\0")
    if nul >= 0:
        line, col = _byte_position(raw, nul)
        raise ScenarioError.single(
            name, "binary data (a NUL byte); scenario files are UTF-8 text", line, col
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(raw, exc.start)
        raise ScenarioError.single(
            name,
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            line,
            col,
        ) from None
    bad = _NOT_PRINTABLE.search(text)
    if bad is not None:
        at = bad.start()
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        raise ScenarioError.single(
            name, f"control character U+{ord(bad.group()):04X} is not allowed in YAML", line, col
        )
    return text


def _byte_position(raw: bytes, index: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, index) + 1
    column = len(raw[line_start:index].decode("utf-8", "replace")) + 1
    return raw.count(b"\n", 0, index) + 1, column
