"""The rules that tie issues together, so that a deal the analysis counts is one the engine takes.

Utilities add up issue by issue, but three format-2 rules look at a package as a
whole: an option may need or rule out options of other issues (``requires`` /
``excludes``, R33), a red line may be lifted by other terms of the package
(``unless``, R27), and a package's own deals (``on_agree``, R31) may lower a
ratifying actor's support so far that even the most it could ever reach stays
below its threshold: then the terms needing its consent can never bind (R29).
``Links`` asks the engine's own rules whether a package is legal; the searches
use their bounds as before (a relaxation stays an upper bound) and test each
package they would return.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from game.analysis.ratify import ratifications
from game.engine.model import Condition, RedLine, Scenario, TrackerKind
from game.engine.packages import package_problem
from game.engine.scoring import lifted
from game.engine.tables import tables_for

INCOHERENT = "incoherent (requires/excludes)"
RED_LINE = "crossing a red line the rest of the package does not lift"
UNRATIFIABLE = "whose own deals leave a ratifier's support short for good"
KINDS = (INCOHERENT, RED_LINE, UNRATIFIABLE)


@dataclass(frozen=True, slots=True)
class Links:
    """The cross-issue rules of a scenario that a package must satisfy.

    ``lines``: the conditional red lines (with ``unless``) of the actors whose
    red lines are guarded; the unconditional ones never reach a package (the
    space leaves their options out).  ``coherence``: whether any option has
    ``requires`` or ``excludes``.
    """

    scenario: Scenario
    lines: tuple[RedLine, ...]
    coherence: bool
    # (actor, threshold, ceiling): ratifiers whose support some option's on_agree lowers.
    ratifiers: tuple[tuple[str, float, float], ...] = ()
    # (issue, option) -> actor -> how much agreeing it lowers that actor's support.
    drops: Mapping[tuple[str, str], Mapping[str, float]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.lines) or self.coherence or bool(self.ratifiers)

    def problem(self, package: Mapping[str, str]) -> str:
        """Why ``package`` is not a deal the engine would let bind ("" when it is)."""
        return self.judge(package)[1]

    def judge(self, package: Mapping[str, str]) -> tuple[str, str]:
        """(kind, reason) of the first rule ``package`` breaks, kind one of ``KINDS``;
        ("", "") when it breaks none."""
        if self.coherence:
            why = package_problem(self.scenario, tuple(package.items()), ())
            if why:
                return INCOHERENT, why
        for line in self.lines:
            if package.get(line.issue) in line.options and not lifted(line, package):
                return RED_LINE, f"it crosses {line.actor}'s red line {line.id!r}"
        if self.ratifiers:
            why = self._unratifiable(package)
            if why:
                return UNRATIFIABLE, why
        return "", ""

    def _unratifiable(self, package: Mapping[str, str]) -> str:
        consent = tables_for(self.scenario).consent_of
        for actor, threshold, ceiling in self.ratifiers:
            if not any(actor in consent[term] for term in package.items()):
                continue
            drop = sum(self.drops.get(term, {}).get(actor, 0.0) for term in package.items())
            if ceiling - drop < threshold:
                return (
                    f"its own deals leave {actor}'s support at most {ceiling - drop:g}, below "
                    f"its ratification threshold {threshold:g}"
                )
        return ""

    def legal(self, package: Mapping[str, str]) -> bool:
        return not self.problem(package)

    def issues(self) -> frozenset[str]:
        """The issues whose being settled (or not, or on its status quo) a rule looks at."""
        found: set[str] = set()
        for issue in self.scenario.issues:
            for option in issue.options:
                if option.requires or option.excludes:
                    found.add(issue.id)
                    found.update(option.requires)
                    found.update(option.excludes)
        for line in self.lines:
            found.add(line.issue)
            if line.unless is not None:
                found.update(condition_issues(line.unless))
        found.update(issue for issue, _ in self.drops)  # agreeing the status quo costs
        return frozenset(found)


def links_for(scenario: Scenario, guarded: Iterable[str]) -> Links:
    who = set(guarded)
    lines = tuple(
        line
        for actor, prefs in scenario.preferences.items()
        if actor in who
        for line in prefs.red_lines
        if line.unless is not None
    )
    coherence = any(o.requires or o.excludes for i in scenario.issues for o in i.options)
    drops: dict[tuple[str, str], dict[str, float]] = {}
    ratifying = {a: r for a, r in ratifications(scenario).items() if r.reachable}
    for issue in scenario.issues:
        for option in issue.options:
            for e in option.on_agree:
                if e.tracker is not TrackerKind.SUPPORT or e.delta >= 0:
                    continue
                for actor in ratifying if not e.actor else (e.actor,):
                    if actor in ratifying:
                        row = drops.setdefault((issue.id, option.id), {})
                        row[actor] = row.get(actor, 0.0) - e.delta
    hit = {a for row in drops.values() for a in row}
    ratifiers = tuple((a, r.threshold, r.ceiling) for a, r in sorted(ratifying.items()) if a in hit)
    return Links(scenario, lines, coherence, ratifiers, drops)


def condition_issues(cond: Condition) -> set[str]:
    """The issues a condition on terms names (``agreed``, ``not_agreed``, nested)."""
    found = set(cond.agreed) | set(cond.not_agreed)
    for inner in (*cond.any, *cond.all):
        found |= condition_issues(inner)
    if cond.not_ is not None:
        found |= condition_issues(cond.not_)
    return found
