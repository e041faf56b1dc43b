"""``redlines join --text``: play one delegation of a hosted game in the terminal.

It reads and prints like ``redlines play --text`` does for a human seat — the
table, the numbered menu, the same commands, the transcript, and at the end the
outcome, the scores and the ``digest:`` line — but the moves go to the host,
which judges them; this loop only shows what the host's frames say.  Lines are
read only when it is this delegation's move, so a script piped into stdin holds
exactly this delegation's moves.  A dropped connection is retried for a while
(a host restarting from its autosave), then given up with the command to rejoin.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import TextIO

from game import engine
from game.engine import Statement
from game.errors import UserError
from game.net.client import Closed, Connection, Incoming, NetError, RefusedError
from game.net.mirror import Change, HostFrameError, Mirror
from game.net.protocol import Act, Join, Undo
from game.text import menu, table
from game.text.summary import Summary, summary_lines

PROMPT = "> "
RECONNECT_SECONDS = 60.0  # how long a lost host is retried (long enough for a restart)
RETRY_EVERY = 0.5


class _QuitError(Exception):
    """The player asked to leave (``q`` or end of input)."""


class RemoteTextGame:
    """One delegation's (or a spectator's) terminal at a hosted game."""

    def __init__(
        self,
        url: str,
        join: Join,
        stdin: TextIO,
        out: TextIO,
        *,
        interactive: bool,
        reconnect_seconds: float = RECONNECT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.url = url
        self.join = join
        self.stdin = stdin
        self.out = out
        self.interactive = interactive
        self.reconnect_seconds = reconnect_seconds
        self.clock = clock
        self.connection = Connection(url, join)
        self.mirror: Mirror | None = None
        self._shown = 0  # transcript events printed so far
        self._waiting = False  # a move was sent; the host's answer has not come
        # The move last sent and how long the transcript was then: if the connection
        # drops before the host answers, the rejoined game shows whether it arrived.
        self._unanswered: tuple[str, int] | None = None

    # --- output -------------------------------------------------------------------

    def say(self, *lines: str) -> None:
        self.out.write("\n".join(lines) + "\n")
        self.out.flush()

    def _event(self, line: str) -> None:
        self.say("  " + "\n    ".join(part.strip() for part in line.strip().splitlines()))

    @property
    def _m(self) -> Mirror:
        assert self.mirror is not None
        return self.mirror

    def _names(self) -> dict[str, str]:
        return table.names(self._m.table)

    def _flush_transcript(self) -> None:
        log = self._m.table.log
        for event in log[self._shown :]:
            self._event(event.text)
        self._shown = len(log)

    # --- the game -----------------------------------------------------------------

    def run(self) -> int:
        try:
            self.mirror = Mirror.from_welcome(self.connection.open())
        except HostFrameError as exc:
            raise NetError(str(exc)) from None
        pv = self._m.table
        seats = ", ".join(f"{self._names().get(a, a)} {k}" for a, k in self._m.kinds.items())
        self.say(f"{pv.title}", f"seats: {seats}")  # the seed is told only at the end
        who = self._names().get(self._m.seat, self._m.seat) if self._m.seat else "a spectator"
        self.say(f"joined {self.connection.url} as {who}")
        self._flush_transcript()
        try:
            while True:
                incoming = self._next()
                if incoming is None:
                    return self._left()
                assert not isinstance(incoming, Closed)  # _next rejoins or gives up
                change = self._m.apply(incoming)
                done = self._show(change)
                if done is not None:
                    return done
        except _QuitError:
            return self._left()
        except HostFrameError as exc:
            self.connection.close()
            raise NetError(str(exc)) from None

    def _next(self) -> Incoming | None:
        """The next frame, rejoining after a drop (None: the host is gone for good)."""
        incoming = self.connection.frames.get()
        if not isinstance(incoming, Closed):
            return incoming
        if self._rejoin(incoming.reason):
            return self._next()  # the new connection's first frames (a your-move, maybe)
        return None

    def _rejoin(self, reason: str) -> bool:
        """Try the host again for a while, as the same seat with the same PIN."""
        self.say(f"connection lost: {reason}; trying to rejoin")
        deadline = self.clock() + self.reconnect_seconds
        while self.clock() < deadline:
            connection = Connection(self.url, self.join)
            try:
                welcome = connection.open(timeout=max(1.0, deadline - self.clock()))
            except NetError as exc:
                if isinstance(exc, RefusedError) and exc.final:
                    self.say(str(exc))
                    return False
                time.sleep(RETRY_EVERY)
                continue
            self.connection = connection
            self.mirror = Mirror.from_welcome(welcome)
            self._shown = min(self._shown, len(self._m.table.log))
            self._waiting = False
            self.say("rejoined the game")
            if self._unanswered is not None and self._unanswered[1] != len(self._m.table.log):
                self._unanswered = None  # the table moved on: the host had it
            self._flush_transcript()
            return True
        return False

    def _show(self, change: Change) -> int | None:
        """Show what a frame changed; an exit status when the game ends for this client."""
        if change.kind == "update":
            self._waiting = False
            self._unanswered = None
            if change.undone:
                self.say("Undone: " + "; ".join(change.undone))
                self._shown = len(self._m.table.log)
            else:
                self._show_turns(change)
        elif change.kind == "your-move":
            self._turn(first=True)
        elif change.kind == "refused":
            self.say(f"refused: {change.message}")
            self._waiting = False
            self._unanswered = None
            self._turn(first=False)
        elif change.kind == "error":
            self.say(f"error from the host: {change.message}")
            if change.fatal:
                self.connection.close()
                return 1
            if self._waiting:
                self._waiting, self._unanswered = False, None
                self._turn(first=False)
        elif change.kind == "over":
            self._flush_transcript()
            self._end()
            self.connection.close()
            return 0
        return None

    def _show_turns(self, change: Change) -> None:
        names = self._names()
        self._shown = min(self._shown, change.log_from)
        for turn in change.turns:
            for event in turn.events:
                self._event(event.text)
            self._shown += len(turn.events)
            said = turn.remark
            if turn.by != "human" and said and not _is_statement(turn.action):
                who = names.get(turn.actor, turn.actor)
                self.say(f"      {who} ({turn.by}): “{said}”")
        self._flush_transcript()

    def _end(self) -> None:
        result = self._m.result
        assert result is not None
        names = self._names()
        self.say(table.RULE, "The game is over.")
        summary = Summary(
            scenario=self._m.table.scenario_id,
            seed=result.seed if result.seed is not None else 0,
            over=True,
            outcome=result.outcome,
            outcome_label=result.label,
            outcome_why=result.why,
            scores=result.scores,
            digest=result.digest,
            turns=result.turns,
            rounds=result.rounds,
            outcome_passed_over=result.passed_over,
        )
        self.say(*summary_lines(summary, names))
        if result.seed is not None:
            self.say(f"seed: {result.seed}")
        lines = [
            f"  {n}. {names.get(actor, actor)} ({by}): {why}"
            for n, actor, by, why in result.rationales
        ]
        if lines:
            self.say(table.RULE, "AI rationales, revealed:", *lines)

    def _left(self) -> int:
        self.connection.close()
        seat = self.join.seat
        if seat is not None and (self.mirror is None or self.mirror.result is None):
            pin = " --pin PIN" if self.join.pin else ""
            self.say(f"Left the game. Rejoin with: redlines join {self.url} --seat {seat}{pin}")
        return 0

    # --- this delegation's move ------------------------------------------------------

    def _turn(self, *, first: bool) -> None:
        """Show the table and menu (on a new turn), then read until a move is sent."""
        m = self._m
        actor = m.seat
        if actor is None or m.table.to_move != actor or not m.legal:
            return
        pv = m.table
        if first:
            self.say(*table.header(pv), *table.trackers(pv), *table.board(pv))
            self.say(f"{self._names().get(actor, actor)} to move.")
            self._menu()
        if self._unanswered is not None:
            # Sent before the connection dropped and never taken: the same move again.
            self.say(f"(sending again: {self._unanswered[0]})")
            self._send(self._unanswered[0])
        while not self._waiting:
            line = self._read().strip()
            if not line:
                continue
            try:
                self._command(actor, line)
            except UserError as exc:
                self.say(f"refused: {exc}")

    def _menu(self) -> None:
        pv = self._m.table
        legal = self._m.legal
        # The host judged the red lines each move crosses (it alone has everyone's).
        marks = [
            table.crossing_marks(pv, [(c.actor, c.issue, c.own) for c in move.crosses])
            for move in legal
        ]
        self.say(*table.menu(pv, [move.action for move in legal], marks=marks))

    def _send(self, action_text: str) -> None:
        self.connection.send(Act(action_text))
        self._waiting = True
        self._unanswered = (action_text, len(self._m.table.log))

    def _command(self, actor: str, line: str) -> None:
        word, _, rest = line.partition(" ")
        word, rest = word.lower(), rest.strip()
        legal = self._m.legal
        if word.isdigit():
            number = int(word)
            if not 1 <= number <= len(legal):
                raise UserError(f"no action number {number}: choose 1 to {len(legal)}")
            self._send(engine.format_action(legal[number - 1].action))
        elif word == "p" and rest:
            self._send(f"{actor} propose {rest}")
        elif word == "t" and rest:
            self._send(f"{actor} threaten {rest}")
        elif word == "s" and rest:
            tone, _, said = rest.partition(" ")
            self._send(f"{actor} say {tone.lower()} {json.dumps(said.strip())}")
        elif word == "u" and not rest:
            self.connection.send(Undo())
            self._waiting = True
        elif word == "b" and not rest:
            pv = self._m.table
            self.say(*table.header(pv), *table.trackers(pv), *table.board(pv))
            self._menu()
        elif word == "i" and not rest:
            view = self._m.view
            assert view is not None
            self.say(*table.brief(view, self._m.table))
        elif word in ("h", "help", "?") and not rest:
            self.say(table.HELP)
        elif word in ("q", "quit") and not rest:
            raise _QuitError
        elif word in ("p", "t", "s"):
            raise UserError(f"'{word}' needs more: type h for help")
        else:
            self._send(engine.format_action(menu.typed_move(line, actor)))

    def _read(self) -> str:
        if self.interactive:
            try:
                return input(PROMPT)
            except EOFError:
                raise _QuitError from None
        self.out.write(PROMPT)
        line = self.stdin.readline()
        if not line:
            self.say("(end of input)")
            raise _QuitError
        line = line.rstrip("\r\n")
        self.say(line)
        return line


def _is_statement(action: str) -> bool:
    # A statement's words are already its event: the remark is not printed twice.
    try:
        return isinstance(engine.parse_action(action), Statement)
    except engine.ActionError:
        return False
