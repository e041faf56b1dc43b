"""Issue 14.16: characters the main font lacks are drawn by the bundled fallback font.

SDL_ttf draws a missing glyph as a box with ordinary metrics, so these tests ask the
font files' character maps what they hold, and compare pixels with what the main
font alone would draw.
"""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

import pygame
import pytest

from game import paths
from game.ui.kit.glyphs import FontFileError, covered
from game.ui.kit.theme import FALLBACK_BOLD, FALLBACK_REGULAR, Theme, load_theme

FONTS = paths.assets_dir() / "fonts"
GAME = Path(__file__).resolve().parents[2] / "game"


@pytest.fixture(params=[1.0, 2.0], ids=["scale1", "scale2"])
def theme(request: pytest.FixtureRequest) -> Theme:
    pygame.font.init()
    return load_theme(scale=request.param)


def test_the_character_maps_say_what_each_font_holds() -> None:
    inter = covered(FONTS / "Inter-Regular.otf")
    dejavu = covered(FONTS / FALLBACK_REGULAR)
    assert {ord(c) for c in "AzЖжΩ—…•"} <= inter
    assert not {ord(c) for c in "عש"} & inter  # Arabic and Hebrew: not in Inter
    assert {ord(c) for c in "عשAЖ"} <= dejavu
    assert {ord(c) for c in "عש"} <= covered(FONTS / FALLBACK_BOLD)


def test_a_file_that_is_no_font_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.ttf"
    bogus.write_bytes(b"not a font")
    with pytest.raises(FontFileError):
        covered(bogus)


def _strings_shown_by_the_game() -> set[str]:
    found: set[str] = set()
    for path in GAME.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


@pytest.mark.slow  # every string constant of game/ through the fonts
def test_every_symbol_the_game_itself_writes_has_a_glyph() -> None:
    # Punctuation and symbols (bullets, dashes, arrows, ticks, quotes) in any string of
    # game/; letters and the bounds of character ranges in validators are not shown.
    have = covered(FONTS / "Inter-Regular.otf") | covered(FONTS / FALLBACK_REGULAR)
    shown = {
        ch
        for text in _strings_shown_by_the_game()
        for ch in text
        if ord(ch) > 0x7F and unicodedata.category(ch)[0] in "PS"
    }
    assert shown, "the game writes no symbol at all? then this test reads the wrong folder"
    assert {ch for ch in shown if ord(ch) not in have} == set()


@pytest.mark.parametrize("text", ["שלום", "اتفاق", "NATO and שלום mixed"])
def test_hebrew_and_arabic_are_drawn_by_the_fallback_not_as_boxes(theme: Theme, text: str) -> None:
    font = theme.font("body")
    ours = font.render(text, True, (255, 255, 255))
    boxes = pygame.font.Font(FONTS / "Inter-Regular.otf", font.point_size).render(
        text, True, (255, 255, 255)
    )
    assert ours.get_width() == font.size(text)[0]
    assert pygame.image.tobytes(ours, "RGBA") != pygame.image.tobytes(boxes, "RGBA")
    fallback = pygame.font.Font(FONTS / FALLBACK_REGULAR, font.point_size)
    hebrew_or_arabic = "".join(c for c in text if not c.isascii())
    assert font.size(text)[0] >= fallback.size(hebrew_or_arabic)[0]


def test_text_the_main_font_covers_draws_exactly_as_before(theme: Theme) -> None:
    font = theme.font("body")
    plain = pygame.font.Font(FONTS / "Inter-Regular.otf", font.point_size)
    for text in ["Russia — Россия", "Tension 67 / 100", "• “quoted” …"]:
        assert font.size(text) == plain.size(text)
        a = font.render(text, True, (250, 250, 250))
        b = plain.render(text, True, (250, 250, 250))
        assert pygame.image.tobytes(a, "RGBA") == pygame.image.tobytes(b, "RGBA")


def test_remembered_sizes_are_the_sizes_sdl_measures(theme: Theme) -> None:
    """A font remembers the sizes of short texts; they are what SDL_ttf measures, and a
    long text is measured every time (nothing unbounded is kept)."""
    font = theme.font("body")
    texts = ["Accept", "Принять", "قبول — accept", "\udcff.yaml", "", "x" * 300]
    remembered = [font.size(text) for text in texts]
    assert remembered == [font.size(text) for text in texts]
    assert remembered == [font._measure(text) for text in texts]  # type: ignore[attr-defined]
    assert remembered[1][0] > 0
    assert remembered[-1][0] > remembered[0][0]
    kept = font._sizes  # type: ignore[attr-defined]
    assert "Принять" in kept
    assert "x" * 300 not in kept


@pytest.mark.parametrize("text", ["x\x00y", "\x1b[2Jwiped", "a\x07b\x7fc", "שלום\x00"])
def test_control_characters_are_drawn_as_question_marks_never_raised(
    theme: Theme, text: str
) -> None:
    """SDL_ttf refuses a NUL ("A null character was found in the text"); words from a
    save, a host or an outside agent may hold one, and must not crash the window."""
    font = theme.font("body")
    shown = "".join("?" if (ord(c) < 32 and c not in "\t\n") or c == "\x7f" else c for c in text)
    assert font.size(text) == font.size(shown)
    a = font.render(text, True, (250, 250, 250))
    b = font.render(shown, True, (250, 250, 250))
    assert pygame.image.tobytes(a, "RGBA") == pygame.image.tobytes(b, "RGBA")
