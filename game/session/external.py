"""A seat played by an outside program (``agent:PATH``), over the JSON Lines protocol.

The program is started at its first turn; each turn it gets one ``decide`` frame and
must answer one line before that decision's deadline (``timeout`` seconds after the
frame was sent).  Whatever goes wrong -- the program cannot start, crashes, says
something that is not a legal action, is too slow, or stops reading its input -- the
seat passes that turn, and the reason is noted in the transcript; the game never waits
past the deadline and never shows the program's traceback.  Frames are written by a
thread of their own, so a program that no longer reads cannot block the game.  An
answer that comes after its deadline is recognised as late (answers come in order) and
skipped, so the same answers always make the same game.  What the program writes to
stderr goes into the private rationale only (the debrief), never into the public remark:
it may name paths and details of the host machine.
"""

from __future__ import annotations

import collections
import contextlib
import json
import queue
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
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
from game.session.seats import DEFAULT_AGENT_TIMEOUT

GRACE = 1.0  # seconds a closed agent may take to exit before it is killed
MAX_LINE = 1 << 20  # characters of one line from a program (an answer is far shorter)
MAX_QUEUED = 64  # lines read ahead of the game; then the program waits on its own pipe
MAX_STDERR = 300  # characters of a stderr line kept for the rationale


class _TooLong:
    """Stands for a line longer than ``MAX_LINE``: never an answer, never words."""


TOO_LONG = _TooLong()
Line = str | _TooLong


def command_for(path: str) -> list[str]:
    """How to run ``path``: a ``.py`` file with the game's own Python, anything else as is."""
    if path.lower().endswith(".py"):
        return [sys.executable, "-u", path]
    # A bare name ("negotiator") would be looked up on the PATH: the program run would
    # not be the file that was checked.  As a path, it is that file.
    return [str(Path(path).absolute())]


def passes(actor: str, who: str, why: str, detail: str = "") -> Decision:
    """A computer seat passing its turn: ``why`` is noted at the table; ``detail`` (what
    only the host should know, such as the program's stderr) goes to the rationale."""
    private = f"{why}: {detail}" if detail else why
    return Decision(engine.Pass(actor), f"{who} passed: {private}", f"[agent passes: {why}]")


def _lines_of(stream: IO[str]) -> Iterator[Line]:
    """The lines of ``stream``; a line longer than ``MAX_LINE`` is read to its end but
    comes as ``TOO_LONG``, so a program that never ends a line cannot fill the memory."""
    while line := stream.readline(MAX_LINE + 1):
        if len(line) > MAX_LINE and not line.endswith("\n"):  # more of it is to come
            while (rest := stream.readline(MAX_LINE)) and not rest.endswith("\n"):
                pass
            yield TOO_LONG
        else:
            yield line


def _pump(stream: IO[str], lines: queue.Queue[Line | None]) -> None:
    """Copy the program's output lines to ``lines``; None marks its end.  The queue is
    bounded: a program that writes without end waits on its full pipe, not on our memory."""
    try:
        for line in _lines_of(stream):
            lines.put(line)
    except (OSError, ValueError):
        pass
    lines.put(None)


def _tail(stream: IO[str], last: collections.deque[str]) -> None:
    """Keep the last few lines the program wrote to stderr (the cause of a crash)."""
    try:
        for line in _lines_of(stream):
            said = "(a line too long to keep)" if isinstance(line, _TooLong) else line.strip()
            if said:
                last.append(_printable(said[:MAX_STDERR]))
    except (OSError, ValueError):
        pass


def _echoed(line: Line) -> int | None:
    """The ``decision`` number an answer line names (None if it names none): an answer
    that names one is matched to its decision, whatever answers went missing before."""
    if isinstance(line, _TooLong) or '"decision"' not in line:
        return None
    try:
        data = json.loads(line)
    except (ValueError, RecursionError):
        return None
    number = data.get("decision") if isinstance(data, dict) else None
    return number if isinstance(number, int) and not isinstance(number, bool) else None


def _printable(text: str) -> str:
    """``text`` without control characters (a NUL, an escape): it reaches the debrief."""
    return "".join(c if c >= " " or c == "\t" else "?" for c in text)


def _write(stream: IO[str], frames: queue.Queue[str | None]) -> None:
    """Write the frames to the program's input, in order, until None (then close it).

    On a thread of its own: a program that stops reading fills the pipe, and the write
    that would block for ever blocks only this thread.
    """
    try:
        while (line := frames.get()) is not None:
            stream.write(line + "\n")
            stream.flush()
    except (OSError, ValueError):
        return  # the program has gone: its end of the output says so
    with contextlib.suppress(OSError, ValueError):
        stream.close()


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.kill()
        process.wait()


class ProcessAgent:
    """The agent of one seat: an outside program spoken to in JSON Lines."""

    def __init__(
        self,
        path: str,
        actor: str,
        seed: int,
        timeout: float = DEFAULT_AGENT_TIMEOUT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self.actor = actor
        self.seed = seed
        self.timeout = timeout
        self._clock = clock
        self._process: subprocess.Popen[str] | None = None
        self._lines: queue.Queue[Line | None] = queue.Queue(maxsize=MAX_QUEUED)
        self._frames: queue.Queue[str | None] = queue.Queue()
        self._stderr: collections.deque[str] = collections.deque(maxlen=3)
        self._dead = ""  # why the program can no longer play ("" while it can)
        self._detail = ""  # what only the host may read about it (its last stderr line)
        self._owed = 0  # answers still to come for decisions that timed out
        self._asked = 0  # decide frames sent (each frame's "decision" number)
        self._reader = LogReader()
        self._tail_thread: threading.Thread | None = None

    @property
    def who(self) -> str:
        return f"agent {self.path}"

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
            self._dead = "the agent could not be started"
            self._detail = f"{self.path!r}: {exc.strerror or exc}"
            return
        weakref.finalize(self, _stop, process)
        assert process.stdin is not None
        assert process.stdout is not None
        assert process.stderr is not None
        threading.Thread(target=_write, args=(process.stdin, self._frames), daemon=True).start()
        threading.Thread(target=_pump, args=(process.stdout, self._lines), daemon=True).start()
        self._tail_thread = threading.Thread(
            target=_tail, args=(process.stderr, self._stderr), daemon=True
        )
        self._tail_thread.start()
        self._send(encode(make_start(view, self.seed)))

    def _send(self, line: str) -> None:
        """Hand a frame to the writer thread: never blocks, whatever the program does."""
        if self._process is not None and not self._dead:
            self._frames.put(line)

    def _died(self) -> None:
        process = self._process
        code = process.poll() if process is not None else None
        if code is None and process is not None:
            try:
                code = process.wait(timeout=GRACE)
            except subprocess.TimeoutExpired:
                code = None
        self._dead = "the agent stopped" + (f" (exit code {code})" if code is not None else "")
        # Its stderr ends with it: read to the end before taking the last line (the cause).
        if self._tail_thread is not None:
            self._tail_thread.join(GRACE)
        self._detail = self._stderr[-1] if self._stderr else ""

    def _answer(self, deadline: float) -> Line | None:
        """The answer line to the decision just sent; None if none came by ``deadline``.

        One deadline for the whole decision: late answers to earlier decisions that
        arrive meanwhile are skipped without granting more time.
        """
        while True:
            left = deadline - self._clock()
            if left <= 0:
                self._owed += 1
                return None
            try:
                line = self._lines.get(timeout=left)
            except queue.Empty:
                continue  # the deadline is checked above
            if line is None:
                self._died()
                return None
            echoed = _echoed(line)
            if echoed is not None:  # the answer names its decision: no counting needed
                if echoed < self._asked:
                    continue  # a late answer to an earlier decision
                self._owed = 0
                return line
            if self._owed:  # a late answer to an earlier decision: not this one's
                self._owed -= 1
                continue
            return line

    # --- the seat protocol ---------------------------------------------------

    def decide(self, view: ActorView, legal: Sequence[Action]) -> Decision:
        if self._process is None and not self._dead:
            self._start(view)
        log = self._reader.since(view.table)
        self._asked += 1
        self._send(encode(decide_frame(view, legal, log, self._asked)))
        deadline = self._clock() + self.timeout  # from the frame on: one per decision
        line = None if self._dead else self._answer(deadline)
        if line is None:
            why = self._dead or f"no answer within {self.timeout:g} s"
            return passes(self.actor, self.who, why, self._detail)
        if isinstance(line, _TooLong):
            why = f"its answer is longer than {MAX_LINE:,} characters"
            return passes(self.actor, self.who, why)
        answer = read_answer(line, self.actor, legal, view.table)
        if answer.action is None:
            return passes(self.actor, self.who, answer.problem)
        chose = engine.format_action(answer.action)
        return Decision(answer.action, f"{self.who} chose: {chose}", answer.remark)

    def finish(self, outcome: str, scores: Mapping[str, float]) -> None:
        """Tell the program how the game ended, then let it go."""
        if self._process is not None:
            self._send(encode(end_frame(outcome, scores)))
        self.close()

    def close(self) -> None:
        """Close the program's input (after the frames still queued) and let it exit; one
        that does not within ``GRACE`` seconds is killed.  Safe to call more than once."""
        process, self._process = self._process, None
        if process is None:
            return
        if not self._dead:
            self._dead = "the game closed the agent"
        self._frames.put(None)
        try:
            process.wait(timeout=min(GRACE, self.timeout))
        except subprocess.TimeoutExpired:
            _stop(process)
        # Let the reading thread finish: it may wait to queue lines nobody will read
        # (for a while at most: a child of the program may hold its output open).
        end = time.monotonic() + GRACE
        with contextlib.suppress(queue.Empty):
            while self._lines.get(timeout=max(0.0, end - time.monotonic())) is not None:
                pass


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
        self._asked = 0

    def decide(self, view: ActorView, legal: Sequence[Action]) -> Decision:
        if self._player is None:
            self._player = self._make(make_start(view, self.seed))
        assert self._player is not None
        self._asked += 1
        frame = decide_frame(view, legal, self._reader.since(view.table), self._asked)
        answer = read_answer(encode(self._player.decide(frame)), self.actor, legal, view.table)
        if answer.action is None:
            return passes(self.actor, "in-process player", answer.problem)
        return Decision(answer.action, "in-process player", answer.remark)
