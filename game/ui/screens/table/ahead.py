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

from collections.abc import Callable, Sequence

from game.session.controller import Upcoming

Part = Callable[[], None]  # makes one part of the pictures (a frame's worth of work)
# The parts of one upcoming move's pictures, in the order they are made.
Readying = Callable[[Upcoming], Sequence[Part]]


class Ahead:
    """The parts of the decided move's pictures still to make, one per frame."""

    def __init__(self, readying: Readying) -> None:
        self._readying = readying
        self._for: Upcoming | None = None  # the move being (or made) ready
        self._parts: Sequence[Part] = ()
        self._made = 0

    def step(self, upcoming: Upcoming) -> None:
        """Make the next part of ``upcoming``'s pictures (the move decided now)."""
        if upcoming is not self._for:
            self._for = upcoming
            self._parts = self._readying(upcoming)
            self._made = 0
        if self._made < len(self._parts):
            self._parts[self._made]()
            self._made += 1

    def finished(self, upcoming: Upcoming | None) -> bool:
        """Whether every part for ``upcoming`` is made (False while nothing is decided)."""
        return upcoming is not None and upcoming is self._for and self._made >= len(self._parts)
