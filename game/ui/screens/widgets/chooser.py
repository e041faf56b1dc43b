"""A labelled chooser (◀ value ▶) whose value wraps onto two lines: a term of a package, a lever.

Long option labels (half a sentence, in some scenarios) must stay
readable at projector scale, so the value wraps rather than being cut.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.ui.kit.intent import Handled
from game.ui.kit.text import wrap_lines
from game.ui.kit.theme import ColorLike
from game.ui.kit.widgets.base import TextFit, Widget, blit_text, draw_box, draw_focus_ring

_PREV = (pygame.K_LEFT, pygame.K_MINUS, pygame.K_KP_MINUS)
_NEXT = (pygame.K_RIGHT, pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS)
VALUE_LINES = 2


class ChoicePicker(Widget):
    """Pick one of ``options`` (value, text); reports ``change`` with the value."""

    focusable = True

    def __init__(
        self,
        id: str,
        title: str,
        options: Sequence[tuple[object, str]],
        index: int = 0,
        *,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(id, tooltip=tooltip)
        if not options:
            raise ValueError("a chooser needs at least one option")
        self.title = title
        self.options = list(options)
        self.index = max(0, min(index, len(self.options) - 1))
        self.mark: ColorLike | None = None  # a coloured edge (a red line crossed)

    @property
    def value(self) -> object:
        """The chosen value."""
        return self.options[self.index][0]

    @property
    def text(self) -> str:
        """The chosen option's text."""
        return self.options[self.index][1]

    def preferred_size(self) -> tuple[int, int]:
        t = self.theme
        return (self.rect.width, t.line_height("label") + t.space("xs") + self._box_height())

    def _box_height(self) -> int:
        t = self.theme
        return VALUE_LINES * t.line_height("body") + 2 * t.metric("control_pad_y")

    def _parts(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect, pygame.Rect, pygame.Rect]:
        t = self.theme
        title = pygame.Rect(self.rect.left, self.rect.top, self.rect.width, t.line_height("label"))
        box = pygame.Rect(
            self.rect.left, title.bottom + t.space("xs"), self.rect.width, self._box_height()
        )
        arrow = min(box.height, t.px(44))
        prev = pygame.Rect(box.left, box.top, arrow, box.height)
        nxt = pygame.Rect(box.right - arrow, box.top, arrow, box.height)
        value = pygame.Rect(prev.right, box.top, max(1, nxt.left - prev.right), box.height)
        return title, box, prev, nxt, value.inflate(-2 * t.space("sm"), 0)

    def step(self, delta: int) -> Handled:
        """Move ``delta`` options, wrapping around; an intent with the new value."""
        self.index = (self.index + delta) % len(self.options)
        return self.intent("change", self.value)

    def handle_event(self, event: pygame.event.Event) -> Handled:
        pointer = self._track_pointer(event)
        if pointer == "click":
            _, _, prev, _, _ = self._parts()
            return self.step(-1 if prev.collidepoint(event.pos) else 1)
        if pointer == "down":
            return True
        if self.enabled and self.focused and event.type == pygame.KEYDOWN:
            if event.key in _PREV:
                return self.step(-1)
            if event.key in _NEXT:
                return self.step(1)
        return False

    def _arrow(self, surface: pygame.Surface, box: pygame.Rect, left: bool) -> None:
        t = self.theme
        s = t.px(6)
        cx, cy = box.center
        points = (
            [(cx + s // 2, cy - s), (cx - s // 2, cy), (cx + s // 2, cy + s)]
            if left
            else [(cx - s // 2, cy - s), (cx + s // 2, cy), (cx - s // 2, cy + s)]
        )
        pygame.draw.polygon(surface, t.color("text_dim"), points)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        title, box, prev, nxt, value = self._parts()
        blit_text(surface, t.text(self.title, "label", "text_dim"), title)
        draw_box(
            surface,
            t,
            box,
            "panel_hover" if self.hovered else "panel",
            border=self.mark or "border",
        )
        if self.mark is not None:
            pygame.draw.rect(
                surface,
                t.color(self.mark),
                box,
                width=max(2, t.px(2)),
                border_radius=t.radius("md"),
            )
        self._arrow(surface, prev, True)
        self._arrow(surface, nxt, False)
        lines = wrap_lines(t.font("body"), self.text, value.width)[:VALUE_LINES]
        h = t.line_height("body")
        top = value.centery - h * len(lines) // 2
        for n, line in enumerate(lines):
            blit_text(
                surface,
                t.text(line, "body", "text"),
                pygame.Rect(value.left, top + n * h, value.width, h),
                "center",
            )
        if self.focused:
            draw_focus_ring(surface, t, box)

    def text_fits(self) -> list[TextFit]:
        t = self.theme
        title, _, _, _, value = self._parts()
        fits = [self._fit(self.title, "label", title)]
        for _, text in self.options:
            lines = wrap_lines(t.font("body"), text, value.width)
            width = max(t.text_size(line, "body")[0] for line in lines)
            fits.append(TextFit(self.id, text, (width, len(lines) * t.line_height("body")), value))
        return fits
