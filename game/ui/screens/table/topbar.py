"""The table's top bar: venue, city and date, round and turn, the turn timer, the tension meter."""

from __future__ import annotations

import pygame

from game.engine import PublicView
from game.ui.kit.text import ellipsize
from game.ui.kit.widgets.base import TextFit, Widget, blit_text, draw_box
from game.ui.screens.common import current_round
from game.ui.screens.tension import TensionChange, tension_changes

LAST_CHANGES = 5  # the changes the tension meter's tooltip lists


class TopBar(Widget):
    """Round name and place on the left, progress in the middle, tension on the right."""

    def __init__(self, id: str) -> None:
        super().__init__(id)
        self.pv: PublicView | None = None
        self.clock = ""  # the turn timer ("0:35 left", "PAUSED"), "" when none runs
        self.urgent = False
        self.changes: list[TensionChange] = []  # the last changes of tension, oldest first

    def set_view(self, pv: PublicView, start: float | None = None) -> None:
        """Show this state of the table; ``start`` (the opening tension) explains the meter."""
        self.pv = pv
        if start is not None:
            self.changes = tension_changes(pv.log, start)[-LAST_CHANGES:]

    def meter_tip(self) -> str:
        """The meter's tooltip: what tension is, and what moved it last."""
        war = self.pv.trackers.war_threshold if self.pv is not None else 100
        lines = [f"Tension: at {war:.0f} the crisis escalates and the game ends. Last changes:"]
        lines += [c.line() for c in reversed(self.changes)] or ["none yet"]
        return "\n".join(lines)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            # Only the meter explains itself; the rest of the bar needs no tooltip.
            on_meter = self.rect.width > 0 and self.meter_rect().collidepoint(event.pos)
            self.tooltip = self.meter_tip() if on_meter else None
        return bool(super().handle_event(event))

    def set_clock(self, text: str, urgent: bool) -> None:
        """Show the countdown (urgent: the last seconds, drawn in red)."""
        self.clock, self.urgent = text, urgent

    # -- the texts ---------------------------------------------------------------------
    def texts(self) -> tuple[str, str, str, str]:
        """(round name, place and date, progress, tension) as shown."""
        pv = self.pv
        if pv is None:
            return "", "", "", ""
        rnd = current_round(pv)
        turns = pv.round_turns
        turn = min(pv.turn, turns)
        progress = f"Round {pv.round_number} of {len(pv.rounds)}  ·  Turn {turn} of {turns}"
        dates = f"{rnd.date} – {rnd.end_date}" if rnd.end_date else rnd.date
        place = f"{rnd.venue}, {rnd.city}  ·  {dates}"
        if self.rect.width and not self._roomy():
            progress = f"Round {pv.round_number}/{len(pv.rounds)} · Turn {turn}/{turns}"
            place = f"{rnd.city} · {dates}"
        if pv.over:
            progress = f"Game over  ·  {pv.outcome}"
        tension = f"Tension {pv.trackers.tension:.0f} / {pv.trackers.war_threshold:.0f}"
        return rnd.name, place, progress, tension

    def _roomy(self) -> bool:
        """Whether the bar is wide enough for the long forms of its texts."""
        return self.rect.width >= self.theme.px(1000)

    def _boxes(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect, pygame.Rect, pygame.Rect]:
        t = self.theme
        inner = self.rect.inflate(-2 * t.space("lg"), -2 * t.space("sm"))
        meter_w = min(t.px(300), inner.width // 3)
        progress_w = min(t.px(330), inner.width // 4) if self._roomy() else inner.width // 3
        meter = pygame.Rect(inner.right - meter_w, inner.top, meter_w, inner.height)
        progress = pygame.Rect(
            meter.left - progress_w - t.space("lg"), inner.top, progress_w, inner.height
        )
        left = pygame.Rect(
            inner.left, inner.top, max(1, progress.left - inner.left - t.space("lg")), inner.height
        )
        name_h = t.line_height("subheading")
        place_h = max(t.line_height("caption"), t.text_size("Ag", "caption")[1])
        top = left.centery - (name_h + place_h) // 2
        name = pygame.Rect(left.left, top, left.width, name_h)
        place = pygame.Rect(left.left, top + name_h, left.width, place_h)
        return name, place, progress, meter, inner

    def meter_rect(self) -> pygame.Rect:
        """Where the tension meter is drawn (for the how-to-play card to point at)."""
        return self._boxes()[3]

    def _meter_parts(self, meter: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
        t = self.theme
        label_h = t.line_height("label")
        bar_h = t.px(10)
        top = meter.centery - (label_h + t.space("xs") + bar_h) // 2
        label = pygame.Rect(meter.left, top, meter.width, label_h)
        bar = pygame.Rect(meter.left, label.bottom + t.space("xs"), meter.width, bar_h)
        return label, bar

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        pygame.draw.rect(surface, t.color("surface"), self.rect)
        pygame.draw.line(
            surface, t.color("border"), self.rect.bottomleft, (self.rect.right, self.rect.bottom)
        )
        if self.pv is None:
            return
        name_text, place_text, progress_text, tension_text = self.texts()
        name, place, progress, meter, _ = self._boxes()
        turn_box, clock_box = self._progress_parts(progress)
        for text, style, colour, box, align in (
            (name_text, "subheading", "text", name, "left"),
            (place_text, "caption", "text_dim", place, "left"),
            (progress_text, "label", "text", turn_box, "center"),
        ):
            shown = ellipsize(t.font(style), text, box.width)
            blit_text(surface, t.text(shown, style, colour), box, align)
        if self.clock:
            self._draw_clock(surface, clock_box)
        self._draw_meter(surface, meter, tension_text)

    def _progress_parts(self, progress: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
        """The round-and-turn line and, under it, the countdown's (the whole box without one)."""
        if not self.clock:
            return progress, pygame.Rect(progress.left, progress.bottom, progress.width, 0)
        t = self.theme
        line = t.line_height("label")
        top = progress.centery - line - t.space("xs") // 2
        turn = pygame.Rect(progress.left, top, progress.width, line)
        clock = pygame.Rect(progress.left, turn.bottom + t.space("xs"), progress.width, line)
        return turn, clock

    def _draw_clock(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        t = self.theme
        paused = self.clock == "PAUSED"
        colour = "warning" if paused else "text" if self.urgent else "accent"
        image = t.text(ellipsize(t.font("label"), self.clock, box.width), "label", colour)
        if self.urgent or paused:
            # A pill behind the text: the last seconds (and a pause) must read from the back row.
            pill = image.get_rect(center=box.center).inflate(2 * t.space("md"), t.space("xs"))
            fill = "danger" if self.urgent else "panel"
            border = "danger" if self.urgent else "warning"
            draw_box(surface, t, pill, fill, border=border, radius="lg")
        blit_text(surface, image, box, "center")

    def _draw_meter(self, surface: pygame.Surface, meter: pygame.Rect, text: str) -> None:
        t = self.theme
        assert self.pv is not None
        tr = self.pv.trackers
        label, bar = self._meter_parts(meter)
        ratio = max(0.0, min(1.0, tr.tension / max(1.0, tr.war_threshold)))
        colour = "ok" if ratio < 0.5 else "warning" if ratio < 0.8 else "danger"
        blit_text(surface, t.text(text, "label", colour), label)
        radius = bar.height // 2
        pygame.draw.rect(surface, t.color("panel"), bar, border_radius=radius)
        fill = pygame.Rect(bar.left, bar.top, max(bar.height, round(bar.width * ratio)), bar.height)
        pygame.draw.rect(surface, t.color(colour), fill, border_radius=radius)
        pygame.draw.rect(surface, t.color("border_strong"), bar, width=1, border_radius=radius)
        # The war threshold is the bar's right end: mark it so the meter reads as "distance to war".
        tick = pygame.Rect(bar.right - t.px(3), bar.top - t.px(4), t.px(3), bar.height + t.px(8))
        pygame.draw.rect(surface, t.color("danger"), tick)

    def text_fits(self) -> list[TextFit]:
        if self.pv is None:
            return []
        name_text, place_text, progress_text, tension_text = self.texts()
        name, place, progress, meter, _ = self._boxes()
        label, _ = self._meter_parts(meter)
        turn_box, clock_box = self._progress_parts(progress)
        fits = [
            self._fit(name_text, "subheading", name),
            self._fit(place_text, "caption", place),
            self._fit(progress_text, "label", turn_box),
            self._fit(tension_text, "label", label),
        ]
        if self.clock:
            fits.append(self._fit(self.clock, "label", clock_box))
        return fits
