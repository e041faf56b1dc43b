"""The first game's "how to play" card: six steps, each pointing at the part of the table.

It opens by itself the first time a person reaches the table (the settings
remember that it was seen), and again with F2 from the table (the F1 help lists
the key).  Next and Back page through it; Skip, Esc or the last step's button
close it.  It changes nothing in the game.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Protocol

import pygame

from game.engine import PublicView
from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Scene, Transition
from game.ui.kit.theme import Theme
from game.ui.kit.widgets.base import draw_focus_ring, draw_panel
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.label import Label, WrappedText
from game.ui.screens.table.actionbar import ActionBar
from game.ui.screens.table.board import BoardView
from game.ui.screens.table.topbar import TopBar


class Table(Protocol):
    """What the card reads of the table: where its parts are (it changes nothing)."""

    board_frame: pygame.Rect

    @property
    def pv(self) -> PublicView: ...

    @property
    def topbar(self) -> TopBar: ...

    @property
    def board(self) -> BoardView: ...

    @property
    def bar(self) -> ActionBar: ...

    @property
    def theme(self) -> Theme: ...

    def show_tab(self, tab: str) -> None: ...


@dataclass(frozen=True, slots=True)
class Step:
    title: str
    text: str
    target: Callable[[Table], pygame.Rect]  # the part of the table it explains
    tab: str = ""  # the panel a narrow window must show for it ("" for the top bar)


def _on_board(table: Table, prefix: str) -> pygame.Rect:
    """A line of the board, if it is in view (else the whole board)."""
    found = table.board.find(prefix).inflate(8, 6).clip(table.board_frame)
    if found.height < table.theme.line_height("caption"):  # scrolled out of view
        return pygame.Rect(table.board_frame)
    return found


def _steps(war: float) -> tuple[Step, ...]:
    return (
        Step(
            "The goal",
            "Reach a package of terms that your delegation values above walking away — and "
            "that the others accept — before the last round ends. The top bar says where the "
            "talks are and how many turns are left.",
            lambda s: s.topbar.rect,
        ),
        Step(
            "The tension meter",
            f"Hostile words, threats, carried-out levers and walk-outs raise tension; "
            f"agreements and conciliatory words lower it. At {war:.0f} the crisis escalates "
            "and the game ends badly for everyone. Rest the pointer on it for its last changes.",
            lambda s: s.topbar.meter_rect(),
        ),
        Step(
            "Proposals and acceptance",
            "Propose a package (P): an option for some of the issues on this round's agenda. "
            "It goes on the board; when every delegation at the table accepts it (A), its "
            "terms are agreed.",
            lambda s: _on_board(s, "ON THE TABLE"),
            "board",
        ),
        Step(
            "Consent across venues",
            "Some issues need delegations that are not at this table (\u201cNeeds …\u201d on "
            "the board). Agreed here, they stay provisional until those delegations accept "
            "them in a later round.",
            lambda s: _on_board(s, "Needs "),
            "board",
        ),
        Step(
            "Red lines",
            "A red line is an option a delegation will never accept. On the board, \u00d7 "
            "marks the public ones; your own, public and secret, are in your briefing (B). "
            "The proposal builder and Accept warn you before you cross one.",
            lambda s: _on_board(s, "\u00d7 "),
            "board",
        ),
        Step(
            "Your move",
            "Your moves are here; every move and what was said goes into the transcript. "
            "F1 lists every key; F2 shows this card again.",
            lambda s: s.bar.rect,
            "move",
        ),
    )


class HowToPlay(Scene):
    """A modal card over the table; ``table`` is only read, for where its parts are."""

    modal = True
    title = "How to play"
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        KeyBinding("escape", "close", "Close the card"),
        KeyBinding("right", "next", "Next step"),
        KeyBinding("left", "back", "Previous step"),
    )

    def __init__(self, ctx: Context, table: Table) -> None:
        super().__init__(ctx)
        self.table = table
        self.steps = _steps(table.pv.trackers.war_threshold)
        self.index = 0
        self.card = pygame.Rect(0, 0, 0, 0)
        self.counter = self.add(Label("howto.counter", "", style="overline", color="accent"))
        self.heading = self.add(Label("howto.title", "", style="subheading"))
        self.body = self.add(WrappedText("howto.text", ""))
        self.skip = self.add(Button("howto.skip", "Skip", variant="ghost"))
        self.back = self.add(Button("howto.back", "Back"))
        self.next = self.add(Button("howto.next", "Next", variant="primary"))
        self.show(0)

    def show(self, index: int) -> None:
        """Turn to step ``index``."""
        self.index = max(0, min(index, len(self.steps) - 1))
        step = self.steps[self.index]
        if step.tab:
            self.table.show_tab(step.tab)  # a narrow window shows one panel at a time
        self.counter.text = f"HOW TO PLAY  ·  STEP {self.index + 1} OF {len(self.steps)}"
        self.heading.text = step.title
        self.body.text = step.text
        self.back.enabled = self.index > 0
        last = self.index == len(self.steps) - 1
        self.next.text = "Start playing" if last else "Next"
        self.focus(self.next)
        if self.rect.width:
            self.relayout(self.rect)

    def target(self) -> pygame.Rect:
        """The part of the table the current step explains (empty if it is not shown)."""
        return pygame.Rect(self.steps[self.index].target(self.table))

    def layout(self, rect: pygame.Rect) -> None:
        t = self.theme
        width = min(t.px(460), rect.width - 2 * t.space("md"))
        pad = t.space("lg")
        inner_w = width - 2 * pad
        heights = [
            t.line_height("overline"),
            t.line_height("subheading"),
            self.body.height_for(inner_w),
            t.control_height(),
        ]
        height = layout.stack_height(heights, t.space("sm")) + 2 * pad
        self.card = self._place((width, height), rect, self.target())
        boxes = layout.column(layout.pad(self.card, pad), heights, t.space("sm"))
        self.counter.rect, self.heading.rect, self.body.rect, foot = boxes
        widths = [max(t.px(90), b.preferred_size()[0]) for b in (self.skip, self.back, self.next)]
        self.skip.rect, _, self.back.rect, self.next.rect = layout.row(
            foot, [widths[0], layout.Flex(), widths[1], widths[2]], t.space("sm")
        )

    def _place(
        self, size: tuple[int, int], screen: pygame.Rect, target: pygame.Rect
    ) -> pygame.Rect:
        """Beside the target (below, above, left or right, whichever fits), inside the window."""
        gap = self.theme.space("md")
        card = pygame.Rect((0, 0), size)
        if target.width <= 0 or target.height <= 0:
            return card.move(screen.centerx - size[0] // 2, screen.centery - size[1] // 2)
        spots = [
            (target.centerx - size[0] // 2, target.bottom + gap),
            (target.centerx - size[0] // 2, target.top - gap - size[1]),
            (target.left - gap - size[0], target.centery - size[1] // 2),
            (target.right + gap, target.centery - size[1] // 2),
        ]
        inside = screen.inflate(-2 * gap, -2 * gap)
        for x, y in spots:
            spot = card.move(x, y).clamp(inside)
            if not spot.colliderect(target):
                return spot
        return card.move(screen.centerx - size[0] // 2, screen.centery - size[1] // 2)

    def draw_background(self, surface: pygame.Surface) -> None:
        target = self.target()
        if target.width > 0 and target.height > 0:
            draw_focus_ring(surface, self.theme, target, "md")
        draw_panel(surface, self.theme, self.card, border="accent")

    def close(self) -> Transition:
        """Remember that the card was seen, and go back to the table."""
        settings = self.ctx.settings
        if not settings.how_to_play_seen:
            self.ctx.apply_settings(settings.with_(how_to_play_seen=True))
        return Pop()

    def on_intent(self, intent: Intent) -> Transition | None:
        if intent.source == "howto.next":
            if self.index == len(self.steps) - 1:
                return self.close()
            self.show(self.index + 1)
        elif intent.source == "howto.back":
            self.show(self.index - 1)
        elif intent.source == "howto.skip":
            return self.close()
        return None

    def on_action(self, action: str) -> Transition | None:
        if action == "close":
            return self.close()
        if action in ("next", "back"):
            self.show(self.index + (1 if action == "next" else -1))
        return None
