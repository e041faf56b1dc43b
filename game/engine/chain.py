"""``Chain``: the game's action history and event log, appended in O(1) and never copied.

A state used to hold them as tuples, and every action made a new tuple one
longer than the last: replaying a log of n actions cost n² (200,000 bookmarks
ran past two minutes).  A chain is a view of the first ``len`` items of a list
that the states of one game share, as they share the random tape: appending at
the end of that list (the usual case: the newest state makes the next one) adds
one item in place; appending to an older state (a branch: a test trying two
moves from one state) copies its prefix first, so no state ever changes.

It reads like the tuple it replaces (indexing, slices as tuples, ``len``,
iteration, equality with tuples and chains), and its ``repr`` is the tuple's,
so that state digests are unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Generic, TypeVar, overload

T = TypeVar("T")
_new = object.__new__


class Chain(Sequence[T], Generic[T]):
    """An immutable sequence whose ``extend`` shares, rather than copies, what came before."""

    __slots__ = ("_items", "_len")

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._items: list[T] = list(items)
        self._len = len(self._items)

    def extend(self, new: Iterable[T]) -> Chain[T]:
        """This chain followed by ``new``: O(len(new)) at the shared end, else one copy."""
        items = self._items
        if len(items) != self._len:  # another chain has grown past this one: branch off
            items = items[: self._len]
        items.extend(new)
        chain: Chain[T] = _new(Chain)  # (inlined: this runs for every action applied)
        chain._items, chain._len = items, len(items)
        return chain

    def append(self, item: T) -> Chain[T]:
        """This chain followed by ``item`` (see ``extend``)."""
        items = self._items
        if len(items) != self._len:
            items = items[: self._len]
        items.append(item)
        chain: Chain[T] = _new(Chain)
        chain._items, chain._len = items, self._len + 1
        return chain

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._len)
            if step > 0:  # then start and stop are within 0..len: a plain list slice
                return tuple(self._items[start:stop:step])
            # Backwards, ``stop`` may be -1 ("before the first"), which a list reads as its end.
            items = self._items
            return tuple(items[i] for i in range(start, stop, step))
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError("chain index out of range")
        return self._items[index]

    def __iter__(self) -> Iterator[T]:
        return islice(self._items, self._len)

    def __reversed__(self) -> Iterator[T]:
        items = self._items
        return (items[i] for i in range(self._len - 1, -1, -1))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, (Chain, tuple)):
            return NotImplemented
        if len(other) != self._len:
            return False
        if isinstance(other, Chain) and other._items is self._items:
            return True  # two prefixes of one list, of one length
        return tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))  # as the tuple it stands for: digests stay what they were
