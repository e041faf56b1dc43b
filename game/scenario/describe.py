"""Plain-text summaries of a scenario for ``redlines validate`` and ``redlines info``."""

from __future__ import annotations

import math
from collections.abc import Iterable

from game.engine.model import Condition, Scenario
from game.engine.words import counted


def _count(n: int, word: str) -> str:
    return counted(n, word)


def _id_width(ids: Iterable[str], least: int = 14) -> int:
    return max([least, *(len(i) for i in ids)])


def space_size(scenario: Scenario) -> int:
    """How many complete settlements exist: the product of every issue's option count."""
    return math.prod(len(issue.options) for issue in scenario.issues)


def one_line(scenario: Scenario) -> str:
    """``geneva-2022, 5 actors (3 playable), 7 issues, ...``."""
    parts = [
        scenario.id,
        f"{_count(len(scenario.actors), 'actor')} ({len(scenario.playable)} playable)",
        _count(len(scenario.issues), "issue"),
        _count(len(scenario.rounds), "round"),
        _count(len(scenario.levers), "lever"),
        _count(len(scenario.events), "event"),
        _count(len(scenario.outcomes), "outcome"),
    ]
    return ", ".join(parts)


def _condition(c: Condition) -> str:
    parts: list[str] = []
    for name in ("min_round", "max_round", "min_tension", "max_tension"):
        value = getattr(c, name)
        if value is not None:
            parts.append(f"{name}={value:g}")
    for name in ("min_agreements", "max_agreements", "escalated"):
        value = getattr(c, name)
        if value is not None:
            parts.append(f"{name}={str(value).lower()}")
    parts += [f"agreed {i}: {'/'.join(sorted(o))}" for i, o in c.agreed.items()]
    for name in ("not_agreed", "levers_executed", "levers_not_executed", "walked_out"):
        value = getattr(c, name)
        if value:
            parts.append(f"{name}: {', '.join(value)}")
    return "; ".join(parts) or "always"


def report(scenario: Scenario, content_hash: str = "") -> str:
    """A readable overview: actors, issues and options, rounds, levers, events, outcomes."""
    lines = [f"{scenario.title}  [{scenario.id}]"]
    if content_hash:
        lines.append(f"content hash: {content_hash}")
    lines += ["", f"Actors ({len(scenario.actors)}):"]
    # Each list's id column is as wide as its longest id (at least 14), so names align.
    width = _id_width(a.id for a in scenario.actors)
    for a in scenario.actors:
        role = "playable" if a.playable else "not playable"
        delegate = f" — {a.delegate}" if a.delegate else ""
        lines.append(f"  {a.id:<{width}} {a.name} ({role}){delegate}")
    lines += ["", f"Issues ({len(scenario.issues)}):"]
    width = _id_width(i.id for i in scenario.issues)
    for issue in scenario.issues:
        lines.append(f"  {issue.id:<{width}} {issue.name}  [consent: {', '.join(issue.consent)}]")
        for o in issue.options:
            mark = "  (status quo)" if o.id == issue.status_quo else ""
            if o.consent:  # R37: the option adds these to the issue's consent list
                mark += f"  [+ consent: {', '.join(o.consent)}]"
            lines.append(f"    - {o.id}: {o.label}{mark}")
    size = space_size(scenario)
    lines += ["", f"Negotiation space: {size:,} complete settlements (product of option counts)"]
    lines += ["", f"Rounds ({len(scenario.rounds)}):"]
    for r in scenario.rounds:
        lines.append(
            f"  {r.date}  {r.name}, {r.city} — {', '.join(r.participants)}; "
            f"{_count(r.turns, 'turn')}; agenda: {', '.join(r.agenda)}"
        )
    lines += ["", f"Levers ({len(scenario.levers)}):"]
    width = _id_width((lv.id for lv in scenario.levers), 24)
    lines += [f"  {lv.id:<{width}} {lv.owner} → {lv.target}: {lv.name}" for lv in scenario.levers]
    lines += ["", f"Events ({len(scenario.events)}):"]
    width = _id_width((e.id for e in scenario.events), 24)
    lines += [
        f"  {e.id:<{width}} p={e.probability:g}, when {_condition(e.condition)}"
        for e in scenario.events
    ]
    lines += ["", f"Outcomes ({len(scenario.outcomes)}, first match wins):"]
    lines += [f"  {o.id:<16} {o.label}: {_condition(o.condition)}" for o in scenario.outcomes]
    return "\n".join(lines)
