"""The agreement space of a scenario as plain numbers, so that searches stay arithmetic.

A *package* assigns each issue either one of its options (an agreement) or
nothing (the issue stays unsettled and its status quo holds).  An actor's
utility of a package is the weighted sum of its option values, the status
quo's value standing in for unsettled issues -- the same sum the engine
scores, so the two can be compared (a test does).

``Space`` keeps, per issue, the choices a package may make there and each
choice's contribution to each actor's utility.  Options that some actor in
``guarded`` holds as an unconditional red line are left out, and an issue that
can never be settled (``reach``) offers only "unsettled".  The rules that look
at a package as a whole (``requires``/``excludes``, red lines with ``unless``)
are kept as ``links``: a search tests each package it would return.  Issues are ordered by how much
their choices move the actors' utilities, which is the order that lets a
branch-and-bound search prune early.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from game.analysis.links import Links, links_for
from game.engine.model import Scenario
from game.engine.scoring import utility

Package = Mapping[str, str]  # issue id -> agreed option id; absent issues are unsettled
Choice = str | None  # an option id, or None for "left unsettled" (status quo holds)


def default_actors(scenario: Scenario) -> tuple[str, ...]:
    """The actors whose utilities an analysis weighs: playable and with preferences."""
    return tuple(a.id for a in scenario.playable if a.id in scenario.preferences)


def contribution(scenario: Scenario, actor: str, issue: str, option: str) -> float:
    """What settling ``issue`` on ``option`` adds to ``actor``'s utility."""
    prefs = scenario.preferences.get(actor)
    if prefs is None:
        return 0.0
    weight = prefs.weights.get(issue, 0.0)
    if not weight:
        return 0.0
    return weight * prefs.values.get(issue, {}).get(option, 0.0)


def utilities(
    scenario: Scenario, package: Package, actors: Sequence[str] | None = None
) -> dict[str, float]:
    """Each actor's utility of a package (the engine's); unsettled issues are at status quo."""
    chosen = tuple(default_actors(scenario) if actors is None else actors)
    terms = dict(package)
    return {
        actor: utility(scenario, actor, terms) if actor in scenario.preferences else 0.0
        for actor in chosen
    }


def red_lined(scenario: Scenario, actors: Iterable[str]) -> dict[str, set[str]]:
    """Issue id -> the options that cross an unconditional red line of one of these actors.

    A line with ``unless`` is not here: whether it holds depends on the rest of the
    package (R27), which ``Links`` judges.
    """
    blocked: dict[str, set[str]] = {}
    for actor in actors:
        prefs = scenario.preferences.get(actor)
        for line in prefs.red_lines if prefs is not None else ():
            if line.unless is None:
                blocked.setdefault(line.issue, set()).update(line.options)
    return blocked


@dataclass(frozen=True, slots=True)
class Space:
    """Choices per issue and their per-actor contributions, ready for search.

    ``gains[k][c][a]`` is what choice ``choices[k][c]`` of issue ``issues[k]``
    adds to the utility of ``actors[a]``.
    """

    actors: tuple[str, ...]
    reservations: tuple[float, ...]
    issues: tuple[str, ...]
    choices: tuple[tuple[Choice, ...], ...]
    gains: tuple[tuple[tuple[float, ...], ...], ...]
    links: Links | None = None  # cross-issue rules each returned package must satisfy

    def legal(self, picks: Sequence[int]) -> bool:
        """Whether the package ``picks`` satisfies the cross-issue rules (always, without)."""
        return not self.links or self.links.legal(self.package(picks))

    @property
    def size(self) -> int:
        """The number of packages in the space (can be astronomically large)."""
        total = 1
        for options in self.choices:
            total *= len(options)
        return total

    def package(self, picks: Sequence[int]) -> dict[str, str]:
        """The package that picks choice ``picks[k]`` on issue ``k``."""
        found: dict[str, str] = {}
        for issue, options, pick in zip(self.issues, self.choices, picks, strict=True):
            option = options[pick]
            if option is not None:
                found[issue] = option
        return found

    def point(self, picks: Sequence[int]) -> tuple[float, ...]:
        """Each actor's utility of the package ``picks``."""
        totals = [0.0] * len(self.actors)
        for k, pick in enumerate(picks):
            for a, gain in enumerate(self.gains[k][pick]):
                totals[a] += gain
        return tuple(totals)


def build_space(
    scenario: Scenario,
    actors: Sequence[str] | None = None,
    *,
    guarded: Iterable[str] | None = None,
    settleable: Iterable[str] | None = None,
    bindable: Mapping[str, Sequence[str]] | None = None,
    fixed: Mapping[str, Sequence[Choice]] | None = None,
) -> Space:
    """The space of packages for ``actors`` (default: the playable ones).

    ``guarded``: whose red lines no package may cross (default: ``actors``).
    ``settleable``: the issues that can be agreed at all (default: every issue).
    ``bindable``: issue -> the options that can ever bind there (default: all of them;
    per-option consent and ratification can rule some out, ``reach``).
    ``fixed``: issue -> the only choices allowed there (``None`` = unsettled),
    used to ask questions such as "is there a deal that includes this option?".
    """
    who = tuple(default_actors(scenario) if actors is None else actors)
    guards = who if guarded is None else tuple(guarded)
    blocked = red_lined(scenario, guards)
    links = links_for(scenario, guards)
    # Where a rule tells "settled on the status quo" from "left unsettled", offer both.
    linked = links.issues() if links else frozenset()
    open_issues = None if settleable is None else set(settleable)
    rows: list[tuple[float, str, tuple[Choice, ...], tuple[tuple[float, ...], ...]]] = []
    for issue in scenario.issues:
        allowed: list[Choice] = []
        if open_issues is None or issue.id in open_issues:
            no = blocked.get(issue.id, set())
            can = None if bindable is None else set(bindable.get(issue.id, ()))
            allowed = [
                o.id for o in issue.options if o.id not in no and (can is None or o.id in can)
            ]
        if issue.status_quo not in allowed or issue.id in linked:
            allowed.append(None)  # leaving it unsettled is always possible
        if fixed is not None and issue.id in fixed:
            allowed = [c for c in allowed if c in fixed[issue.id]]
        gains = tuple(
            tuple(
                contribution(scenario, a, issue.id, issue.status_quo if c is None else c)
                for a in who
            )
            for c in allowed
        )
        spread = sum(
            max((g[a] for g in gains), default=0.0) - min((g[a] for g in gains), default=0.0)
            for a in range(len(who))
        )
        rows.append((spread, issue.id, tuple(allowed), gains))
    # Widest spread first: the choices that decide the most are branched on first.
    rows.sort(key=lambda row: -row[0])
    return Space(
        actors=who,
        reservations=tuple(scenario.preferences[a].reservation for a in who),
        issues=tuple(r[1] for r in rows),
        choices=tuple(r[2] for r in rows),
        gains=tuple(r[3] for r in rows),
        links=links if links else None,
    )
