"""An on/off switch: click, Enter or Space flips it and reports ``Intent(id, "change", bool)``."""

from __future__ import annotations

import pygame

from game.ui.kit.intent import Handled
from game.ui.kit.widgets.base import TextFit, Widget, blit_text, draw_focus_ring, is_activate_key


class Toggle(Widget):
    """A switch with an "On"/"Off" caption (texts are parameters, for translation)."""

    focusable = True

    def __init__(
        self,
        id: str,
        value: bool = False,
        *,
        on_text: str = "On",
        off_text: str = "Off",
        tooltip: str | None = None,
        enabled: bool = True,
    ) -> None:
        super().__init__(id, tooltip=tooltip, enabled=enabled)
        self.value = value
        self.on_text = on_text
        self.off_text = off_text

    def _switch_rect(self) -> pygame.Rect:
        height = self.theme.px(26)
        rect = pygame.Rect(0, 0, self.theme.px(48), height)
        rect.midleft = (self.rect.left, self.rect.centery)
        return rect

    def _caption_box(self) -> pygame.Rect:
        switch = self._switch_rect()
        left = switch.right + self.theme.space("md")
        return pygame.Rect(left, self.rect.top, max(0, self.rect.right - left), self.rect.height)

    def preferred_size(self) -> tuple[int, int]:
        caption = max(self.theme.text_size(t, "body")[0] for t in (self.on_text, self.off_text))
        return (self.theme.px(48) + self.theme.space("md") + caption, self.theme.control_height())

    def handle_event(self, event: pygame.event.Event) -> Handled:
        pointer = self._track_pointer(event)
        if pointer == "click" or (self.enabled and self.focused and is_activate_key(event)):
            self.value = not self.value
            return self.intent("change", self.value)
        return pointer == "down"

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.theme
        switch = self._switch_rect()
        on = self.value
        track = "accent" if on and self.enabled else "panel_hover" if self.hovered else "panel"
        radius = switch.height // 2
        pygame.draw.rect(surface, theme.color(track), switch, border_radius=radius)
        pygame.draw.rect(
            surface, theme.color("border_strong"), switch, width=1, border_radius=radius
        )
        knob_r = switch.height // 2 - theme.px(4)
        knob_x = switch.right - radius if on else switch.left + radius
        knob_colour = "accent_text" if on else ("text" if self.enabled else "text_disabled")
        pygame.draw.circle(surface, theme.color(knob_colour), (knob_x, switch.centery), knob_r)
        if self.focused:
            draw_focus_ring(surface, theme, switch, "lg")
        caption = self.on_text if on else self.off_text
        colour = "text" if self.enabled else "text_disabled"
        blit_text(surface, theme.text(caption, "body", colour), self._caption_box())

    def text_fits(self) -> list[TextFit]:
        box = self._caption_box()
        return [self._fit(t, "body", box) for t in (self.on_text, self.off_text)]
