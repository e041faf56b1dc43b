"""The wrapping rule, with the real fonts: spaces, then hyphens or slashes, then mid-word."""

from __future__ import annotations

import pygame
import pytest

from game.ui.kit.text import wrap_lines
from game.ui.kit.theme import Theme, load_theme

LABEL = "Reciprocal limits on intermediate-range missiles"


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
