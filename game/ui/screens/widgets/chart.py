"""The debrief's chart of tension over the turns, drawn with pygame, with the war threshold.

Points come from the public record (the opening level, then every TENSION
event).  The axis is the game's turns: each round takes a band as wide as its
turns (a quiet round is as wide as a busy one of the same length), the changes
of one turn share that turn's slot, and each band is named under the axis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.engine import EventKind, GameEvent
from game.ui.kit.widgets.base import TextFit, Widget, blit_text, draw_box


@dataclass(frozen=True, slots=True)
class TensionPoint:
    """The tension after a change, in the round and turn it happened (turn 0: openings)."""

    step: int
    round: int
    value: float
    turn: int = 0


@dataclass(frozen=True, slots=True)
class ChartRound:
    """One band of the axis: a round's name and how many turns it lasted."""

    name: str
    turns: int


def tension_series(start: float, log: Sequence[GameEvent]) -> list[TensionPoint]:
    """One point per TENSION event (after the opening level), numbered in order."""
    points = [TensionPoint(0, 1, start)]
    for event in log:
        if event.kind is EventKind.TENSION and event.value is not None:
            points.append(
                TensionPoint(len(points), max(1, event.round), event.value, max(0, event.turn))
            )
    return points


def _turn_positions(
    points: Sequence[TensionPoint], rounds: Sequence[ChartRound]
) -> tuple[list[float], list[tuple[float, float]]]:
    """Each point's place on the turn axis, and each round's band (start, end) on it.

    A round's band is as wide as its turns (or as the last turn seen in it, if the
    facilitator extended it); the k-th of n changes of a turn sits k/n through it.
    """
    seen = {p.round: 0 for p in points}
    for p in points:
        seen[p.round] = max(seen[p.round], p.turn)
    count = max([len(rounds), *seen])
    widths = [
        max(1, rounds[n].turns if n < len(rounds) else 0, seen.get(n + 1, 0)) for n in range(count)
    ]
    bands: list[tuple[float, float]] = []
    start = 0.0
    for width in widths:
        bands.append((start, start + width))
        start += width
    in_turn: dict[tuple[int, int], int] = {}
    for p in points:
        in_turn[(p.round, p.turn)] = in_turn.get((p.round, p.turn), 0) + 1
    placed: dict[tuple[int, int], int] = {}
    positions: list[float] = []
    for p in points:
        key = (p.round, p.turn)
        placed[key] = placed.get(key, 0) + 1
        band = bands[p.round - 1][0]
        if p.turn <= 0:  # openings: the start of the round
            positions.append(band)
        else:
            positions.append(band + p.turn - 1 + placed[key] / in_turn[key])
    return positions, bands


class TensionChart(Widget):
    """A line chart of tension, 0 to just above the threshold, with round bands."""

    def __init__(
        self,
        id: str,
        points: Sequence[TensionPoint],
        threshold: float,
        rounds: Sequence[ChartRound],
    ) -> None:
        super().__init__(id)
        self.points = list(points)
        self.threshold = threshold
        self.rounds = list(rounds)
        self._positions, self._bands = _turn_positions(self.points, self.rounds)

    def _plot(self) -> pygame.Rect:
        t = self.theme
        left = self.rect.left + t.text_size("100", "caption")[0] + t.space("md")
        bottom_h = t.line_height("caption") + t.space("sm")
        return pygame.Rect(
            left,
            self.rect.top + t.space("md"),
            max(1, self.rect.right - left - t.space("md")),
            max(1, self.rect.height - bottom_h - 2 * t.space("md")),
        )

    def _top(self) -> float:
        return max(self.threshold * 1.05, max((p.value for p in self.points), default=0.0))

    def _x(self, plot: pygame.Rect, position: float) -> int:
        span = max(1.0, self._bands[-1][1] if self._bands else 1.0)
        return plot.left + round(plot.width * position / span)

    def _y(self, plot: pygame.Rect, value: float) -> int:
        return plot.bottom - round(plot.height * max(0.0, value) / self._top())

    def _name(self, number: int) -> str:
        return self.rounds[number - 1].name if number <= len(self.rounds) else f"{number}"

    def round_labels(self) -> list[tuple[str, pygame.Rect]]:
        """Round names under the plot, each in its band: the name, else "R2", else nothing."""
        plot = self._plot()
        font = self.theme.font("caption")
        out = []
        y = plot.bottom + self.theme.space("sm")
        h = self.theme.line_height("caption")
        for number, (start, end) in enumerate(self._bands, 1):
            x0, x1 = self._x(plot, start), self._x(plot, end)
            box = pygame.Rect(x0 + 4, y, max(1, x1 - x0 - 8), h)
            fitting = [
                n for n in (self._name(number), f"R{number}") if font.size(n)[0] <= box.width
            ]
            out.append((fitting[0] if fitting else "", box))
        return out

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        draw_box(surface, t, self.rect, "surface", radius="md")
        plot = self._plot()
        grid = t.color("border")
        for value in (0, 25, 50, 75):
            y = self._y(plot, value)
            pygame.draw.line(surface, grid, (plot.left, y), (plot.right, y))
            label = t.text(f"{value}", "caption", "text_dim")
            surface.blit(label, label.get_rect(midright=(plot.left - t.space("sm"), y)))
        war_y = self._y(plot, self.threshold)
        pygame.draw.line(
            surface, t.color("danger"), (plot.left, war_y), (plot.right, war_y), max(2, t.px(2))
        )
        war = t.text(f"War {self.threshold:.0f}", "caption", "danger")
        surface.blit(war, war.get_rect(bottomright=(plot.right, war_y - 2)))
        for start, _ in self._bands[1:]:
            x = self._x(plot, start)
            pygame.draw.line(surface, t.color("border_strong"), (x, plot.top), (x, plot.bottom))
        for name, box in self.round_labels():
            blit_text(surface, t.text(name, "caption", "text_dim"), box)
        line = [
            (self._x(plot, x), self._y(plot, p.value))
            for x, p in zip(self._positions, self.points, strict=True)
        ]
        if len(line) >= 2:
            pygame.draw.lines(surface, t.color("warning"), False, line, max(2, t.px(3)))
        if line:
            x, y = line[-1]
            pygame.draw.circle(surface, t.color("warning"), (x, y), t.px(5))
            end = t.text(f"{self.points[-1].value:.0f}", "label", "warning")
            surface.blit(end, end.get_rect(bottomright=(x - t.space("xs"), y - t.space("xs"))))

    def text_fits(self) -> list[TextFit]:
        # A round name too wide for its band is replaced by its number, never clipped.
        plot = self._plot()
        war = f"War {self.threshold:.0f}"
        labels = [self._fit(name, "caption", box) for name, box in self.round_labels() if name]
        return [self._fit(war, "caption", plot), *labels]
