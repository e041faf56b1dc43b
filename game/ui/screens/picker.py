"""The scenario picker: bundled scenarios and the user's own files, with summary or located errors.

Every file is loaded up front; one that fails shows its ``file:line:col``
messages in the detail panel instead of crashing the game.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import pygame

from game import paths
from game.errors import UserError
from game.scenario import LoadedScenario, ScenarioError, load_scenario
from game.session.seats import Seat
from game.ui.kit import desktop, layout
from game.ui.kit.context import Context
from game.ui.kit.dialog import Dialog
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Push, Replace, Scene, Transition
from game.ui.kit.text import ellipsize
from game.ui.kit.theme import Theme
from game.ui.kit.widgets.base import blit_text, draw_box
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.label import Label, WrappedText
from game.ui.kit.widgets.listview import ListView
from game.ui.kit.widgets.scrollpanel import ScrollPanel
from game.ui.screens.backdrop import Backdrop
from game.ui.screens.seats import SeatsScene
from game.ui.screens.widgets.document import Document

log = logging.getLogger(__name__)
SeatsFactory = Callable[..., Scene]  # (ctx, loaded, *, seats, seed, then) -> the seats screen
SCENARIO_SUFFIXES = (".yaml", ".yml")


@dataclass
class Entry:
    """One scenario the player may choose, or a file that failed to load and why."""

    name: str
    origin: str
    loaded: LoadedScenario | None = None
    errors: list[str] = field(default_factory=list)


def _load(source: str | Path, name: str, origin: str) -> Entry:
    try:
        loaded = load_scenario(source)
    except ScenarioError as exc:
        return Entry(name, origin, errors=[str(e) for e in exc.errors])
    except UserError as exc:
        return Entry(name, origin, errors=str(exc).splitlines())
    except Exception as exc:  # a loader bug must not take the picker down
        log.exception("loading scenario %s failed", source)
        return Entry(name, origin, errors=[f"{name}: could not be read ({type(exc).__name__})"])
    return Entry(loaded.scenario.title, origin, loaded)


def discover(user_dir: Path | None = None) -> list[Entry]:
    """Bundled scenarios, then the files in the user's scenario folder."""
    entries = [_load(sid, sid, "Bundled") for sid in paths.bundled_scenario_ids()]
    folder = user_dir if user_dir is not None else paths.user_scenarios_dir()
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SCENARIO_SUFFIXES)
    except OSError:
        files = []
    entries += [_load(p, p.name, f"Your file: {p.name}") for p in files]
    return entries


def _row(theme: Theme, item: object, width: int, selected: bool) -> pygame.Surface:
    assert isinstance(item, Entry)
    pad = theme.space("md")
    h1, h2 = theme.line_height("label"), theme.line_height("caption")
    surface = pygame.Surface((width, h1 + h2 + 2 * pad), pygame.SRCALPHA)
    inner = width - 2 * pad
    title = ellipsize(theme.font("label"), item.name, inner)
    blit_text(surface, theme.text(title, "label", "text"), pygame.Rect(pad, pad, inner, h1))
    note = item.origin if item.loaded is not None else f"{item.origin} — cannot be played"
    del selected
    colour = "text_dim" if item.loaded is not None else "danger"
    note = ellipsize(theme.font("caption"), note, inner)
    blit_text(surface, theme.text(note, "caption", colour), pygame.Rect(pad, pad + h1, inner, h2))
    return surface


def _measure(theme: Theme, item: object, width: int) -> int:
    del item, width
    return theme.line_height("label") + theme.line_height("caption") + 2 * theme.space("md")


def _notice(ctx: Context, title: str, text: str) -> Dialog:
    return Dialog(
        ctx, "picker.notice", title, text, [("picker.notice.ok", "OK")], cancel="picker.notice.ok"
    )


def _make_way(game: Scene) -> Transition:
    """The seats screen's Start: close it, and have the picker below give way to the game."""
    return Pop(Replace(game))


class PickerScene(Scene):
    """Choose the scenario; Choose goes on to the seats."""

    title = "Choose a scenario"
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        KeyBinding("escape", "back", "Back to the title"),
        KeyBinding("ctrl+return", "choose", "Play the chosen scenario"),
    )

    def __init__(
        self,
        ctx: Context,
        *,
        preselect: LoadedScenario | None = None,
        seats: Mapping[str, Seat] | None = None,
        seed: int | None = None,
        entries: list[Entry] | None = None,
        seats_scene: SeatsFactory | None = None,
    ) -> None:
        super().__init__(ctx)
        self.seats_scene = seats_scene  # the host's seats screen (None: a game at this machine)
        self.seats = seats
        self.seed = seed
        self.entries = entries if entries is not None else discover()
        if preselect is not None and not any(
            e.loaded is not None and e.loaded.path == preselect.path for e in self.entries
        ):
            self.entries.insert(
                0, Entry(preselect.scenario.title, f"File: {preselect.name}", preselect)
            )
        self.backdrop = Backdrop()
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.heading = self.add(Label("picker.title", "Choose a scenario", style="heading"))
        self.list = self.add(
            ListView(
                "picker.list",
                self.entries,
                render_row=_row,
                measure_row=_measure,
                empty_text="No scenario found.",
            )
        )
        self.folder = paths.user_scenarios_dir()
        self.folder_note = self.add(
            WrappedText(
                "picker.folder",
                f"Your own scenarios (.yaml files) go in:\n{self.folder}",
                style="caption",
                color="text_dim",
            )
        )
        self.open_folder = self.add(
            Button(
                "picker.open-folder",
                "Open the folder",
                tooltip="Opens your scenario folder in the file manager (made if missing)",
            )
        )
        self.detail = self.add(ScrollPanel("picker.detail"))
        self.doc = Document(self.detail, "picker.doc")
        self.back = self.add(Button("picker.back", "Back"))
        self.choose = self.add(Button("picker.choose", "Choose", variant="primary"))
        first = 0
        if preselect is not None:
            first = next(
                (
                    i
                    for i, e in enumerate(self.entries)
                    if e.loaded is not None and e.loaded.scenario.id == preselect.scenario.id
                ),
                0,
            )
        self.list.selected = first if self.entries else None
        self.show(self.list.selected)
        self.focus(self.list)

    def chosen(self) -> Entry | None:
        """The entry selected in the list."""
        i = self.list.selected
        return self.entries[i] if i is not None and 0 <= i < len(self.entries) else None

    def show(self, index: int | None) -> None:
        """Fill the detail panel for an entry."""
        self.doc.clear()
        self._fill(index)
        if self.detail.rect.width:
            self.detail.scroll = 0
            self.doc.arrange()

    def _fill(self, index: int | None) -> None:
        entry = self.entries[index] if index is not None and index < len(self.entries) else None
        self.choose.enabled = entry is not None and entry.loaded is not None
        if entry is None:
            return
        if entry.loaded is None:
            self.doc.heading("This file cannot be played", gap="xs")
            self.doc.text(
                "Fix these mistakes in the file, then open the picker again:", "body", "text_dim"
            )
            for error in entry.errors:
                self.doc.text(error, "caption", "danger", gap="sm")
            return
        sc = entry.loaded.scenario
        self.doc.heading(sc.title, gap="xs", style="subheading")
        self.doc.text(entry.origin, "caption", "text_dim", gap="xs")
        self.doc.text(sc.summary.strip(), "body", gap="md")
        self.doc.heading("The decision", gap="lg")
        self.doc.text(sc.decision_point.strip(), "body")
        self.doc.heading("Delegations", gap="lg")
        self.doc.text(", ".join(a.name for a in sc.playable), "body")
        self.doc.heading("The week", gap="lg")
        for rnd in sc.rounds:
            self.doc.text(f"{rnd.date}  ·  {rnd.name}, {rnd.city}", "body", gap="xs")

    def layout(self, rect: pygame.Rect) -> None:
        t = self.theme
        self.panel = layout.pad(rect, t.space("xl") if rect.width > t.px(900) else t.space("md"))
        inner = layout.pad(self.panel, t.space("lg"))
        head, body, foot = layout.column(
            inner, [t.line_height("heading"), layout.Flex(), t.control_height()], t.space("lg")
        )
        self.heading.rect = head
        # The folder for the player's own files is always in view: under the list when
        # the list and the details stand side by side, between them when stacked.
        if body.width >= t.px(760):
            left, self.detail.rect = layout.row(
                body, [layout.Flex(2), layout.Flex(3)], t.space("lg")
            )
            note_h = self.folder_note.height_for(left.width)
            self.list.rect, self.folder_note.rect = layout.column(
                left, [layout.Flex(), note_h], t.space("sm")
            )
        else:
            note_h = self.folder_note.height_for(body.width)
            self.list.rect, self.folder_note.rect, self.detail.rect = layout.column(
                body, [layout.Flex(1), note_h, layout.Flex(1)], t.space("md")
            )
        self.doc.arrange()
        buttons = (self.open_folder, self.back, self.choose)
        widths = [max(t.px(120), b.preferred_size()[0]) for b in buttons]
        self.open_folder.rect, _, self.back.rect, self.choose.rect = layout.row(
            foot, [widths[0], layout.Flex(), *widths[1:]], t.space("md")
        )

    def draw_background(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.theme)
        draw_box(surface, self.theme, self.panel, "surface", radius="lg")

    def go(self) -> Transition | None:
        """On to the seats with the chosen scenario."""
        entry = self.chosen()
        if entry is None or entry.loaded is None:
            return None
        make = self.seats_scene or SeatsScene
        return Push(make(self.ctx, entry.loaded, seats=self.seats, seed=self.seed, then=_make_way))

    def on_resume(self, result: object) -> Transition | None:
        if isinstance(result, Replace):  # the seats started a game: it takes this place
            return result
        return super().on_resume(result)

    def reveal_folder(self) -> Transition | None:
        """Open the scenario folder in the file manager (made first if missing)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return Push(_notice(self.ctx, "No scenario folder", f"{self.folder}: {exc}"))
        problem = desktop.open_path(self.folder)
        if problem is not None:
            text = (
                f"The file manager could not be started ({problem}). Your files go in {self.folder}"
            )
            return Push(_notice(self.ctx, "Your scenario folder", text))
        return None

    def on_intent(self, intent: Intent) -> Transition | None:
        if intent.source == "picker.list":
            if intent.kind == "select":
                self.show(self.list.selected)
            elif intent.kind == "activate":
                return self.go()
        elif intent.source == "picker.choose":
            return self.go()
        elif intent.source == "picker.open-folder":
            return self.reveal_folder()
        elif intent.source == "picker.back":
            return Pop()
        return None

    def on_action(self, action: str) -> Transition | None:
        if action == "back":
            return Pop()
        return self.go() if action == "choose" else None
