"""A fast ``__init__`` for the frozen, slotted dataclasses built on every move.

A frozen dataclass's ``__init__`` sets each field with ``object.__setattr__``, which
costs several times a plain attribute store: an event of thirty fields, a view or a
delegate's table snapshot of forty took tens of microseconds each, a large share of
an all-AI move.  ``@fast_init`` (written above ``@dataclass(frozen=True, slots=True)``)
gives the class an ``__init__`` that turns the new object into a mutable twin (a
dataclass of the same fields, slots and bases, whose own ``__init__`` dataclasses
writes with plain stores), fills it through that ``__init__`` and turns it back, as
the engine's ``Draft`` becomes a ``GameState``.  The signature, defaults and default
factories are the twin's, hence the class's own; the object is a real, frozen
instance: equality, hashing, ``repr``, pickling and ``dataclasses.replace`` are the
dataclass's.  ``copier`` is ``dataclasses.replace`` for a few named fields, as fast.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")

_set = object.__setattr__
_new = object.__new__


def _twin(cls: type) -> type:
    """A mutable dataclass with the fields, slots and bases of the frozen ``cls``."""
    if "__slots__" not in cls.__dict__ or not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls.__name__} is not a slotted dataclass")
    if not cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__} is not frozen: its own __init__ is fast")
    if any(dataclasses.is_dataclass(b) for b in cls.__mro__[1:]):
        raise TypeError(f"{cls.__name__} inherits fields")
    if any("__setattr__" in b.__dict__ for b in cls.__mro__[1:-1]):
        raise TypeError(f"a base class of {cls.__name__} sets attributes its own way")
    spec = []
    for f in dataclasses.fields(cls):
        kept = dataclasses.field(init=f.init, kw_only=f.kw_only)
        if f.default is not dataclasses.MISSING:
            kept = dataclasses.field(default=f.default, init=f.init, kw_only=f.kw_only)
        elif f.default_factory is not dataclasses.MISSING:
            kept = dataclasses.field(
                default_factory=f.default_factory, init=f.init, kw_only=f.kw_only
            )
        spec.append((f.name, f.type, kept))
    twin: type = dataclasses.make_dataclass(
        f"_{cls.__name__}Draft",
        spec,
        bases=cls.__bases__,
        slots=True,
        eq=False,
        repr=False,
        match_args=False,
    )
    if twin.__dict__["__slots__"] != cls.__dict__["__slots__"]:
        raise TypeError(f"{cls.__name__}: the twin's slots differ")  # pragma: no cover
    return twin


def fast_init(cls: type[T]) -> type[T]:
    """Give the frozen, slotted dataclass ``cls`` a faster ``__init__`` (same signature)."""
    twin = _twin(cls)
    fill = twin.__init__  # type: ignore[misc]  # dataclasses made it: plain slot stores
    post_init = cls.__dict__.get("__post_init__")

    def init(self: T, *args: Any, **kwargs: Any) -> None:
        _set(self, "__class__", twin)
        fill(self, *args, **kwargs)
        self.__class__ = cls
        if post_init is not None:
            post_init(self)

    init.__name__ = "__init__"
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__signature__ = inspect.signature(fill)  # type: ignore[attr-defined]
    cls.__init__ = init  # type: ignore[assignment,method-assign]
    return cls


def copier(cls: type[T], names: tuple[str, ...]) -> Callable[..., T]:
    """``f(obj, *values)``: ``dataclasses.replace(obj, **dict(zip(names, values)))`` for the
    frozen, slotted dataclass ``cls`` without ``__post_init__`` or keyword-only fields."""
    twin = _twin(cls)
    fill = twin.__init__  # type: ignore[misc]
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]  # _twin checked it
    if hasattr(cls, "__post_init__") or any(f.kw_only for f in fields):
        raise TypeError(f"{cls.__name__}: copier needs plain fields and no __post_init__")
    order = [f.name for f in fields if f.init]
    where = [order.index(n) for n in names]  # ValueError for a field there is not
    read = attrgetter(*order)

    def copy(obj: T, *values: Any) -> T:
        given = list(read(obj))
        for at, value in zip(where, values, strict=True):
            given[at] = value
        made: Any = _new(twin)
        fill(made, *given)
        made.__class__ = cls
        return made  # type: ignore[no-any-return]

    copy.__qualname__ = copy.__name__ = f"copy_{cls.__name__}"
    return copy
