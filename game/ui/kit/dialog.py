"""A modal dialog: a title, a message and a row of buttons, over the dimmed scene below.

Choosing a button closes the dialog with ``Pop(Intent(dialog_id, "choose", button_id))``,
which the scene below receives in ``on_resume``.  A message taller than the window
leaves (a long list of red lines at large text) scrolls, by wheel, arrows and page
keys, with the buttons always in view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import pygame

from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Scene, Transition
from game.ui.kit.widgets.base import draw_panel
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.label import Label, WrappedText
from game.ui.kit.widgets.scrollpanel import ScrollPanel


class Dialog(Scene):
    """Ask the player something; ``buttons`` are (id, text), the first is the default."""

    modal = True
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        KeyBinding("escape", "cancel", "Close the dialog"),
        KeyBinding("up", "scroll.up", "Scroll the message up"),
        KeyBinding("down", "scroll.down", "Scroll the message down"),
        KeyBinding("pageup", "scroll.page-up", "Scroll the message up a page"),
        KeyBinding("pagedown", "scroll.page-down", "Scroll the message down a page"),
    )

    def __init__(
        self,
        ctx: Context,
        id: str,
        title: str,
        message: str,
        buttons: Sequence[tuple[str, str]],
        *,
        cancel: str | None = None,
    ) -> None:
        super().__init__(ctx)
        if not buttons:
            raise ValueError("a dialog needs at least one button")
        self.id = id
        self.title = title
        self.cancel = cancel
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.heading = self.add(Label(f"{id}.title", title, style="subheading"))
        self.body = self.add(ScrollPanel(f"{id}.body"))
        self.message = self.body.add(WrappedText(f"{id}.message", message))
        self.buttons = [
            self.add(Button(bid, text, variant="primary" if i == 0 else "secondary"))
            for i, (bid, text) in enumerate(buttons)
        ]
        self.focus(self.buttons[0])

    def layout(self, rect: pygame.Rect) -> None:
        t = self.theme
        margin = t.space("lg")
        width = min(t.px(560), rect.width - 2 * margin)
        pad = t.space("xl")
        gap = t.space("lg")
        inner_w = width - 2 * pad
        button_h = t.control_height()
        heading_h = t.line_height("subheading")
        # The message gets what the window leaves; taller than that, it scrolls.
        room = rect.height - 2 * margin - 2 * pad - heading_h - button_h - 2 * gap
        room = max(room, t.line_height("body"))
        self.body.rect = pygame.Rect(0, 0, inner_w, room)  # for its scrollbar's width
        text_w = inner_w
        full = self.body.height_for(self.message.height_for(text_w))
        if full > room:
            text_w = self.body.content_width()
            full = self.body.height_for(self.message.height_for(text_w))
        heights = [heading_h, min(full, room), button_h]
        height = layout.stack_height(heights, gap) + 2 * pad
        self.panel = layout.centred((width, height), rect)
        head, body, foot = layout.column(layout.pad(self.panel, pad), heights, gap)
        self.heading.rect = head
        self.body.rect = body
        self.message.rect = pygame.Rect(0, 0, text_w, self.message.height_for(text_w))
        self.body.arrange()
        widths = [b.preferred_size()[0] for b in reversed(self.buttons)]
        widths = [max(w, t.px(110)) for w in widths]
        spots = layout.row(foot, [layout.Flex(), *widths], t.space("md"))[1:]
        for button, spot in zip(reversed(self.buttons), spots, strict=True):
            button.rect = spot

    def draw_background(self, surface: pygame.Surface) -> None:
        t = self.theme
        shadow = self.panel.move(0, t.px(6))
        pygame.draw.rect(surface, t.color("background_edge"), shadow, border_radius=t.radius("lg"))
        draw_panel(surface, t, self.panel, border="border_strong")

    def on_intent(self, intent: Intent) -> Transition | None:
        if intent.kind == "click":
            return Pop(Intent(self.id, "choose", intent.source))
        return None

    def on_action(self, action: str) -> Transition | None:
        if action == "cancel" and self.cancel is not None:
            return Pop(Intent(self.id, "choose", self.cancel))
        line = self.theme.line_height("body")
        page = max(line, self.body.rect.height - line)
        steps = {
            "scroll.up": -line,
            "scroll.down": line,
            "scroll.page-up": -page,
            "scroll.page-down": page,
        }
        if action in steps:
            self.body.scroll_by(steps[action])
        return None
