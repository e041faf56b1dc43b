"""The terminal mode's loop: print the table, read one command a line, drive the session.

Input comes from a person at a terminal or from a script piped into stdin (each
line is echoed then, so the output reads as a transcript).  End of input saves
and quits; a mistake gets a one-line reason and the question again.  A computer
seat's words at the table (its remark) are printed as it moves; its private
rationales only once the game is over, after the outcome and scores.
"""

from __future__ import annotations

import json
from typing import TextIO

from game import engine
from game.engine import Action, Propose, PublicView, Statement
from game.engine.variants import has_types
from game.errors import UserError
from game.session.seats import SeatKind
from game.session.session import Session, Turn
from game.text import menu, table
from game.text.summary import seed_text, summarize, summary_lines

PROMPT = "> "


class QuitError(Exception):
    """The player asked to stop (``q`` or end of input)."""


class TextGame:
    def __init__(self, session: Session, stdin: TextIO, out: TextIO, *, interactive: bool) -> None:
        self.session = session
        self.stdin = stdin
        self.out = out
        self.interactive = interactive
        self._shown = 0  # transcript events printed so far
        self._warned: str | None = None

    # --- output ---------------------------------------------------------------

    def say(self, *lines: str) -> None:
        self.out.write("\n".join(lines) + "\n")
        self.out.flush()

    def _names(self) -> dict[str, str]:
        return table.names(engine.public_view(self.session.state))

    def _event(self, line: str) -> None:
        # Openings span several lines; indenting them all keeps the transcript readable.
        self.say("  " + "\n    ".join(part.strip() for part in line.strip().splitlines()))

    def _flush_transcript(self) -> None:
        log = self.session.transcript
        for event in log[self._shown :]:
            self._event(event.text)
        self._shown = len(log)

    def _show_turns(self, turns: list[Turn]) -> None:
        names = self._names()
        for turn in turns:
            remark = self._remark(turn, names)
            if remark and not turn.events:
                self.say(remark)
            for index, event in enumerate(turn.events):
                self._event(event.text)
                # The move is its first event: its words go with it, before the quotes,
                # cards and round changes it set off.
                if index == 0 and remark:
                    self.say(remark)
            self._shown += len(turn.events)
        self._flush_transcript()  # anything the turns did not report
        self._warn_about_saving()

    @staticmethod
    def _remark(turn: Turn, names: dict[str, str]) -> str:
        """A computer seat's words at the table ("" if none); the rationale stays private."""
        said = turn.remark
        # A statement's words are already its event.
        if turn.entry.by is SeatKind.HUMAN or not said or type(turn.action) is Statement:
            return ""
        return f"      {names.get(turn.actor, turn.actor)} ({turn.entry.by}): “{said}”"

    def _warn_about_saving(self) -> None:
        warning = self.session.save_warning
        if warning and warning != self._warned:
            self.say(f"warning: {warning}")
        self._warned = warning

    def _table(self, pv: PublicView) -> None:
        self.say(*table.header(pv))
        self.say(*table.trackers(pv))
        self.say(*table.board(pv))

    # --- input ----------------------------------------------------------------

    def _read(self) -> str:
        if self.interactive:
            try:
                return input(PROMPT)
            except EOFError:
                raise QuitError from None
        self.out.write(PROMPT)
        line = self.stdin.readline()
        if not line:
            self.say("(end of input)")
            raise QuitError
        line = line.rstrip("\r\n")
        self.say(line)  # echoed, so a scripted game's output reads as a dialogue
        return line

    # --- the game -------------------------------------------------------------

    def run(self) -> int:
        try:
            return self._play()
        finally:
            # However it ends (over, quit, an error): no agent program is left running.
            self.session.close()

    def _play(self) -> int:
        s = self.session
        pv = engine.public_view(s.state)
        seats = ", ".join(f"{table.names(pv)[a]} {seat}" for a, seat in s.seats.items())
        self.say(f"{pv.title}", f"{seed_text(s.scenario, s.seed, s.is_over)}   seats: {seats}")
        self._flush_transcript()
        try:
            while True:
                turns = s.run_until_human()
                self._show_turns(turns)
                if s.is_over:
                    break
                self._human_turn()
        except QuitError:
            s.persist()
            where = s.save_path or (s.autosave_file if s.autosave else None)
            if where is not None and s.save_warning is None:
                self.say(f"Game saved to {where}.")
                self.say(f"Resume with: redlines play --text --resume {where}")
            self._warn_about_saving()
            return 0
        self.say(table.RULE, "The game is over.")
        self.say(*summary_lines(summarize(s), self._names()))
        if has_types(s.scenario):  # withheld at the start: the seed tells the hidden types
            self.say(f"seed: {s.seed}")
        self.say(*self._revealed())
        return 0

    def _revealed(self) -> list[str]:
        """Every computer move's rationale, for the debrief: private until the game is over."""
        names = self._names()
        lines = [
            f"  {n}. {names.get(e.action.actor, e.action.actor)} ({e.by}): {e.rationale}"
            # Recomputed where a save left them out (a resumed game): see ``revealed_log``.
            for n, e in enumerate(self.session.revealed_log(), 1)
            if e.by is not SeatKind.HUMAN and e.rationale
        ]
        return [table.RULE, "AI rationales, revealed:", *lines] if lines else []

    def _human_turn(self) -> None:
        s = self.session
        actor = s.to_move
        assert actor is not None  # run_until_human stops at a person's move or the end
        pv = engine.public_view(s.state)
        legal = s.legal_actions(actor)
        # Short enough that the last moves, printed above, stay on an 80×24 screen.
        self.say(menu.status(pv, actor))
        self.say(*menu.short_menu(pv, legal, s.scenario, actor))
        while True:
            line = self._read().strip()
            if not line:
                continue
            try:
                if self._command(actor, line, legal):
                    return
            except UserError as exc:
                self.say(f"refused: {exc}")

    def _build_package(self, actor: str, legal: tuple[Action, ...]) -> bool:
        """Propose a package by choosing an option per issue by number (no ids to type).

        Every option of every open issue on the agenda is offered, not only those legal
        alone: an option that needs another (R33) can go into a package with it, and
        its note says what it needs; the engine judges the whole package.
        """
        s = self.session
        pv = engine.public_view(s.state)
        settled = dict(pv.binding)
        by_id = {i.id: i for i in pv.issues}
        offered = {
            issue: [o.id for o in by_id[issue].options]
            for issue in pv.agenda
            if issue not in settled and issue in by_id
        }
        if not offered or not legal:
            raise UserError("no package can be proposed now")
        self.say(
            "Build a package: for each issue, the number of an option (0 or Enter: leave out)."
        )
        terms: list[tuple[str, str]] = []
        for issue_id, options in offered.items():
            issue = next(i for i in pv.issues if i.id == issue_id)
            adds = engine.option_consenters(issue, {a.id for a in pv.actors if a.playable})
            choices = ["0 leave out"]
            for n, option in enumerate(options, 1):
                label = next((o.label for o in issue.options if o.id == option), option)
                one = Propose(actor, ((issue_id, option),))
                marks = table.red_line_marks(s.scenario, pv, one, actor).strip()
                needs = engine.unavailable_because(pv.issues, issue_id, option, (), pv.binding)
                added = adds.get(option, ())  # R37: this option's own consent
                also = f"(also needs the consent of {engine.words.names(pv, added)})"
                also = also if added else ""
                notes = " ".join(p for p in (marks, f"({needs})" if needs else "", also) if p)
                choices.append(f"{n} {label}{' ' + notes if notes else ''}")
            self.say(f"{issue.name}:", *(f"    {choice}" for choice in choices))
            answer = self._read().strip() or "0"
            if not answer.isdigit() or int(answer) > len(options):
                raise UserError(f"{answer!r} is not 0 to {len(options)}: the package was dropped")
            if int(answer):
                terms.append((issue_id, options[int(answer) - 1]))
        if not terms:
            self.say("Nothing chosen: no package proposed.")
            return False
        self._show_turns([s.submit(Propose(actor, tuple(terms)))])
        return True

    def _command(self, actor: str, line: str, legal: tuple[Action, ...]) -> bool:
        """Carry out one command; True when the turn is over (a move was made or undone)."""
        s = self.session
        word, _, rest = line.partition(" ")
        word, rest = word.lower(), rest.strip()
        if word.isdigit():
            number = int(word)
            if not 1 <= number <= len(legal):
                raise UserError(f"no action number {number}: choose 1 to {len(legal)}")
            self._show_turns([s.submit(legal[number - 1])])
            return True
        if word == "p" and not rest:
            return self._build_package(actor, legal)
        if word == "?" and not rest:
            pv = engine.public_view(s.state)
            self.say(*table.menu(pv, legal, s.scenario, actor))
            return False
        if word == "p" and rest:
            self._show_turns([s.submit_text(f"{actor} propose {rest}")])
            return True
        if word == "t" and rest:
            self._show_turns([s.submit_text(f"{actor} threaten {rest}")])
            return True
        if word == "s" and rest:
            tone, _, said = rest.partition(" ")
            self._show_turns(
                [s.submit_text(f"{actor} say {tone.lower()} {json.dumps(said.strip())}")]
            )
            return True
        if word == "u" and not rest:
            taken_back = s.undo()
            self.say("Undone: " + "; ".join(engine.format_action(e.action) for e in taken_back))
            self._shown = len(s.transcript)
            return True
        if word == "b" and not rest:
            pv = engine.public_view(s.state)
            self._table(pv)
            self.say(*menu.short_menu(pv, legal, s.scenario, actor))
            return False
        if word == "i" and not rest:
            self.say(*table.brief(s.view(actor), engine.public_view(s.state)))
            return False
        if word in ("h", "help") and not rest:
            self.say(table.HELP)
            return False
        if word in ("q", "quit") and not rest:
            raise QuitError
        if word in ("t", "s"):
            raise UserError(f"'{word}' needs more: type h for help")
        self._show_turns([s.submit(menu.typed_move(line, actor))])
        return True
