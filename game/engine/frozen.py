"""A fast constructor for the frozen, slotted dataclasses built on every move.

A frozen dataclass's ``__init__`` sets each field with ``object.__setattr__``, which
costs several times a plain attribute store: building a view or a delegate's table
snapshot of thirty or forty fields took tens of microseconds, a tenth of a whole
all-AI move.  ``maker(cls)`` returns a function with the signature of ``cls``
(defaults and ``default_factory`` included) that fills the slots of a mutable twin
of ``cls`` with plain stores and then makes the object a ``cls``, as the engine's
``Draft`` becomes a ``GameState``.  What it returns is a real, frozen ``cls``: equal,
hashable, picklable and ``replace``-able like one made by ``cls(...)``.

Only for dataclasses with ``frozen=True, slots=True`` and no ``__post_init__``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def maker(cls: type[T]) -> Callable[..., T]:
    """A function building ``cls`` from the same arguments as ``cls(...)``, faster."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a frozen, slotted dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__: build it with {cls.__name__}()")
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]  # checked above
    # The twin has the very same slots, so an object may change class between the two.
    twin = type(f"_{cls.__name__}Draft", (), {"__slots__": cls.__dict__["__slots__"]})
    scope: dict[str, Any] = {"_new": object.__new__, "_twin": twin, "_cls": cls}
    args: list[str] = []
    body: list[str] = ["o = _new(_twin)"]
    for f in fields:
        name = f.name
        has_factory = f.default_factory is not dataclasses.MISSING
        if has_factory:
            scope[f"_factory_{name}"] = f.default_factory
        if not f.init:
            if has_factory:
                body.append(f"o.{name} = _factory_{name}()")
            elif f.default is not dataclasses.MISSING:
                scope[f"_default_{name}"] = f.default
                body.append(f"o.{name} = _default_{name}")
            continue
        if has_factory:
            scope["_NOTHING"] = _NOTHING
            args.append(f"{name}=_NOTHING")
            body.append(f"o.{name} = _factory_{name}() if {name} is _NOTHING else {name}")
            continue
        if f.default is not dataclasses.MISSING:
            scope[f"_default_{name}"] = f.default
            args.append(f"{name}=_default_{name}")
        else:
            args.append(name)
        body.append(f"o.{name} = {name}")
    body += ["o.__class__ = _cls", "return o"]
    source = f"def make({', '.join(args)}):\n" + "\n".join(f"    {line}" for line in body)
    exec(source, scope)  # generated from the dataclass's own field names
    made: Callable[..., T] = scope["make"]
    made.__qualname__ = made.__name__ = f"make_{cls.__name__}"
    made.__doc__ = f"``{cls.__name__}(...)``, built faster (see game.engine.frozen)."
    return made


class _Nothing:
    """The default of an argument whose field has a default factory: none was given."""

    __slots__ = ()


_NOTHING = _Nothing()
