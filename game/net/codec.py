"""The engine's frozen view values as JSON and back, driven by their type hints.

The host sends a delegation its ``ActorView`` and everyone the ``PublicView``;
both are trees of frozen dataclasses, tuples, dicts, enums and frozensets.  One
codec for all of them, read off the classes' annotations, keeps the wire format
in step with the engine without a hand-written copy of every field.  Decoding
checks types as it goes: a malformed frame from a host is a ``CodecError``, not
a half-built view.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

JSON = Any  # what json.loads returns: dict, list, str, int, float, bool or None


class CodecError(ValueError):
    """A JSON value that does not fit the type it should decode to."""


def encode(value: object) -> JSON:
    """A dataclass tree as plain JSON values (dicts with non-text keys become pair lists)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in _fields(type(value))}
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            return {k: encode(v) for k, v in value.items()}
        return [[encode(k), encode(v)] for k, v in value.items()]
    if isinstance(value, frozenset | set):
        return sorted(encode(v) for v in value)
    if isinstance(value, tuple | list | Sequence):  # a Sequence: the engine's shared log chain
        return [encode(v) for v in value]
    raise CodecError(f"cannot encode a {type(value).__name__}")


def decode(kind: type[T], data: JSON) -> T:
    """``data`` (from ``encode``) back as a ``kind``; ``CodecError`` when it does not fit."""
    result: T = _decoder(typing.cast(Any, kind))(data)
    return result


def decode_fields(kind: type, data: JSON, names: typing.Iterable[str]) -> dict[str, Any]:
    """Some fields of a dataclass ``kind``, decoded from a dict (for partial updates)."""
    if not isinstance(data, dict):
        raise CodecError(f"expected an object for {kind.__name__}")
    hints = _hints(kind)
    out = {}
    for name in names:
        if name not in data:
            raise CodecError(f"{kind.__name__}: missing {name!r}")
        out[name] = _decoder(hints[name])(data[name])
    return out


@functools.cache
def _fields(kind: type) -> tuple[dataclasses.Field[Any], ...]:
    # Fields the constructor derives itself (``init=False``) are rebuilt on decoding.
    return tuple(f for f in dataclasses.fields(kind) if f.init)


@functools.cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


@functools.cache
def _decoder(hint: Any) -> Callable[[JSON], Any]:
    """One decoding function per type hint, built once (the hot path is a tree walk)."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is Any:
        return lambda data: data
    if origin in (typing.Union, types.UnionType):
        return _union(args)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return lambda data: tuple(item(v) for v in _list(data))
        parts = [_decoder(a) for a in args]
        return lambda data: _fixed_tuple(parts, data)
    if origin is Sequence:  # sent as a list, kept as a tuple (immutable, as the engine's)
        item = _decoder(args[0])
        return lambda data: tuple(item(v) for v in _list(data))
    if origin is frozenset:
        item = _decoder(args[0])
        return lambda data: frozenset(item(v) for v in _list(data))
    if origin is dict:
        return _dict(args[0], args[1])
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass(hint)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return lambda data: _enum(hint, data)
    if hint in (str, bool):
        return lambda data: _exact(hint, data)
    if hint is int:
        return _int
    if hint is float:
        return _float
    if hint is type(None):
        return lambda data: _exact(type(None), data)
    raise CodecError(f"no decoder for {hint!r}")


def _list(data: JSON) -> list[Any]:
    if not isinstance(data, list):
        raise CodecError(f"expected a list, got {type(data).__name__}")
    return data


def _fixed_tuple(parts: list[Callable[[JSON], Any]], data: JSON) -> tuple[Any, ...]:
    items = _list(data)
    if len(items) != len(parts):
        raise CodecError(f"expected {len(parts)} items, got {len(items)}")
    return tuple(part(v) for part, v in zip(parts, items, strict=True))


def _dict(key_hint: Any, value_hint: Any) -> Callable[[JSON], dict[Any, Any]]:
    key, value = _decoder(key_hint), _decoder(value_hint)

    def decode_dict(data: JSON) -> dict[Any, Any]:
        if key_hint is str:
            if not isinstance(data, dict):
                raise CodecError(f"expected an object, got {type(data).__name__}")
            return {key(k): value(v) for k, v in data.items()}
        return {key(k): value(v) for k, v in (_fixed_tuple([_id, _id], p) for p in _list(data))}

    return decode_dict


def _id(data: JSON) -> JSON:
    return data


def _union(args: tuple[Any, ...]) -> Callable[[JSON], Any]:
    options = [_decoder(a) for a in args]

    def decode_union(data: JSON) -> Any:
        for option in options:
            try:
                return option(data)
            except CodecError:
                continue
        raise CodecError(f"{data!r:.40} fits none of {args}")

    return decode_union


def _dataclass(kind: type) -> Callable[[JSON], Any]:
    # The field decoders are built on first use: a type that contains itself (a condition
    # made of conditions) would otherwise recurse for ever while its decoder is being built.
    parts: list[tuple[str, Callable[[JSON], Any]]] = []

    def decode_dataclass(data: JSON) -> Any:
        if not parts:
            hints = _hints(kind)
            parts.extend((f.name, _decoder(hints[f.name])) for f in _fields(kind))
        if not isinstance(data, dict):
            raise CodecError(f"expected an object for {kind.__name__}")
        try:
            return kind(**{name: part(data[name]) for name, part in parts})
        except KeyError as exc:
            raise CodecError(f"{kind.__name__}: missing {exc.args[0]!r}") from None

    return decode_dataclass


def _enum(kind: type[enum.Enum], data: JSON) -> enum.Enum:
    try:
        return kind(data)
    except ValueError:
        raise CodecError(f"{data!r:.40} is not a {kind.__name__}") from None


def _exact(kind: type, data: JSON) -> Any:
    if type(data) is not kind:
        raise CodecError(f"expected {kind.__name__}, got {type(data).__name__}")
    return data


def _int(data: JSON) -> int:
    if type(data) is not int:
        raise CodecError(f"expected an integer, got {type(data).__name__}")
    return data


def _float(data: JSON) -> float:
    # JSON writes 2.0 as 2.0, but a hand-written or other encoder may send 2.
    if type(data) not in (int, float):
        raise CodecError(f"expected a number, got {type(data).__name__}")
    return float(data)
