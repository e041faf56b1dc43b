"""A debrief rendered and written to a file, for `redlines export` and the debrief screen."""

from __future__ import annotations

from pathlib import Path

from game.errors import UserError
from game.export.debrief import build_debrief
from game.export.html_debrief import debrief_html
from game.export.markdown import debrief_markdown
from game.export.model import Debrief
from game.fileio import write_atomic
from game.session.session import Session

FORMATS = ("md", "html")


def render(debrief: Debrief, fmt: str) -> str:
    """The debrief as ``md`` or ``html`` text."""
    if fmt == "md":
        return debrief_markdown(debrief)
    if fmt == "html":
        return debrief_html(debrief)
    raise ValueError(f"unknown export format {fmt!r} (use one of: {', '.join(FORMATS)})")


def export_session(session: Session, target: Path, fmt: str = "html") -> int:
    """Write the debrief of ``session`` to ``target`` atomically; returns the bytes written.

    A place that cannot be written is a ``UserError`` with the reason.
    """
    data = render(build_debrief(session), fmt).encode("utf-8")
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror or exc}") from None
    return len(data)
