"""The frame of the game's full-screen pages: a heading, a scrolling document, footer buttons.

Briefings, round summaries and the debrief share it, so they look alike and
all scroll by wheel, arrows and Page Up/Down, with the main button focused.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import pygame

from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Scene, Transition
from game.ui.kit.widgets.base import draw_panel
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.label import Label, WrappedText
from game.ui.kit.widgets.scrollpanel import ScrollPanel
from game.ui.screens.backdrop import Backdrop
from game.ui.screens.widgets.document import Document


class PageScene(Scene):
    """A page: overline, heading, document body and a row of buttons (the first is primary)."""

    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        KeyBinding("page down", "scroll.down", "Scroll down"),
        KeyBinding("page up", "scroll.up", "Scroll up"),
        KeyBinding("down", "scroll.line-down", "Scroll down a little"),
        KeyBinding("up", "scroll.line-up", "Scroll up a little"),
    )
    max_width = 1100

    def __init__(
        self,
        ctx: Context,
        id: str,
        overline: str,
        heading: str,
        buttons: Sequence[tuple[str, str]],
        *,
        overline_colour: str = "accent",
    ) -> None:
        super().__init__(ctx)
        self.page_id = id
        self.title = heading
        self.backdrop = Backdrop()
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.overline = self.add(
            Label(f"{id}.overline", overline, style="overline", color=overline_colour)
        )
        self.heading = self.add(WrappedText(f"{id}.heading", heading, style="heading"))
        self.body = self.add(ScrollPanel(f"{id}.body"))
        self.doc = Document(self.body, f"{id}.doc")
        self.buttons = [
            self.add(Button(bid, text, variant="primary" if n == 0 else "secondary"))
            for n, (bid, text) in enumerate(buttons)
        ]

    def layout(self, rect: pygame.Rect) -> None:
        t = self.theme
        margin = t.space("lg") if rect.width < t.px(900) else t.space("xl")
        width = min(t.px(self.max_width), rect.width - 2 * margin)
        self.panel = pygame.Rect(0, 0, width, rect.height - 2 * t.space("md"))
        self.panel.center = rect.center
        pad = t.space("xl") if width > t.px(700) else t.space("md")
        inner = layout.pad(self.panel, pad, t.space("lg"))
        heading_h = min(self.heading.height_for(inner.width), 2 * t.line_height("heading"))
        over, head, body, foot = layout.column(
            inner,
            [t.line_height("overline"), heading_h, layout.Flex(), t.control_height()],
            t.space("md"),
        )
        self.overline.rect, self.heading.rect, self.body.rect = over, head, body
        self.doc.arrange()
        widths = [max(t.px(140), b.preferred_size()[0]) for b in reversed(self.buttons)]
        spots = layout.row(foot, [layout.Flex(), *widths], t.space("md"))[1:]
        for button, spot in zip(reversed(self.buttons), spots, strict=True):
            button.rect = spot
        if self.focused is None and self.buttons:
            self.focus(self.buttons[0])

    def focus_first(self) -> None:
        if self.focused is None and self.buttons:
            self.focus(self.buttons[0])
        else:
            super().focus_first()

    def draw_background(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.theme)
        draw_panel(surface, self.theme, self.panel, accent="danger")

    def on_action(self, action: str) -> Transition | None:
        steps = {
            "scroll.down": self.body.rect.height * 9 // 10,
            "scroll.up": -self.body.rect.height * 9 // 10,
            "scroll.line-down": self.theme.px(48),
            "scroll.line-up": -self.theme.px(48),
        }
        if action in steps:
            self.body.scroll_by(steps[action])
        return None

    def all_text(self) -> list[str]:
        """Every text on the page, scrolled into view or not (for tests of what it shows)."""
        return [f.text for w in self.widgets() if w.visible for f in w.text_fits()]
