"""Debriefs and printable briefings: a game or a scenario as Markdown and self-contained HTML.

Public API::

    build_debrief(session) -> Debrief          # plain data, also for the debrief screen
    debrief_markdown(debrief) -> str
    debrief_html(debrief) -> str               # one self-contained, printable page
    briefing_pages(scenario) -> dict[str, str] # file name -> HTML page
"""

from __future__ import annotations

from game.export.debrief import build_debrief
from game.export.model import Debrief

__all__ = ["Debrief", "build_debrief"]
