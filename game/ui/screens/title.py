"""The title screen: the game's name, a subtitle from the caller, and the main menu.

New game, Continue and Load open scenes made by factories the caller passes
in (the scenario picker, the autosave, the load dialog); without a factory
the button is disabled rather than pretending.  ``GameTitle`` is the game's
own: Continue only while a game is autosaved, and the facilitator console.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

import pygame

from game import __version__
from game.session import autosaves
from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.dialog import Dialog
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Push, Quit, Scene, Transition
from game.ui.kit.widgets.base import TextFit, Widget
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.label import Label, WrappedText
from game.ui.screens.backdrop import Backdrop
from game.ui.screens.console import CONSOLE_KEYS, ConsoleDone, open_console
from game.ui.screens.settings_screen import SettingsScene

SceneFactory = Callable[[Context], Scene]


@dataclass(frozen=True, slots=True)
class TitleHooks:
    """Scene factories for the menu entries that need the game (None: entry disabled)."""

    new_game: SceneFactory | None = None
    continue_game: SceneFactory | None = None
    load_game: SceneFactory | None = None
    host_game: SceneFactory | None = None  # a classroom game that laptops join
    join_game: SceneFactory | None = None  # a game hosted on this network


class TitleText(Widget):
    """The game's name, set as large as fits its box (up to the theme's title size)."""

    def __init__(self, id: str, text: str) -> None:
        super().__init__(id)
        self.text = text
        self.size_px = 0
        self._rendered: tuple[tuple[object, ...], pygame.Surface] | None = None

    def fit(self, box: pygame.Rect) -> None:
        """Choose the largest size (at most the title style) whose text fits ``box``."""
        self.rect = box
        size = self.theme.font("title").get_height()
        while size > 12:
            w, h = self.theme.font_px("title", size).size(self.text)
            if w <= box.width and h <= box.height:
                break
            size -= 2
        self.size_px = size

    def draw(self, surface: pygame.Surface) -> None:
        key = (self.text, self.size_px, self.theme.version)
        if self._rendered is None or self._rendered[0] != key:
            font = self.theme.font_px("title", self.size_px)
            self._rendered = (key, font.render(self.text, True, self.theme.color("text")))
        text = self._rendered[1]
        surface.blit(text, text.get_rect(midleft=self.rect.midleft))

    def text_fits(self) -> list[TextFit]:
        size = self.theme.font_px("title", self.size_px).size(self.text)
        return [TextFit(self.id, self.text, size, self.rect)]


class TitleScene(Scene):
    """Red Lines' front door."""

    title = "Title"
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        KeyBinding("n", "title.new", "New game"),
        KeyBinding("c", "title.continue", "Continue the last game"),
        KeyBinding("l", "title.load", "Load a saved game"),
        KeyBinding("h", "title.host", "Host a classroom game (laptops join it)"),
        KeyBinding("j", "title.join", "Join a game on this network"),
        KeyBinding("s", "title.settings", "Settings"),
        KeyBinding("up", "prev", "Previous menu entry"),
        KeyBinding("down", "next", "Next menu entry"),
        KeyBinding("escape", "ask-quit", "Quit the game"),
    )

    def __init__(
        self, ctx: Context, *, subtitle: str = "", hooks: TitleHooks | None = None
    ) -> None:
        super().__init__(ctx)
        self.hooks = hooks or TitleHooks()
        self.backdrop = Backdrop()
        self.table: pygame.Rect | None = None
        self.overline = self.add(
            Label("title.overline", "A GAME OF DIPLOMACY", style="overline", color="accent")
        )
        self.name = self.add(TitleText("title.name", "Red Lines"))
        self.subtitle = self.add(
            WrappedText("title.subtitle", subtitle, style="subtitle", color="text_dim")
        )
        self.red_line = pygame.Rect(0, 0, 0, 0)
        entries = [
            ("title.new", "New game", self.hooks.new_game),
            ("title.continue", "Continue", self.hooks.continue_game),
            ("title.load", "Load game", self.hooks.load_game),
            ("title.host", "Host a classroom game", self.hooks.host_game),
            ("title.join", "Join a game on this network", self.hooks.join_game),
        ]
        self.menu = [
            self.add(Button(wid, text, variant="ghost", align="left", enabled=factory is not None))
            for wid, text, factory in entries
        ]
        self.menu.append(
            self.add(Button("title.settings", "Settings", variant="ghost", align="left"))
        )
        self.menu.append(self.add(Button("title.quit", "Quit", variant="ghost", align="left")))
        self.footer = self.add(
            Label(
                "title.footer",
                f"Version {__version__}   ·   F1 keyboard help",
                style="caption",
                color="text_dim",
            )
        )

    # -- layout ------------------------------------------------------------------------
    def layout(self, rect: pygame.Rect) -> None:
        t = self.theme
        self.subtitle.style = "subtitle"
        margin = max(t.space("xl"), rect.width // 12)
        footer_h = t.line_height("caption")
        area = pygame.Rect(
            rect.left + margin,
            rect.top + t.space("xl"),
            rect.width - 2 * margin,
            rect.height - 2 * t.space("xl") - footer_h,
        )
        self.footer.rect = pygame.Rect(
            area.left, rect.bottom - t.space("lg") - footer_h, area.width, footer_h
        )
        item_h = t.line_height("button") + 2 * t.space("sm")
        menu_w = max(b.preferred_size()[0] for b in self.menu) + t.space("xl")
        menu_h = layout.stack_height([item_h] * len(self.menu), t.space("xs"))
        heading_w = min(area.width, t.px(640))
        heading = self._heading_heights(heading_w)
        head_h = layout.stack_height(heading, t.space("lg"))
        stacked = head_h + t.space("xxl") + menu_h
        self.table = None
        if stacked <= area.height:
            top = area.top + (area.height - stacked) // 2
            head_box = pygame.Rect(area.left, top, heading_w, head_h)
            menu_box = pygame.Rect(area.left, top + stacked - menu_h, menu_w, menu_h)
            # The faint table sits to the right, bleeding off the edge, clear of the text.
            diameter = rect.height * 9 // 10
            table = pygame.Rect(0, 0, diameter, diameter)
            table.center = (rect.right - diameter // 5, rect.centery)
            if table.left > area.left + heading_w - diameter // 10:
                self.table = table
        else:
            # Too little height (large scale on a small window): the menu goes beside the heading.
            heading_w = max(t.px(200), area.width - menu_w - t.space("xl"))
            heading = self._heading_heights(heading_w)
            if layout.stack_height(heading, t.space("lg")) > area.height:
                self.subtitle.style = "body_italic"  # a smaller subtitle before cutting it
                heading = self._heading_heights(heading_w)
            head_h = min(area.height, layout.stack_height(heading, t.space("lg")))
            head_box = pygame.Rect(
                area.left, area.top + (area.height - head_h) // 2, heading_w, head_h
            )
            menu_box = pygame.Rect(
                area.right - menu_w, area.top + max(0, (area.height - menu_h) // 2), menu_w, menu_h
            )
        self._place_heading(head_box, heading)
        for button, box in zip(
            self.menu,
            layout.column(menu_box, [item_h] * len(self.menu), t.space("xs")),
            strict=True,
        ):
            button.rect = box

    def _heading_heights(self, width: int) -> list[int]:
        t = self.theme
        title_h = min(t.font("title").get_height(), max(t.px(40), self.rect.height // 6))
        subtitle_h = self.subtitle.height_for(width) if self.subtitle.text else 0
        return [t.line_height("overline"), title_h, t.px(3), subtitle_h]

    def _place_heading(self, box: pygame.Rect, heights: list[int]) -> None:
        t = self.theme
        over, name, line, sub = layout.column(box, heights, t.space("lg"))
        self.overline.rect = over
        self.name.fit(name)
        self.red_line = pygame.Rect(line.left, line.top, min(line.width, t.px(120)), line.height)
        self.subtitle.rect = sub

    # -- behaviour ---------------------------------------------------------------------
    def _open(self, source: str) -> Transition | None:
        factories = {
            "title.new": self.hooks.new_game,
            "title.continue": self.hooks.continue_game,
            "title.load": self.hooks.load_game,
            "title.host": self.hooks.host_game,
            "title.join": self.hooks.join_game,
        }
        if source in factories:
            factory = factories[source]
            return Push(factory(self.ctx)) if factory is not None else None
        if source == "title.settings":
            return Push(SettingsScene(self.ctx))
        if source == "title.quit":
            return Quit()
        return None

    def on_intent(self, intent: Intent) -> Transition | None:
        if intent.source == "quit-dialog":
            return Quit() if intent.value == "quit-dialog.quit" else None
        return self._open(intent.source) if intent.kind == "click" else None

    def on_action(self, action: str) -> Transition | None:
        if action in ("prev", "next"):
            self.focus_next(-1 if action == "prev" else 1)
            return None
        if action == "ask-quit":
            return Push(
                Dialog(
                    self.ctx,
                    "quit-dialog",
                    "Leave Red Lines?",
                    "Your settings are saved. Any game in progress is kept in its autosave.",
                    [("quit-dialog.quit", "Quit"), ("quit-dialog.stay", "Stay")],
                    cancel="quit-dialog.stay",
                )
            )
        button = next((b for b in self.menu if b.id == action), None)
        if button is not None and button.enabled:
            return self._open(action)
        return None

    # -- drawing -----------------------------------------------------------------------
    def draw_background(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.theme, self.table)
        pygame.draw.rect(surface, self.theme.color("danger"), self.red_line)


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

        button = next(b for b in self.menu if b.id == "title.continue")
        button.enabled = autosaves.continue_path().is_file()

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
