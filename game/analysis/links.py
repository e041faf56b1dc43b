"""The rules that tie issues together, so that a deal the analysis counts is one the engine takes.

Utilities add up issue by issue, but two format-2 rules look at a package as a
whole: an option may need or rule out options of other issues (``requires`` /
``excludes``, R33), and a red line may be lifted by other terms of the package
(``unless``, R27).  ``Links`` asks the engine's own rules whether a package is
legal; the searches use their bounds as before (a relaxation stays an upper
bound) and test each package they would return.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from game.engine.model import Condition, RedLine, Scenario
from game.engine.packages import package_problem
from game.engine.scoring import lifted


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

    def __bool__(self) -> bool:
        return bool(self.lines) or self.coherence

    def problem(self, package: Mapping[str, str]) -> str:
        """Why ``package`` is not a deal the engine would let bind ("" when it is)."""
        if self.coherence:
            why = package_problem(self.scenario, tuple(package.items()), ())
            if why:
                return why
        for line in self.lines:
            if package.get(line.issue) in line.options and not lifted(line, package):
                return f"it crosses {line.actor}'s red line {line.id!r}"
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
    return Links(scenario, lines, coherence)


def condition_issues(cond: Condition) -> set[str]:
    """The issues a condition on terms names (``agreed``, ``not_agreed``, nested)."""
    found = set(cond.agreed) | set(cond.not_agreed)
    for inner in (*cond.any, *cond.all):
        found |= condition_issues(inner)
    if cond.not_ is not None:
        found |= condition_issues(cond.not_)
    return found
