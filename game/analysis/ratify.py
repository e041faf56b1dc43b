"""Ratification thresholds (R29): can an actor's "yes" ever bind, and what raises its support?

An actor with ``ratification: {support: N}`` whose support is below N leaves
every term it consents to provisional.  Support moves only through what the
scenario and its rules say: event and lever effects, deals (``on_agree``),
statements and breaches.  This module bounds the most support an actor can
reach by adding every rise that could happen -- an upper bound, so "cannot
reach" is a proof and "can reach" only a possibility.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from game.engine.model import Effect, Scenario, TrackerKind


@dataclass(frozen=True, slots=True)
class Ratification:
    """One actor's ratification threshold against its support."""

    actor: str
    threshold: float
    start: float
    ceiling: float  # the most its support can ever be (math.inf: rises without bound)
    raised_by: tuple[str, ...]  # what can raise it, in words

    @property
    def binds_at_start(self) -> bool:
        return self.start >= self.threshold

    @property
    def reachable(self) -> bool:
        return self.binds_at_start or min(self.ceiling, 100.0) >= self.threshold

    def describe(self) -> str:
        """One line for the report."""
        head = f"{self.actor} needs support {self.threshold:g} (starts {self.start:g})"
        if self.binds_at_start:
            return f"{head}: its consent binds from the start while support holds"
        if not self.reachable:
            return (
                f"{head}: nothing can raise it above {self.ceiling:g}, so no term "
                "that needs its consent can ever bind"
            )
        return (
            f"{head}: terms that need its consent stay provisional until its support "
            f"rises (raised by {', '.join(self.raised_by)})"
        )


def _rises(effects: Iterable[Effect], actor: str) -> float:
    """The total rise of ``actor``'s support that ``effects`` can give."""
    return sum(
        e.delta
        for e in effects
        if e.tracker is TrackerKind.SUPPORT and e.delta > 0 and e.actor in ("", actor)
    )


def ratifications(scenario: Scenario) -> dict[str, Ratification]:
    """Actor id -> its ratification threshold and how far its support can go."""
    out: dict[str, Ratification] = {}
    start = scenario.trackers.support
    rules = scenario.rules
    speaks = {a for r in scenario.rounds for a in r.participants}
    for actor in scenario.actors:
        if actor.ratification is None:
            continue
        a = actor.id
        first = start.per_actor.get(a, start.start)
        gain = 0.0
        why: list[str] = []
        for card in scenario.events:
            rise = _rises(card.effects, a)
            if rise > 0:
                # A card that is not ``once`` can be drawn again and again.
                gain += rise if card.once else math.inf
                why.append(f"event {card.id!r}")
        for lever in scenario.levers:
            rise = _rises(lever.execute_effects, a)
            if rise > 0:
                gain += rise
                why.append(f"carrying out {lever.id!r}")
            if _rises(lever.threat_effects, a) > 0:
                gain = math.inf  # a threat can be made again once the last one fell due
                why.append(f"threatening with {lever.id!r}")
            if lever.breaks and rules.breach_support > 0 and a in lever.owners:
                gain += rules.breach_support
                why.append(f"breaking an agreement with {lever.id!r}")
        for issue in scenario.issues:
            for option in issue.options:
                rise = _rises(option.on_agree, a)
                if rise > 0:
                    gain += rise
                    why.append(f"a deal on {issue.id}={option.id}")
        talk = (rules.conciliatory_support, rules.firm_support, rules.hostile_support)
        if actor.playable and a in speaks and any(x > 0 for x in talk):
            gain = math.inf
            why.append("its own statements")
        out[a] = Ratification(a, actor.ratification, first, min(first + gain, 100.0), tuple(why))
    return out
