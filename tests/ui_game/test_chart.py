"""The debrief's tension chart: rounds sized by their turns, names never clipped."""

from __future__ import annotations

import pygame
import pytest

from game.engine import EventKind, GameEvent
from game.ui.kit.theme import load_theme
from game.ui.screens.widgets.chart import ChartRound, TensionChart, tension_series


def _tension(value: float, round: int, turn: int) -> GameEvent:
    return GameEvent(EventKind.TENSION, f"tension {value}", round, turn, value=value)


def _chart(log: list[GameEvent], rounds: list[ChartRound], width: int) -> TensionChart:
    pygame.font.init()
    chart = TensionChart("chart", tension_series(50, log), 100, rounds)
    chart.attach(load_theme())
    chart.rect = pygame.Rect(0, 0, width, 260)
    return chart


def test_a_quiet_round_is_as_wide_as_its_turns() -> None:
    # Round 1: ten changes in four turns; round 2 (same length): one change.
    busy = [_tension(50 + n, 1, 1 + n % 4) for n in range(10)]
    rounds = [ChartRound("Geneva 01-10", 4), ChartRound("Havana 01-12", 4)]
    chart = _chart([*busy, _tension(40, 2, 3)], rounds, 700)
    (_, first), (_, second) = chart.round_labels()
    assert abs(first.width - second.width) <= 2


def test_a_round_the_facilitator_extended_takes_the_turns_it_lasted() -> None:
    rounds = [ChartRound("Geneva", 2), ChartRound("Brussels", 2)]
    chart = _chart([_tension(60, 1, 4), _tension(70, 2, 1)], rounds, 700)
    (_, first), (_, second) = chart.round_labels()
    assert first.width > 1.8 * second.width


@pytest.mark.parametrize("width", [180, 320, 700])
def test_round_names_are_shown_whole_or_replaced_never_clipped(width: int) -> None:
    rounds = [ChartRound(name, 3) for name in ("Geneva 01-10", "Brussels 01-12", "Havana 01-13")]
    chart = _chart([_tension(55, 1, 1), _tension(60, 3, 2)], rounds, width)
    labels = chart.round_labels()
    assert len(labels) == 3
    for number, (name, _) in enumerate(labels, 1):
        assert name in ("", f"R{number}", rounds[number - 1].name)
    assert [fit for fit in chart.text_fits() if fit.overflows] == []
    if width == 700:
        assert [name for name, _ in labels] == [r.name for r in rounds]
