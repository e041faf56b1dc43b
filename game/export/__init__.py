"""Debriefs and printable briefings: a game or a scenario as Markdown and self-contained HTML.

Public API (all plain functions over frozen data; nothing here imports pygame)::

    build_debrief(session) -> Debrief           # the debrief as data, for the debrief screen too
    debrief_markdown(debrief) -> str
    debrief_html(debrief) -> str                # one self-contained, printable page
    render(debrief, "md" | "html") -> str
    export_session(session, path, fmt) -> int   # render and write atomically; UserError if not
    briefing_pages(scenario) -> dict[str, str]  # file name -> printable HTML page
"""

from __future__ import annotations

from game.export.briefings import briefing_pages
from game.export.debrief import build_debrief
from game.export.files import FORMATS, export_session, render
from game.export.html_debrief import debrief_html
from game.export.markdown import debrief_markdown
from game.export.model import (
    ActorResult,
    Debrief,
    LedgerLine,
    ObjectiveResult,
    OutcomeInfo,
    Priority,
    RedLineResult,
    TensionPoint,
    TensionTrack,
    TermResult,
    TranscriptLine,
)

__all__ = [
    "FORMATS",
    "ActorResult",
    "Debrief",
    "LedgerLine",
    "ObjectiveResult",
    "OutcomeInfo",
    "Priority",
    "RedLineResult",
    "TensionPoint",
    "TensionTrack",
    "TermResult",
    "TranscriptLine",
    "briefing_pages",
    "build_debrief",
    "debrief_html",
    "debrief_markdown",
    "export_session",
    "render",
]
