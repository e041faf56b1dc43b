"""The action bar of the delegation to move: answer a proposal, propose, speak, threaten, leave.

Buttons are enabled from the session's legal actions for the mover only; while
an AI delegate moves (or the mover's screen is hidden) they are all disabled
and the bar says who is thinking.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pygame

from game.engine import (
    Accept,
    Action,
    CarryOut,
    Pass,
    Propose,
    Reject,
    Statement,
    Threaten,
    WalkOut,
)
from game.ui.kit import layout
from game.ui.kit.scene import Scene
from game.ui.kit.theme import Theme
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.dropdown import Dropdown
from game.ui.kit.widgets.label import Label

NO_PROPOSAL = "No proposal"


@dataclass(frozen=True, slots=True)
class ButtonSpec:
    id: str
    text: str
    tooltip: str
    variant: str = "secondary"


BUTTONS = (
    ButtonSpec("table.propose", "Propose…", "Build a package of terms (P)", "primary"),
    ButtonSpec("table.statement", "Statement…", "A public statement with a tone (S)"),
    ButtonSpec("table.threaten", "Threaten…", "Threaten with one of your levers (T)"),
    ButtonSpec("table.carry", "Carry out…", "Carry out one of your levers (C)"),
    ButtonSpec("table.walkout", "Walk out", "Leave the table for the rest of this round (W)"),
    ButtonSpec("table.pass", "Pass", "Do nothing this turn (N)"),
    ButtonSpec("table.undo", "Undo", "Take back your last move (Ctrl+Z)"),
    ButtonSpec("table.briefing", "Briefing", "Read your confidential briefing again (B)"),
    ButtonSpec("table.hint", "What would it take?", "Ask an easy AI delegate (H)"),
)


class ActionBar:
    """The bar's widgets (added to the scene) and their state."""

    def __init__(self, scene: Scene) -> None:
        self.status = scene.add(Label("table.status", "", style="label"))
        self.proposal = scene.add(
            Dropdown("table.proposal", [(None, NO_PROPOSAL)], tooltip="The proposal to answer")
        )
        self.accept = scene.add(
            Button(
                "table.accept",
                "Accept",
                variant="primary",
                tooltip="Accept the chosen proposal (A)",
            )
        )
        self.reject = scene.add(
            Button("table.reject", "Reject", tooltip="Reject the chosen proposal (R)")
        )
        self.buttons = {
            spec.id: scene.add(
                Button(spec.id, spec.text, variant=spec.variant, tooltip=spec.tooltip)
            )
            for spec in BUTTONS
        }
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.shown = True
        self.hint_wanted = False

    def set_legal(
        self,
        legal: Sequence[Action],
        *,
        undo: bool,
        briefing: bool,
        hint: bool,
        worth: Mapping[int, str] | None = None,
    ) -> None:
        """Enable what the mover may do now; ``worth`` says what each offer is worth to it."""
        answers = sorted({a.proposal for a in legal if isinstance(a, Accept | Reject)})
        current = self.proposal.options[self.proposal.index][0]
        said = worth or {}
        self.proposal.options = [
            (n, f"#{n} · {said[n]}" if n in said else f"Proposal #{n}") for n in answers
        ] or [(None, NO_PROPOSAL)]
        values = [v for v, _ in self.proposal.options]
        self.proposal.index = values.index(current) if current in values else len(values) - 1
        self.proposal.enabled = bool(answers)
        chosen = self.chosen()
        self.accept.enabled = any(isinstance(a, Accept) and a.proposal == chosen for a in legal)
        self.reject.enabled = any(isinstance(a, Reject) and a.proposal == chosen for a in legal)
        kinds = {
            "table.propose": Propose,
            "table.statement": Statement,
            "table.threaten": Threaten,
            "table.carry": CarryOut,
            "table.walkout": WalkOut,
            "table.pass": Pass,
        }
        for bid, kind in kinds.items():
            self.buttons[bid].enabled = any(isinstance(a, kind) for a in legal)
        self.buttons["table.undo"].enabled = undo
        self.buttons["table.briefing"].enabled = briefing
        self.buttons["table.hint"].enabled = hint
        self.hint_wanted = hint
        self.buttons["table.hint"].visible = hint and self.shown

    def show(self, shown: bool) -> None:
        """Show or hide the controls (the status line always shows)."""
        self.shown = shown
        for widget in (self.proposal, self.accept, self.reject, *self.buttons.values()):
            widget.visible = shown
        self.buttons["table.hint"].visible = shown and self.hint_wanted

    def chosen(self) -> int | None:
        """The proposal number the dropdown shows."""
        value = self.proposal.options[self.proposal.index][0]
        return value if isinstance(value, int) else None

    def height_for(self, theme: Theme, width: int) -> int:
        """The bar's height at ``width`` (it wraps its buttons onto more rows when narrow)."""
        return self._place(theme, pygame.Rect(0, 0, width, 10_000), apply=False)

    def layout(self, theme: Theme, rect: pygame.Rect, *, with_status: bool = True) -> None:
        """Place the widgets inside ``rect`` (the status line too, unless placed elsewhere)."""
        self.rect = rect
        self._place(theme, rect, apply=True, with_status=with_status)

    def _place(
        self, theme: Theme, rect: pygame.Rect, *, apply: bool, with_status: bool = True
    ) -> int:
        t = theme
        pad = t.space("md")
        inner = layout.pad(rect, t.space("lg"), pad)
        h = t.control_height()
        gap = t.space("sm")
        answer_w = [
            t.px(440),  # room for what each offer is worth to the viewer
            max(t.px(100), self.accept.preferred_size()[0]),
            max(t.px(100), self.reject.preferred_size()[0]),
        ]
        answer_total = sum(answer_w) + 2 * gap
        y = inner.top
        if with_status and inner.width - answer_total >= t.px(360):
            status, *answers = layout.row(
                pygame.Rect(inner.left, y, inner.width, h), [layout.Flex(), *answer_w], gap
            )
            if apply:
                self.status.rect = status
                self.proposal.rect, self.accept.rect, self.reject.rect = answers
            y += h + gap
        else:
            if with_status:
                if apply:
                    self.status.rect = pygame.Rect(inner.left, y, inner.width, h)
                y += h + gap
            widths = [
                max(1, inner.width - answer_w[1] - answer_w[2] - 2 * gap),
                answer_w[1],
                answer_w[2],
            ]
            if apply:
                self.proposal.rect, self.accept.rect, self.reject.rect = layout.row(
                    pygame.Rect(inner.left, y, inner.width, h), widths, gap
                )
            y += h + gap
        x = inner.left
        for bid, button in self.buttons.items():
            if bid == "table.hint" and not self.hint_wanted:
                continue
            w = min(inner.width, max(t.px(84), button.preferred_size()[0]))
            if x > inner.left and x + w > inner.right:
                x, y = inner.left, y + h + gap
            if apply:
                button.rect = pygame.Rect(x, y, w, h)
            x += w + gap
        y += h
        return y - rect.top + pad
