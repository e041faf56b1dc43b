"""The pygame-ce front end: widget kit, scenes and the app shell.  ``run`` opens the game window."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.kit.context import Context
    from game.ui.kit.loop_clock import LoopClock
    from game.ui.kit.scene import Scene
    from game.ui.screens.title import TitleHooks


def _log_to_file(folder: Path) -> None:
    """Send warnings and errors of the game to ``redlines.log`` in the user log folder."""
    logger = logging.getLogger("game")
    path = str((folder / "redlines.log").resolve())
    if any(getattr(h, "baseFilename", None) == path for h in logger.handlers):
        return  # already logging there (run called twice in one process)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    logger.addHandler(handler)


def run(
    settings_dir: Path | None = None,
    *,
    subtitle: str = "",
    hooks: TitleHooks | None = None,
    scene_factory: Callable[[Context], Scene] | None = None,
    clock: LoopClock | None = None,
) -> int:
    """Open the game window on the title screen (or ``scene_factory``'s scene) and run until quit.

    ``settings_dir`` overrides where settings and logs go (default: ``$REDLINES_HOME``
    or the platform's user folders).  ``hooks`` supply the scenes behind New game,
    Continue and Load; entries without a hook are shown disabled.  ``clock`` is the
    loop's (default: the system's; a test passes the pilot's ``ScriptedClock``).
    """
    import os

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.kit.app import App
    from game.ui.kit.settings import log_dir
    from game.ui.screens.title import TitleScene

    _log_to_file(log_dir(settings_dir))

    def title(ctx: Context) -> Scene:
        return TitleScene(ctx, subtitle=subtitle, hooks=hooks)

    return App(scene_factory or title, settings_dir=settings_dir).run(clock)
