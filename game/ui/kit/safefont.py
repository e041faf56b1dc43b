"""A font that draws any Python string: lone surrogates become a question mark.

A file name that is not UTF-8 (``bad\\xff.yaml`` on Linux) reaches Python as lone
surrogates, and SDL_ttf refuses them with ``UnicodeEncodeError`` wherever such a
name is shown: a picker row, an error message naming the file.  Cleaning here,
where every text of the window is measured and drawn, covers them all.
"""

from __future__ import annotations

import re
from typing import Any

import pygame

_SURROGATE = re.compile("[\ud800-\udfff]")


def drawable(text: Any) -> Any:
    """``text`` with anything UTF-8 cannot hold shown as ``?`` (non-strings as they are).

    ``?`` rather than U+FFFD: every bundled font has a glyph for it.
    """
    if not isinstance(text, str):
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("?", text)
    return text


class SafeFont(pygame.font.Font):
    """``pygame.font.Font`` whose ``size`` and ``render`` never fail on a lone surrogate."""

    def size(self, text: Any) -> tuple[int, int]:
        return super().size(drawable(text))

    def render(self, text: Any, *args: Any, **kwargs: Any) -> pygame.Surface:
        return super().render(drawable(text), *args, **kwargs)
