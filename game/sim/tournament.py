"""A tournament: each agent kind in each seat against the AI at normal in the others.

For every kind and every playable seat, ``games`` games from seeds ``seed`` ..
``seed + games - 1`` with that kind in the seat and the AI at normal elsewhere; the
same seeds with the AI at normal in every seat give the yardstick, so a kind's
*margin* is its mean score minus the AI's own in the same seat on the same seeds.
Built on ``simulate``, so the report is the same for any number of processes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from game.engine.model import Scenario
from game.session.seats import Seat, SeatKind
from game.sim.runner import Progress, simulate


def _round(x: float) -> float:
    return round(x, 6)


def tournament(
    scenario: Scenario,
    kinds: Sequence[tuple[str, Seat]],
    *,
    games: int,
    seed: int = 0,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """The tournament report (see the module docstring); ``kinds`` are (name, seat) pairs."""
    playable = [a.id for a in scenario.playable]
    ai = Seat(SeatKind.AI)
    baseline = simulate(scenario, dict.fromkeys(playable, ai), games=games, seed=seed, jobs=jobs)
    rows: list[dict[str, Any]] = []
    for name, seat in kinds:
        for actor in playable:
            seats: Mapping[str, Seat] = {a: seat if a == actor else ai for a in playable}
            rep = simulate(scenario, seats, games=games, seed=seed, jobs=jobs)
            mean = rep["mean_scores"][actor]
            rows.append(
                {
                    "agent": name,
                    "seat": actor,
                    "mean": mean,
                    "stdev": rep["score_stdev"][actor],
                    "margin": _round(mean - baseline["mean_scores"][actor]),
                    "outcomes": {k: v for k, v in rep["outcomes"].items() if v},
                }
            )
            if progress is not None:
                progress(len(rows), len(kinds) * len(playable))
    summary = {}
    for name, _ in kinds:
        mine = [r for r in rows if r["agent"] == name]
        summary[name] = {
            "mean_margin": _round(sum(r["margin"] for r in mine) / max(len(mine), 1)),
            "best_margin": max((r["margin"] for r in mine), default=0.0),
        }
    return {
        "scenario": scenario.id,
        "games": games,
        "seed": seed,
        "agents": [name for name, _ in kinds],
        "ai": {
            actor: {
                "mean": baseline["mean_scores"][actor],
                "stdev": baseline["score_stdev"][actor],
            }
            for actor in playable
        },
        "results": rows,
        "summary": summary,
    }


def text(rep: dict[str, Any]) -> str:
    """The report for a person at a terminal."""
    out = [
        f"{rep['scenario']}: tournament, {rep['games']} games per seat, seed {rep['seed']}",
        "",
        "The AI at normal in every seat (the yardstick):",
    ]
    for actor, info in rep["ai"].items():
        out.append(f"  {actor:<20} {info['mean']:+.3f} ± {info['stdev']:.3f}")
    out += ["", f"  {'agent':<34} {'seat':<12} {'mean':>7} {'± sd':>7} {'margin':>8}  outcomes"]
    for r in rep["results"]:
        mix = ", ".join(f"{label} {n}" for label, n in r["outcomes"].items())
        out.append(
            f"  {r['agent']:<34} {r['seat']:<12} {r['mean']:+7.3f} {r['stdev']:7.3f}"
            f" {r['margin']:+8.3f}  {mix}"
        )
    out += ["", "Margin over the AI in the same seat (mean over seats, best seat):"]
    for name, s in rep["summary"].items():
        out.append(f"  {name:<34} {s['mean_margin']:+.3f}   best {s['best_margin']:+.3f}")
    return "\n".join(out)
