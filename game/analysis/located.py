"""The findings placed in a scenario file, for ``redlines validate`` and ``redlines analyze``.

The analysis knows no files: a loaded scenario (``game.scenario.LoadedScenario``)
turns each finding's document path into a line and column through its own
``locate``, so this module needs nothing from the scenario layer.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from game.analysis.checks import findings
from game.analysis.finding import Severity
from game.engine.model import Scenario

Place_co = TypeVar("Place_co", covariant=True)
Place = TypeVar("Place")


class Locating(Protocol[Place_co]):
    """A scenario that can place a message at a path of its document."""

    @property
    def scenario(self) -> Scenario: ...

    def locate(
        self, path: tuple[str | int, ...], message: str, severity: str = "warning"
    ) -> Place_co: ...


def located_findings(loaded: Locating[Place], *, notes: bool = False) -> list[Place]:
    """The analysis findings, each at the line of the part of the file it is about.

    Notes (severity info) are left out unless asked for: they are advice that
    ``redlines analyze`` shows, not problems a ``--strict`` run should fail on.
    """
    scenario = loaded.scenario
    on_agenda = {i for r in scenario.rounds for i in r.agenda}
    out = []
    for f in findings(scenario):
        if f.severity is Severity.INFO and not notes:
            continue
        if f.code == "issue-off-agenda" and f.subjects[0] not in on_agenda:
            continue  # the scenario lints already say so
        out.append(loaded.locate(f.where, f"{f.message} [{f.code}]", str(f.severity)))
    return out
