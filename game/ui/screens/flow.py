"""How a game's screens follow one another: briefings (behind hand-overs) to the table, or resume.

Scenes return transitions, so the order lives here as small factories rather
than in a controller that holds the scene stack.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from game.errors import UserError
from game.session import autosaves
from game.session.session import Session
from game.session.store import load
from game.ui.kit.context import Context
from game.ui.kit.dialog import Dialog
from game.ui.kit.scene import Push, Replace, Scene, Transition
from game.ui.screens.briefing import BriefingScene
from game.ui.screens.common import GameSetup
from game.ui.screens.debrief import DebriefScene
from game.ui.screens.handover import HandoverScene
from game.ui.screens.table.scene import TableScene
from game.ui.screens.title import GameTitle, TitleHooks


def start_scene(ctx: Context, setup: GameSetup) -> Scene:
    """The first screen of a new game: the first human delegation's briefing (or the table)."""
    return _briefing(ctx, setup, setup.humans, 0)


def _briefing(ctx: Context, setup: GameSetup, humans: list[str], index: int) -> Scene:
    if index >= len(humans):
        return TableScene(ctx, setup, viewer=humans[-1] if humans else None)
    actor = humans[index]

    def after() -> Transition:
        return Replace(_briefing(ctx, setup, humans, index + 1))

    def brief() -> Transition:
        return Replace(BriefingScene(ctx, setup, actor, then=after))

    if setup.hot_seat:
        return HandoverScene(ctx, setup, actor, then=brief)
    return BriefingScene(ctx, setup, actor, then=after)


def resume_scene(ctx: Context, session: Session) -> Scene:
    """A loaded game: the debrief if it is over, else the table (behind a hand-over if needed)."""
    setup = GameSetup(session)
    if session.is_over:
        return DebriefScene(ctx, setup)
    return TableScene(ctx, setup)


class ResumingTitle(GameTitle):
    """The title screen that opens a loaded game over itself at once (``play --resume``).

    The game sits on the title, as if chosen with Load, so leaving it comes back
    to the title instead of closing the window.
    """

    def __init__(self, ctx: Context, *, subtitle: str, hooks: TitleHooks, session: Session) -> None:
        super().__init__(ctx, subtitle=subtitle, hooks=hooks)
        self.pending: Session | None = session

    def update(self, dt: float) -> Transition | None:
        session, self.pending = self.pending, None
        if session is not None:
            return Push(resume_scene(self.ctx, session))
        return super().update(dt)

    def wakeup_in(self) -> float | None:
        return 0 if self.pending is not None else super().wakeup_in()  # open it without input


class OpeningTitle(GameTitle):
    """The title screen that opens ``first`` over itself at once (``redlines host``'s screen,
    ``redlines join``'s); leaving it comes back to the title."""

    def __init__(
        self, ctx: Context, *, subtitle: str, hooks: TitleHooks, first: Callable[[Context], Scene]
    ) -> None:
        super().__init__(ctx, subtitle=subtitle, hooks=hooks)
        self.first: Callable[[Context], Scene] | None = first

    def update(self, dt: float) -> Transition | None:
        first, self.first = self.first, None
        if first is not None:
            return Push(first(self.ctx))
        return super().update(dt)

    def wakeup_in(self) -> float | None:
        return 0 if self.first is not None else super().wakeup_in()


def problem(ctx: Context, title: str, message: str) -> Scene:
    """A calm message instead of a screen that could not open."""
    return Dialog(ctx, "problem", title, message, [("problem.ok", "OK")], cancel="problem.ok")


def open_save(ctx: Context, path: Path, *, keep_saving_to: bool) -> Scene:
    """The game saved in ``path``, or a message saying why it cannot be loaded."""
    try:
        session = load(path, autosave=True, save_path=path if keep_saving_to else None)
    except UserError as exc:
        return problem(ctx, "This game cannot be loaded", str(exc))
    return resume_scene(ctx, session)


def continue_scene(ctx: Context) -> Scene:
    """The autosaved game, or a message if there is none."""
    path = autosaves.continue_path()
    if not path.is_file():
        return problem(
            ctx, "No game to continue", "There is no autosaved game yet: start a new one."
        )
    return open_save(ctx, path, keep_saving_to=False)
