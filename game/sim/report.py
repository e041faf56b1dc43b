"""The balance report: games added up into counts and sums, then rendered as text or JSON.

A ``Tally`` is built per fixed chunk of seeds and chunks are merged in seed
order, so the floating-point sums -- and therefore the report -- come out
identical whatever the number of worker processes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from game.analysis import Frontier, nash_point, pareto_frontier
from game.engine.model import RedLine, Scenario
from game.sim.play import WAR_AFTER_LEVERS, WAR_CHOSEN, WAR_NO_LEVER, WORLD_EVENTS, GameStats

# The only keys that vary between runs.
TIMING_KEYS = (
    "games_per_second",
    "seconds",
    "jobs",
    "games_per_cpu_second",
    "cpu_seconds",
)
BALANCE_LABELS = 3  # a balanced scenario reaches at least this many outcome labels...
BALANCE_TOP_SHARE = 0.7  # ...and no label takes more than this share of games


@dataclass
class Tally:
    """Sums over a run of games; ``merge`` adds another tally (order matters for floats)."""

    games: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    outcome_ids: Counter[str] = field(default_factory=Counter)
    ended_by: Counter[str] = field(default_factory=Counter)
    world: Counter[str] = field(default_factory=Counter)  # WORLD_EVENTS key -> times in all
    agreed: Counter[str] = field(default_factory=Counter)  # issue -> games it ended bound
    options: Counter[str] = field(default_factory=Counter)  # "issue=option" -> games
    score_sum: dict[str, float] = field(default_factory=dict)
    score_sq: dict[str, float] = field(default_factory=dict)
    crossed: Counter[str] = field(default_factory=Counter)  # red line -> games crossed
    tested: Counter[str] = field(default_factory=Counter)  # red line -> times put to holder
    types: Counter[str] = field(default_factory=Counter)  # "actor:type" -> games that drew it
    tension_sum: list[float] = field(default_factory=list)
    actions: int = 0
    pareto_sum: float = 0.0  # distance of the final terms from the Pareto frontier
    nash_sum: float = 0.0  # ... and from the Nash point
    rational: int = 0  # games whose final terms gave every delegation its reservation
    # CPU time the playing processes spent on these games (a timing: not part of the sums
    # that must not depend on the number of processes).
    cpu_seconds: float = 0.0

    def add(self, game: GameStats, turns: int, yardstick: Yardstick | None = None) -> None:
        self.games += 1
        if yardstick is not None:
            pareto, nash, rational = yardstick.measure(dict(game.utilities))
            self.pareto_sum += pareto
            self.nash_sum += nash
            self.rational += rational
        self.outcomes[game.outcome] += 1
        self.outcome_ids[game.outcome_id] += 1
        self.ended_by[game.ended_by] += 1
        self.world.update(dict(game.world))
        for issue, option in game.binding:
            self.agreed[issue] += 1
            self.options[f"{issue}={option}"] += 1
        for actor, score in game.scores:
            self.score_sum[actor] = self.score_sum.get(actor, 0.0) + score
            self.score_sq[actor] = self.score_sq.get(actor, 0.0) + score * score
        self.crossed.update(set(game.crossed))
        self.tested.update(game.tested)
        self.types.update(game.types)
        # A game that ended early (escalation) keeps its last tension for the later turns.
        curve = list(game.tension) + [game.tension[-1]] * (turns + 1 - len(game.tension))
        if not self.tension_sum:
            self.tension_sum = [0.0] * (turns + 1)
        for t in range(turns + 1):
            self.tension_sum[t] += curve[t]
        self.actions += game.actions

    def merge(self, other: Tally) -> None:
        self.games += other.games
        for mine, theirs in (
            (self.outcomes, other.outcomes),
            (self.outcome_ids, other.outcome_ids),
            (self.ended_by, other.ended_by),
            (self.world, other.world),
            (self.agreed, other.agreed),
            (self.options, other.options),
            (self.crossed, other.crossed),
            (self.tested, other.tested),
            (self.types, other.types),
        ):
            mine.update(theirs)
        for actor in other.score_sum:
            self.score_sum[actor] = self.score_sum.get(actor, 0.0) + other.score_sum[actor]
            self.score_sq[actor] = self.score_sq.get(actor, 0.0) + other.score_sq[actor]
        if not self.tension_sum:
            self.tension_sum = [0.0] * len(other.tension_sum)
        for t, value in enumerate(other.tension_sum):
            self.tension_sum[t] += value
        self.actions += other.actions
        self.pareto_sum += other.pareto_sum
        self.nash_sum += other.nash_sum
        self.rational += other.rational
        self.cpu_seconds += other.cpu_seconds


@dataclass(frozen=True, slots=True)
class Yardstick:
    """What negotiation research measures a deal against, computed once per scenario."""

    frontier: Frontier
    nash: tuple[float, ...] | None  # the Nash point's utilities, in frontier.actors order
    reservations: tuple[float, ...]

    @classmethod
    def of(cls, scenario: Scenario) -> Yardstick:
        front = pareto_frontier(scenario)
        point = nash_point(scenario, front.actors)
        nash = None if point is None else tuple(point.utilities[a] for a in front.actors)
        reserve = tuple(scenario.preferences[a].reservation for a in front.actors)
        return cls(front, nash, reserve)

    def measure(self, utilities: Mapping[str, float]) -> tuple[float, float, bool]:
        """(distance to the frontier, distance to the Nash point, all above reservation)."""
        u = tuple(utilities[a] for a in self.frontier.actors)
        to_nash = math.dist(u, self.nash) if self.nash is not None else 0.0
        rational = all(x >= r - 1e-9 for x, r in zip(u, self.reservations, strict=True))
        return self.frontier.distance(u), to_nash, rational


def _line(line: RedLine, crossed: int, tested: int, games: int) -> dict[str, Any]:
    """A red line's report: the share of ``games`` it ended crossed, and tests per game."""
    games = max(games, 1)
    return {
        "actor": line.actor,
        "issue": line.issue,
        "crossed": _rounded(crossed / games),
        "tested": _rounded(tested / games),
    }


def total_turns(scenario: Scenario) -> int:
    return sum(r.turns for r in scenario.rounds)


def _rounded(x: float) -> float:
    return round(x, 6)


def report(
    scenario: Scenario, tally: Tally, *, seed: int, seats: str, seconds: float, jobs: int
) -> dict[str, Any]:
    """The report as one JSON-ready object (``TIMING_KEYS`` are the only run-dependent keys)."""
    n = max(tally.games, 1)
    actors = [a for a in scenario.preferences if a in tally.score_sum] or list(tally.score_sum)
    means = {a: tally.score_sum[a] / n for a in actors}
    spread = {a: math.sqrt(max(tally.score_sq[a] / n - means[a] ** 2, 0.0)) for a in actors}
    outcomes = {label: tally.outcomes[label] for label in _outcome_order(scenario, tally)}
    lines: dict[str, dict[str, Any]] = {}
    types: dict[str, dict[str, float]] = {}
    for prefs in scenario.preferences.values():
        for line in prefs.red_lines:
            lines[line.id] = _line(line, tally.crossed[line.id], tally.tested[line.id], n)
        for variant in prefs.variants:
            # A type's own lines, per game that drew the type.
            drew = tally.types[f"{prefs.actor}:{variant.id}"]
            types.setdefault(prefs.actor, {})[variant.id] = _rounded(drew / n)
            for line in variant.preferences.red_lines:
                if line.id not in lines:
                    entry = _line(line, tally.crossed[line.id], tally.tested[line.id], drew)
                    lines[line.id] = {**entry, "type": variant.id, "games": drew}
    return {
        "scenario": scenario.id,
        "games": tally.games,
        "seed": seed,
        "seats": seats,
        "outcomes": outcomes,
        "balance": _balance(outcomes, tally.games),
        "outcome_ids": dict(sorted(tally.outcome_ids.items())),
        "ended_by": dict(sorted(tally.ended_by.items())),
        "world": {key: tally.world[key] for key in WORLD_EVENTS},
        "mean_scores": {a: _rounded(v) for a, v in means.items()},
        "score_stdev": {a: _rounded(v) for a, v in spread.items()},
        "agreement_rate": {i.id: _rounded(tally.agreed[i.id] / n) for i in scenario.issues},
        "agreed_options": {k: _rounded(v / n) for k, v in sorted(tally.options.items())},
        "red_lines": lines,
        "types": types,
        "tension_curve": [_rounded(v / n) for v in tally.tension_sum],
        "war_threshold": scenario.trackers.war_threshold,
        "mean_length": _rounded(tally.actions / n),
        "efficiency": {
            "pareto_distance": _rounded(tally.pareto_sum / n),
            "nash_distance": _rounded(tally.nash_sum / n),
            "above_reservation": _rounded(tally.rational / n),
        },
        "games_per_second": round(tally.games / seconds, 1) if seconds > 0 else 0.0,
        "seconds": round(seconds, 3),
        "jobs": jobs,
        # Per core: games per second of CPU time of the playing processes, whatever the
        # number of processes and however busy the machine.
        "games_per_cpu_second": (
            round(tally.games / tally.cpu_seconds, 1) if tally.cpu_seconds > 0 else 0.0
        ),
        "cpu_seconds": round(tally.cpu_seconds, 3),
    }


def _outcome_order(scenario: Scenario, tally: Tally) -> list[str]:
    """Every outcome label in the scenario's order (unreached ones too), then any other seen."""
    labels = list(dict.fromkeys(o.label for o in scenario.outcomes))
    return labels + sorted(set(tally.outcomes) - set(labels))


def _balance(outcomes: dict[str, int], games: int) -> dict[str, Any]:
    """The balance bar of the AI issue: three or more labels reached, none above 70%."""
    reached = sum(1 for count in outcomes.values() if count)
    top = max(outcomes.values(), default=0) / max(games, 1)
    return {
        "labels_reached": reached,
        "top_share": _rounded(top),
        "balanced": reached >= BALANCE_LABELS and top <= BALANCE_TOP_SHARE,
    }


def _bar(fraction: float, width: int = 20) -> str:
    full = round(max(0.0, min(1.0, fraction)) * width)
    return "#" * full + "." * (width - full)


def _world_text(world: Mapping[str, int], games: int) -> list[str]:
    """How the wars came about, and the agreements broken, withdrawn, ratified, bypassed."""
    if not any(world.values()):
        return []
    wars = sum(world.get(k, 0) for k in (WAR_CHOSEN, WAR_AFTER_LEVERS, WAR_NO_LEVER))
    out = ["", "The world (format 2; escalations in games, the rest per game):"]
    if wars:
        dice = world.get(WAR_NO_LEVER, 0)
        out.append(
            f"  escalations {wars}: {world.get(WAR_CHOSEN, 0)} chosen by a lever that "
            f"escalates, {world.get(WAR_AFTER_LEVERS, 0)} at the threshold after a lever, "
            f"{dice} at the threshold with no lever carried out ({dice / wars:.0%})"
        )
    rest = [key for key in WORLD_EVENTS[3:] if world.get(key)]
    out.extend(f"  {key:<34} {world[key] / games:.2f}" for key in rest)
    return out


def text(rep: dict[str, Any]) -> str:
    """The report for a person at a terminal."""
    n = max(rep["games"], 1)
    out = [
        f"{rep['scenario']}: {rep['games']} games, seed {rep['seed']}, seats {rep['seats']}",
        f"{rep['games_per_second']:,} games/s on {rep['jobs']} process(es)"
        f" ({rep['games_per_cpu_second']:,} per core, by CPU time), "
        f"mean length {rep['mean_length']:.1f} actions",
        "",
        "Outcomes:",
    ]
    for label, count in rep["outcomes"].items():
        out.append(f"  {label or '(none)':<28} {_bar(count / n)} {count / n:6.1%}  ({count})")
    balance = rep["balance"]
    verdict = "balanced" if balance["balanced"] else "not balanced"
    out.append(
        f"  -> {verdict}: {balance['labels_reached']} label(s) reached (want >= "
        f"{BALANCE_LABELS}), the most common takes {balance['top_share']:.0%} (want <= "
        f"{BALANCE_TOP_SHARE:.0%})"
    )
    out += ["", "Agreement rate per issue:"]
    for issue, rate in rep["agreement_rate"].items():
        out.append(f"  {issue:<28} {_bar(rate)} {rate:6.1%}")
    out += ["", "Scores (mean ± standard deviation):"]
    for actor, mean in rep["mean_scores"].items():
        out.append(f"  {actor:<28} {mean:+.3f} ± {rep['score_stdev'][actor]:.3f}")
    if rep["red_lines"]:
        out += ["", "Red lines (games crossed / times tested per game):"]
        width = max(28, *(len(line_id) for line_id in rep["red_lines"]))
        for line_id, info in rep["red_lines"].items():
            of_type = (
                f"   (type {info['type']}: its {info['games']} games)" if "type" in info else ""
            )
            out.append(
                f"  {line_id:<{width}} crossed {info['crossed']:6.1%}   tested {info['tested']:.2f}"
                f"{of_type}"
            )
    if rep.get("types"):
        out += ["", "Hidden types (share of games that drew each):"]
        for actor, kinds in rep["types"].items():
            drawn = ", ".join(f"{kind} {share:.0%}" for kind, share in kinds.items())
            out.append(f"  {actor:<28} {drawn}")
    out += _world_text(rep.get("world", {}), n)
    eff = rep["efficiency"]
    out += [
        "",
        "Final terms, measured (mean utility-space distance; 0 is best):",
        f"  from the Pareto frontier {eff['pareto_distance']:.3f}   from the Nash point "
        f"{eff['nash_distance']:.3f}   every delegation at or above its reservation "
        f"{eff['above_reservation']:.1%}",
    ]
    curve = rep["tension_curve"]
    out += ["", "Mean tension by turn (0 = start):"]
    war = rep["war_threshold"] or 100.0
    out += [f"  {t:>3} {_bar(v / war, 40)} {v:5.1f}" for t, v in enumerate(curve)]
    return "\n".join(out)
