"""The action bar's forms: propose a package, make a statement, threaten, carry out a lever.

Each offers only what the game says is legal for the mover, and reads only the
mover's own view; the package and threat forms explain live which terms cross
red lines (see ``forms``).
"""

from __future__ import annotations

from collections.abc import Sequence

from game import engine
from game.engine import Action, ActorView, CarryOut, Propose, Statement, Threaten, words
from game.engine.model import Lever
from game.ui.kit.context import Context
from game.ui.kit.widgets.entry import TextEntry
from game.ui.screens.common import short_name
from game.ui.screens.table.forms import FormScene, TermsForm, agenda_options
from game.ui.screens.widgets.chooser import ChoicePicker


class ProposeForm(TermsForm):
    """Build a package to propose."""

    title = "Propose a package"

    def __init__(
        self,
        ctx: Context,
        own: ActorView,
        legal: Sequence[Action],
        preset: dict[str, str],
        *,
        agenda: Sequence[str] = (),
        binding: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(ctx, "propose", "Propose a package", "Propose", own=own)
        self.form.text(
            "Choose an option for each issue you want in the package; leave the others out.",
            "body",
            "text_dim",
            gap="xs",
        )
        _offer_terms(self, legal, agenda, binding, preset)

    def action(self) -> Action | None:
        terms = self.terms()
        return Propose(self.actor, tuple(terms)) if terms and not self.incoherence() else None

    def explain(self) -> None:
        self.mark_pickers()
        self.explain_terms(self.terms(), value=True)
        self.explain_unavailable()


class ThreatForm(TermsForm):
    """Threaten with a lever, optionally unless some terms are agreed."""

    title = "Threaten"
    notes_after = 1  # in one column, its costs right under the lever

    def __init__(
        self,
        ctx: Context,
        own: ActorView,
        legal: Sequence[Action],
        *,
        agenda: Sequence[str] = (),
        binding: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(
            ctx,
            "threaten",
            "Make a threat",
            "Threaten",
            own=own,
            variant="danger",
        )
        self.lever = _lever_picker(self, Threaten, legal)
        self.form.text("Unless these terms are agreed (optional):", "label", "text_dim", gap="lg")
        _offer_terms(self, legal, agenda, binding, {})

    def action(self) -> Action | None:
        if self.lever.value is None or self.incoherence():
            return None
        return Threaten(self.actor, str(self.lever.value), tuple(self.terms()))

    def lever_target(self) -> str:
        """The actor the chosen lever is aimed at ("" without a lever)."""
        lever = _chosen_lever(self, self.lever)
        return lever.target if lever is not None else ""

    def explain(self) -> None:
        self.mark_pickers()
        lever = _lever_notes(self, self.lever)
        if lever is not None:
            rules = self.pv.rules
            target = short_name(self.pv, lever.target)
            # Every cost before the move is made, as the statement and carry-out forms do.
            self.notes.text(
                f"Threatening raises tension by {rules.threat_tension:g} and costs "
                f"{-rules.threat_trust:g} trust between you and {target}.",
                "body",
                "warning",
            )
            self.notes.text(
                f"If its terms are not met and you do not carry it out, your credibility "
                f"falls by {-rules.broken_threat_credibility:g}; carrying it out raises "
                f"tension by {rules.execute_tension:g}.",
                "body_italic",
                "text_dim",
            )
        if self.terms():
            self.explain_terms(self.terms(), value=False)
        self.explain_unavailable()


class CarryOutForm(FormScene):
    """Carry out one of the mover's levers."""

    title = "Carry out"
    notes_after = 1  # in one column, its costs right under the lever

    def __init__(self, ctx: Context, own: ActorView, legal: Sequence[Action]) -> None:
        super().__init__(
            ctx,
            "carry",
            "Carry out a lever",
            "Carry out",
            own=own,
            variant="danger",
        )
        self.lever = _lever_picker(self, CarryOut, legal)

    def action(self) -> Action | None:
        return None if self.lever.value is None else CarryOut(self.actor, str(self.lever.value))

    def explain(self) -> None:
        lever = _lever_notes(self, self.lever)
        if lever is None:
            return
        self.notes.text(
            f"Carrying it out raises tension by {self.pv.rules.execute_tension:g}.",
            "body",
            "warning",
        )
        if lever.source:
            self.notes.text(f"Source: {lever.source}", "caption", "text_dim")


def _offer_terms(
    form: TermsForm,
    legal: Sequence[Action],
    agenda: Sequence[str],
    binding: Sequence[tuple[str, str]],
    preset: dict[str, str],
) -> None:
    """The term choosers of a package or a threat's "unless": the agenda's issues not yet
    agreed, judged against the terms that bind (``form.agreed``)."""
    form.agreed = dict(binding)
    form.add_term_pickers(agenda_options(legal, form.own.table.issues, agenda, binding), preset)


def _lever_picker(
    form: FormScene, kind: type[Threaten] | type[CarryOut], legal: Sequence[Action]
) -> ChoicePicker:
    """A chooser of the levers the mover may use for ``kind`` (threaten or carry out)."""
    levers = sorted({a.lever for a in legal if isinstance(a, kind)})
    picker = ChoicePicker(
        f"{form.id}.lever",
        "Lever",
        [(lv, words.lever_name(form.pv, lv)) for lv in levers] or [(None, "No lever")],
    )
    form.form.widget(picker, gap="xs")
    return picker


def _chosen_lever(form: FormScene, picker: ChoicePicker) -> Lever | None:
    return next((lv for lv in form.pv.levers if lv.id == picker.value), None)


def _lever_notes(form: FormScene, picker: ChoicePicker) -> Lever | None:
    """The chosen lever's name and description in the notes; the lever (None: none chosen)."""
    lever = _chosen_lever(form, picker)
    if lever is not None:
        form.notes.heading(lever.name, gap="xs")
        form.notes.text(lever.description, "body")
    return lever


_TONE_HELP = {
    "conciliatory": "conciliatory_tension",
    "firm": "firm_tension",
    "hostile": "hostile_tension",
}


class StatementForm(FormScene):
    """A public statement: a tone and the words for the transcript."""

    title = "Statement"

    def __init__(self, ctx: Context, own: ActorView, legal: Sequence[Action]) -> None:
        super().__init__(
            ctx,
            "statement",
            "Make a public statement",
            "Make statement",
            own=own,
        )
        tones = [a.tone for a in legal if isinstance(a, Statement)]
        unique = list(dict.fromkeys(tones))
        self.tone = ChoicePicker(
            "statement.tone",
            "Tone",
            [(tone, str(tone).title()) for tone in unique] or [(None, "—")],
        )
        self.form.widget(self.tone, gap="xs")
        self.form.text("Your words (optional):", "label", "text_dim", gap="lg")
        self.words = TextEntry(
            "statement.words", placeholder="What your delegation says…", max_length=240
        )
        self.form.widget(self.words, gap="xs")

    def action(self) -> Action | None:
        if self.tone.value is None:
            return None
        tone = self.tone.value
        assert isinstance(tone, engine.Tone)
        return Statement(self.actor, tone, self.words.text.strip())

    def explain(self) -> None:
        tone = str(self.tone.value or "")
        field = _TONE_HELP.get(tone)
        self.notes.heading("Effect", gap="xs")
        if field is not None:
            delta = float(getattr(self.pv.rules, field))
            self.notes.text(f"A {tone} statement moves tension by {delta:+g}.", "body")
        self.notes.text(
            "Your words go into the transcript that every delegation reads.",
            "body_italic",
            "text_dim",
        )
