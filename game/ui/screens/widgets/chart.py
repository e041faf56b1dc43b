"""The debrief's chart of tension over the turns, drawn with pygame, with the war threshold.

Points come from the public record (the opening level, then every TENSION
event); rounds are marked by vertical lines and named on the axis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.engine import EventKind, GameEvent
from game.ui.kit.text import ellipsize
from game.ui.kit.widgets.base import TextFit, Widget, blit_text, draw_box


@dataclass(frozen=True, slots=True)
class TensionPoint:
    """The tension after a step of the game, in the round it happened."""

    step: int
    round: int
    value: float


def tension_series(start: float, log: Sequence[GameEvent]) -> list[TensionPoint]:
    """One point per TENSION event (after the opening level), numbered in order."""
    points = [TensionPoint(0, 1, start)]
    for event in log:
        if event.kind is EventKind.TENSION and event.value is not None:
            points.append(TensionPoint(len(points), max(1, event.round), event.value))
    return points


class TensionChart(Widget):
    """A line chart of tension, 0 to just above the threshold, with round bands."""

    def __init__(
        self,
        id: str,
        points: Sequence[TensionPoint],
        threshold: float,
        round_names: Sequence[str],
    ) -> None:
        super().__init__(id)
        self.points = list(points)
        self.threshold = threshold
        self.round_names = list(round_names)

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

    def _xy(self, plot: pygame.Rect, step: int, value: float) -> tuple[int, int]:
        steps = max(1, len(self.points) - 1)
        x = plot.left + round(plot.width * step / steps)
        y = plot.bottom - round(plot.height * max(0.0, value) / self._top())
        return x, y

    def _round_spans(self) -> list[tuple[int, int, int]]:
        """(round, first step, last step) for each round with points."""
        spans: list[tuple[int, int, int]] = []
        for p in self.points:
            if spans and spans[-1][0] == p.round:
                spans[-1] = (p.round, spans[-1][1], p.step)
            else:
                spans.append((p.round, p.step, p.step))
        return spans

    def _labels(self) -> list[tuple[str, pygame.Rect]]:
        """Round names under the plot, each in its band."""
        plot = self._plot()
        out = []
        y = plot.bottom + self.theme.space("sm")
        h = self.theme.line_height("caption")
        spans = self._round_spans()
        for n, (rnd, first, _) in enumerate(spans):
            nxt = spans[n + 1][1] if n + 1 < len(spans) else len(self.points) - 1
            x0 = self._xy(plot, first, 0)[0]
            x1 = self._xy(plot, max(first + 1, nxt), 0)[0]
            name = self.round_names[rnd - 1] if 0 < rnd <= len(self.round_names) else f"{rnd}"
            out.append((name, pygame.Rect(x0 + 4, y, max(1, x1 - x0 - 8), h)))
        return out

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        draw_box(surface, t, self.rect, "surface", radius="md")
        plot = self._plot()
        grid = t.color("border")
        for value in (0, 25, 50, 75):
            y = self._xy(plot, 0, value)[1]
            pygame.draw.line(surface, grid, (plot.left, y), (plot.right, y))
            label = t.text(f"{value}", "caption", "text_dim")
            surface.blit(label, label.get_rect(midright=(plot.left - t.space("sm"), y)))
        war_y = self._xy(plot, 0, self.threshold)[1]
        pygame.draw.line(
            surface, t.color("danger"), (plot.left, war_y), (plot.right, war_y), max(2, t.px(2))
        )
        war = t.text(f"War {self.threshold:.0f}", "caption", "danger")
        surface.blit(war, war.get_rect(bottomright=(plot.right, war_y - 2)))
        for _, first, _ in self._round_spans()[1:]:
            x = self._xy(plot, first, 0)[0]
            pygame.draw.line(surface, t.color("border_strong"), (x, plot.top), (x, plot.bottom))
        for name, box in self._labels():
            shown = ellipsize(t.font("caption"), name, box.width)
            blit_text(surface, t.text(shown, "caption", "text_dim"), box)
        if len(self.points) >= 2:
            line = [self._xy(plot, p.step, p.value) for p in self.points]
            pygame.draw.lines(surface, t.color("warning"), False, line, max(2, t.px(3)))
        for p in self.points[-1:]:
            x, y = self._xy(plot, p.step, p.value)
            pygame.draw.circle(surface, t.color("warning"), (x, y), t.px(5))
            end = t.text(f"{p.value:.0f}", "label", "warning")
            surface.blit(end, end.get_rect(bottomright=(x - t.space("xs"), y - t.space("xs"))))

    def text_fits(self) -> list[TextFit]:
        # Round names are shortened to their band on purpose; report the war label only.
        plot = self._plot()
        war = f"War {self.threshold:.0f}"
        return [self._fit(war, "caption", plot)]
