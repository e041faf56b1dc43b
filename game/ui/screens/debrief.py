"""The debrief: the outcome and why, scores, red lines, commitments, tension, everything revealed.

At the end nothing is private any more: every briefing, secret red line and AI
rationale is shown, and the table's result is set beside what really happened.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from game import engine
from game.engine import CommitmentStatus, PublicView, words
from game.errors import UserError
from game.export import export_session
from game.export.debrief import build_debrief
from game.export.model import CROSSED, TESTED, Debrief
from game.outputs import NotOursError
from game.paths import user_data_dir
from game.session.seats import SeatKind
from game.session.session import Session
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


def _scores(doc: Document, theme: Theme, session: Session, pv: PublicView) -> None:
    doc.heading("Each delegation against its walk-away value")
    for actor, score in engine.scores(session.state).items():
        seat = session.seats.get(actor)
        who = short_name(pv, actor) + (f"  ({seat_text(seat)})" if seat is not None else "")
        colour = actor_colour(theme, pv, actor)
        swatch = Swatch(f"debrief.score.{actor}", f"{who}:  score {score.total:+.2f}", colour)
        doc.widget(swatch, 24, gap="md")
        better = score.utility >= score.reservation
        verdict = "better than walking away" if better else "worse than walking away"
        parts = [
            f"Value of the final terms {score.utility:.2f} vs walk-away "
            f"{score.reservation:.2f} ({verdict})"
        ]
        if score.objective_points:
            parts.append(f"objectives +{score.objective_points:g}")
        if score.red_line_penalty:
            parts.append(f"red lines −{score.red_line_penalty:g}")
        if score.outcome_bonus:
            parts.append(f"outcome {score.outcome_bonus:+g}")
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


def _terms_and_history(doc: Document, session: Session, pv: PublicView) -> None:
    """What the table agreed, set beside what really happened."""
    sc = session.scenario
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
    if sc.history_summary:
        history.append(Para(prose(sc.history_summary)))
    for entry in sc.history:
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


def _revealed(doc: Document, session: Session, pv: PublicView) -> None:
    sc = session.scenario
    doc.heading("Every briefing, revealed")
    for actor in sc.actors:
        if not actor.briefing:
            continue
        doc.text(actor.name, "label", "accent", gap="lg")
        doc.text(actor.briefing.strip(), "body", gap="xs")
        prefs = sc.preferences.get(actor.id)
        for objective in prefs.objectives if prefs is not None else ():
            doc.text(f"Secret objective: {objective.text}", "caption", "text_dim", gap="xs")
    doc.heading("Why the AI delegates did what they did")
    # Saves leave rationales out; a resumed game's are recomputed by replay.
    ai = [e for e in session.revealed_log() if e.by is not SeatKind.HUMAN and e.rationale]
    if not ai:
        doc.text("No AI delegate sat at this table.", "body_italic", "text_dim")
    for n, entry in enumerate(ai, 1):
        who = short_name(pv, entry.action.actor)
        said = f" (said at the table: “{entry.remark}”)" if entry.remark else ""
        line = f"{n}. {who}: {words.humanize(pv, entry.rationale)}{said}"
        doc.text(line, "caption", gap="xs")


class DebriefScene(PageScene):
    """The end of the game, for discussion."""

    max_width = 1180
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        *PageScene.KEYS,
        KeyBinding("escape", "title", "Back to the title"),
    )

    def __init__(self, ctx: Context, setup: GameSetup) -> None:
        session = setup.session
        pv = engine.public_view(session.state)
        result = engine.outcome(session.state)
        label = result.label if result is not None else "Unfinished"
        buttons = [
            ("debrief.title", "Back to the title"),
            ("debrief.export.html", "Export HTML"),
            ("debrief.export.md", "Export Markdown"),
        ]
        super().__init__(ctx, "debrief", "DEBRIEF — EVERYTHING IS REVEALED", label, buttons)
        ctx.autosave = None
        self.session = session
        self.debrief = build_debrief(session)
        self.exported: list[Path] = []
        # An export a file of the person's own was in the way of: (format, where, free name).
        self.pending: tuple[str, Path, Path] | None = None
        doc = self.doc
        if result is not None:
            described = [o.description for o in session.scenario.outcomes if o.id == result.id]
            if described and described[0]:
                doc.text(described[0], "body", gap="xs")
            doc.text(f"Why this label: {result.why}", "body", "text_dim", gap="sm")
        _scores(doc, self.theme, session, pv)
        _objectives(doc, self.debrief)
        _terms_and_history(doc, session, pv)
        doc.heading("Tension over the talks")
        points = tension_series(session.scenario.trackers.tension, pv.log)
        chart = TensionChart(
            "debrief.chart",
            points,
            pv.trackers.war_threshold,
            [ChartRound(f"{r.city} {r.date[5:]}", r.turns) for r in pv.rounds],
        )
        doc.widget(chart, 260)
        _bookmarks(doc, self.debrief)
        _red_lines(doc, self.debrief)
        _ledger(doc, pv)
        _revealed(doc, session, pv)

    def export_target(self, fmt: str) -> Path:
        """Next to the save when the game has one, else in the user's data folder."""
        s = self.session
        name = f"debrief-{s.scenario.id}-{s.seed}.{fmt}"
        if s.save_path is not None:
            return Path(s.save_path).with_name(f"{Path(s.save_path).stem}-debrief.{fmt}")
        return user_data_dir() / "exports" / name

    def export(self, fmt: str, target: Path | None = None, *, replace: bool = False) -> Transition:
        """Write the debrief as ``fmt`` and say where (or why not).

        A file of the person's own in the way is never replaced unasked: the dialog
        offers another name beside it, or replacing it.
        """
        target = self.export_target(fmt) if target is None else target
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            export_session(self.session, target, fmt, replace=replace)
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
