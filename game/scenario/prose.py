"""How a scenario's long texts read on screen and in print: paragraphs, and lists kept.

The rule the scenario guide states, in one place for the window, the printed
briefings and the Markdown debrief: a blank line starts a paragraph; the lines
of a paragraph are joined, so an author may wrap them to suit an editor (with
``|`` or ``>``); a line that starts a list item (``- ``, ``* ``, ``• ``, ``1.``,
``1)``) starts a new line.
"""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LIST_ITEM = re.compile(r"(?:[-*•]|\d{1,3}[.)])\s")


def paragraphs(text: str) -> list[str]:
    """The paragraphs of ``text``, each one line but for a ``\\n`` before each list item."""
    out: list[str] = []
    for block in _BLANK_LINE.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        paragraph = ""
        for line in filter(None, lines):
            if not paragraph:
                paragraph = line
            elif _LIST_ITEM.match(line):
                paragraph += "\n" + line
            else:
                paragraph += " " + line
        if paragraph:
            out.append(paragraph)
    return out
