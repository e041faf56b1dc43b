"""Fixtures for the front-end tests: a private settings folder, a pilot factory, golden images."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

from game.ui.kit.context import Context
from game.ui.kit.pilot import Pilot
from game.ui.kit.scene import Scene
from game.ui.kit.settings import Settings, SettingsStore
from tests.golden import regenerating

GOLDEN = Path(__file__).parent / "golden"
FAILURES = Path(__file__).parent / "_failures"
# Mean absolute difference per channel (0-255) above which a screenshot no longer matches.
GOLDEN_TOLERANCE = 1.5

MakePilot = Callable[..., Pilot]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A settings/log folder of the test's own, so tests never touch the real home."""
    folder = tmp_path / "home"
    monkeypatch.setenv("REDLINES_HOME", str(folder))
    return folder


@pytest.fixture
def make_pilot(home: Path) -> Iterator[MakePilot]:
    """``make_pilot(scene_factory, **settings)`` starts the real app headless."""
    pilots: list[Pilot] = []

    def make(first: Callable[[Context], Scene], **settings: object) -> Pilot:
        # The first game's how-to-play card is tested on its own; other tests start past it.
        chosen = (
            Settings(**{"how_to_play_seen": True, **settings})  # type: ignore[arg-type]
            if settings
            else SettingsStore(home).load().with_(how_to_play_seen=True)
        )
        pilot = Pilot(first, settings_dir=home, settings=chosen)
        pilots.append(pilot)
        return pilot

    yield make
    for pilot in pilots:
        pilot.close()


def mean_difference(a: pygame.Surface, b: pygame.Surface) -> tuple[float, pygame.Surface]:
    """Mean absolute per-channel difference of two same-sized images, and the |a-b| image."""
    over = a.copy()
    over.blit(b, (0, 0), special_flags=pygame.BLEND_RGB_SUB)  # max(a-b, 0)
    under = b.copy()
    under.blit(a, (0, 0), special_flags=pygame.BLEND_RGB_SUB)  # max(b-a, 0)
    over.blit(under, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    r, g, bl, _ = pygame.transform.average_color(over)
    return (r + g + bl) / 3, over


def _rgb(image: pygame.Surface) -> pygame.Surface:
    """A plain 24-bit copy, so that images of any pixel format can be blended together."""
    out = pygame.Surface(image.get_size(), 0, 24)
    out.blit(image, (0, 0))
    return out


def assert_golden(
    frame: pygame.Surface, name: str, golden_dir: Path = GOLDEN, failures: Path = FAILURES
) -> None:
    """Compare with ``golden/<name>.png``; on failure save a side-by-side diff in _failures/."""
    path = golden_dir / f"{name}.png"
    if regenerating() or not path.exists():
        if not regenerating():
            pytest.fail(
                f"no golden image {path.name}; run with REDLINES_REGEN_GOLDEN=1 and look at it"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(frame, str(path))
        return
    golden = _rgb(pygame.image.load(str(path)))
    current = _rgb(frame)
    if golden.get_size() != current.get_size():
        pytest.fail(f"{name}: size {current.get_size()} differs from golden {golden.get_size()}")
    score, diff = mean_difference(current, golden)
    if score > GOLDEN_TOLERANCE:
        width, height = current.get_size()
        sheet = pygame.Surface((width * 3, height))
        sheet.blit(golden, (0, 0))
        sheet.blit(current, (width, 0))
        # Amplify the difference so that small shifts are visible.
        for _ in range(3):
            diff.blit(diff, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
        sheet.blit(diff, (width * 2, 0))
        failures.mkdir(exist_ok=True)
        out = failures / f"{name}-golden-current-diff.png"
        pygame.image.save(sheet, str(out))
        pytest.fail(f"{name}: mean difference {score:.2f} > {GOLDEN_TOLERANCE}; see {out}")
