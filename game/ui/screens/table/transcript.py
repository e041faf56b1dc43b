"""The transcript: the public record as rows, with what each AI delegate says at the table.

An AI delegate's words are its public *remark*; its rationale (utility,
aspiration, the reasons of secret red lines) stays private until the debrief.
Rows are built from the game's record as its controller gives it (the opening
events, then each move with the events it caused), so that a loaded or undone
game shows the remarks in the right places.  Rendering
wraps each row to the list's width; ``ListView`` caches the results.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import pygame

from game.engine import FACILITATOR, EventKind, GameEvent, PublicView, Statement
from game.session.controller import GameController
from game.session.records import LogEntry, Turn
from game.session.seats import SeatKind
from game.ui.kit.text import ELLIPSIS, ellipsize, wrap_lines
from game.ui.kit.theme import Theme
from game.ui.kit.widgets.base import TextFit, blit_text, draw_box
from game.ui.kit.widgets.listview import ListView
from game.ui.screens.common import actor_colour, delegate_name, prose, short_name

_MINOR = {
    EventKind.TENSION,
    EventKind.PASS,
    EventKind.PROPOSAL_WITHDRAWN,
    EventKind.TIMEOUT,
    EventKind.ROUND_EXTENDED,
}
_GOOD = {EventKind.AGREEMENT, EventKind.BINDING, EventKind.COMMITMENT_KEPT}
_BAD = {
    EventKind.THREAT,
    EventKind.LEVER_USED,
    EventKind.WALKOUT,
    EventKind.ESCALATION,
    EventKind.COMMITMENT_BROKEN,
}
_HEAD = {EventKind.ROUND_CLOSED, EventKind.GAME_OVER}
# A row shows at most this many lines, the last cut with "…": a 100,000-letter opening
# would otherwise be one row tens of thousands of pixels tall (a surface of ~100 MB).
MAX_ROW_LINES = 60


@dataclass(frozen=True, slots=True)
class Row:
    """One transcript row: who, what kind, the text, and its colours."""

    kind: str  # an EventKind value, or "remark" (an AI delegate's words)
    actor: str
    speaker: str  # shown above the text ("" for none)
    text: str
    round: int


def _row(pv: PublicView, event: GameEvent) -> Row:
    speaker = ""
    if event.kind is EventKind.QUOTE:
        speaker = short_name(pv, event.actor) if event.actor else ""
        if speaker and event.text.startswith(speaker):  # "US: …" under "US" says it twice
            speaker = ""
    elif event.kind is EventKind.ROUND_OPENED:
        speaker = f"ROUND {event.round} OPENS"
    return Row(str(event.kind), event.actor, speaker, prose(event.text), event.round)


def turn_rows(pv: PublicView, events: Sequence[GameEvent], entry: LogEntry) -> list[Row]:
    """The rows of one move: its events, and an AI delegate's remark after the first.

    Never the rationale: it holds the delegate's private numbers and secret reasons.
    """
    rows = [_row(pv, e) for e in events]
    actor = entry.action.actor
    if actor == FACILITATOR and rows:
        rows[0] = replace(rows[0], speaker="Facilitator")
    elif entry.by is not SeatKind.HUMAN and entry.remark and type(entry.action) is not Statement:
        # (a statement's words are already its own row)
        who = f"{delegate_name(pv, actor)} ({short_name(pv, actor)})"
        rnd = events[0].round if events else pv.round_number
        note = Row("remark", actor, who, f"“{entry.remark}”", rnd)
        rows.insert(min(1, len(rows)), note)
    return rows


def game_rows(game: GameController) -> list[Row]:
    """Every row of the game so far, remarks placed after the moves they go with."""
    pv = game.public_view()
    rows = [_row(pv, e) for e in game.opening().log]
    rows += rows_of_turns(pv, game.turns_since(0))
    return rows


def rows_of_turns(pv: PublicView, turns: Iterable[Turn]) -> list[Row]:
    """Rows for moves just made."""
    return [row for turn in turns for row in turn_rows(pv, turn.events, turn.entry)]


def look(row: Row) -> tuple[str, str]:
    """(text style, colour name) of a row."""
    kind = row.kind
    if kind in ("remark", EventKind.QUOTE):
        return "body_italic", "text"
    if kind == EventKind.BOOKMARK:
        return "body", "accent"
    if kind in _MINOR:
        return "caption", "text_dim"
    if kind in _GOOD:
        return "body", "ok"
    if kind in _BAD:
        return "body", "warning"
    if kind in _HEAD:
        return "label", "accent"
    return "body", "text"


def _cut(theme: Theme, style: str, lines: list[str], width: int) -> list[str]:
    """``lines``, at most ``MAX_ROW_LINES`` of them, the last ending in "…" if some were cut."""
    if len(lines) <= MAX_ROW_LINES:
        return lines
    last = ellipsize(theme.font(style), lines[MAX_ROW_LINES - 1] + ELLIPSIS, width)
    return [*lines[: MAX_ROW_LINES - 1], last]


class TranscriptView(ListView):
    """A ListView of transcript rows of varying height, newest at the bottom."""

    def __init__(self, id: str, pv: PublicView) -> None:
        super().__init__(
            id,
            [],
            render_row=self._render,
            measure_row=self._measure,
            empty_text="The talks have not started.",
        )
        self.pv = pv
        self.unseen = 0  # rows added below while the reader was scrolled up
        # By the row's value, never its id(): an undo rebuilds every row as a new object,
        # and a freed row's id comes back for a new one (its height would be wrong).
        self._heights: dict[Row, tuple[int, int, int]] = {}
        # Rows of a move still to come, rendered ahead (``prepare``), by (row, width, look).
        self._ahead: dict[tuple[Row, int, int], pygame.Surface] = {}

    def _pad(self, theme: Theme) -> tuple[int, int, int]:
        """(left inset after the colour bar, right inset, vertical padding)."""
        return theme.space("md") + theme.px(4), theme.space("sm"), theme.space("xs") + 1

    def _lines(self, theme: Theme, row: Row, width: int) -> tuple[list[str], list[str]]:
        style, _ = look(row)
        left, right, _ = self._pad(theme)
        inner = max(1, width - left - right)
        head = wrap_lines(theme.font("overline"), row.speaker, inner) if row.speaker else []
        return _cut(theme, "overline", head, inner), _cut(
            theme, style, wrap_lines(theme.font(style), row.text, inner), inner
        )

    def _measure(self, theme: Theme, item: object, width: int) -> int:
        assert isinstance(item, Row)
        known = self._heights.get(item)
        if known is not None and known[0] == width and known[1] == theme.version:
            return known[2]
        head, lines = self._lines(theme, item, width)
        style, _ = look(item)
        _, _, pad_y = self._pad(theme)
        height = (
            len(head) * theme.line_height("overline")
            + len(lines) * theme.line_height(style)
            + 2 * pad_y
        )
        if len(self._heights) > 50_000:
            self._heights.clear()
        self._heights[item] = (width, theme.version, height)
        return height

    def prepare(self, rows: Sequence[Row]) -> None:
        """Measure and render now the rows of a move still to come: the frame in which it
        lands then appends them ready (the table calls this while it paces the move)."""
        if self.rect.width <= 0:
            return
        theme, width = self.theme, self._row_width()
        if len(self._ahead) > 256:  # rows of moves that never landed (an undo, a reload)
            self._ahead.clear()
        for row in rows:
            self._ahead[(row, width, theme.version)] = self._paint(theme, row, width)

    def _render(self, theme: Theme, item: object, width: int, selected: bool) -> pygame.Surface:
        del selected
        assert isinstance(item, Row)
        ready = self._ahead.pop((item, width, theme.version), None)
        return ready if ready is not None else self._paint(theme, item, width)

    def _paint(self, theme: Theme, item: Row, width: int) -> pygame.Surface:
        height = self._measure(theme, item, width)
        surface = pygame.Surface((width, height), pygame.SRCALPHA)
        left, _, pad_y = self._pad(theme)
        style, colour = look(item)
        if item.actor and item.actor in {a.id for a in self.pv.actors}:
            bar = pygame.Rect(theme.space("xs"), pad_y, theme.px(4), height - 2 * pad_y)
            pygame.draw.rect(surface, actor_colour(theme, self.pv, item.actor), bar)
        head, lines = self._lines(theme, item, width)
        y = pad_y
        for line in head:
            surface.blit(theme.text(line, "overline", "accent"), (left, y))
            y += theme.line_height("overline")
        for line in lines:
            if line:
                surface.blit(theme.text(line, style, colour), (left, y))
            y += theme.line_height(style)
        return surface

    # -- following new moves -------------------------------------------------------------
    def append(self, item: object, *, follow: bool = True) -> None:
        """A new row: followed when the reader is at the end, else counted for the marker."""
        at_end = self.at_end()
        super().append(item, follow=follow)
        if not (follow and at_end):
            self.unseen += 1

    def marker_text(self) -> str:
        """The "new moves below" marker's words ("" when nothing new is out of view)."""
        if self.scroll >= self.max_scroll():
            self.unseen = 0
        if not self.unseen:
            return ""
        return f"New moves below ({self.unseen}) — click to follow"

    def marker_rect(self) -> pygame.Rect | None:
        text = self.marker_text()
        if not text:
            return None
        t = self.theme
        w = min(
            self.rect.width - 2 * t.space("sm"), t.text_size(text, "label")[0] + 2 * t.space("md")
        )
        h = t.line_height("label") + 2 * t.space("xs")
        return pygame.Rect(self.rect.centerx - w // 2, self.rect.bottom - h - t.space("sm"), w, h)

    def follow(self) -> None:
        """Scroll to the newest row and follow new ones again."""
        self.scroll = self.max_scroll()
        self.unseen = 0

    def handle_event(self, event: pygame.event.Event) -> bool:
        marker = self.marker_rect()
        if (
            marker is not None
            and event.type == pygame.MOUSEBUTTONDOWN
            and event.button == 1
            and marker.collidepoint(event.pos)
        ):
            self.follow()
            return True
        return bool(super().handle_event(event))

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        marker = self.marker_rect()
        if marker is not None:
            t = self.theme
            draw_box(surface, t, marker, "accent", border=None, radius="md")
            blit_text(surface, t.text(self.marker_text(), "label", "accent_text"), marker, "center")

    def text_fits(self) -> list[TextFit]:
        fits = list(super().text_fits())
        marker = self.marker_rect()
        if marker is not None:
            fits.append(self._fit(self.marker_text(), "label", marker))
        for i in self.visible_range():
            row = self.items[i]
            assert isinstance(row, Row)
            fits.append(TextFit(self.id, row.text, (0, 0), self.row_rect(i)))
        return fits

    def all_text(self) -> list[str]:
        """Every row's text (for tests of what a screen shows)."""
        return [f"{r.speaker} {r.text}" for r in self.items if isinstance(r, Row)]
