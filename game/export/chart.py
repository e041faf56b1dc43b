"""The tension chart as an inline SVG: the line, the war threshold and the round boundaries.

Drawn in black and grey with dash patterns rather than colours, so that it
reads on a black-and-white printout and for colour-blind readers; a text
summary beside it says the same in words.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.export.htmlkit import Markup, el, join
from game.export.model import TensionTrack

WIDTH = 720
HEIGHT = 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 64  # margins: axis labels left, round names below


def summary(track: TensionTrack) -> str:
    """The chart in one sentence, for screen readers, Markdown and the caption."""
    peak = track.peak
    return (
        f"Tension started at {track.start:.0f}, peaked at {peak.tension:.0f} "
        f"(round {peak.round}, turn {peak.turn}) and ended at {track.end:.0f}; "
        f"war breaks out at {track.war_threshold:.0f}."
    )


def tension_svg(track: TensionTrack, bookmarks: Sequence[tuple[int, str]] = ()) -> Markup:
    """The chart; ``bookmarks`` are (step, note) pairs drawn as numbered flags on the line."""
    steps = max(1, track.points[-1].step)
    top_value = max(track.war_threshold, *(p.tension for p in track.points)) * 1.05
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM

    def x(step: float) -> float:
        return LEFT + plot_w * step / steps

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / top_value)

    grid = []
    for value in range(0, int(top_value) + 1, 20):
        grid.append(
            el(
                "line",
                x1=LEFT,
                x2=WIDTH - RIGHT,
                y1=f"{y(value):.1f}",
                y2=f"{y(value):.1f}",
                stroke="#ccc",
                stroke_width="1",
            )
        )
        grid.append(
            el(
                "text",
                str(value),
                x=LEFT - 6,
                y=f"{y(value) + 4:.1f}",
                text_anchor="end",
                font_size="11",
                fill="#333",
            )
        )
    rounds = []
    for mark in track.rounds:
        px = x(mark.step)
        rounds.append(
            el(
                "line",
                x1=f"{px:.1f}",
                x2=f"{px:.1f}",
                y1=TOP,
                y2=TOP + plot_h,
                stroke="#666",
                stroke_width="1",
                stroke_dasharray="2 3",
            )
        )
        rounds.append(
            el(
                "text",
                f"R{mark.number}",
                el("title", f"Round {mark.number}: {mark.name}"),
                x=f"{px + 3:.1f}",
                y=TOP + plot_h + 16,
                font_size="11",
                fill="#333",
            )
        )
    threshold = y(track.war_threshold)
    war = [
        el(
            "line",
            x1=LEFT,
            x2=WIDTH - RIGHT,
            y1=f"{threshold:.1f}",
            y2=f"{threshold:.1f}",
            stroke="#000",
            stroke_width="2",
            stroke_dasharray="8 4",
        ),
        el(
            "text",
            f"war ({track.war_threshold:.0f})",
            x=WIDTH - RIGHT - 4,
            y=f"{threshold - 5:.1f}",
            text_anchor="end",
            font_size="12",
            font_weight="bold",
        ),
    ]
    flags = []
    for number, (step, note) in enumerate(bookmarks, 1):
        px = x(step)
        flags.append(
            el(
                "g",
                el("title", f"Bookmark {number}: {note}"),
                el(
                    "line",
                    x1=f"{px:.1f}",
                    x2=f"{px:.1f}",
                    y1=TOP,
                    y2=TOP + plot_h,
                    stroke="#000",
                    stroke_width="1",
                ),
                el(
                    "text",
                    f"B{number}",
                    x=f"{px:.1f}",
                    y=TOP + plot_h + 30,
                    text_anchor="middle",
                    font_size="11",
                    font_weight="bold",
                ),
            )
        )
    line = el(
        "polyline",
        points=" ".join(f"{x(p.step):.1f},{y(p.tension):.1f}" for p in track.points),
        fill="none",
        stroke="#000",
        stroke_width="2.5",
        stroke_linejoin="round",
    )
    axes = [
        el("line", x1=LEFT, x2=LEFT, y1=TOP, y2=TOP + plot_h, stroke="#000"),
        el("line", x1=LEFT, x2=WIDTH - RIGHT, y1=TOP + plot_h, y2=TOP + plot_h, stroke="#000"),
        el(
            "text",
            "moves of the game: rounds R1, R2, …; bookmarks B1, B2, …",
            x=LEFT + plot_w / 2,
            y=HEIGHT - 14,
            text_anchor="middle",
            font_size="11",
            fill="#333",
        ),
    ]
    return el(
        "svg",
        el("title", "Tension over the game"),
        el("desc", summary(track)),
        join(grid),
        join(rounds),
        join(war),
        join(flags),
        line,
        join(axes),
        viewBox=f"0 0 {WIDTH} {HEIGHT}",
        width=WIDTH,
        height=HEIGHT,
        role="img",
        aria_label="Tension over the game",
        font_family="sans-serif",
    )
