"""The terminal mode with the classroom layer: a turn timer and live reload of the scenario file.

The plain terminal loop (``game.text.terminal``) blocks on a line of input, so
both are checked when a line arrives, never while waiting: the timer is enforced
on the next input (a move typed after the time ran out comes too late, and the
delegation passes), and an edit of the scenario file is picked up with the next
line (an empty line, Enter, just checks).  Checking on input rather than on a
background timer keeps a scripted game deterministic.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from game.engine import Action
from game.engine.actions import Timeout
from game.errors import UserError
from game.session.facilitator import Facilitation
from game.session.seats import SeatKind
from game.session.session import Session
from game.session.watch import KEEPING, ScenarioWatcher, apply_change
from game.text.terminal import TextGame


class _RestartError(Exception):
    """The game under the prompt changed (reloaded, or timed out): draw the table again."""


class ClassroomTextGame(TextGame):
    """``TextGame`` plus ``--timer`` and ``--watch``; ``clock`` is the time source (seconds)."""

    def __init__(
        self,
        session: Session,
        stdin: TextIO,
        out: TextIO,
        *,
        interactive: bool,
        watcher: ScenarioWatcher | None = None,
        turn_seconds: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(session, stdin, out, interactive=interactive)
        self.watcher = watcher
        self.facilitation = Facilitation(session, turn_seconds=turn_seconds)
        self.clock = clock

    def _play(self) -> int:
        while True:
            try:
                return super()._play()
            except _RestartError:
                continue  # the plain loop starts over on ``self.session`` as it is now

    def _read(self) -> str:
        timer = self.facilitation.clock
        if timer.start(self.facilitation.timed_turn(), self.clock()) and timer.enabled:
            self.say(f"(you have {timer.limit:g} s for this move)")
        line = super()._read()
        now = self.clock()
        if self.watcher is not None:
            self._check_file(line, now)
        turn = self.facilitation.tick(now)
        if turn is not None:
            self.say(f"Too late: {timer.limit:g} s have passed.")
            self._show_turns([turn])
            raise _RestartError
        return line

    def _command(self, actor: str, line: str, legal: tuple[Action, ...]) -> bool:
        if line.strip().lower() == "u" and self._last_by_a_person_timed_out():
            # The session refuses this undo too (the timeout is the facilitator's move);
            # this says why in the terminal's words: the timer took the turn.
            raise UserError("a turn that timed out cannot be taken back")
        return super()._command(actor, line, legal)

    def _last_by_a_person_timed_out(self) -> bool:
        human = [e.action for e in self.session.log if e.by is SeatKind.HUMAN]
        return bool(human) and isinstance(human[-1], Timeout)

    def _check_file(self, line: str, now: float) -> None:
        assert self.watcher is not None
        change = self.watcher.poll()
        if change is None:
            return
        result = apply_change(self.session, change)
        if not result.reloaded:
            if result.errors:
                self.say(f"scenario has errors; {KEEPING}:", *(f"  {e}" for e in result.errors))
            else:
                self.say(result.message)  # put back as it was: nothing restarts
            return  # the line still counts: the game under it did not change
        self.say(f"scenario reloaded: {result.message}", *(f"  note: {n}" for n in result.notes))
        self.session = result.session
        self.facilitation.replace_session(result.session, now)
        self._shown = len(result.session.transcript)  # the replayed record was shown already
        if line.strip():
            self.say(f"(the input {line!r} was for the old game and is not used)")
        raise _RestartError
