"""A seat played by an outside program (``agent:PATH``), over the JSON Lines protocol.

The program is started at its first turn; each turn it gets one ``decide`` frame and
must answer one line within the timeout.  Whatever goes wrong -- the program cannot
start, crashes, says something that is not a legal action, or is too slow -- the seat
passes that turn, and the reason is noted in the transcript; the game never waits
longer than the timeout and never shows the program's traceback.  An answer that
comes after its timeout is recognised as late (answers come in order) and skipped,
so the same answers always make the same game.
"""

from __future__ import annotations

import collections
import queue
import subprocess
import sys
import threading
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from game import engine
from game.ai import Decision
from game.engine import Action, ActorView
from game.session.protocol import (
    Frame,
    LogReader,
    decide_frame,
    encode,
    end_frame,
    read_answer,
)
from game.session.protocol import start_frame as make_start

DEFAULT_TIMEOUT = 5.0  # seconds an agent may think about one move (--agent-timeout)


def command_for(path: str) -> list[str]:
    """How to run ``path``: a ``.py`` file with the game's own Python, anything else as is."""
    if path.lower().endswith(".py"):
        return [sys.executable, "-u", path]
    return [str(Path(path))]


def _pump(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    """Copy the program's output lines to ``lines``; None marks its end."""
    try:
        for line in stream:
            lines.put(line)
    except (OSError, ValueError):
        pass
    lines.put(None)


def _tail(stream: IO[str], last: collections.deque[str]) -> None:
    """Keep the last few lines the program wrote to stderr (the cause of a crash)."""
    try:
        for line in stream:
            if line.strip():
                last.append(line.strip())
    except (OSError, ValueError):
        pass


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.kill()
        process.wait()


class ProcessAgent:
    """The agent of one seat: an outside program spoken to in JSON Lines."""

    def __init__(self, path: str, actor: str, seed: int, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = path
        self.actor = actor
        self.seed = seed
        self.timeout = timeout
        self._process: subprocess.Popen[str] | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._stderr: collections.deque[str] = collections.deque(maxlen=3)
        self._dead = ""  # why the program can no longer play ("" while it can)
        self._owed = 0  # answers still to come for decisions that timed out
        self._reader = LogReader()

    # --- talking ---------------------------------------------------------------

    def _start(self, view: ActorView) -> None:
        try:
            self._process = process = subprocess.Popen(
                command_for(self.path),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                errors="replace",
                bufsize=1,
            )
        except OSError as exc:
            self._dead = f"the agent {self.path!r} could not be started ({exc.strerror or exc})"
            return
        weakref.finalize(self, _stop, process)
        assert process.stdout is not None
        assert process.stderr is not None
        threading.Thread(target=_pump, args=(process.stdout, self._lines), daemon=True).start()
        threading.Thread(target=_tail, args=(process.stderr, self._stderr), daemon=True).start()
        self._send(encode(make_start(view, self.seed)))

    def _send(self, line: str) -> None:
        process = self._process
        if process is None or process.stdin is None or self._dead:
            return
        try:
            process.stdin.write(line + "\n")
            process.stdin.flush()
        except (OSError, ValueError):
            self._died()

    def _died(self) -> None:
        process = self._process
        code = process.poll() if process is not None else None
        if code is None and process is not None:
            try:
                code = process.wait(timeout=1.0)
            except subprocess.TimeoutExpired:
                code = None
        cause = f": {self._stderr[-1]}" if self._stderr else ""
        status = f" (exit code {code})" if code is not None else ""
        self._dead = f"the agent stopped{status}{cause}"

    def _answer(self) -> str | None:
        """The answer line to the decision just sent; None if none came in time."""
        while True:
            try:
                line = self._lines.get(timeout=self.timeout)
            except queue.Empty:
                self._owed += 1
                return None
            if line is None:
                self._died()
                return None
            if self._owed:  # a late answer to an earlier decision: not this one's
                self._owed -= 1
                continue
            return line

    # --- the seat protocol ---------------------------------------------------

    def decide(self, view: ActorView, legal: Sequence[Action]) -> Decision:
        if self._process is None and not self._dead:
            self._start(view)
        log = self._reader.since(view.table)
        self._send(encode(decide_frame(view, legal, log)))
        line = None if self._dead else self._answer()
        if line is None:
            why = self._dead or f"no answer within {self.timeout:g} s"
            return self._pass(why)
        answer = read_answer(line, self.actor, legal, view.table)
        if answer.action is None:
            return self._pass(answer.problem)
        chose = engine.format_action(answer.action)
        return Decision(answer.action, f"agent {self.path} chose: {chose}", answer.remark)

    def _pass(self, why: str) -> Decision:
        note = f"[agent passes: {why}]"
        return Decision(engine.Pass(self.actor), f"agent {self.path} passed: {why}", note)

    def finish(self, outcome: str, scores: Mapping[str, float]) -> None:
        """Tell the program how the game ended, then let it go."""
        if self._process is not None:
            self._send(encode(end_frame(outcome, scores)))
        self.close()

    def close(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if not self._dead:
            self._dead = "the game closed the agent"
        try:
            if process.stdin is not None:
                process.stdin.close()
        except OSError:
            pass
        try:
            process.wait(timeout=min(1.0, self.timeout))
        except subprocess.TimeoutExpired:
            _stop(process)


class FramePlayer(Protocol):
    """A player that speaks the protocol's frames as Python objects instead of lines."""

    def decide(self, frame: Frame) -> dict[str, Any]: ...


class InProcessAgent:
    """A seat played by a ``FramePlayer`` in this process: the same frames and the same
    reading of answers as ``ProcessAgent``, without a program to start (for benchmarks
    that play thousands of games).  ``make(start_frame)`` makes the player."""

    def __init__(self, make: Any, actor: str, seed: int) -> None:
        self._make = make
        self.actor = actor
        self.seed = seed
        self._player: FramePlayer | None = None
        self._reader = LogReader()

    def decide(self, view: ActorView, legal: Sequence[Action]) -> Decision:
        if self._player is None:
            self._player = self._make(make_start(view, self.seed))
        assert self._player is not None
        frame = decide_frame(view, legal, self._reader.since(view.table))
        answer = read_answer(encode(self._player.decide(frame)), self.actor, legal, view.table)
        if answer.action is None:
            why = answer.problem
            return Decision(engine.Pass(self.actor), f"passed: {why}", f"[agent passes: {why}]")
        return Decision(answer.action, "in-process player", answer.remark)
