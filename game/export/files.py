"""A debrief rendered and written to a file, for `redlines export` and the debrief screen."""

from __future__ import annotations

from pathlib import Path

from game.export.debrief import build_debrief
from game.export.html_debrief import debrief_html
from game.export.htmlkit import is_our_page
from game.export.markdown import debrief_markdown, is_our_markdown
from game.export.model import Debrief
from game.outputs import write_output
from game.session.session import Session

FORMATS = ("md", "html")


def render(debrief: Debrief, fmt: str) -> str:
    """The debrief as ``md`` or ``html`` text."""
    if fmt == "md":
        return debrief_markdown(debrief)
    if fmt == "html":
        return debrief_html(debrief)
    raise ValueError(f"unknown export format {fmt!r} (use one of: {', '.join(FORMATS)})")


def is_our_export(head: bytes, tail: bytes) -> bool:
    """Is this file a debrief an earlier export wrote (HTML or Markdown)?"""
    return is_our_page(head, tail) or is_our_markdown(head, tail)


def write_export(
    session: Session,
    target: Path,
    fmt: str,
    *,
    force: bool = False,
    save: Path | None = None,
    reveal: bool = False,
) -> int:
    """``redlines export``'s write: only over an earlier export (or any file with ``force``).

    Never over ``save`` nor the game's scenario file, never over a device or a pipe,
    never into a folder that does not exist (``game.outputs``).  An unfinished game's
    private texts are written only with ``reveal``.  Returns the bytes written.
    """
    keep = [(save, "the save it is made from")] if save is not None else []
    scenario = session.loaded.path
    if scenario is not None:
        keep.append((scenario, "the scenario of the game"))
    debrief = build_debrief(session, reveal=reveal or session.is_over)
    data = render(debrief, fmt).encode("utf-8")
    return write_output(target, data, ours=is_our_export, force=force, keep=keep)


def export_session(
    session: Session, target: Path, fmt: str = "html", *, replace: bool = False
) -> int:
    """Write the debrief of ``session`` to ``target`` (the debrief screen's export).

    The same rules as ``write_export``: an existing file is replaced only when an
    earlier export wrote it, or when the person said so (``replace``: the window's
    "Replace it"); a place that cannot be written is a ``UserError``.
    """
    return write_export(session, target, fmt, force=replace, save=session.save_path, reveal=True)
