"""Fonts that draw any Python string: lone surrogates become a question mark, and
characters the main font lacks come from a fallback font.

A file name that is not UTF-8 (``bad\\xff.yaml`` on Linux) reaches Python as lone
surrogates, and SDL_ttf refuses them with ``UnicodeEncodeError`` wherever such a
name is shown: a picker row, an error message naming the file.  Cleaning here,
where every text of the window is measured and drawn, covers them all.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pygame

from game.ui.kit.glyphs import covered, covered_characters

_SURROGATE = re.compile("[\ud800-\udfff]")
# SDL_ttf refuses a NUL ("A null character was found in the text") and draws other
# control characters as boxes; words from a save, a host or an agent may hold any.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
# Layout measures the same labels, names and words frame after frame and window after
# window (a quarter of the table's layout time was SDL_ttf measuring them again).
# Sizes of texts up to _MEMO_LENGTH characters are remembered per font, up to
# _MEMO_ENTRIES of them (then the memo starts afresh); longer texts are measured.
_MEMO_LENGTH = 256
_MEMO_ENTRIES = 16_384


def drawable(text: Any) -> Any:
    """``text`` with anything UTF-8 cannot hold, and control characters (a NUL, say),
    shown as ``?`` (non-strings as they are).

    ``?`` rather than U+FFFD: every bundled font has a glyph for it.
    """
    if not isinstance(text, str):
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = _SURROGATE.sub("?", text)
    return _CONTROL.sub("?", text)


class SafeFont(pygame.font.Font):
    """``pygame.font.Font`` whose ``size`` and ``render`` never fail on a lone surrogate."""

    def size(self, text: Any) -> tuple[int, int]:
        return super().size(drawable(text))

    def render(self, text: Any, *args: Any, **kwargs: Any) -> pygame.Surface:
        return super().render(drawable(text), *args, **kwargs)


class FallbackFont(SafeFont):
    """A ``SafeFont`` that draws the characters its own file lacks with a second font.

    Inter has Latin, Greek and Cyrillic; a scenario may also hold Arabic, Hebrew or
    symbols.  SDL_ttf draws one font per call, so a text with characters the main
    font lacks is cut into runs, each drawn with the font that has them, side by
    side on the main font's baseline.  Text the main font covers (all the game's
    own words) takes the plain path, pixel for pixel as before.
    """

    def __init__(self, path: Path, size: int, fallback: Path) -> None:
        super().__init__(path, size)
        self._own = covered(path)
        self._own_characters = covered_characters(path)
        self._other = covered(fallback)
        self._fallback = SafeFont(fallback, size)
        self._sizes: dict[str, tuple[int, int]] = {}

    def _runs(self, text: str) -> list[tuple[bool, str]] | None:
        """``text`` cut into (drawn by the fallback?, run) pieces; None if one font will do."""
        if text.isascii() or self._own_characters.issuperset(text):
            return None  # the usual case, asked without a loop over the text in Python
        own, other = self._own, self._other
        runs: list[tuple[bool, str]] = []
        for ch in text:
            code = ord(ch)
            use_other = code not in own and code in other
            if runs and runs[-1][0] == use_other:
                runs[-1] = (use_other, runs[-1][1] + ch)
            else:
                runs.append((use_other, ch))
        if len(runs) == 1 and not runs[0][0]:
            return None
        return runs

    def size(self, text: Any) -> tuple[int, int]:
        if not isinstance(text, str) or len(text) > _MEMO_LENGTH:
            return self._measure(text)
        found = self._sizes.get(text)
        if found is None:
            if len(self._sizes) >= _MEMO_ENTRIES:
                self._sizes.clear()
            found = self._sizes[text] = self._measure(text)
        return found

    def _measure(self, text: Any) -> tuple[int, int]:
        text = drawable(text)
        runs = self._runs(text) if isinstance(text, str) else None
        if runs is None:
            return SafeFont.size(self, text)
        width = sum(
            (self._fallback.size(run) if other else SafeFont.size(self, run))[0]
            for other, run in runs
        )
        return width, self.get_height()

    def render(self, text: Any, *args: Any, **kwargs: Any) -> pygame.Surface:
        text = drawable(text)
        runs = self._runs(text) if isinstance(text, str) else None
        if runs is None:
            return super().render(text, *args, **kwargs)
        pieces = [
            (
                other,
                self._fallback.render(run, *args, **kwargs)
                if other
                else SafeFont.render(self, run, *args, **kwargs),
            )
            for other, run in runs
        ]
        height = self.get_height()
        surface = pygame.Surface((sum(p.get_width() for _, p in pieces), height), pygame.SRCALPHA)
        background = args[2] if len(args) > 2 else kwargs.get("bgcolor")
        if background is not None:
            surface.fill(background)
        x = 0
        drop = self.get_ascent() - self._fallback.get_ascent()
        for other, piece in pieces:
            surface.blit(piece, (x, drop if other else 0))
            x += piece.get_width()
        return surface
