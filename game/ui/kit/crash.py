"""When a scene raises unexpectedly: write a log file and show a calm error screen instead.

The player never sees a traceback; the log (in the user log folder) has it,
and the autosave hook runs first so no progress is lost.
"""

from __future__ import annotations

import datetime as _dt
import logging
import traceback
from pathlib import Path
from typing import ClassVar

import pygame

from game import __version__
from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Quit, Scene, Transition
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.label import Label, WrappedText

log = logging.getLogger(__name__)


def write_crash_log(folder: Path, exc: BaseException, where: str) -> Path | None:
    """Write the traceback to a new file in ``folder``; None if even that fails."""
    stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"crash-{stamp}.log"
    text = "".join(traceback.format_exception(exc))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Red Lines {__version__}\nin {where}\n\n{text}", encoding="utf-8")
    except OSError:
        log.exception("could not write a crash log to %s", folder)
        return None
    log.error("unexpected error in %s; details in %s", where, path)
    return path


class ErrorScene(Scene):
    """Shown in place of a scene that failed; offers to go back (if possible) or to quit."""

    title = "Error"
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (KeyBinding("escape", "back", "Go back"),)

    def __init__(self, ctx: Context, log_path: Path | None, *, can_return: bool) -> None:
        super().__init__(ctx)
        self.can_return = can_return
        where = (
            f"The details were written to:\n{log_path}"
            if log_path
            else "The details could not be written to a log file."
        )
        self.heading = self.add(Label("error.title", "Something went wrong", style="heading"))
        self.body = self.add(
            WrappedText(
                "error.message",
                "The game met an unexpected problem and stopped this screen. "
                "Your saved games are safe.\n\n" + where,
                color="text_dim",
            )
        )
        self.back = self.add(Button("error.back", "Back", variant="primary", enabled=can_return))
        self.quit = self.add(Button("error.quit", "Quit"))
        self.focus(self.back if can_return else self.quit)

    def layout(self, rect: pygame.Rect) -> None:
        t = self.theme
        width = min(t.px(720), rect.width - 2 * t.space("xl"))
        heading_h = t.line_height("heading")
        body_h = self.body.height_for(width)
        button_h = t.control_height()
        heights = [heading_h, body_h, button_h]
        box = layout.centred((width, layout.stack_height(heights, t.space("lg"))), rect)
        self.heading.rect, self.body.rect, foot = layout.column(box, heights, t.space("lg"))
        w = max(t.px(120), self.back.preferred_size()[0], self.quit.preferred_size()[0])
        self.back.rect, self.quit.rect, _ = layout.row(foot, [w, w, layout.Flex()], t.space("md"))

    def on_intent(self, intent: Intent) -> Transition | None:
        if intent.source == "error.back" and self.can_return:
            return Pop()
        if intent.source == "error.quit":
            return Quit()
        return None

    def on_action(self, action: str) -> Transition | None:
        return Pop() if action == "back" and self.can_return else None
