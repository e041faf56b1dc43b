"""The settings screen: every setting, applied live (a new UI scale lays everything out again)."""

from __future__ import annotations

from typing import ClassVar

import pygame

from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Scene, Transition
from game.ui.kit.settings import AI_PACE_MS, WINDOW_SIZES, Settings
from game.ui.kit.theme import UI_SCALES
from game.ui.kit.widgets.base import Widget, draw_panel
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.dropdown import Dropdown
from game.ui.kit.widgets.label import Label
from game.ui.kit.widgets.scrollpanel import ScrollPanel
from game.ui.kit.widgets.stepper import Stepper
from game.ui.kit.widgets.toggle import Toggle
from game.ui.screens.backdrop import Backdrop

_PACE_LABELS = {"instant": "Instant", "fast": "Fast", "normal": "Normal", "slow": "Slow"}


def _size_label(size: tuple[int, int]) -> str:
    return f"{size[0]} × {size[1]}"


class SettingsScene(Scene):
    """Window, text size, palette, sound and AI pace; changes apply and save at once."""

    title = "Settings"
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (KeyBinding("escape", "back", "Back"),)

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.backdrop = Backdrop()
        self.panel = pygame.Rect(0, 0, 0, 0)
        s = ctx.settings
        self.heading = self.add(Label("settings.title", "Settings", style="heading"))
        sizes = list(WINDOW_SIZES)
        if s.window_size not in sizes:
            sizes.insert(0, s.window_size)
        self.rows: list[tuple[Label, Widget]] = []
        # The rows scroll when the window is too small for them at a large text size.
        self.form = self.add(ScrollPanel("settings.form"))
        self._row(
            "Window size",
            Dropdown(
                "settings.window",
                [(size, _size_label(size)) for size in sizes],
                sizes.index(s.window_size),
                tooltip="The size of the game window (when not full screen)",
                enabled=not s.fullscreen,
            ),
        )
        self._row(
            "Full screen",
            Toggle("settings.fullscreen", s.fullscreen, tooltip="Also F11 or Alt+Enter"),
        )
        self._row(
            "Text size",
            Stepper(
                "settings.scale",
                [(scale, f"{round(scale * 100)}%") for scale in UI_SCALES],
                UI_SCALES.index(s.ui_scale),
                tooltip="Larger text and controls, for a classroom projector",
            ),
        )
        self._row(
            "Colour-blind palette",
            Toggle(
                "settings.colour_blind",
                s.colour_blind,
                tooltip="Colours that stay distinct with any colour vision",
            ),
        )
        self._row("Sound", Toggle("settings.sound", s.sound))
        paces = list(AI_PACE_MS)
        self._row(
            "AI delegates' pace",
            Dropdown(
                "settings.ai_pace",
                [(pace, _PACE_LABELS.get(pace, pace.title())) for pace in paces],
                paces.index(s.ai_pace),
                tooltip="How long an AI delegate takes before its move is shown (any key skips)",
            ),
        )
        self.done = self.add(Button("settings.done", "Done", variant="primary"))

    def _row(self, text: str, control: Widget) -> None:
        label = self.form.add(Label(f"{control.id}.label", text, style="label"))
        self.rows.append((label, self.form.add(control)))

    # -- layout ------------------------------------------------------------------------
    def _spacing(self, rect: pygame.Rect, rows_h: int, heading_h: int) -> tuple[int, int, int]:
        """(row gap, panel padding, gap under the heading): roomy if it fits, tighter if not."""
        t = self.theme
        for gap, pad, head in (("md", "xl", "xl"), ("sm", "lg", "md"), ("xs", "md", "sm")):
            sizes = (t.space(gap), t.space(pad), t.space(head))
            rows = rows_h + sizes[0] * (len(self.rows) - 1)
            if heading_h + sizes[2] + rows + 2 * sizes[1] <= rect.height - 2 * t.space("sm"):
                return sizes
        return sizes

    def layout(self, rect: pygame.Rect) -> None:
        t = self.theme
        control_h = t.control_height()
        heading_h = max(t.line_height("heading"), control_h)
        rows_min = control_h * len(self.rows) + 2 * self.form.inset()
        gap, pad, head_gap = self._spacing(rect, rows_min, heading_h)
        width = min(t.px(680), rect.width - 2 * t.space("lg"))
        label_w = max(label.preferred_size()[0] for label, _ in self.rows)
        control_w = max(control.preferred_size()[0] for _, control in self.rows)
        # Side by side if label and control fit on one line, else each label above its control.
        stacked = label_w + t.space("xl") + control_w > width - 2 * pad
        row_h = control_h + (t.line_height("label") + t.space("xs") if stacked else 0)
        rows_h = layout.stack_height([row_h] * len(self.rows), gap)
        form_h = self.form.height_for(rows_h)
        height = min(heading_h + head_gap + form_h + 2 * pad, rect.height - 2 * t.space("sm"))
        self.panel = layout.centred((width, height), rect)
        inner = layout.pad(self.panel, pad)
        head, _, body = layout.column(inner, [heading_h, head_gap, layout.Flex()])
        done_w = max(t.px(120), self.done.preferred_size()[0])
        self.heading.rect, slot = layout.row(head, [layout.Flex(), done_w], t.space("md"))
        self.done.rect = pygame.Rect(slot.left, head.centery - control_h // 2, done_w, control_h)
        self.form.rect = body
        content_w = body.width if form_h <= body.height else self.form.content_width()
        for i, (label, control) in enumerate(self.rows):
            line = pygame.Rect(0, i * (row_h + gap), content_w, row_h)
            if stacked:
                label.rect = pygame.Rect(0, line.top, content_w, t.line_height("label"))
                slot = pygame.Rect(0, line.bottom - control_h, content_w, control_h)
            else:
                label.rect, _, slot = layout.row(line, [label_w, t.space("xl"), layout.Flex()])
            control.rect = pygame.Rect(slot)
            if isinstance(control, Toggle):
                control.rect.width = min(slot.width, control.preferred_size()[0])
        self.form.arrange()

    # -- behaviour ---------------------------------------------------------------------
    def _apply(self, settings: Settings) -> None:
        self.ctx.apply_settings(settings)

    def on_intent(self, intent: Intent) -> Transition | None:
        s = self.ctx.settings
        changes: dict[str, object] = {
            "settings.window": {"window_size": intent.value},
            "settings.fullscreen": {"fullscreen": intent.value},
            "settings.scale": {"ui_scale": intent.value},
            "settings.colour_blind": {"colour_blind": intent.value},
            "settings.sound": {"sound": intent.value},
            "settings.ai_pace": {"ai_pace": intent.value},
        }
        if intent.source == "settings.done":
            return Pop()
        change = changes.get(intent.source)
        if isinstance(change, dict) and intent.kind == "change":
            self._apply(s.with_(**change))
        return None

    def on_action(self, action: str) -> Transition | None:
        return Pop() if action == "back" else None

    def on_settings_changed(self, settings: Settings) -> None:
        """Show values changed elsewhere (F11, Ctrl+plus) in the controls."""
        for wid, value in (
            ("settings.window", settings.window_size),
            ("settings.scale", settings.ui_scale),
            ("settings.ai_pace", settings.ai_pace),
        ):
            control = self.widget(wid)
            if isinstance(control, Dropdown | Stepper):
                control.select_value(value)
        for wid, flag in (
            ("settings.fullscreen", settings.fullscreen),
            ("settings.colour_blind", settings.colour_blind),
            ("settings.sound", settings.sound),
        ):
            toggle = self.widget(wid)
            if isinstance(toggle, Toggle):
                toggle.value = flag
        self.widget("settings.window").enabled = not settings.fullscreen

    # -- drawing -----------------------------------------------------------------------
    def draw_background(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.theme)
        draw_panel(surface, self.theme, self.panel, accent="danger")
