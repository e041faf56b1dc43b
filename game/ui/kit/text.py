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

from collections.abc import Callable
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


def _fits(font: pygame.font.Font, text: str, width: int) -> bool:
    """Whether ``text`` fits ``width``, measuring little more than fits: a 100,000-letter
    word is not laid out whole (a quarter of a second) just to learn it is too wide.
    The first probe is longer than most lines, so a line is usually measured once."""
    probe = 256
    while probe < len(text):
        if font.size(text[:probe])[0] > width:
            return False
        probe *= 2
    return font.size(text)[0] <= width


def gallop(fits: Callable[[int], bool], size: int, guess: int) -> int:
    """The largest n in 0..size with ``fits(n)`` (``fits`` true up to it, false after).

    Gallops from ``guess`` (up 1, 2, 4, ... while it fits, or down likewise while it
    does not) before a binary search, so that a probe never asks much beyond the
    answer: with the previous line's answer as the guess, two or three probes.
    """
    guess = min(max(guess, 1), size)
    if size and fits(guess):  # the answer is ``guess`` or above
        lo, step = guess, 1
        while lo + step <= size and fits(lo + step):
            lo, step = lo + step, step * 2
        hi = min(lo + step - 1, size)
    else:  # the answer is below ``guess``
        lo, hi, step = 0, guess - 1, 1
        while guess - step >= 1:
            if fits(guess - step):
                lo = guess - step
                break
            hi, step = guess - step - 1, step * 2
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _longest_prefix(  # noqa: PLR0917 - the hot loop of wrapping: no slices of the word made
    font: pygame.font.Font, text: str, start: int, end: int, suffix: str, width: int, guess: int = 1
) -> int:
    """How many characters of ``text[start:end]`` fit ``width`` with ``suffix`` (0: none).

    Gallops from ``guess`` (up 1, 2, 4, ... characters while they fit, or down
    likewise while they do not) before a binary search, so that a probe never
    measures much more than fits.  Breaking a word of n characters into lines
    then costs time linear in n (probing the whole word each time cost n²), and
    with the previous line's count as the guess, two or three probes per line.
    """
    size = end - start

    def fits(n: int) -> bool:
        return font.size(text[start : start + n] + suffix)[0] <= width

    return gallop(fits, size, guess)


@lru_cache(maxsize=64)  # the same long word often shows in several texts of one screen
def _break_word(font: pygame.font.Font, word: str, width: int) -> tuple[str, ...]:
    """Split a word wider than ``width`` into pieces that each fit (at least one char each).

    Every piece but the last ends with a hyphen where one fits, so that the
    reader sees the word goes on.  Only about a line's worth of the word is
    measured per piece, with the previous piece's length as the first guess (see
    ``_longest_prefix``): three measurements a line, so a 100,000-letter word
    wraps in a blink rather than the minutes re-measuring the rest of it took.
    """
    pieces: list[str] = []
    # Leave at least two letters for the next line ("intermedia-" / "te-", not "e-").
    tail = MIN_TAIL + (word[-1] in BREAK_AFTER)
    start, end = 0, len(word)
    n = 1  # the previous piece's length: the guess for the next
    while end - start > 1:
        n = _longest_prefix(font, word, start, max(start + 1, end - tail), HYPHEN, width, n)
        if _rest_fits(font, word, start, n, width):
            break
        if n > 0:
            head = word[start : start + n]
            pieces.append(head if head[-1] in BREAK_AFTER else head + HYPHEN)
        else:  # even one letter and a hyphen are too wide: no hyphen, at least one char
            n = max(1, _longest_prefix(font, word, start, end - 1, "", width))
            pieces.append(word[start : start + n])
        start += n
    pieces.append(word[start:])
    return tuple(pieces)


def _rest_fits(font: pygame.font.Font, word: str, start: int, fits: int, width: int) -> bool:
    """Whether ``word[start:]`` fits ``width``, when ``fits`` letters and a hyphen just do.

    Usually one probe answers: a prefix a little longer than ``fits`` that is
    already too wide, and shorter than the rest, proves the rest too wide.
    """
    probe = start + fits + 2 + fits // 4
    if probe < len(word) and font.size(word[start:probe])[0] > width:
        return False
    rest = len(word) - start
    return _longest_prefix(font, word, start, len(word), "", width, fits + 1) == rest


def _wide_word(font: pygame.font.Font, current: str, word: str, width: int) -> list[str]:
    """Lines for ``word`` (wider than ``width``) following the line ``current``.

    The word's pieces (after its hyphens and slashes, then mid-way if need be)
    are packed greedily, the first one onto ``current`` when it fits there; the
    last returned line is still open for the next word.
    """
    pieces: list[str] = []
    for segment in _segments(word):
        if _fits(font, segment, width):
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
        whole = _joined("", words)
        if _fits(font, whole, width):  # most texts of a screen: one measurement
            lines.append(whole)
            continue
        # Greedy: as many words as fit join a line, found by galloping from a guess
        # (a few measurements a line) rather than by measuring the line after each word.
        # The first guess: the paragraph's share of words that fit in one width.
        guess = len(words) * width // max(1, _width_or_more(font, whole, width))
        current = ""
        i = 0
        while i < len(words):
            k = _words_that_fit(font, current, words, i, width, guess)
            current = _joined(current, words[i : i + k])
            i += k
            guess = max(k, 1)
            if i == len(words):
                break
            word = words[i]
            if _fits(font, word, width):
                # Spaces first: a word that fits a line of its own moves there whole.
                if current:
                    lines.append(current)
                current = word
            else:
                *full, current = _wide_word(font, current, word, width)
                lines.extend(full)
            i += 1
        lines.append(current)
    return tuple(lines)


def _width_or_more(font: pygame.font.Font, text: str, width: int) -> int:
    """``text``'s width, measured whole only when short: a long one is judged by a prefix
    a few widths long (a guess is all it is for)."""
    probe = max(64, 8 * width // max(1, font.size("n")[0]))
    if len(text) <= probe:
        return int(font.size(text)[0])
    return int(font.size(text[:probe])[0] * len(text) // probe)


def _joined(current: str, words: list[str]) -> str:
    """``current`` with ``words`` added one by one, a space before each (none on an empty line)."""
    for word in words:
        current = f"{current} {word}" if current else word
    return current


def _words_that_fit(  # noqa: PLR0917 - the hot loop of wrapping
    font: pygame.font.Font, current: str, words: list[str], start: int, width: int, guess: int
) -> int:
    """How many of ``words[start:]`` fit on the line ``current``.

    A line only widens as words join it, so the answer is found by galloping
    from ``guess`` (up or down by 1, 2, 4, ... words) and then halving.
    """

    def fits(n: int) -> bool:
        return _fits(font, _joined(current, words[start : start + n]), width)

    size = len(words) - start
    return gallop(fits, size, guess)


@lru_cache(maxsize=4096)  # labels and delegation cards call it in draw, every frame
def ellipsize(font: pygame.font.Font, text: str, width: int) -> str:
    """``text`` cut with an ellipsis so that it fits ``width`` pixels."""
    if _fits(font, text, width):
        return text
    fits = _longest_prefix(font, text, 0, len(text), ELLIPSIS, width)
    return text[:fits].rstrip() + ELLIPSIS
