"""Between rounds: what the round just closed changed, and why, read from the public record."""

from __future__ import annotations

from collections.abc import Sequence

from game.engine import EventKind, GameEvent, words
from game.session.controller import Upcoming
from game.ui.kit.context import Context
from game.ui.kit.intent import Intent
from game.ui.kit.scene import Pop, Transition
from game.ui.screens.common import GameSetup
from game.ui.screens.page import PageScene
from game.ui.screens.tension import tension_changes

_CHANGES = {
    EventKind.AGREEMENT: "ok",
    EventKind.BINDING: "ok",
    EventKind.PROVISIONAL: "warning",
    EventKind.THREAT: "warning",
    EventKind.LEVER_USED: "danger",
    EventKind.THREAT_LAPSED: "text",
    EventKind.COMMITMENT_KEPT: "ok",
    EventKind.COMMITMENT_BROKEN: "danger",
    EventKind.WALKOUT: "warning",
    EventKind.EVENT_DRAWN: "info",
    EventKind.NEWS: "info",
    EventKind.ESCALATION: "danger",
}


def tension_before(log: Sequence[GameEvent], round_number: int, start: float) -> float:
    """The tension as the round opened: the last level reported in an earlier round."""
    level = start
    for event in log:
        if event.kind is EventKind.TENSION and event.value is not None:
            if event.round >= round_number:
                break
            level = event.value
    return level


def tension_after(log: Sequence[GameEvent], round_number: int, start: float) -> float:
    """The tension when the round closed."""
    level = start
    for event in log:
        if (
            event.kind is EventKind.TENSION
            and event.value is not None
            and event.round <= round_number
        ):
            level = event.value
    return level


class RoundSummaryScene(PageScene):
    """The summary of round ``number``; Continue returns to the table (or on to the debrief)."""

    def __init__(
        self, ctx: Context, setup: GameSetup, number: int, *, ahead: Upcoming | None = None
    ) -> None:
        """The summary of the game as it is, or as it will be after ``ahead``, a computer
        move still to land (the table makes its summary while it paces the move)."""
        game = setup.game
        source = ahead if ahead is not None else game
        pv = source.public_view()
        rnd = pv.rounds[number - 1]
        over = pv.over
        super().__init__(
            ctx,
            "summary",
            f"ROUND {number} OF {len(pv.rounds)} CLOSES",
            f"{rnd.name} — {rnd.city}, {rnd.date}",
            [("summary.continue", "See the debrief" if over else "Continue")],
        )
        doc = self.doc
        start = game.opening().trackers.tension
        before = tension_before(pv.log, number, start)
        after = tension_after(pv.log, number, start)
        trend = "rose" if after > before else "fell" if after < before else "held"
        war = pv.trackers.war_threshold
        doc.text(
            f"Tension {trend}: {before:.0f} → {after:.0f} (war at {war:.0f}).",
            "label",
            "danger" if after >= 0.8 * pv.trackers.war_threshold else "text",
            gap="xs",
        )
        doc.heading("What moved the tension", gap="lg")
        moved = [c for c in tension_changes(pv.log, start) if c.round == number]
        if not moved:
            doc.text("Nothing moved it in this round.", "body_italic", "text_dim")
        for change in moved:
            tone = "warning" if change.delta > 0 else "ok"
            doc.text(change.line(), "body", tone, gap="xs")
        doc.heading("What changed, and why", gap="lg")
        changes = [e for e in pv.log if e.round == number and e.kind in _CHANGES]
        if not changes:
            doc.text(
                "Nothing was agreed, threatened or drawn in this round.", "body_italic", "text_dim"
            )
        for event in changes:
            doc.text(event.text.strip(), "body", _CHANGES[event.kind], gap="sm")
        if over:
            result = source.outcome()
            doc.heading("The talks are over", gap="xl")
            if result is not None:
                doc.text(result.label, "subheading", "accent", gap="xs")
                doc.text(words.outcome_reasons(result.why, result.passed_over), "body")
        else:
            nxt = [e for e in pv.log if e.kind is EventKind.ROUND_OPENED and e.round == number + 1]
            doc.heading("Next", gap="xl")
            for event in nxt:
                doc.text(event.text.strip(), "body")

    def on_intent(self, intent: Intent) -> Transition | None:
        if intent.source == "summary.continue":
            return Pop(Intent("summary", "done"))
        return None
