"""Colours, fonts and spacing from ``assets/theme.json``, scaled for the chosen UI scale.

Every size in the theme file is in pixels at scale 1.0.  Changing the scale
re-creates the fonts at the new pixel size (no blurry upscaling of a small
surface) and bumps ``version`` so that widgets drop their cached renderings.
"""

from __future__ import annotations

import json
import string
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

from game import paths
from game.ui.kit.safefont import FallbackFont

UI_SCALES: tuple[float, ...] = (1.0, 1.25, 1.5, 2.0)
DEFAULT_PALETTE = "default"
COLOUR_BLIND_PALETTE = "colour_blind"
_TEXT_CACHE_SIZE = 4096

ColorLike = pygame.Color | str


# DejaVu Sans draws what Inter lacks (Arabic, Hebrew, many symbols); bold styles take
# its bold face so a heading keeps its weight.
FALLBACK_REGULAR = "DejaVuSans.ttf"
FALLBACK_BOLD = "DejaVuSans-Bold.ttf"


def fallback_for(font_file: str) -> str:
    """The bundled fallback font file for a text style's font file."""
    return FALLBACK_BOLD if "Bold" in font_file else FALLBACK_REGULAR


@dataclass(frozen=True, slots=True)
class FontSpec:
    """One named text style: a font file from ``assets/fonts`` and its size at scale 1."""

    file: str
    size: int


def theme_path() -> Path:
    """The bundled theme file."""
    return paths.assets_dir() / "theme.json"


def _parse_colour(value: str) -> pygame.Color:
    return pygame.Color(value)


class Theme:
    """The look of the game: palette, fonts, spacing, at one UI scale."""

    def __init__(self, data: dict[str, Any], *, scale: float = 1.0, palette: str = DEFAULT_PALETTE):
        self._palettes: dict[str, dict[str, pygame.Color]] = {}
        self._series: dict[str, list[pygame.Color]] = {}
        for name, colours in data["palettes"].items():
            self._palettes[name] = {
                key: _parse_colour(value) for key, value in colours.items() if key != "series"
            }
            self._series[name] = [_parse_colour(v) for v in colours.get("series", [])]
        self._fonts = {
            name: FontSpec(spec["file"], int(spec["size"])) for name, spec in data["fonts"].items()
        }
        self._spacing: dict[str, int] = {k: int(v) for k, v in data["spacing"].items()}
        self._radii: dict[str, int] = {k: int(v) for k, v in data["radii"].items()}
        self._metrics: dict[str, int] = {k: int(v) for k, v in data["metrics"].items()}
        self._font_cache: dict[tuple[str, int], pygame.font.Font] = {}
        self._text_cache: OrderedDict[tuple[object, ...], pygame.Surface] = OrderedDict()
        self.scale = 1.0
        self.palette = DEFAULT_PALETTE
        # Widgets compare this with the version they rendered at to know their caches are stale.
        self.version = 0
        self.set_scale(scale)
        self.set_palette(palette)

    # -- settings that change the look -------------------------------------------------
    def set_scale(self, scale: float) -> None:
        """Use a new UI scale; fonts are re-created at the scaled size on next use."""
        if scale <= 0:
            raise ValueError(f"UI scale must be positive, not {scale}")
        if scale != self.scale:
            self.scale = scale
            self._changed()

    def set_palette(self, name: str) -> None:
        """Switch palette (``default`` or ``colour_blind``)."""
        if name not in self._palettes:
            raise KeyError(f"no palette {name!r} in the theme")
        if name != self.palette:
            self.palette = name
            self._changed()

    def _changed(self) -> None:
        self._text_cache.clear()
        self.version += 1

    # -- lookups -----------------------------------------------------------------------
    def color(self, name: ColorLike) -> pygame.Color:
        """A palette colour by name (a ``pygame.Color`` passes through)."""
        if isinstance(name, pygame.Color):
            return name
        return self._palettes[self.palette][name]

    def series(self, index: int) -> pygame.Color:
        """The n-th colour of the palette's categorical series (wraps around)."""
        colours = self._series[self.palette]
        return colours[index % len(colours)]

    def px(self, value: float) -> int:
        """A length at scale 1.0 converted to pixels at the current scale."""
        return round(value * self.scale)

    def space(self, name: str) -> int:
        """A named spacing step (xs, sm, md, lg, xl, xxl), scaled."""
        return self.px(self._spacing[name])

    def radius(self, name: str) -> int:
        """A named corner radius, scaled."""
        return self.px(self._radii[name])

    def metric(self, name: str, *, scaled: bool = True) -> int:
        """A named metric (control padding, scrollbar width, delays in ms unscaled)."""
        value = self._metrics[name]
        return self.px(value) if scaled else value

    def font(self, style: str) -> pygame.font.Font:
        """The font of a text style at the current scale (cached per pixel size)."""
        return self.font_px(style, self.px(self._fonts[style].size))

    def font_px(self, style: str, size: int) -> pygame.font.Font:
        """The font file of a text style at an explicit pixel size (for text fitted to a box)."""
        spec = self._fonts[style]
        key = (spec.file, max(6, size))
        font = self._font_cache.get(key)
        if font is None:
            fonts = paths.assets_dir() / "fonts"
            font = FallbackFont(fonts / spec.file, key[1], fonts / fallback_for(spec.file))
            self._font_cache[key] = font
        return font

    def prepare_fonts(self) -> None:
        """Open every text style's font now (reading a font file's character map takes tens
        of milliseconds): a screen that opens in the frame of a move then finds them open."""
        for style in self._fonts:
            self.font(style).size(_GLYPHS)  # and the common glyphs into its cache

    def line_height(self, style: str) -> int:
        """Pixel height of one line of a text style."""
        return self.font(style).get_linesize()

    def control_height(self, style: str = "button") -> int:
        """Height of a one-line control (button, entry, selector) in a text style."""
        return self.line_height(style) + 2 * self.metric("control_pad_y")

    # -- text rendering ----------------------------------------------------------------
    def text(self, text: str, style: str, color: ColorLike = "text") -> pygame.Surface:
        """One line of text rendered anti-aliased, cached until the look changes."""
        colour = self.color(color)
        key = (text, style, tuple(colour))
        surface = self._text_cache.get(key)
        if surface is not None:
            self._text_cache.move_to_end(key)
            return surface
        surface = self.font(style).render(text, True, colour)
        self._text_cache[key] = surface
        if len(self._text_cache) > _TEXT_CACHE_SIZE:
            self._text_cache.popitem(last=False)
        return surface

    def text_size(self, text: str, style: str) -> tuple[int, int]:
        """Rendered size of one line of text."""
        return self.font(style).size(text)


# The letters, digits and marks most texts of the game are made of.
_GLYPHS = string.ascii_letters + string.digits + string.punctuation + " —–·×…•“”‘’«»"


def load_theme(
    path: Path | None = None, *, scale: float = 1.0, colour_blind: bool = False
) -> Theme:
    """Read a theme file (the bundled one by default)."""
    with (path or theme_path()).open(encoding="utf-8") as handle:
        data = json.load(handle)
    palette = COLOUR_BLIND_PALETTE if colour_blind else DEFAULT_PALETTE
    return Theme(data, scale=scale, palette=palette)
