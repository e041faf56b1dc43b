"""The wrapping rule, with the real fonts: spaces, then hyphens or slashes, then mid-word."""

from __future__ import annotations

import functools

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ui.kit.text import wrap_lines
from game.ui.kit.theme import Theme, load_theme
from tests.examples import examples

LABEL = "Reciprocal limits on intermediate-range missiles"


@functools.cache
def _theme() -> Theme:
    pygame.font.init()
    return load_theme()


@pytest.fixture(params=[1.0, 2.0], ids=["scale1", "scale2"])
def theme(request: pytest.FixtureRequest) -> Theme:
    pygame.font.init()
    return load_theme(scale=request.param)


def _fits(font: pygame.font.Font, lines: list[str], width: int) -> bool:
    return all(font.size(line)[0] <= width for line in lines)


def test_a_hyphenated_compound_breaks_after_its_hyphen(theme: Theme) -> None:
    font = theme.font("caption")
    # Room for "intermediate-r" (where a plain character split would cut), not the compound.
    width = font.size("intermediate-r")[0] + 1
    assert font.size("intermediate-range")[0] > width
    lines = wrap_lines(font, LABEL, width)
    assert "intermediate-" in lines
    assert any(line.startswith("range") for line in lines)
    assert _fits(font, lines, width)


def test_a_slash_is_a_break_too(theme: Theme) -> None:
    font = theme.font("caption")
    width = font.size("consultations/i")[0] + 1
    lines = wrap_lines(font, "joint consultations/inspections", width)
    assert lines == ["joint", "consultations/", "inspections"]


def test_spaces_come_first_a_compound_that_fits_a_line_moves_whole(theme: Theme) -> None:
    font = theme.font("caption")
    width = font.size("intermediate-range")[0] + 2
    lines = wrap_lines(font, LABEL, width)
    assert "intermediate-range" in " ".join(lines).split()
    assert not any(line.endswith("-") for line in lines)


@pytest.mark.parametrize("extra", [0, 7, 25])
def test_an_over_long_word_is_split_with_a_hyphen_and_fits(theme: Theme, extra: int) -> None:
    font = theme.font("body")
    word = "безальтернативность"
    width = font.size(word)[0] // 2 + theme.px(extra)
    lines = wrap_lines(font, f"это {word}", width)
    assert _fits(font, lines, width)
    assert len(lines) >= 3
    pieces = lines[1:]
    # Every piece but the last ends with the hyphen the split added; nothing is lost.
    assert all(piece.endswith("-") for piece in pieces[:-1])
    assert "".join(piece.removesuffix("-") for piece in pieces) == word


def test_cyrillic_words_wrap_at_spaces(theme: Theme) -> None:
    font = theme.font("body")
    text = "Переговоры в Женеве о гарантиях безопасности продолжатся завтра"
    width = font.size("безопасности продолжатся")[0]
    lines = wrap_lines(font, text, width)
    assert len(lines) > 1
    assert " ".join(lines) == text  # every break was at a space: no word was cut
    assert _fits(font, lines, width)


@pytest.mark.parametrize("width", [6, 20, 45, 70, 100, 160, 333])
def test_no_line_is_wider_than_the_box(theme: Theme, width: int) -> None:
    text = (
        f"{LABEL}. Переговоры в Женеве: "
        + "безальтернативность" * 3
        + " and a https://example.org/very/long/path, a--b, -5 and x/\n•  next  paragraph"
    )
    for style in ("caption", "body", "label"):
        font = theme.font(style)
        w = theme.px(width)
        lines = wrap_lines(font, text, w)
        # A single glyph wider than the box is the only thing allowed to stick out.
        assert all(font.size(line)[0] <= w or len(line) == 1 for line in lines), (style, lines)


def test_text_that_fits_is_left_alone(theme: Theme) -> None:
    font = theme.font("body")
    text = "•  two  spaces, a-b and x/y\nsecond line"
    assert wrap_lines(font, text, theme.px(2000)) == ["•  two  spaces, a-b and x/y", "second line"]


class _CountingFont:
    """A font of fixed-advance glyphs that counts the characters it is asked to measure."""

    def __init__(self, advance: int = 10) -> None:
        self.advance = advance
        self.measured = 0

    def size(self, text: str) -> tuple[int, int]:
        self.measured += len(text)
        return (self.advance * len(text), 20)


def _measured(length: int, text: str = "W") -> int:
    font = _CountingFont()
    lines = wrap_lines(font, text * length, 600)  # type: ignore[arg-type]
    assert all(len(line) <= 60 for line in lines)
    assert "".join(line.rstrip("-") for line in lines) == text * length
    return font.measured


@pytest.mark.parametrize("length", [2_000, 16_000])
def test_wrapping_an_unbroken_word_measures_in_proportion_to_its_length(length: int) -> None:
    # Issue 14.9: a 99,999-letter word froze the window because every line re-measured
    # the whole rest of the word (cost ~ length²).  Now each line measures about a line.
    small, large = _measured(length // 8), _measured(length)
    assert large <= 12 * small  # 8 times the text, at most ~8 times the work (not 64)
    assert large <= 40 * length


def test_ellipsizing_a_huge_text_measures_little_more_than_fits() -> None:
    from game.ui.kit.text import ellipsize

    font = _CountingFont()
    cut = ellipsize(font, "W" * 99_999, 300)  # type: ignore[arg-type]
    assert font.size(cut)[0] <= 300
    assert cut.endswith("…")
    assert font.measured <= 5_000


@pytest.mark.parametrize(
    "text",
    [
        "مفاوضات جنيف حول الأمن الأوروبي " * 12,  # Arabic, right to left
        "שיחות ז'נבה על הביטחון באירופה " * 12,  # Hebrew, right to left
        "🕊️🤝🌍" * 60,  # emoji, one unbroken run
        "NATO \u200fاتفاق\u200f and שלום mixed " * 10,  # directions mixed, with RLM marks
    ],
)
def test_scripts_the_font_lacks_still_wrap_and_cut_to_their_box(theme: Theme, text: str) -> None:
    # Issue 14.16: right-to-left text, the fallback font's runs and emoji boxes must
    # not break layout.
    from game.ui.kit.text import ellipsize

    font = theme.font("body")
    width = theme.px(220)
    lines = wrap_lines(font, text, width)
    assert len(lines) > 1
    assert _fits(font, lines, width)
    assert "".join(lines).replace("-", "").replace(" ", "") == text.replace("-", "").replace(
        " ", ""
    )
    assert font.size(ellipsize(font, text, width))[0] <= width


def _greedy_reference(font: pygame.font.Font, text: str, width: int) -> tuple[str, ...]:
    """The plain word-by-word greedy wrap (one measurement per word) that ``wrap_lines``
    must match line for line while measuring less."""
    from game.ui.kit.text import _fits, _wide_word

    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if _fits(font, candidate, width):
                current = candidate
            elif _fits(font, word, width):
                if current:
                    lines.append(current)
                current = word
            else:
                *full, current = _wide_word(font, current, word, width)
                lines.extend(full)
        lines.append(current)
    return tuple(lines)


@settings(max_examples=examples(300), deadline=None)
@given(
    text=st.text(alphabet="ab cdefg hij-k/l  ÉЖ×·—\n", max_size=220),
    width=st.integers(min_value=1, max_value=420),
    style=st.sampled_from(["caption", "body", "label"]),
)
def test_wrapping_by_galloping_gives_the_greedy_lines(text: str, width: int, style: str) -> None:
    # Issue 12 (speed): lines are found by galloping over word counts, a few
    # measurements a line instead of one a word; the lines must stay the same.
    font = _theme().font(style)
    assert tuple(wrap_lines(font, text, width)) == _greedy_reference(font, text, width)


def test_a_paragraph_of_words_is_measured_a_few_times_a_line_not_once_a_word() -> None:
    font = _CountingFont()
    calls = []
    size = font.size
    font.size = lambda text: (calls.append(text), size(text))[1]  # type: ignore[method-assign]
    lines = wrap_lines(font, " ".join(["word"] * 400), 600)  # type: ignore[arg-type]
    assert len(lines) == 34  # 12 words of 5 letters (and a space) in 60 letters
    assert len(calls) <= 5 * len(lines)  # one a word would be 400
