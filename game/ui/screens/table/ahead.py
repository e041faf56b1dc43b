"""Readying the table for a computer move that is decided but not yet made.

In the window a computer seat decides on a worker thread while the table paces
its move (``game.session.thinking``).  Once it has decided, the move and the
table after it are known (``LocalGame.upcoming``), and the frames of the pause
are idle: they make the pictures the move will need -- its transcript rows, the
board it leaves -- one part per frame, so that the frame in which the move lands
only puts them up.  What is made is kept by what it shows, so a move that never
lands (an undo, a pause, a reload) costs nothing but the work: the screen never
shows a picture made for another state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from game.session.controller import Upcoming

# Makes the pictures of one upcoming move, one part per ``next``.
Readying = Callable[[Upcoming], Iterator[None]]


class Ahead:
    """The parts of the decided move's pictures still to make, one per frame."""

    def __init__(self, readying: Readying) -> None:
        self._readying = readying
        self._for: Upcoming | None = None  # the move being (or made) ready
        self._parts: Iterator[None] = iter(())
        self._finished = False

    def step(self, upcoming: Upcoming | None) -> bool:
        """Make the next part for ``upcoming`` (the move decided now, if any); whether a
        part was made in this call (False: nothing decided, or all of it is ready)."""
        if upcoming is None:
            return False
        if upcoming is not self._for:
            self._for = upcoming
            self._finished = False
            self._parts = self._readying(upcoming)
        if next(self._parts, StopIteration) is StopIteration:
            self._finished = True
            return False
        return True

    def finished(self, upcoming: Upcoming | None) -> bool:
        """Whether every part for ``upcoming`` is made (False while nothing is decided)."""
        return upcoming is not None and upcoming is self._for and self._finished
