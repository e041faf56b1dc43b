"""The delegations panel: each delegation's colour, seat, whether it is at the table, its stance.

Only public facts: who sits where, the last thing each delegation did in the
open, and its public trackers.  Nothing of anyone's briefing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pygame

from game.engine import EventKind, PublicView
from game.session.seats import Seat
from game.ui.kit.text import ellipsize, wrap_lines
from game.ui.kit.widgets.base import TextFit, Widget, blit_text, draw_box
from game.ui.screens.common import actor_colour, current_round, names_list, seat_text

_STANCE_KINDS = {
    EventKind.STATEMENT,
    EventKind.PROPOSAL,
    EventKind.ACCEPTED,
    EventKind.REJECTED,
    EventKind.THREAT,
    EventKind.LEVER_USED,
    EventKind.WALKOUT,
    EventKind.PASS,
}


NO_MOVE = "No move yet"
# What the trackers mean, where they are shown (the cards' tooltip; the terminal says the same).
TRACKERS_EXPLAINED = (
    "Credibility: whether its threats are believed (falls when a threat is not carried out). "
    "Support: backing at home (low support can block ratification). "
    "Cohesion: the unity of its alliance (falls when an ally's issue is settled without it). "
    "Trust: between two delegations (agreements raise it; threats and hostility lower it)."
)


@dataclass(frozen=True, slots=True)
class Card:
    """What one delegation's card says."""

    actor: str
    name: str
    tag: str  # "You", "Human", "AI · normal"
    delegate: str
    status: str
    status_colour: str
    stance: str
    trackers: str  # credibility and support
    cohesion: str


def cards(pv: PublicView, seats: Mapping[str, Seat], viewer: str | None) -> list[Card]:
    """A card for each playable delegation, in the scenario's order."""
    rnd = current_round(pv)
    last: dict[str, str] = {}
    for event in pv.log:
        if event.kind in _STANCE_KINDS and event.actor:
            last[event.actor] = " ".join(event.text.split())  # whole: the tooltip shows it
    out = []
    for actor in pv.actors:
        if not actor.playable:
            continue
        a = actor.id
        seat = seats.get(a)
        tag = "You" if a == viewer else seat_text(seat) if seat is not None else "AI"
        if pv.to_move == a:
            status, colour = "To move", "accent"
        elif a in pv.walked_out:
            status, colour = "Walked out of this round", "warning"
        elif a in rnd.participants:
            status, colour = "At the table", "text_dim"
        else:
            status, colour = "Not at this table", "text_disabled"
        tr = pv.trackers
        trackers = (
            f"Credibility {tr.credibility.get(a, 0):.0f}  ·  Support {tr.support.get(a, 0):.0f}"
        )
        cohesion = f"Cohesion {tr.cohesion.get(a, 0):.0f}"
        delegate = actor.delegate.split("(")[0].strip().rstrip(",")
        stance = last.get(a, NO_MOVE)
        out.append(
            Card(a, actor.short_name, tag, delegate, status, colour, stance, trackers, cohesion)
        )
    return out


def trust_line(pv: PublicView) -> str:
    """Trust between each pair of playable delegations, as the terminal shows it."""
    playable = {a.id for a in pv.actors if a.playable}
    names = {a.id: a.short_name or a.name for a in pv.actors}
    pairs = [
        f"{names[a]}–{names[b]} {v:.0f}"
        for (a, b), v in pv.trackers.trust.items()
        if a in playable and b in playable
    ]
    return f"Trust: {'  ·  '.join(pairs)}" if pairs else ""


class DelegationsPanel(Widget):
    """A column of delegation cards, and who else is in the room."""

    def __init__(self, id: str) -> None:
        super().__init__(id)
        self.pv: PublicView | None = None
        self.cards: list[Card] = []
        self.others = ""
        self.trust = ""
        # The panel painted once for what it shows, then blitted: most frames change none of it.
        self._picture: pygame.Surface | None = None
        self._shown: tuple[object, ...] = ()
        self._ahead: tuple[tuple[object, ...], pygame.Surface] | None = None  # a view to come

    def set_view(self, pv: PublicView, seats: Mapping[str, Seat], viewer: str | None) -> None:
        """Show this state of the table."""
        self.pv = pv
        self.cards = cards(pv, seats, viewer)
        others = [a.id for a in pv.actors if not a.playable]
        self.others = f"Also concerned: {names_list(pv, others)}" if others else ""
        self.trust = trust_line(pv)

    def prepare(self, pv: PublicView, seats: Mapping[str, Seat], viewer: str | None) -> None:
        """Paint now the panel that ``set_view(pv, seats, viewer)`` will show (the table
        calls this while it paces a decided move): the frame that shows it blits it."""
        if self.pv is None:
            return
        shown = (self.pv, self.cards, self.others, self.trust)
        self.set_view(pv, seats, viewer)
        try:
            if self._key() != self._shown:
                self._ahead = (self._key(), self._paint())
        finally:
            self.pv, self.cards, self.others, self.trust = shown

    def _key(self) -> tuple[object, ...]:
        """Everything the panel's picture is painted from."""
        t = self.theme
        return (tuple(self.cards), self.others, self.trust, self.rect.size, t.version, t.palette)

    def _lines(self) -> list[tuple[str, str]]:
        """(style, sample text) of a card's lines, top to bottom."""
        return [("label", "X"), *[("caption", "X")] * 4]

    def card_height(self) -> int:
        """Height of one card."""
        t = self.theme
        return sum(t.line_height(s) for s, _ in self._lines()) + 2 * t.space("sm")

    def _card_rects(self) -> list[pygame.Rect]:
        t = self.theme
        h = self.card_height()
        y = self.rect.top
        out = []
        for _ in self.cards:
            out.append(pygame.Rect(self.rect.left, y, self.rect.width, h))
            y += h + t.space("sm")
        return out

    def _text_boxes(
        self, card: Card, rect: pygame.Rect
    ) -> list[tuple[str, str, str, pygame.Rect, str]]:
        t = self.theme
        inner = rect.inflate(-2 * t.space("md"), -2 * t.space("sm"))
        inner.left += t.px(6)
        inner.width -= t.px(6)
        y = inner.top
        h_label = t.line_height("label")
        tag_w = t.text_size(card.tag, "caption")[0] + 2 * t.space("sm")
        name_box = pygame.Rect(inner.left, y, max(1, inner.width - tag_w - t.space("sm")), h_label)
        tag_box = pygame.Rect(inner.right - tag_w, y, tag_w, h_label)
        y += h_label
        out = [
            (card.name, "label", "text", name_box, "left"),
            (card.tag, "caption", "accent" if card.tag == "You" else "text_dim", tag_box, "center"),
        ]
        h = t.line_height("caption")
        for text, colour in (
            (card.status, card.status_colour),
            (card.stance, "text"),
            (card.trackers, "text_dim"),
            (card.cohesion, "text_dim"),
        ):
            out.append(
                (text, "caption", colour, pygame.Rect(inner.left, y, inner.width, h), "left")
            )
            y += h
        return out

    def card_at(self, pos: tuple[int, int]) -> Card | None:
        """The card under the pointer, if any."""
        for card, rect in zip(self.cards, self._card_rects(), strict=True):
            if rect.collidepoint(pos) and rect.bottom <= self.rect.bottom:
                return card
        return None

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            # A card has room for one line of its last move; the pointer shows all of it.
            card = self.card_at(event.pos)
            if card is None:
                self.tooltip = None
            else:
                said = f"{card.name}: {card.stance}\n\n" if card.stance != NO_MOVE else ""
                self.tooltip = f"{said}{card.trackers}  ·  {card.cohesion}\n{TRACKERS_EXPLAINED}"
        return bool(super().handle_event(event))

    def draw(self, surface: pygame.Surface) -> None:
        if self.pv is None:
            return
        shown = self._key()
        if self._picture is None or shown != self._shown:
            ahead, self._ahead = self._ahead, None
            self._picture = ahead[1] if ahead is not None and ahead[0] == shown else self._paint()
            self._shown = shown
        surface.blit(self._picture, self.rect.topleft)

    def _paint(self) -> pygame.Surface:
        """The panel on the table's background colour, at its own origin (a card that runs
        past the bottom is drawn whole, as it would be on the screen)."""
        placed = self.rect
        self.rect = pygame.Rect((0, 0), placed.size)
        try:
            rects = self._card_rects()
            drawn = [r.bottom for r in rects if r.top < self.rect.bottom]
            picture = pygame.Surface((max(1, placed.width), max(1, placed.height, *drawn)))
            picture.fill(self.theme.color("background"))
            self._draw_cards(picture)
        finally:
            self.rect = placed
        return picture

    def _draw_cards(self, surface: pygame.Surface) -> None:
        t = self.theme
        assert self.pv is not None
        for card, rect in zip(self.cards, self._card_rects(), strict=True):
            if rect.top >= self.rect.bottom:
                break
            moving = card.status == "To move"
            draw_box(surface, t, rect, "panel", border="accent" if moving else "border")
            bar = pygame.Rect(rect.left, rect.top, t.px(6), rect.height)
            pygame.draw.rect(
                surface,
                actor_colour(t, self.pv, card.actor),
                bar,
                border_top_left_radius=t.radius("md"),
                border_bottom_left_radius=t.radius("md"),
            )
            for text, style, colour, box, align in self._text_boxes(card, rect):
                if style == "caption" and align == "center":
                    pygame.draw.rect(surface, t.color("surface"), box, border_radius=t.radius("sm"))
                shown = ellipsize(t.font(style), text, box.width)
                blit_text(surface, t.text(shown, style, colour), box, align)
        if self.others:
            rects = self._card_rects()
            y = (rects[-1].bottom if rects else self.rect.top) + t.space("sm")
            box = pygame.Rect(self.rect.left, y, self.rect.width, t.line_height("caption"))
            if box.bottom <= self.rect.bottom:
                shown = ellipsize(t.font("caption"), self.others, box.width)
                blit_text(surface, t.text(shown, "caption", "text_dim"), box)
        self._draw_trust(surface)

    def _trust_lines(self) -> list[tuple[str, pygame.Rect]]:
        """The trust line, wrapped under the cards (and the others), as far as there is room."""
        t = self.theme
        rects = self._card_rects()
        y = (rects[-1].bottom if rects else self.rect.top) + t.space("sm")
        if self.others:
            y += t.line_height("caption") + t.space("xs")
        h = t.line_height("caption")
        out = []
        for line in (
            wrap_lines(t.font("caption"), self.trust, self.rect.width) if self.trust else []
        ):
            box = pygame.Rect(self.rect.left, y, self.rect.width, h)
            if box.bottom > self.rect.bottom:
                break
            out.append((line, box))
            y += h
        return out

    def _draw_trust(self, surface: pygame.Surface) -> None:
        for line, box in self._trust_lines():
            blit_text(surface, self.theme.text(line, "caption", "text_dim"), box)

    def text_fits(self) -> list[TextFit]:
        fits = []
        for card, rect in zip(self.cards, self._card_rects(), strict=True):
            for text, style, _, box, _ in self._text_boxes(card, rect):
                # Long stances and delegate titles are shortened on purpose (full text in the
                # transcript); the names and tags must fit.
                if style == "label" or box.width < rect.width // 2:
                    fits.append(self._fit(text, style, box))
        return fits

    def all_text(self) -> list[str]:
        """Every text of the panel, for tests of what a screen shows."""
        return [
            text
            for card in self.cards
            for text in (
                card.name,
                card.tag,
                card.delegate,
                card.status,
                card.stance,
                card.trackers,
                card.cohesion,
            )
        ] + [self.others, self.trust]
