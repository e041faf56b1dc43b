"""The join address as a QR code on the screen: segno's matrix drawn as a pygame surface.

A phone or a laptop's camera reads it off the projector; the modules are whole
pixels (never scaled with smoothing) and dark on a light quiet zone whatever the
theme, as a QR reader expects.
"""

from __future__ import annotations

import pygame
import segno

from game.ui.kit.widgets.base import TextFit, Widget

QUIET = 4  # modules of light border around the code (the standard's quiet zone)
LIGHT = (255, 255, 255)
DARK = (0, 0, 0)


def qr_matrix(text: str) -> list[list[bool]]:
    """The code's modules (True: dark), quiet zone included."""
    code = segno.make(text, error="m", micro=False)
    return [[bool(bit) for bit in row] for row in code.matrix_iter(border=QUIET)]


def qr_surface(text: str, size: int) -> pygame.Surface:
    """A square surface of at most ``size`` pixels holding the code at a whole-pixel module."""
    matrix = qr_matrix(text)
    modules = len(matrix)
    module = max(1, size // modules)
    side = module * modules
    surface = pygame.Surface((side, side))
    surface.fill(LIGHT)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                surface.fill(DARK, (x * module, y * module, module, module))
    return surface


class QrCode(Widget):
    """A QR code of ``text``, as large as its box allows, centred in it."""

    def __init__(self, id: str, text: str) -> None:
        super().__init__(id)
        self.text = text
        self._cached: tuple[tuple[str, int], pygame.Surface] | None = None

    def image(self) -> pygame.Surface:
        size = min(self.rect.width, self.rect.height)
        key = (self.text, size)
        if self._cached is None or self._cached[0] != key:
            self._cached = (key, qr_surface(self.text, size))
        return self._cached[1]

    def draw(self, surface: pygame.Surface) -> None:
        if not self.text or min(self.rect.size) <= 0:
            return
        image = self.image()
        surface.blit(image, image.get_rect(center=self.rect.center))

    def text_fits(self) -> list[TextFit]:
        return []  # no text: the picture of the address (the address is written beside it)
