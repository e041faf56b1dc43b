"""A scene holding one of every widget, used by the widget tests and the random-input test."""

from __future__ import annotations

from typing import ClassVar

import pygame

from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.dialog import Dialog
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Push, Scene, Transition
from game.ui.kit.widgets import (
    Button,
    Dropdown,
    Label,
    ListView,
    ScrollPanel,
    Stepper,
    TextEntry,
    Toggle,
    WrappedText,
)

ROWS = [f"Row {i:04d} — строка номер {i}" for i in range(2000)]


class Sandbox(Scene):
    """Every widget, recording the intents and actions it receives."""

    title = "Sandbox"
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        KeyBinding("q", "q-pressed", "A plain-letter shortcut"),
        KeyBinding("ctrl+z", "undo", "Undo"),
        KeyBinding("d", "dialog", "Open a dialog"),
        KeyBinding("escape", "back", "Back"),
    )

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.intents: list[Intent] = []
        self.actions: list[str] = []
        self.results: list[object] = []
        self.label = self.add(Label("label", "Делегация — Delegation", style="label"))
        self.text = self.add(
            WrappedText(
                "text", "A paragraph that wraps. " * 6 + "Averyveryverylongwordwithoutanyspaces" * 3
            )
        )
        self.ok = self.add(Button("ok", "OK", variant="primary", tooltip="Confirm the choice"))
        self.off = self.add(Button("off", "Disabled", enabled=False))
        self.entry = self.add(TextEntry("entry", placeholder="Type a statement…"))
        self.choice = self.add(
            Dropdown("choice", [("a", "Alpha"), ("b", "Bravo"), ("c", "Charlie")])
        )
        self.toggle = self.add(Toggle("toggle"))
        self.stepper = self.add(Stepper("stepper", [(1, "One"), (2, "Two"), (3, "Three")]))
        self.list = self.add(ListView("list", ROWS))

    def layout(self, rect: pygame.Rect) -> None:
        t = self.theme
        h = t.control_height()
        body = layout.pad(rect, t.space("lg"))
        left, right = layout.row(body, [layout.Flex(), layout.Flex()], t.space("lg"))
        heights = [t.line_height("label"), self.text.height_for(left.width), h, h, h, h, h, h]
        rows = layout.column(left, heights, t.space("sm"))
        self.label.rect, self.text.rect = rows[0], rows[1]
        self.ok.rect, self.off.rect = layout.row(rows[2], [t.px(120), t.px(160)], t.space("sm"))[:2]
        self.entry.rect = rows[3]
        self.choice.rect = rows[4]
        self.toggle.rect = rows[5]
        self.stepper.rect = pygame.Rect(rows[6].left, rows[6].top, t.px(240), h)
        self.list.rect = right

    def on_intent(self, intent: Intent) -> Transition | None:
        self.intents.append(intent)
        return None

    def on_action(self, action: str) -> Transition | None:
        self.actions.append(action)
        if action == "dialog":
            return Push(
                Dialog(
                    self.ctx,
                    "ask",
                    "Accept the proposal?",
                    "It crosses no red line.",
                    [("yes", "Accept"), ("no", "Reject")],
                    cancel="no",
                )
            )
        if action == "back":
            return Pop()
        return None

    def on_resume(self, result: object) -> Transition | None:
        self.results.append(result)
        return None


class LongForm(Scene):
    """A heading over a scroll panel of 40 labelled buttons: taller than any window."""

    title = "Long form"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.intents: list[Intent] = []
        self.heading = self.add(Label("form.title", "Briefing", style="heading"))
        self.panel = self.add(ScrollPanel("form.panel"))
        self.rows = [
            (
                self.panel.add(Label(f"form.label.{i}", f"Item {i}")),
                self.panel.add(Button(f"form.button.{i}", f"Act {i}")),
            )
            for i in range(40)
        ]

    def layout(self, rect: pygame.Rect) -> None:
        t = self.theme
        head, body = layout.column(
            layout.pad(rect, t.space("lg")),
            [t.line_height("heading"), layout.Flex()],
            t.space("md"),
        )
        self.heading.rect = head
        self.panel.rect = body
        h = t.control_height()
        width = self.panel.content_width()
        for i, (label, button) in enumerate(self.rows):
            line = pygame.Rect(0, i * (h + t.space("sm")), width, h)
            label.rect, button.rect = layout.row(line, [layout.Flex(), t.px(140)], t.space("md"))
        self.panel.arrange()

    def on_intent(self, intent: Intent) -> Transition | None:
        self.intents.append(intent)
        return None
