"""Measuring and wrapping text, so that layouts know a paragraph's height before drawing it.

Our own greedy wrap (rather than only ``Font.render(wraplength=...)``) because
the layout needs the line count up front, and because a word longer than the
box (a URL, a long Russian compound) must be broken rather than overflow.

The rule, in order of preference: break at spaces; a word wider than the whole
box breaks after a hyphen or slash inside it ("intermediate-" / "range"); only
a piece still wider than the box is split mid-way, with a trailing hyphen when
that fits.
"""

from __future__ import annotations

from functools import lru_cache

import pygame

ELLIPSIS = "…"
HYPHEN = "-"
# Characters a word may break after (kept on the first line), as in "intermediate-range".
BREAK_AFTER = "-/"
MIN_TAIL = 2


def _segments(word: str) -> list[str]:
    """``word`` cut after each inner hyphen or slash ("a-b/c" -> "a-", "b/", "c").

    Only between two ordinary characters, so "-5", "a--b"'s first dash and a
    trailing "/" stay glued to their neighbours.
    """
    pieces: list[str] = []
    start = 0
    for i in range(1, len(word) - 1):
        if (
            word[i] in BREAK_AFTER
            and word[i - 1] not in BREAK_AFTER
            and word[i + 1] not in BREAK_AFTER
        ):
            pieces.append(word[start : i + 1])
            start = i + 1
    pieces.append(word[start:])
    return pieces


def _longest_prefix(font: pygame.font.Font, text: str, suffix: str, width: int) -> int:
    """Length of the longest prefix of ``text`` that fits ``width`` with ``suffix`` (0: none)."""
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if font.size(text[:mid] + suffix)[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _break_word(font: pygame.font.Font, word: str, width: int) -> list[str]:
    """Split a word wider than ``width`` into pieces that each fit (at least one char each).

    Every piece but the last ends with a hyphen where one fits, so that the
    reader sees the word goes on.
    """
    pieces: list[str] = []
    rest = word
    while font.size(rest)[0] > width and len(rest) > 1:
        # Leave at least two letters for the next line ("intermedia-" / "te-", not "e-").
        tail = MIN_TAIL + (rest[-1] in BREAK_AFTER)
        n = _longest_prefix(font, rest[: max(1, len(rest) - tail)], HYPHEN, width)
        if n > 0:
            head = rest[:n]
            pieces.append(head if head[-1] in BREAK_AFTER else head + HYPHEN)
        else:  # even one letter and a hyphen are too wide: no hyphen, at least one char
            n = max(1, _longest_prefix(font, rest[:-1], "", width))
            pieces.append(rest[:n])
        rest = rest[n:]
    pieces.append(rest)
    return pieces


def _wide_word(font: pygame.font.Font, current: str, word: str, width: int) -> list[str]:
    """Lines for ``word`` (wider than ``width``) following the line ``current``.

    The word's pieces (after its hyphens and slashes, then mid-way if need be)
    are packed greedily, the first one onto ``current`` when it fits there; the
    last returned line is still open for the next word.
    """
    pieces: list[str] = []
    for segment in _segments(word):
        if font.size(segment)[0] <= width:
            pieces.append(segment)
        else:
            pieces.extend(_break_word(font, segment, width))
    lines: list[str] = []
    line = current
    for n, piece in enumerate(pieces):
        candidate = (f"{line} {piece}" if n == 0 else line + piece) if line else piece
        if font.size(candidate)[0] <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = piece
    lines.append(line)
    return lines


def wrap_lines(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Lines of ``text`` that each fit in ``width`` pixels; newlines start new lines.

    Memoised (fonts come from the theme's cache and are never restyled), because
    several widgets wrap in ``draw``: a frame then re-measures nothing unchanged.
    """
    return list(_wrap(font, text, max(1, width)))


@lru_cache(maxsize=8192)
def _wrap(font: pygame.font.Font, text: str, width: int) -> tuple[str, ...]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if font.size(candidate)[0] <= width:
                current = candidate
                continue
            if font.size(word)[0] <= width:
                # Spaces first: a word that fits a line of its own moves there whole.
                if current:
                    lines.append(current)
                current = word
            else:
                *full, current = _wide_word(font, current, word, width)
                lines.extend(full)
        lines.append(current)
    return tuple(lines)


@lru_cache(maxsize=4096)  # labels and delegation cards call it in draw, every frame
def ellipsize(font: pygame.font.Font, text: str, width: int) -> str:
    """``text`` cut with an ellipsis so that it fits ``width`` pixels."""
    if font.size(text)[0] <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if font.size(text[:mid] + ELLIPSIS)[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS
