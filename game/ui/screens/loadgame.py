"""Load a saved game: one entry per game in the user's data folder, newest first."""

from __future__ import annotations

from typing import ClassVar

import pygame

from game.session.autosaves import FOLDER as AUTOSAVE_FOLDER
from game.session.saved_games import saved_games
from game.session.session import AUTOSAVE_NAME
from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Push, Replace, Scene, Transition
from game.ui.kit.widgets.base import draw_box
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.label import Label
from game.ui.kit.widgets.listview import ListView
from game.ui.screens.backdrop import Backdrop
from game.ui.screens.flow import open_save


class LoadScene(Scene):
    """Choose a save file; a broken one explains itself in a message."""

    title = "Load a game"
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (KeyBinding("escape", "back", "Back to the title"),)

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.games = saved_games()
        self.files = [game.path for game in self.games]
        self.backdrop = Backdrop()
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.heading = self.add(Label("load.title", "Load a saved game", style="heading"))
        self.list = self.add(
            ListView(
                "load.list",
                [game.describe() for game in self.games],
                empty_text="No saved game yet.",
            )
        )
        self.list.selected = 0 if self.files else None
        self.back = self.add(Button("load.back", "Back"))
        self.load = self.add(
            Button("load.load", "Load", variant="primary", enabled=bool(self.files))
        )
        self.focus(self.list)

    def layout(self, rect: pygame.Rect) -> None:
        t = self.theme
        width = min(t.px(860), rect.width - 2 * t.space("md"))
        height = min(t.px(560), rect.height - 2 * t.space("md"))
        self.panel = layout.centred((width, height), rect)
        head, body, foot = layout.column(
            layout.pad(self.panel, t.space("lg")),
            [t.line_height("heading"), layout.Flex(), t.control_height()],
            t.space("lg"),
        )
        self.heading.rect, self.list.rect = head, body
        widths = [max(t.px(120), b.preferred_size()[0]) for b in (self.back, self.load)]
        _, self.back.rect, self.load.rect = layout.row(
            foot, [layout.Flex(), *widths], t.space("md")
        )

    def draw_background(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.theme)
        draw_box(surface, self.theme, self.panel, "surface", radius="lg")

    def open(self) -> Transition | None:
        """Load the chosen file (a message if it is broken)."""
        i = self.list.selected
        if i is None or not 0 <= i < len(self.files):
            return None
        path = self.files[i]
        autosaved = path.name == AUTOSAVE_NAME or path.parent.name == AUTOSAVE_FOLDER
        scene = open_save(self.ctx, path, keep_saving_to=not autosaved)
        from game.ui.kit.dialog import Dialog

        return Push(scene) if isinstance(scene, Dialog) else Replace(scene)

    def on_intent(self, intent: Intent) -> Transition | None:
        if intent.source == "load.load" or (
            intent.source == "load.list" and intent.kind == "activate"
        ):
            return self.open()
        if intent.source == "load.back":
            return Pop()
        return None

    def on_action(self, action: str) -> Transition | None:
        return Pop() if action == "back" else None
