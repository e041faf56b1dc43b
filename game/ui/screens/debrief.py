"""The debrief: the outcome and why, scores, red lines, commitments, tension, everything revealed.

At the end nothing is private any more: every briefing, secret red line and AI
rationale is shown, and the table's result is set beside what really happened.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from game.engine import CommitmentStatus, PublicView, words
from game.errors import UserError
from game.export import export_session
from game.export.files import is_our_export, render
from game.export.model import CROSSED, TESTED, Debrief
from game.outputs import NotOursError, write_output
from game.paths import user_data_dir
from game.session.seats import parse_seat
from game.ui.kit import desktop
from game.ui.kit.context import Context
from game.ui.kit.dialog import Dialog
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Push, Transition
from game.ui.kit.theme import Theme
from game.ui.screens.common import (
    GameSetup,
    actor_colour,
    names_list,
    prose,
    seat_text,
    short_name,
)
from game.ui.screens.page import PageScene
from game.ui.screens.widgets.chart import ChartRound, TensionChart, tension_series
from game.ui.screens.widgets.chips import Swatch
from game.ui.screens.widgets.columns import Columns, Para
from game.ui.screens.widgets.document import Document

_LEDGER_COLOUR = {
    CommitmentStatus.KEPT: "ok",
    CommitmentStatus.BROKEN: "danger",
    CommitmentStatus.PENDING: "warning",
    CommitmentStatus.LAPSED: "text_dim",
    CommitmentStatus.WITHDRAWN: "warning",
}


def _scores(doc: Document, theme: Theme, debrief: Debrief, pv: PublicView) -> None:
    doc.heading("Each delegation against its walk-away value")
    for actor in debrief.scored:
        seat = f"  ({seat_text(parse_seat(actor.seat))})" if actor.seat else ""
        who = short_name(pv, actor.id) + seat
        colour = actor_colour(theme, pv, actor.id)
        swatch = Swatch(f"debrief.score.{actor.id}", f"{who}:  score {actor.total:+.2f}", colour)
        doc.widget(swatch, 24, gap="md")
        better = actor.utility >= actor.reservation
        verdict = "better than walking away" if better else "worse than walking away"
        parts = [
            f"Value of the final terms {actor.utility:.2f} vs walk-away "
            f"{actor.reservation:.2f} ({verdict})"
        ]
        if actor.objective_points:
            parts.append(f"objectives +{actor.objective_points:g}")
        if actor.red_line_penalty:
            parts.append(f"red lines −{actor.red_line_penalty:g}")
        if actor.outcome_bonus:
            parts.append(f"outcome {actor.outcome_bonus:+g}")
        doc.text(";  ".join(parts), "body", "text_dim", gap="xs", indent=22)


def _objectives(doc: Document, debrief: Debrief) -> None:
    """Each delegation's secret objectives, and which the final state met."""
    doc.heading("Secret objectives, met or not")
    listed = [a for a in debrief.scored if a.objectives]
    if not listed:
        doc.text("No delegation had a secret objective.", "body_italic", "text_dim")
    for actor in listed:
        doc.text(actor.short_name or actor.name, "label", "accent", gap="md")
        for objective in actor.objectives:
            verdict = f"met (+{objective.points:g})" if objective.met else "not met"
            doc.text(
                f"{verdict} — {objective.text}",
                "body",
                "ok" if objective.met else "text_dim",
                gap="xs",
                indent=22,
            )


def _terms_and_history(doc: Document, debrief: Debrief, pv: PublicView) -> None:
    """What the table agreed, set beside what really happened."""
    mine = [Para("AT YOUR TABLE", "overline", "accent")]
    if pv.outcome:
        mine.append(Para(pv.outcome, "label"))
    tension = (
        f"Tension at the end: {pv.trackers.tension:.0f} (war at {pv.trackers.war_threshold:.0f})"
    )
    mine.append(Para(tension, gap="xs"))
    binding = words.term_lines(pv, pv.binding)
    if not binding:
        mine.append(Para("Nothing was agreed bindingly.", "body_italic", "text_dim"))
    mine += [Para(f"•  {line}", gap="xs") for line in binding]
    for prov in pv.provisional:
        line = words.term_lines(pv, [(prov.issue, prov.option)])[0]
        missing = names_list(pv, prov.missing)
        mine.append(
            Para(f"Provisional only: {line} (never accepted by {missing})", colour="warning")
        )
    history = [Para("WHAT REALLY HAPPENED", "overline", "accent")]
    if debrief.history_summary:
        history.append(Para(prose(debrief.history_summary)))
    for entry in debrief.history:
        history.append(Para(entry.date, "label", "accent", gap="md"))
        history.append(Para(prose(entry.text), gap="xs"))
    doc.heading("Your result beside history")
    columns = Columns("debrief.history", mine, history)
    doc.widget(columns, gap="md")


def _red_lines(doc: Document, debrief: Debrief) -> None:
    """Every red line: kept, tested (put forward in a proposal) or crossed, as the export says."""
    doc.heading("Red lines kept, tested or crossed")
    colours = {CROSSED: "danger", TESTED: "warning"}
    for actor in debrief.actors:
        for line in actor.red_lines:
            kind = "public" if line.public else "secret"
            options = ", ".join(line.options)
            text = (
                f"{actor.short_name or actor.name} — {line.issue_name}: never {options} ({kind})"
                f" — {line.status_text}"
            )
            doc.text(text, "label", colours.get(line.status, "ok"), gap="sm")
            doc.text(line.reason, "caption", "text_dim", gap="xs")


def _bookmarks(doc: Document, debrief: Debrief) -> None:
    """The facilitator's bookmarks, in order, with where they were dropped."""
    doc.heading("Bookmarks for the discussion")
    marks = debrief.bookmarks
    if not marks:
        doc.text("The facilitator dropped no bookmarks.", "body_italic", "text_dim")
    for n, mark in enumerate(marks, 1):
        doc.text(f"{n}. Round {mark.round}, turn {mark.turn}: {mark.note or mark.text}", gap="sm")


def _ledger(doc: Document, pv: PublicView) -> None:
    doc.heading("The commitment ledger")
    if not pv.ledger:
        doc.text("Nobody threatened or promised anything.", "body_italic", "text_dim")
    for c in pv.ledger:
        doc.text(words.ledger_line(pv, c), "body", _LEDGER_COLOUR.get(c.status, "text"), gap="sm")


def _revealed(doc: Document, debrief: Debrief, pv: PublicView) -> None:
    doc.heading("Every briefing, revealed")
    for actor in debrief.actors:
        if not actor.briefing:
            continue
        doc.text(actor.name, "label", "accent", gap="lg")
        if actor.hidden_type:
            doc.text(f"Hidden type this game: {actor.hidden_type}", "caption", "accent", gap="xs")
            if actor.instructions:
                doc.text(actor.instructions, "body", gap="xs")
        doc.text(actor.briefing.strip(), "body", gap="xs")
        for objective in actor.objectives:
            doc.text(f"Secret objective: {objective.text}", "caption", "text_dim", gap="xs")
    doc.heading("Why the AI delegates did what they did")
    # A computer move's rationale (and what it said) sits on the first line of its move.
    moves = [line for line in debrief.transcript if line.rationale]
    if not moves:
        doc.text("No AI delegate sat at this table.", "body_italic", "text_dim")
    for n, line in enumerate(moves, 1):
        who = short_name(pv, line.actor)
        said = f" (said at the table: “{line.remark}”)" if line.remark else ""
        text = f"{n}. {who}: {words.humanize(pv, line.rationale)}{said}"
        doc.text(text, "caption", gap="xs")


class DebriefScene(PageScene):
    """The end of the game, for discussion."""

    max_width = 1180
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        *PageScene.KEYS,
        KeyBinding("escape", "title", "Back to the title"),
    )

    def __init__(self, ctx: Context, setup: GameSetup) -> None:
        game = setup.game
        pv = game.public_view()
        debrief = setup.debrief()
        label = debrief.outcome.label if debrief and debrief.outcome else "Unfinished"
        buttons = [
            ("debrief.title", "Back to the title"),
            ("debrief.export.html", "Export HTML"),
            ("debrief.export.md", "Export Markdown"),
        ]
        super().__init__(ctx, "debrief", "DEBRIEF — EVERYTHING IS REVEALED", label, buttons)
        ctx.autosave = None
        self.session = setup.session  # None on a laptop: the host keeps the game
        self.debrief = debrief
        self.exported: list[Path] = []
        # An export a file of the person's own was in the way of: (format, where, free name).
        self.pending: tuple[str, Path, Path] | None = None
        doc = self.doc
        if debrief is None:  # a host that sent no debrief (another version): what we know
            result = game.outcome()
            said = words.outcome_reasons(result.why, result.passed_over) if result else ""
            doc.text(said or "The game is over.", "body")
            self._chart(pv, game.opening().trackers.tension)
            _ledger(doc, pv)
            for button in ("debrief.export.html", "debrief.export.md"):
                self.widget(button).enabled = False
            return
        if debrief.outcome is not None:
            if debrief.outcome.description:
                doc.text(debrief.outcome.description, "body", gap="xs")
            doc.text(f"Why this label: {debrief.outcome.why}", "body", "text_dim", gap="sm")
        _scores(doc, self.theme, debrief, pv)
        _objectives(doc, debrief)
        _terms_and_history(doc, debrief, pv)
        self._chart(pv, game.opening().trackers.tension)
        _bookmarks(doc, debrief)
        _red_lines(doc, debrief)
        _ledger(doc, pv)
        _revealed(doc, debrief, pv)

    def _chart(self, pv: PublicView, start: float) -> None:
        self.doc.heading("Tension over the talks")
        chart = TensionChart(
            "debrief.chart",
            tension_series(start, pv.log),
            pv.trackers.war_threshold,
            [ChartRound(f"{r.city} {r.date[5:]}", r.turns) for r in pv.rounds],
        )
        self.doc.widget(chart, 260)

    def export_target(self, fmt: str) -> Path:
        """Next to the save when the game has one, else in the user's data folder."""
        s = self.session
        if s is not None and s.save_path is not None:
            return Path(s.save_path).with_name(f"{Path(s.save_path).stem}-debrief.{fmt}")
        d = self.debrief
        name = f"debrief-{d.scenario_id}-{d.seed}.{fmt}" if d is not None else f"debrief.{fmt}"
        return user_data_dir() / "exports" / name

    def export(self, fmt: str, target: Path | None = None, *, replace: bool = False) -> Transition:
        """Write the debrief as ``fmt`` and say where (or why not).

        A file of the person's own in the way is never replaced unasked: the dialog
        offers another name beside it, or replacing it.
        """
        target = self.export_target(fmt) if target is None else target
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if self.session is not None:
                export_session(self.session, target, fmt, replace=replace)
            elif self.debrief is not None:  # a laptop writes the debrief the host sent
                data = render(self.debrief, fmt).encode()
                write_output(target, data, ours=is_our_export, force=replace)
        except NotOursError:
            self.pending = (fmt, target, free_name(target))
            message = (
                f"{target} already exists, and Red Lines did not write it. Write the "
                f"debrief to {self.pending[2].name} beside it, or replace the file?"
            )
            buttons = [
                ("export-clash.rename", "Use the new name"),
                ("export-clash.replace", "Replace it"),
                ("export-clash.cancel", "Cancel"),
            ]
            return Push(
                Dialog(
                    self.ctx, "export-clash", "A file is in the way", message, buttons,
                    cancel="export-clash.cancel",
                )
            )  # fmt: skip
        except (UserError, OSError) as exc:
            title, message = "The debrief was not exported", str(exc)
        else:
            self.exported.append(target)
            title, message = "Debrief exported", f"Written to {target}"
            buttons = [("exported.ok", "OK"), ("exported.open", "Open it")]
            return Push(Dialog(self.ctx, "exported", title, message, buttons, cancel="exported.ok"))
        return Push(
            Dialog(
                self.ctx, "exported", title, message, [("exported.ok", "OK")], cancel="exported.ok"
            )
        )

    def open_export(self) -> Transition | None:
        """Hand the file just exported to the desktop (its browser or editor)."""
        problem = desktop.open_path(self.exported[-1])
        if problem is None:
            return None
        message = f"{problem}. The file is {self.exported[-1]}"
        ok = [("exported.ok", "OK")]
        return Push(
            Dialog(self.ctx, "open-failed", "Not opened", message, ok, cancel="exported.ok")
        )

    def on_intent(self, intent: Intent) -> Transition | None:
        if intent.source == "debrief.title":
            return Pop()
        if intent.source in ("debrief.export.html", "debrief.export.md"):
            return self.export(intent.source.rsplit(".", 1)[1])
        if intent.source == "exported" and intent.value == "exported.open" and self.exported:
            return self.open_export()
        if intent.source == "export-clash" and self.pending is not None:
            (fmt, target, other), self.pending = self.pending, None
            if intent.value == "export-clash.rename":
                return self.export(fmt, other)
            if intent.value == "export-clash.replace":
                return self.export(fmt, target, replace=True)
        return None

    def on_action(self, action: str) -> Transition | None:
        return Pop() if action == "title" else super().on_action(action)


def free_name(target: Path) -> Path:
    """``target`` with the first free number added ("debrief-2.html"), for an export that
    must not replace the file of that name."""
    n = 2
    while (candidate := target.with_name(f"{target.stem}-{n}{target.suffix}")).exists():
        n += 1
    return candidate
