"""Turn pydantic's validation errors into located messages a scenario author can act on.

Pydantic reports a location tuple and a terse message per error; here each
becomes ``FILE:LINE:COL: path: message`` with the position taken from the
YAML reader, wording aimed at someone editing a file by hand, and a hint for
the usual YAML traps (an unquoted ``#`` colour, ``yes``/``no`` booleans).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from game.scenario.document import (
    COLOUR_PATTERN,
    DATE_PATTERN,
    EFFECT_TAGS,
    ID_PATTERN,
    SCORE_KEY_PATTERN,
    SOURCE_TAGS,
    ScenarioDoc,
)
from game.scenario.errors import Located, Path, format_path
from game.scenario.yaml_reader import Positions

_YAML11_BOOLS = {"yes", "no", "on", "off", "y", "n"}


def describe(value: Any) -> str:
    """A short, readable account of what the author wrote."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


@cache
def _field_names() -> frozenset[str]:
    """Every field name of the format, for 'did you mean' hints on unknown keys."""
    names: set[str] = set()
    seen: set[type[BaseModel]] = set()
    todo: list[type[BaseModel]] = [ScenarioDoc]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(info.alias or name)
            todo.extend(_models_in(info.annotation))
    return frozenset(names)


def _models_in(annotation: Any) -> Iterable[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _models_in(arg)
    for meta in getattr(annotation, "__metadata__", ()) or ():
        yield from _models_in(meta)
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        yield from _models_in(origin)


def _did_you_mean(name: str) -> str:
    # Never suggest the key that was typed: it exists elsewhere in the format, not here.
    if name in _field_names():
        return " (it is a field of another part of the format, not of this one)"
    others = sorted(_field_names() - {name})
    close = difflib.get_close_matches(name, others, n=1, cutoff=0.75)
    return f"; did you mean '{close[0]}'?" if close else ""


def _pattern_message(pattern: str, value: Any) -> str:
    if pattern == ID_PATTERN:
        return (
            f"{describe(value)} is not a valid id "
            "(lowercase letters, digits, '-' and '_', starting with a letter)"
        )
    if pattern == COLOUR_PATTERN:
        return f'expected a colour like "#2f6db5", found {describe(value)}'
    if pattern == SCORE_KEY_PATTERN:
        return f'{describe(value)} is neither an actor id nor "*" (everyone)'
    if pattern == DATE_PATTERN:
        return f"expected an ISO date like 2022-01-10, found {describe(value)}"
    return f"{describe(value)} does not have the expected form ({pattern})"


def _message(err: ErrorDetails, path: Path) -> str:
    kind = err["type"]
    value = err.get("input")
    ctx: dict[str, Any] = dict(err.get("ctx") or {})
    field = str(path[-1]) if path else ""
    if kind == "missing":
        return f"missing required field '{field}'"
    if kind == "extra_forbidden":
        return f"unknown field '{field}'{_did_you_mean(field)}"
    if kind == "string_type":
        if field == "colour" and value is None:
            return (
                'missing colour: quote it, e.g. colour: "#2f6db5" (an unquoted # starts a comment)'
            )
        if field == "source":
            return f"expected text or {{ref: SOURCE_ID, quote: ...}}, found {describe(value)}"
        return f"expected text, found {describe(value)}"
    if kind in ("bool_type", "bool_parsing"):
        hint = ""
        if isinstance(value, str) and value.lower() in _YAML11_BOOLS | {"true", "false"}:
            hint = " (only lowercase true and false are booleans)"
        return f"expected true or false, found {describe(value)}{hint}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, found {describe(value)}"
    if kind in ("float_type", "float_parsing"):
        return f"expected a number, found {describe(value)}"
    if kind == "finite_number":
        return "expected a finite number"
    if kind == "list_type":
        return f"expected a list, found {describe(value)}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping of fields, found {describe(value)}"
    if kind == "literal_error":
        return f"expected one of {ctx.get('expected')}, found {describe(value)}"
    if kind == "string_pattern_mismatch":
        return _pattern_message(str(ctx.get("pattern")), value)
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)"
    if kind == "too_short":
        unit = "entry" if ctx.get("min_length") == 1 else "entries"
        return f"needs at least {ctx.get('min_length')} {unit}"
    if kind == "too_long":
        return f"has too many entries (at most {ctx.get('max_length')})"
    bounds = {
        "greater_than_equal": ("at least", "ge"),
        "greater_than": ("more than", "gt"),
        "less_than_equal": ("at most", "le"),
        "less_than": ("less than", "lt"),
    }
    if kind in bounds:
        words, key = bounds[kind]
        return f"must be {words} {ctx.get(key)}, found {describe(value)}"
    if kind == "value_error":
        if field == "date":
            return f"{describe(value)} is not a real date"
        return str(err["msg"]).removeprefix("Value error, ")
    return str(err["msg"])


def located(exc: ValidationError, file: str, positions: Positions) -> list[Located]:
    """One located message per pydantic error."""
    out: list[Located] = []
    for err in exc.errors(include_url=False):
        path: Path = tuple(
            p for p in err["loc"] if p not in SOURCE_TAGS and p not in EFFECT_TAGS and p != "[key]"
        )
        message = _message(err, path)
        if err["type"] == "missing":
            path = path[:-1]  # the field is absent: point at the mapping that lacks it
        at_key = err["type"] == "extra_forbidden" or "[key]" in err["loc"]
        if at_key:
            line, col = positions.of_key(path)
        else:
            line, col = positions.of_value(path)
        if "[key]" in err["loc"]:
            message = f"key {message}"
        out.append(Located(line, col, file, format_path(path), message))
    return out
