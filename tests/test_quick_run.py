"""The quick run (``pytest -m "not slow"``): its hypothesis profile and what it may skip."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import settings

from tests.conftest import PROFILE_SWITCH, chosen_profile
from tests.examples import FLOOR, examples

TESTS = Path(__file__).parent


def _config(markexpr: str) -> pytest.Config:
    def getoption(name: str, default: object = None) -> object:
        return markexpr if name == "markexpr" else default

    return SimpleNamespace(getoption=getoption)  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("markexpr", "profile"),
    [("not slow", "quick"), ("not  slow", "quick"), ("slow", "full"), ("", "full")],
)
def test_deselecting_the_slow_tests_chooses_the_quick_profile(
    markexpr: str, profile: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PROFILE_SWITCH, raising=False)
    assert chosen_profile(_config(markexpr)) == profile


@pytest.mark.parametrize("forced", ["full", "quick"])
def test_the_switch_chooses_a_profile_in_any_run(
    forced: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PROFILE_SWITCH, forced)
    assert chosen_profile(_config("not slow")) == forced
    assert chosen_profile(_config("")) == forced


def test_an_unknown_profile_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PROFILE_SWITCH, "fast")
    with pytest.raises(pytest.UsageError, match=PROFILE_SWITCH):
        chosen_profile(_config(""))


def test_this_run_uses_the_profile_its_options_choose(request: pytest.FixtureRequest) -> None:
    assert settings.get_current_profile_name() == chosen_profile(request.config)


@pytest.fixture
def profile() -> Iterator[None]:
    before = settings.get_current_profile_name()
    yield
    settings.load_profile(before)


@pytest.mark.usefixtures("profile")
def test_the_quick_profile_runs_a_fifth_of_each_count_and_never_fewer_than_the_floor() -> None:
    settings.load_profile("quick")
    assert settings.default.max_examples == 20
    assert examples(300) == 60
    assert examples(25) == FLOOR
    assert examples(4) == 4  # never more than the full run asks for
    settings.load_profile("full")
    assert [examples(n) for n in (300, 25, 4)] == [300, 25, 4]


def test_property_tests_state_their_counts_through_examples() -> None:
    """A literal count (``max_examples`` set to a number) would ignore the quick profile."""
    literal = re.compile(r"max_examples\s*=\s*\d")
    found = [
        f"{path.relative_to(TESTS)}:{n}"
        for path in sorted(TESTS.rglob("*.py"))
        if path.name not in {"conftest.py"}
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if literal.search(line) and "re.compile" not in line
    ]
    assert found == []


def test_no_test_searches_the_real_network_but_the_discovery_tests() -> None:
    from game.net import discovery
    from game.ui.screens.network import join

    assert discovery.browse() == []  # at once, no thread, no multicast
    assert join.search_network() == []  # the join screen's default search is the stand-in
