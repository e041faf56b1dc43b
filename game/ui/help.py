"""The F1 overlay: the current scene's and the app's shortcuts, read from their key tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import pygame

from game.ui import layout
from game.ui.context import Context
from game.ui.intent import Intent, Pop, Transition
from game.ui.keys import KeyBinding
from game.ui.scene import Scene
from game.ui.widgets.base import draw_box
from game.ui.widgets.button import Button
from game.ui.widgets.label import Label


class HelpOverlay(Scene):
    """A modal table of keys and what they do."""

    modal = True
    title = "Help"
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        KeyBinding("escape", "close", "Close the help"),
        KeyBinding("f1", "close", "Close the help"),
    )

    def __init__(self, ctx: Context, scene_title: str, bindings: Sequence[KeyBinding]) -> None:
        super().__init__(ctx)
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.heading = self.add(
            Label(
                "help.title",
                f"Keyboard — {scene_title}" if scene_title else "Keyboard",
                style="subheading",
            )
        )
        self.rows: list[tuple[Label, Label]] = []
        seen: set[tuple[str, str]] = set()
        for i, binding in enumerate(bindings):
            if (binding.keys, binding.description) in seen:
                continue
            seen.add((binding.keys, binding.description))
            key = self.add(Label(f"help.key.{i}", binding.label(), style="label", color="accent"))
            text = self.add(Label(f"help.text.{i}", binding.description))
            self.rows.append((key, text))
        self.close = self.add(Button("help.close", "Close", variant="primary"))
        self.focus(self.close)

    def layout(self, rect: pygame.Rect) -> None:
        t = self.theme
        pad = t.space("xl")
        key_w = max([t.px(90)] + [k.preferred_size()[0] for k, _ in self.rows])
        text_w = max([t.px(240)] + [d.preferred_size()[0] for _, d in self.rows])
        width = min(key_w + text_w + t.space("lg") + 2 * pad, rect.width - 2 * t.space("md"))
        row_h = t.line_height("body") + t.space("xs")
        heights = [t.line_height("subheading"), *[row_h] * len(self.rows), t.control_height()]
        height = min(
            layout.stack_height(heights, t.space("sm")) + 2 * pad, rect.height - 2 * t.space("md")
        )
        self.panel = layout.centred((width, height), rect)
        parts = layout.column(layout.pad(self.panel, pad), heights, t.space("sm"))
        self.heading.rect = parts[0]
        for (key, text), line in zip(self.rows, parts[1:-1], strict=True):
            key.rect, _, text.rect = layout.row(line, [key_w, t.space("lg"), layout.Flex()])
        foot = parts[-1]
        button_w = max(t.px(110), self.close.preferred_size()[0])
        self.close.rect = pygame.Rect(foot.right - button_w, foot.top, button_w, foot.height)

    def draw_background(self, surface: pygame.Surface) -> None:
        draw_box(surface, self.theme, self.panel, "surface", border="border_strong", radius="lg")

    def on_intent(self, intent: Intent) -> Transition | None:
        return Pop() if intent.source == "help.close" else None

    def on_action(self, action: str) -> Transition | None:
        return Pop() if action == "close" else None
