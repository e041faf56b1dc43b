"""Read a scenario file into plain data, remembering where every value stood.

Built on PyYAML's safe event parser (libyaml when present) with our own small
composer, because that is where the guarantees live: nothing in a file can run
code (no tag other than ``!!str`` and the plain collection tags is accepted),
duplicate keys are reported instead of silently dropped, booleans are only
``true``/``false`` (YAML 1.1's ``yes``/``no``/``on``/``off`` stay text), ISO
dates stay text, and hostile files (huge, binary, deeply nested, alias bombs)
are refused before they cost time or memory.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from game.scenario.errors import Located, Path, ScenarioError, format_path
from game.scenario.text_file import MAX_BYTES, decode, read_path

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_NODES", "Document", "Positions", "read", "read_path"]

MAX_DEPTH = 40  # the format nests about 7 deep; more is a mistake or an attack
MAX_NODES = 250_000  # values after expanding aliases: stops "billion laughs" at once

_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster

_STD = "tag:yaml.org,2002:"
_ALLOWED_SCALAR_TAGS = {None, "!", _STD + "str"}
_ALLOWED_COLLECTION_TAGS = {None, "!", _STD + "map", _STD + "seq"}
# What YAML accepts as text: anything else (control characters, U+FFFE...) is refused up front.
_NULLS = {"", "~", "null", "Null", "NULL"}
_INT = re.compile(r"[-+]?[0-9]{1,30}\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]{1,30}\Z")
_OCT = re.compile(r"0o[0-7]{1,30}\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")


@dataclass(slots=True)
class Positions:
    """1-based (line, column) of each value and each mapping key, by path."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, path: Path) -> tuple[int, int]:
        """Where the value at ``path`` starts, else where its nearest enclosing value does."""
        while path:
            found = self.values.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return self.values.get((), (1, 1))

    def of_key(self, path: Path) -> tuple[int, int]:
        """Where the key that leads to ``path`` is written (falls back to the value)."""
        return self.keys.get(path) or self.of_value(path)

    def locate(self, file: str, path: Path, message: str, severity: str = "error") -> Located:
        """``message`` about the value at ``path``, placed where that value is written."""
        line, col = self.of_value(path)
        return Located(line, col, file, format_path(path), message, severity)


@dataclass(slots=True)
class Document:
    """A parsed file: plain data, where it came from, and non-fatal problems found on the way."""

    data: dict[str, Any]
    positions: Positions
    problems: list[Located]


def _mark(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return int(mark.line) + 1, int(mark.column) + 1


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_STD) :] if tag.startswith(_STD) else tag


def _plain_value(text: str) -> Any:
    """YAML 1.2 core resolution, minus its surprises: only ``true``/``false`` are booleans."""
    if text in _NULLS:
        return None
    if text == "true":
        return True
    if text == "false":
        return False
    if _INT.match(text):
        return int(text)
    if _HEX.match(text):
        return int(text, 16)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _FLOAT.match(text) and any(c.isdigit() for c in text):
        number = float(text)
        # A number too long to hold (5,000 nines) stays the text the author wrote: the
        # message then quotes it, rather than saying "found the number inf".
        return number if math.isfinite(number) else text
    return text  # including dates (2022-01-10), .inf, yes/no/on/off


class _Skip:
    """Marks a mapping entry whose key was unusable: its value is read and dropped."""


_SKIP = _Skip()
_NOWHERE = "\0"  # path part for dropped values; no key can contain NUL (decode refuses it)


@dataclass(slots=True)
class _Frame:
    container: dict[str, Any] | list[Any]
    path: Path
    anchor: str | None
    size: int = 1
    key: str | _Skip | None = None  # mappings: the key waiting for its value
    is_key: bool = False  # a collection written as a mapping key (an error; dropped)


class _Composer:
    """Turns the parser's event stream into plain data, positions and problems."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.positions = Positions()
        self.problems: list[Located] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.stack: list[_Frame] = []
        self.total = 0
        self.root: Any = None
        self.documents = 0

    def fatal(self, where: tuple[int, int], message: str, path: Path = ()) -> ScenarioError:
        return ScenarioError([Located(where[0], where[1], self.name, format_path(path), message)])

    def problem(self, where: tuple[int, int], path: Path, message: str) -> None:
        self.problems.append(Located(where[0], where[1], self.name, format_path(path), message))

    def count(self, where: tuple[int, int], size: int) -> None:
        self.total += size
        if self.total > MAX_NODES:
            raise self.fatal(
                where,
                f"too many values (over {MAX_NODES:,} after expanding aliases); "
                "is this an alias bomb?",
            )

    def next_path(self) -> Path | None:
        """The path of the node that starts now, or None when it is a mapping key."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.container, list):
            return (*top.path, len(top.container))
        if top.key is None:
            return None
        return (*top.path, top.key) if isinstance(top.key, str) else (*top.path, _NOWHERE)

    def attach(self, value: Any, size: int) -> None:
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        top.size += size
        if isinstance(top.container, list):
            top.container.append(value)
        elif isinstance(top.key, str):
            top.container[top.key] = value
            top.key = None
        elif top.key is _SKIP:
            top.key = None
        else:  # a collection or alias was used as a key; its value is dropped
            top.key = _SKIP

    def key(self, event: Any) -> None:
        top = self.stack[-1]
        assert isinstance(top.container, dict)
        text = str(event.value)
        where = _mark(event)
        path = (*top.path, text)
        if text in top.container:  # the first value is attached before the next key starts
            first = self.positions.keys.get(path, where)
            self.problem(where, path, f"duplicate key '{text}' (first given at line {first[0]})")
            top.key = _SKIP
            return
        self.positions.keys[path] = where
        top.key = text

    def scalar(self, event: Any) -> None:
        if event.tag not in _ALLOWED_SCALAR_TAGS:
            raise self.fatal(_mark(event), f"tag '{_tag_name(event.tag)}' is not allowed")
        path = self.next_path()
        if path is None:
            self.key(event)
            return
        self.positions.values[path] = _mark(event)
        plain = event.tag is None and not event.style
        value = _plain_value(event.value) if plain else str(event.value)
        self.count(_mark(event), 1)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1)
        self.attach(value, 1)

    def alias(self, event: Any) -> None:
        where = _mark(event)
        if event.anchor not in self.anchors:
            raise self.fatal(where, f"unknown alias '*{event.anchor}' (no anchor of that name)")
        value, size = self.anchors[event.anchor]
        path = self.next_path()
        if path is None:
            self.problem(where, self.stack[-1].path, "an alias cannot be a mapping key")
            self.stack[-1].key = _SKIP
            return
        self.positions.values[path] = where
        self.count(where, size)
        self.attach(value, size)

    def start(self, event: Any, container: dict[str, Any] | list[Any]) -> None:
        where = _mark(event)
        if event.tag not in _ALLOWED_COLLECTION_TAGS:
            raise self.fatal(where, f"tag '{_tag_name(event.tag)}' is not allowed")
        if len(self.stack) >= MAX_DEPTH:
            raise self.fatal(where, f"nested more than {MAX_DEPTH} levels deep")
        path = self.next_path()
        is_key = path is None
        if path is None:  # a list or mapping used as a key
            parent = self.stack[-1].path
            self.problem(where, parent, "a mapping key must be plain text")
            path = (*parent, _NOWHERE)
        elif not self.stack and isinstance(container, list):
            raise self.fatal(where, "the top level must be a mapping (format:, id:, title: ...)")
        self.positions.values[path] = where
        self.count(where, 1)
        self.stack.append(_Frame(container, path, event.anchor, is_key=is_key))

    def end(self) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.container, frame.size)
        if frame.is_key:
            self.stack[-1].key = _SKIP  # drop the value that belongs to this unusable key
            return
        self.attach(frame.container, frame.size)

    def feed(self, event: Any) -> None:
        if isinstance(event, yaml.ScalarEvent):
            self.scalar(event)
        elif isinstance(event, yaml.MappingStartEvent):
            self.start(event, {})
        elif isinstance(event, yaml.SequenceStartEvent):
            self.start(event, [])
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self.end()
        elif isinstance(event, yaml.AliasEvent):
            self.alias(event)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fatal(_mark(event), "only one YAML document (---) per file")


def _in_text(text: str, line: int, column: int) -> tuple[int, int]:
    """A parser mark (0-based) as a 1-based line and column inside the file.

    At the end of the stream the parser points one line past the last; an editor
    cannot go there, so that becomes the end of the last line.
    """
    lines = text.splitlines() or [""]
    if line < len(lines):
        return line + 1, column + 1
    return len(lines), len(lines[-1]) + 1


def compose(text: str, name: str) -> Document:
    """Parse ``text``; raise ``ScenarioError`` for anything that cannot be read as our data."""
    composer = _Composer(name)
    try:
        for event in yaml.parse(text, Loader=_Parser):
            composer.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _in_text(text, mark.line, mark.column) if mark is not None else (1, 1)
        message = f"YAML syntax: {exc.problem or exc.context}"
        if exc.context and exc.problem and exc.context_mark is not None:
            line, col = _in_text(text, exc.context_mark.line, exc.context_mark.column)
            message += f" ({exc.context} at line {line}, column {col})"
        raise ScenarioError.single(name, message, *where) from None
    except yaml.YAMLError as exc:  # anything else the parser refuses, on one line
        message = " ".join(str(exc).split())
        raise ScenarioError.single(name, f"YAML syntax: {message}") from None
    if composer.documents == 0 or composer.root is None:
        raise ScenarioError.single(name, "file is empty (no scenario in it)")
    if not isinstance(composer.root, dict):
        where = composer.positions.values.get((), (1, 1))
        raise ScenarioError.single(
            name, "the top level must be a mapping (format:, id:, title: ...)", *where
        )
    return Document(composer.root, composer.positions, composer.problems)


def read(raw: bytes, name: str) -> Document:
    """Decode and parse a file's bytes."""
    return compose(decode(raw, name), name)
