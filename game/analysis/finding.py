"""One thing the analysis tells a scenario author: how serious, what about, and where."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing an author should know; ``subjects`` are the ids it is about."""

    severity: Severity
    code: str
    message: str
    subjects: tuple[str, ...] = ()
    # Where in the scenario document it is about, as a path of keys and indexes
    # (``("issues", 2, "consent")``), so a file-aware caller can point at the line.
    where: tuple[str | int, ...] = ("preferences",)

    def __str__(self) -> str:
        return f"{self.severity}: {self.message} [{self.code}]"
