"""The game's title screen: the kit's title, with Continue only while a game is saved."""

from __future__ import annotations

from typing import ClassVar

from game.ui.kit.context import Context
from game.ui.kit.intent import Transition
from game.ui.kit.keys import KeyBinding
from game.ui.screens.console import CONSOLE_KEYS, ConsoleDone, open_console
from game.ui.screens.title import TitleHooks, TitleScene


class GameTitle(TitleScene):
    """The title screen; Continue is offered only while there is an autosave.

    The facilitator console opens here too, to set the timer and the PIN before a game.
    """

    KEYS: ClassVar[tuple[KeyBinding, ...]] = (*TitleScene.KEYS, *CONSOLE_KEYS)

    def __init__(self, ctx: Context, *, subtitle: str, hooks: TitleHooks) -> None:
        super().__init__(ctx, subtitle=subtitle, hooks=hooks)
        self.refresh()

    def refresh(self) -> None:
        """Enable Continue if a game is autosaved (it may have appeared or ended meanwhile)."""
        from game.session.session import Session

        button = next(b for b in self.menu if b.id == "title.continue")
        button.enabled = Session.autosave_path().is_file()

    def on_action(self, action: str) -> Transition | None:
        if action == "console":
            return open_console(self.ctx)
        return super().on_action(action)

    def on_resume(self, result: object) -> Transition | None:
        self.refresh()
        if isinstance(result, ConsoleDone):
            return None
        if self.focused is not None and not self.focused.can_focus():
            self.focus_first()
        return super().on_resume(result)
