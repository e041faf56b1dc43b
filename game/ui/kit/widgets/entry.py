"""One-line text entry fed by ``TEXTINPUT``/``TEXTEDITING`` events (so IMEs and Cyrillic work).

Characters arrive only as ``TEXTINPUT`` (never from ``KEYDOWN``), which is what
SDL sends for every layout and input method; ``KEYDOWN`` is used for editing
keys.  Text input is switched on only while an entry has focus, so that no
on-screen keyboard or IME pops up elsewhere.
"""

from __future__ import annotations

import pygame

from game.ui.kit.intent import Handled
from game.ui.kit.widgets.base import TextFit, Widget, blit_text, draw_box, draw_focus_ring

_EDIT_MODS = pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META
_PASS_THROUGH = (pygame.K_TAB, pygame.K_ESCAPE, pygame.K_F1, pygame.K_F11)


def _word_left(text: str, i: int) -> int:
    while i > 0 and text[i - 1] == " ":
        i -= 1
    while i > 0 and text[i - 1] != " ":
        i -= 1
    return i


def _word_right(text: str, i: int) -> int:
    while i < len(text) and text[i] == " ":
        i += 1
    while i < len(text) and text[i] != " ":
        i += 1
    return i


class TextEntry(Widget):
    """Editable text; reports ``change`` (new text) on every edit and ``submit`` on Enter."""

    focusable = True

    def __init__(
        self,
        id: str,
        text: str = "",
        *,
        placeholder: str = "",
        max_length: int = 200,
        tooltip: str | None = None,
        enabled: bool = True,
    ) -> None:
        super().__init__(id, tooltip=tooltip, enabled=enabled)
        self.text = text[:max_length]
        self.placeholder = placeholder
        self.max_length = max_length
        self.caret = len(self.text)
        self.composition = ""  # uncommitted IME text, shown underlined at the caret
        self._scroll = 0  # pixels of text hidden on the left, to keep the caret in view
        self._blink = 0.0

    # -- focus -------------------------------------------------------------------------
    def on_focus(self) -> None:
        super().on_focus()
        self._blink = 0.0
        pygame.key.start_text_input()
        pygame.key.set_text_input_rect(self.rect)

    def on_blur(self) -> None:
        super().on_blur()
        self.composition = ""
        pygame.key.stop_text_input()

    # -- editing -----------------------------------------------------------------------
    def clear(self) -> None:
        """Empty the field (a refused PIN, a sent message), without a change intent."""
        self.text, self.caret = "", 0

    def _set(self, text: str, caret: int) -> Handled:
        self._blink = 0.0
        changed = text != self.text
        self.text = text
        self.caret = max(0, min(caret, len(text)))
        return self.intent("change", self.text) if changed else True

    def _insert(self, piece: str) -> Handled:
        room = self.max_length - len(self.text)
        piece = piece[: max(0, room)]
        if not piece:
            return True
        return self._set(
            self.text[: self.caret] + piece + self.text[self.caret :], self.caret + len(piece)
        )

    def _key(self, event: pygame.event.Event) -> Handled:
        key, ctrl = event.key, bool(event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT))
        text, caret = self.text, self.caret
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self.intent("submit", self.text)
        if key == pygame.K_BACKSPACE and caret > 0:
            start = _word_left(text, caret) if ctrl else caret - 1
            return self._set(text[:start] + text[caret:], start)
        if key == pygame.K_DELETE and caret < len(text):
            end = _word_right(text, caret) if ctrl else caret + 1
            return self._set(text[:caret] + text[end:], caret)
        moves = {
            pygame.K_LEFT: _word_left(text, caret) if ctrl else caret - 1,
            pygame.K_RIGHT: _word_right(text, caret) if ctrl else caret + 1,
            pygame.K_HOME: 0,
            pygame.K_END: len(text),
        }
        if key in moves:
            return self._set(text, moves[key])
        # Shortcuts such as Ctrl+Z still reach the scene.  Printable keys are swallowed
        # (their character comes as TEXTINPUT) so that no shortcut fires while typing.
        return not (key in _PASS_THROUGH or event.mod & _EDIT_MODS)

    def _caret_from_x(self, x: int) -> int:
        font = self.theme.font("body")
        local = x - self._text_box().left + self._scroll
        best, best_d = 0, abs(local)
        for i in range(1, len(self.text) + 1):
            d = abs(font.size(self.text[:i])[0] - local)
            if d < best_d:
                best, best_d = i, d
        return best

    def handle_event(self, event: pygame.event.Event) -> Handled:
        pointer = self._track_pointer(event)
        if pointer == "down":
            self.caret = self._caret_from_x(event.pos[0])
            self._blink = 0.0
            return True
        if pointer == "click":
            return True
        if not (self.enabled and self.focused):
            return False
        if event.type == pygame.TEXTINPUT:
            self.composition = ""
            return self._insert(event.text)
        if event.type == pygame.TEXTEDITING:
            self.composition = event.text
            return True
        if event.type == pygame.KEYDOWN:
            return self._key(event)
        return False

    # -- animation ---------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if self.focused:
            self._blink += dt

    def _blink_period(self) -> int:
        return self.theme.metric("caret_blink_ms", scaled=False)

    def wakeup_in(self) -> float | None:
        if not self.focused:
            return None
        period = self._blink_period()
        return period - (self._blink % period)

    def caret_visible(self) -> bool:
        """Whether the blinking caret is in its shown half."""
        return self.focused and int(self._blink // self._blink_period()) % 2 == 0

    # -- drawing -----------------------------------------------------------------------
    def _text_box(self) -> pygame.Rect:
        pad = self.theme.metric("control_pad_x")
        return self.rect.inflate(-2 * pad, 0)

    def preferred_size(self) -> tuple[int, int]:
        return (self.rect.width or self.theme.px(320), self.theme.control_height("body"))

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.theme
        draw_box(
            surface,
            theme,
            self.rect,
            "surface",
            border="border_strong" if self.focused else "border",
            radius="sm",
        )
        box = self._text_box()
        font = theme.font("body")
        shown = self.text[: self.caret] + self.composition + self.text[self.caret :]
        caret_x = font.size(self.text[: self.caret] + self.composition)[0]
        # Scroll so that the caret stays inside the box.
        if caret_x - self._scroll > box.width:
            self._scroll = caret_x - box.width
        elif caret_x < self._scroll:
            self._scroll = caret_x
        if not shown and self.placeholder and not self.focused:
            blit_text(surface, theme.text(self.placeholder, "body_italic", "text_dim"), box)
        elif shown:
            rendered = theme.text(shown, "body", "text" if self.enabled else "text_disabled")
            previous = surface.get_clip()
            surface.set_clip(box.clip(previous))
            surface.blit(
                rendered, rendered.get_rect(midleft=(box.left - self._scroll, box.centery))
            )
            surface.set_clip(previous)
        if self.composition:
            start = box.left - self._scroll + font.size(self.text[: self.caret])[0]
            y = box.centery + font.get_height() // 2
            pygame.draw.line(
                surface, theme.color("accent"), (start, y), (box.left - self._scroll + caret_x, y)
            )
        if self.caret_visible():
            x = box.left - self._scroll + caret_x
            half = font.get_height() // 2
            pygame.draw.line(
                surface,
                theme.color("focus"),
                (x, box.centery - half),
                (x, box.centery + half),
                max(1, theme.px(2)),
            )
        if self.focused:
            draw_focus_ring(surface, theme, self.rect, "sm")

    def text_fits(self) -> list[TextFit]:
        # An entry scrolls long text by design; only the placeholder must fit.
        return (
            [self._fit(self.placeholder, "body_italic", self._text_box())]
            if self.placeholder
            else []
        )
