"""The F1 overlay: the current scene's and the app's shortcuts, read from their key tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import pygame

from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Scene, Transition
from game.ui.kit.text import ellipsize
from game.ui.kit.theme import Theme
from game.ui.kit.widgets.base import TextFit, blit_text, draw_box
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.label import Label
from game.ui.kit.widgets.listview import ListView, default_row_height


def merge(bindings: Sequence[KeyBinding]) -> list[tuple[str, str]]:
    """(keys, description) rows; one row per description ("F11 / Alt+Enter")."""
    rows: dict[str, list[str]] = {}
    for binding in bindings:
        labels = rows.setdefault(binding.description, [])
        if binding.label() not in labels:
            labels.append(binding.label())
    # Two ways to press it are enough to show; the rest (keypad variants) still work.
    shown = []
    for description, keys in rows.items():
        main = [k for k in keys if "Keypad" not in k] or keys
        shown.append((" / ".join(main[:2]), description))
    return shown


def _pair(item: object) -> tuple[str, str]:
    assert isinstance(item, tuple)
    return str(item[0]), str(item[1])


class _Rows(ListView):
    """The shortcut table: keys in accent colour, then what they do."""

    def __init__(self, id: str, rows: list[tuple[str, str]]) -> None:
        super().__init__(id, rows, render_row=self._render, framed=False)
        self.key_width = 0

    def _boxes(self, row: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
        pad = self.theme.space("md")
        keys = pygame.Rect(row.left + pad, row.top, self.key_width, row.height)
        text = pygame.Rect(
            keys.right + pad, row.top, max(0, row.right - keys.right - 2 * pad), row.height
        )
        return keys, text

    def _render(self, theme: Theme, item: object, width: int, selected: bool) -> pygame.Surface:
        del selected
        keys, text = _pair(item)
        surface = pygame.Surface((width, default_row_height(theme)), pygame.SRCALPHA)
        key_box, text_box = self._boxes(surface.get_rect())
        blit_text(surface, theme.text(keys, "label", "accent"), key_box)
        shown = ellipsize(theme.font("body"), text, text_box.width)
        blit_text(surface, theme.text(shown, "body", "text"), text_box)
        return surface

    def text_fits(self) -> list[TextFit]:
        fits = []
        for i in self.visible_range():
            keys, text = _pair(self.items[i])
            key_box, text_box = self._boxes(self.row_rect(i))
            fits.append(TextFit(self.id, keys, self.theme.text_size(keys, "label"), key_box))
            fits.append(TextFit(self.id, text, self.theme.text_size(text, "body"), text_box))
        return fits


class HelpOverlay(Scene):
    """A modal, scrollable table of keys and what they do."""

    modal = True
    title = "Help"
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        KeyBinding("escape", "close", "Close the help"),
        KeyBinding("f1", "close", "Close the help"),
    )

    def __init__(self, ctx: Context, scene_title: str, bindings: Sequence[KeyBinding]) -> None:
        super().__init__(ctx)
        self.panel = pygame.Rect(0, 0, 0, 0)
        heading = f"Keyboard — {scene_title}" if scene_title else "Keyboard"
        self.heading = self.add(Label("help.title", heading, style="subheading"))
        self.pairs = merge(bindings)
        self.table = self.add(_Rows("help.keys", self.pairs))
        self.close = self.add(Button("help.close", "Close", variant="primary"))
        self.focus(self.table)

    def layout(self, rect: pygame.Rect) -> None:
        t = self.theme
        pad = t.space("xl") if rect.height > t.px(500) else t.space("md")
        rows = self.pairs
        key_w = max(t.text_size(keys, "label")[0] for keys, _ in rows)
        text_w = max(t.text_size(text, "body")[0] for _, text in rows)
        self.table.key_width = key_w
        list_w = key_w + text_w + 3 * t.space("md") + t.metric("scrollbar") + t.space("xs") + 2
        width = min(list_w + 2 * pad, rect.width - 2 * t.space("md"))
        list_h = default_row_height(t) * len(rows) + 2
        heights = [t.line_height("subheading"), list_h, t.control_height()]
        height = min(
            layout.stack_height(heights, t.space("md")) + 2 * pad, rect.height - 2 * t.space("sm")
        )
        self.panel = layout.centred((width, height), rect)
        heights[1] = layout.Flex()  # type: ignore[call-overload]
        head, table, foot = layout.column(layout.pad(self.panel, pad), heights, t.space("md"))
        self.heading.rect = head
        # Rows are padded inside the list; pull it left so the keys align with the heading.
        inset = t.space("md") + 1
        self.table.rect = pygame.Rect(
            table.left - inset, table.top, table.width + inset, table.height
        )
        self.table.set_items(self.pairs)  # widths changed: drop cached rows
        button_w = max(t.px(110), self.close.preferred_size()[0])
        self.close.rect = pygame.Rect(foot.right - button_w, foot.top, button_w, foot.height)

    def draw_background(self, surface: pygame.Surface) -> None:
        draw_box(surface, self.theme, self.panel, "surface", border="border_strong", radius="lg")

    def on_intent(self, intent: Intent) -> Transition | None:
        closing = intent.source == "help.close" or intent.kind == "activate"
        return Pop() if closing else None

    def on_action(self, action: str) -> Transition | None:
        return Pop() if action == "close" else None
