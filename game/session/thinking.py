"""A computer seat's decision taken on a worker thread, so that a window keeps drawing.

An AI delegate usually decides in a millisecond, but on a busy classroom laptop
it can take a tenth of a second, and an outside program (an ``agent:PATH`` seat)
may take its whole ``--agent-timeout``: taken inside a frame, either freezes the
window.  ``Thinker`` takes it on one worker thread while the screen paces the
move, and hands it over once it is ready -- only for the very state it was asked
about (the session's state objects are immutable, so identity says "unchanged").

One question at a time: an agent is never asked twice at once (an outside
program answers one request after the other).  A question about a state that has
since gone (an undo, a facilitator's move) finishes unheard, and the next one
starts after it.  The worker is a daemon: a window closing mid-thought does not
wait for an agent's timeout.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from game.ai import Decision

Question = Callable[[], Decision]


class Thinker:
    """Takes one computer decision at a time on a worker thread."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._asked: object = None  # the state the running or finished question is about
        self._answer: Decision | None = None
        self._error: BaseException | None = None
        self._next: tuple[object, Question] | None = None  # asked while another ran

    @property
    def busy(self) -> bool:
        """Whether a question is being answered now."""
        return self._thread is not None and self._thread.is_alive()

    def ask(self, about: object, question: Question) -> None:
        """Start answering ``question`` about the state ``about`` (at once, or after the
        question running now); asking again about the same state does nothing."""
        if about is self._asked or (self._next is not None and self._next[0] is about):
            return
        if self.busy:
            self._next = (about, question)
            return
        self._start(about, question)

    def answer(self, about: object) -> Decision | None:
        """The decision about ``about`` once it is ready (None until then).

        An agent's exception is raised here, on the caller's thread, as a decision
        taken in place would have raised it.
        """
        if self.busy:
            return None
        if self._next is not None:  # the question running before has finished: the next one
            waiting, self._next = self._next, None
            self._start(*waiting)
            return None
        if about is not self._asked:
            return None
        error, self._error = self._error, None
        answer, self._answer = self._answer, None
        self._asked = None  # handed over once
        if error is not None:
            raise error
        return answer

    def ready(self, about: object) -> Decision | None:
        """The decision about ``about`` if it is ready, without handing it over (None
        until then, or if it failed): a window shows what it will do ahead of time."""
        if self.busy or self._next is not None or about is not self._asked:
            return None
        if self._error is not None:
            return None
        return self._answer

    def _start(self, about: object, question: Question) -> None:
        self._asked, self._answer, self._error = about, None, None

        def work() -> None:
            try:
                self._answer = question()
            except BaseException as exc:  # handed to the caller's thread by ``answer``
                self._error = exc

        self._thread = threading.Thread(target=work, name="redlines-thinker", daemon=True)
        self._thread.start()
