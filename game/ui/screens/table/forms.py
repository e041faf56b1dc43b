"""The frame of the action bar's forms: fields, live red-line notes, confirm and cancel.

Each form is a modal over the table.  It offers only what the game says is
legal for the mover, explains live which terms cross the mover's own red lines
(secret ones included: only the mover sees this form) or anyone's public ones,
from the mover's own view only, and closes with ``Pop(Submit(action))``: the
intent the table hands to the game controller.  It never changes the game.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

import pygame

from game.engine import Action, ActorView, Propose, words
from game.engine.model import Issue
from game.engine.packages import issues_problem, unavailable_because
from game.engine.seen import explain_red_lines_seen, utility_seen
from game.session.controller import ClockReading, Submit
from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Scene, Transition
from game.ui.kit.widgets.base import draw_panel
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.label import Label
from game.ui.kit.widgets.scrollpanel import ScrollPanel
from game.ui.screens.classroom import clock_text, ms_to_next_second
from game.ui.screens.common import short_name
from game.ui.screens.widgets.chooser import ChoicePicker
from game.ui.screens.widgets.document import Document

LEAVE_OUT = "— not in this package —"
CLOCK_SAMPLE = "88:88 left"  # the widest countdown: its room in the header does not jump


def agenda_options(
    legal: Sequence[Action],
    issues: Sequence[Issue] = (),
    agenda: Sequence[str] = (),
    binding: Sequence[tuple[str, str]] = (),
) -> dict[str, list[str]]:
    """Issue -> options the mover may put in a package now.

    Read from the legal one-term proposals; with the round's ``agenda`` and the
    ``binding`` terms, every option of every open agenda issue is listed, so that an
    option legal only together with another (``requires``, rule R33) can be chosen, and
    one that is unavailable can say why.
    """
    out: dict[str, list[str]] = {}
    for action in legal:
        if isinstance(action, Propose) and len(action.terms) == 1:
            issue, option = action.terms[0]
            out.setdefault(issue, []).append(option)
    if issues and agenda and out:
        settled = dict(binding)
        by_id = {i.id: i for i in issues}
        return {
            issue: [o.id for o in by_id[issue].options]
            for issue in agenda
            if issue not in settled and issue in by_id
        }
    return out


class FormScene(Scene):
    """A modal form: fields on the left, live notes on the right.

    A window too narrow for two columns (a small one, or large text) shows one column
    that scrolls as a whole: the notes come after the first ``notes_after`` fields (None:
    after all of them), so that what a choice costs is read beside it, not in a strip
    of two lines below the fields.
    """

    modal = True
    notes_after: int | None = None
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        KeyBinding("escape", "cancel", "Close without acting"),
        KeyBinding("ctrl+return", "submit", "Confirm"),
    )

    def __init__(
        self,
        ctx: Context,
        id: str,
        title: str,
        submit_text: str,
        *,
        own: ActorView,
        variant: str = "primary",
    ) -> None:
        super().__init__(ctx)
        self.id = id
        self.title = title
        self.own = own  # the mover's own view: the only private data this form may show
        self.pv = own.table
        self.actor = own.actor
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.agreed: dict[str, str] = {}  # binding terms: the value and coherence of a package
        self.heading = self.add(Label(f"{id}.title", title, style="subheading"))
        # The turn's countdown: the table under this modal is not updated, so the form shows it.
        self.clock: Callable[[], ClockReading] | None = None
        self.countdown = self.add(Label(f"{id}.clock", "", style="label", align="right"))
        self.fields = self.add(ScrollPanel(f"{id}.fields"))
        self.form = Document(self.fields, f"{id}.field")
        self.side = self.add(ScrollPanel(f"{id}.notes"))
        self.notes = Document(self.side, f"{id}.note")
        self.submit = self.add(Button(f"{id}.submit", submit_text, variant=variant))
        self.cancel = self.add(Button(f"{id}.cancel", "Cancel"))

    def show_clock(self, clock: Callable[[], ClockReading]) -> None:
        """Show the game's turn countdown (read-only, the table's clock) in the header."""
        self.clock = clock
        self.tick_clock()

    def tick_clock(self) -> None:
        """Bring the countdown up to date: red in the last seconds, amber while paused."""
        if self.clock is None:
            return
        reading = self.clock()
        text, urgent = clock_text(reading)
        self.countdown.text = text
        self.countdown.color = "warning" if reading.paused else "danger" if urgent else "accent"

    # -- to fill in --------------------------------------------------------------------
    def action(self) -> Action | None:
        """The action the form describes now (None: not complete)."""
        return None

    def explain(self) -> None:
        """Rebuild the notes for the current choices."""

    # -- shared notes ------------------------------------------------------------------
    def explain_terms(self, terms: Sequence[tuple[str, str]], *, value: bool) -> None:
        """The red lines these terms cross, and why; and their value to the mover."""
        doc = self.notes
        pv = self.pv
        doc.heading("Red lines", gap="xs")
        breaches = explain_red_lines_seen(self.own, tuple(terms), self.agreed)
        if not terms:
            doc.text("Choose at least one term.", "body_italic", "text_dim")
        elif not breaches:
            doc.text(
                "No term crosses your red lines or any delegation's public ones.", "body", "ok"
            )
        for b in breaches:
            whose = (
                "your own red line" + ("" if b.public else " (secret: only you know it)")
                if b.own
                else f"{short_name(pv, b.actor)}'s public red line"
            )
            head = (
                f"× {words.issue_name(pv, b.issue)}: {words.option_label(pv, b.issue, b.option)}"
                f" crosses {whose}"
            )
            doc.text(head, "label", "danger" if b.own else "warning", gap="md")
            doc.text(b.reason, "body", gap="xs")
            if b.source:
                doc.text(f"Source: {b.source}", "caption", "text_dim", gap="xs")
        if value and terms and self.own.weights:
            worth = utility_seen(self.own, dict(terms), self.agreed)
            doc.heading("Value to you", gap="lg")
            doc.text(
                f"With the other issues as they stand, this package is worth {worth:.2f} to "
                f"your delegation; walking away is worth {self.own.reservation:.2f}.",
                "body",
            )

    def refresh_notes(self) -> None:
        """Rebuild and re-flow the notes."""
        self.notes.clear()
        self.explain()
        self._flow()
        self.submit.enabled = self.action() is not None

    def _flow(self) -> None:
        """Lay the notes out: in their own column, or among the fields in one column."""
        if self.notes.panel is self.side:
            self.notes.arrange()
            return
        split = len(self.form.blocks) if self.notes_after is None else self.notes_after
        y = self.form.arrange(last=split, place=False)
        y = self.notes.arrange(y + self.theme.space("sm"), place=False)
        self.form.arrange(y, first=split)
        if self.focused is not None and self.focused in self.fields.children():
            self.fields.reveal(self.focused)  # notes above it may have grown

    # -- layout and behaviour ----------------------------------------------------------
    def layout(self, rect: pygame.Rect) -> None:
        t = self.theme
        width = min(t.px(1080), rect.width - 2 * t.space("md"))
        height = min(t.px(640), rect.height - 2 * t.space("md"))
        self.panel = layout.centred((width, height), rect)
        pad = t.space("lg") if width > t.px(600) else t.space("md")
        head, body, foot = layout.column(
            layout.pad(self.panel, pad),
            [t.line_height("subheading"), layout.Flex(), t.control_height()],
            t.space("md"),
        )
        if self.clock is not None:
            clock_w = self.theme.text_size(CLOCK_SAMPLE, "label")[0]
            self.heading.rect, self.countdown.rect = layout.row(
                head, [layout.Flex(), clock_w], t.space("md")
            )
        else:
            self.heading.rect, self.countdown.rect = head, pygame.Rect(head.right, head.top, 0, 0)
        columns = body.width >= t.px(760)
        self.notes.clear()  # from the panel they were in: they may move to the other
        self.notes.panel = self.side if columns else self.fields
        self.side.visible = columns
        if columns:
            self.fields.rect, self.side.rect = layout.row(
                body, [layout.Flex(1.1), layout.Flex(1)], t.space("xl")
            )
            self.form.arrange()
        else:
            self.fields.rect, self.side.rect = body, pygame.Rect(body.right, body.top, 0, 0)
        self.refresh_notes()
        widths = [max(t.px(120), b.preferred_size()[0]) for b in (self.cancel, self.submit)]
        _, self.cancel.rect, self.submit.rect = layout.row(
            foot, [layout.Flex(), *widths], t.space("md")
        )

    def draw_background(self, surface: pygame.Surface) -> None:
        draw_panel(surface, self.theme, self.panel, border="border_strong")

    def update(self, dt: float) -> Transition | None:
        self.tick_clock()
        return super().update(dt)

    def wakeup_in(self) -> float | None:
        times = [super().wakeup_in()]
        reading = self.clock() if self.clock is not None else ClockReading()
        left = None if reading.paused else reading.remaining
        if left is not None:
            times.append(ms_to_next_second(left))  # wake as the shown second changes
        known = [t for t in times if t is not None]
        return min(known) if known else None

    def focus_first(self) -> None:
        # The first field, not the scrolling panel around the fields.
        fields = [w for w in self.fields.children() if w.can_focus()]
        if self.focused is None and fields:
            self.focus(fields[0])
        else:
            super().focus_first()

    def _done(self) -> Transition | None:
        action = self.action()
        return Pop(Submit(action)) if action is not None else None

    def on_intent(self, intent: Intent) -> Transition | None:
        if intent.source == self.submit.id:
            return self._done()
        if intent.source == self.cancel.id:
            return Pop()
        if intent.kind == "change":
            self.refresh_notes()
        elif intent.kind == "submit":
            return self._done()
        return None

    def on_action(self, action: str) -> Transition | None:
        if action == "cancel":
            return Pop()
        if action == "submit":
            return self._done()
        return None


class TermsForm(FormScene):
    """A form with one chooser per proposable issue (a package, or a threat's unless-terms)."""

    def add_term_pickers(self, options: dict[str, list[str]], preset: dict[str, str]) -> None:
        """One chooser per issue: leave it out, or one of its options."""
        self.pickers: list[tuple[str, ChoicePicker]] = []
        for issue, opts in options.items():
            choices: list[tuple[object, str]] = [(None, LEAVE_OUT)]
            choices += [(o, words.option_label(self.pv, issue, o)) for o in opts]
            index = 1 + opts.index(preset[issue]) if preset.get(issue) in opts else 0
            picker = ChoicePicker(
                f"{self.id}.issue.{issue}",
                words.issue_name(self.pv, issue),
                choices,
                index,
            )
            self.form.widget(picker, gap="md")
            self.pickers.append((issue, picker))

    def terms(self) -> list[tuple[str, str]]:
        """The terms chosen so far."""
        return [(issue, str(p.value)) for issue, p in self.pickers if p.value is not None]

    def incoherence(self) -> str:
        """Why the chosen terms are not a legal package (R33), "" when they are."""
        binding = tuple(sorted(self.agreed.items()))
        return issues_problem(self.pv.issues, tuple(self.terms()), binding)

    def unavailable(self) -> list[tuple[str, str, str]]:
        """(issue, option, why) for each option that cannot join the other chosen terms."""
        binding = tuple(sorted(self.agreed.items()))
        terms = tuple(self.terms())
        out = []
        for issue, picker in self.pickers:
            for value, _ in picker.options:
                if value is None:
                    continue
                why = unavailable_because(self.pv.issues, issue, str(value), terms, binding)
                if why:
                    out.append((issue, str(value), why))
        return out

    def mark_pickers(self) -> None:
        """Frame the choosers whose term crosses a red line (own in red, others' in amber) or
        cannot go with the rest of the package (red); name the options unavailable now."""
        breaches = explain_red_lines_seen(self.own, tuple(self.terms()), self.agreed)
        blocked = {(i, o) for i, o, _ in self.unavailable()}
        for issue, picker in self.pickers:
            hits = [b for b in breaches if b.issue == issue]
            picker.mark = None if not hits else "danger" if any(b.own for b in hits) else "warning"
            if picker.value is not None and (issue, str(picker.value)) in blocked:
                picker.mark = "danger"
            picker.options = [
                (
                    value,
                    words.option_label(self.pv, issue, str(value))
                    + (" (unavailable)" if (issue, str(value)) in blocked else ""),
                )
                if value is not None
                else (value, text)
                for value, text in picker.options
            ]

    def explain_unavailable(self) -> None:
        """Why some options cannot be chosen with the package as it stands (R33)."""
        missing = self.unavailable()
        if not missing:
            return
        doc = self.notes
        doc.heading("Unavailable options", gap="lg")
        for issue, option, why in missing:
            name = (
                f"{words.issue_name(self.pv, issue)}: {words.option_label(self.pv, issue, option)}"
            )
            doc.text(f"× {name}", "label", "danger", gap="md")
            doc.text(why[0].upper() + why[1:] + ".", "body", gap="xs")
