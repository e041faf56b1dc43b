"""Shared test set-up: headless pygame, the quick run's profile, and two costs tests skip.

- pygame runs headless (set before anything imports pygame).
- Hypothesis has two profiles. ``full`` (what CI and the README's test command
  run) keeps every test's own example count. ``quick`` runs a fifth of each
  (``tests/examples.py``); it is chosen when the slow tests are deselected
  (``pytest -m "not slow"``), and ``REDLINES_TEST_PROFILE=quick`` or ``=full``
  chooses either in any run.
- Files are still written atomically (temporary file, ``os.replace``) but not
  flushed to the disk: an fsync per autosave and per settings save was a fifth of
  the quick run's wall time, and no test pulls the power cord.  The tests that make
  ``fsync`` fail patch it themselves, on top of this.
- No test searches the real network for hosts: the join screen's zeroconf search
  waited three seconds on a thread that outlived the test, and a later test that
  forks (``simulate --jobs``) could copy a lock that thread held and hang on it.
  The search finds nothing, at once; ``tests/net/test_discovery.py`` searches for real.
- PINs are hashed with ``TEST_PIN_ROUNDS`` rounds instead of the product's 200,000
  (0.05 s of CPU per hash, and the tests make hundreds): a PIN record keeps its own
  count, so all but the cost is the same.  The tests of that cost ask for the
  ``product_pin_rounds`` fixture.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game.session import pins

PROFILE_SWITCH = "REDLINES_TEST_PROFILE"
# A test's default is 100 examples; ``tests/examples.py`` scales explicit counts alike.
settings.register_profile("full", max_examples=100)
settings.register_profile("quick", max_examples=20)
PRODUCT_PIN_ROUNDS = pins.PIN_ROUNDS
TEST_PIN_ROUNDS = 1_000


def chosen_profile(config: pytest.Config) -> str:
    """``REDLINES_TEST_PROFILE`` when set, else ``quick`` when slow tests are deselected."""
    forced = os.environ.get(PROFILE_SWITCH, "")
    if forced:
        if forced not in ("full", "quick"):
            raise pytest.UsageError(f"{PROFILE_SWITCH}={forced!r}: use 'full' or 'quick'")
        return forced
    markexpr = str(config.getoption("markexpr", "") or "")
    return "quick" if "notslow" in markexpr.replace(" ", "") else "full"


def pytest_configure(config: pytest.Config) -> None:
    # Runs before any test module is imported, and example counts are read at import.
    settings.load_profile(chosen_profile(config))


def pytest_report_header() -> str:
    return f"hypothesis profile: {settings.get_current_profile_name()} ({PROFILE_SWITCH})"


@pytest.fixture(autouse=True, scope="session")
def _no_fsync() -> Iterator[None]:
    def no_fsync(fd: int) -> None:
        os.fstat(fd)  # a closed descriptor is still an error, as it is to fsync

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fsync", no_fsync)
        yield


@pytest.fixture(autouse=True)
def _no_multicast_search(monkeypatch: pytest.MonkeyPatch) -> None:
    from game.net import discovery

    monkeypatch.setattr(discovery, "browse", lambda *_args, **_kwargs: [])


@pytest.fixture(autouse=True)
def _cheap_pins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pins, "PIN_ROUNDS", TEST_PIN_ROUNDS)


@pytest.fixture
def product_pin_rounds(monkeypatch: pytest.MonkeyPatch) -> int:
    """The product's PIN hashing cost, for the tests of that cost."""
    monkeypatch.setattr(pins, "PIN_ROUNDS", PRODUCT_PIN_ROUNDS)
    return PRODUCT_PIN_ROUNDS
