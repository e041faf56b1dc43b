"""A human delegation's briefing: the general situation, then everything only it may read.

Built from that delegation's own view (``Session.view(actor)``), so no other
delegation's briefing, weights or secret red lines can reach this screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from game.engine import words
from game.ui.kit.context import Context
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Transition
from game.ui.screens.common import GameSetup, adjective, short_name
from game.ui.screens.page import PageScene


class BriefingScene(PageScene):
    """One delegation's confidential briefing; the button goes on with ``then()``."""

    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        *PageScene.KEYS,
        KeyBinding("escape", "done", "Go on to the table"),
    )

    def __init__(
        self, ctx: Context, setup: GameSetup, actor: str, *, then: Callable[[], Transition]
    ) -> None:
        view = setup.game.view(actor)
        pv = view.table
        me = next(a for a in pv.actors if a.id == actor)
        super().__init__(
            ctx,
            "briefing",
            f"CONFIDENTIAL — FOR THE {adjective(pv, actor).upper()} DELEGATION ONLY",
            f"Briefing: {me.name}",
            [("briefing.done", "To the table")],
            overline_colour="danger",
        )
        self.actor = actor
        self.then = then
        doc = self.doc
        doc.text(f"Head of delegation: {me.delegate}", "label", gap="xs")
        if me.principal:
            doc.text(f"You answer to: {me.principal}", "body", "text_dim", gap="xs")
        if view.hidden_type:  # drawn for this game: what makes this week unlike another
            doc.heading(f"Your instructions this week: {view.hidden_type}")
            doc.text(
                view.instructions or "See your priorities and red lines below.", "body", "accent"
            )
        doc.heading("The situation")
        doc.text(pv.briefing.strip())
        if pv.decision_point:
            doc.heading("The decision you face", gap="lg")
            doc.text(pv.decision_point.strip())
        doc.heading("Your confidential briefing")
        doc.text(view.briefing.strip() or "No confidential briefing.")
        doc.heading("Your priorities")
        doc.text(
            f"How much each issue matters to you, and how you value its options (0 worst, 1 best)."
            f" Walking away from the talks is worth {view.reservation:.2f} to you.",
            "body",
            "text_dim",
            gap="xs",
        )
        for issue_id, weight in sorted(view.weights.items(), key=lambda kv: -kv[1]):
            values = view.values.get(issue_id, {})
            ranked = sorted(values.items(), key=lambda kv: -kv[1])
            doc.text(
                f"{words.issue_name(pv, issue_id)} — {weight:.0%} of what you care about",
                "label",
                gap="md",
            )
            doc.text(
                "   ·   ".join(f"{words.option_label(pv, issue_id, o)} {v:.2f}" for o, v in ranked),
                "caption",
                "text_dim",
                gap="xs",
            )
        doc.heading("Your red lines")
        if not view.red_lines:
            doc.text("You have no red lines.", "body_italic", "text_dim")
        for line in view.red_lines:
            options = ", ".join(words.option_label(pv, line.issue, o) for o in sorted(line.options))
            kind = "public: everyone knows it" if line.public else "secret: only you know it"
            doc.text(
                f"× {words.issue_name(pv, line.issue)}: never {options}  ({kind})",
                "label",
                "danger",
                gap="md",
            )
            doc.text(line.reason, gap="xs")
            if line.source:
                doc.text(f"Source: {line.source}", "caption", "text_dim", gap="xs")
        if view.objectives:
            doc.heading("Your secret objectives")
            for objective in view.objectives:
                doc.text(
                    f"•  {objective.text}  (+{objective.points:g} points if met at the end)",
                    gap="xs",
                )
        doc.heading("Your levers")
        if not view.levers:
            doc.text("You have no levers to threaten with.", "body_italic", "text_dim")
        for lever in view.levers:
            doc.text(f"{lever.name}  →  aimed at {short_name(pv, lever.target)}", "label", gap="md")
            doc.text(lever.description, gap="xs")
        demands = [d for d in pv.demands if d.actor == actor]
        if demands:
            doc.heading("Your public demands (on the table from the start)")
            for d in demands:
                wanted = words.option_label(pv, d.issue, d.option)
                doc.text(
                    f"{words.issue_name(pv, d.issue)}: {wanted}",
                    "label",
                    gap="md",
                )
                doc.text(f"“{d.words}”", "body_italic", "text_dim", gap="xs")

    def on_intent(self, intent: Intent) -> Transition | None:
        if intent.source == "briefing.done":
            return self.then()
        return None

    def on_action(self, action: str) -> Transition | None:
        return self.then() if action == "done" else super().on_action(action)
