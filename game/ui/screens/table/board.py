"""The proposal board: what is on the table, what is provisionally agreed, and issues × options.

Every cell shows the option's label and chips for who publicly demands it, the
live proposals that contain it and whose public red line it crosses; agreed
(binding) and provisional options are framed.  All of it is public, except on a
delegation's own screen (``set_view(pv, own)``): there each offer also shows what
it is worth to that delegation, from its own view.  The whole board is rendered
once per change to one surface and blitted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.engine import ActorView, PublicView, consenters, option_consenters, words
from game.engine.model import Issue
from game.engine.seen import LineStanding, standing
from game.ui.kit.text import ellipsize, wrap_lines
from game.ui.kit.theme import ColorLike, Theme
from game.ui.kit.widgets.base import TextFit, Widget
from game.ui.screens.common import actor_colour, names_list, short_name
from game.ui.screens.table.worth import worth

BACKGROUND = "surface"  # the board's frame (``TableScene.draw_background``)
LEGEND = (
    "Chips: a delegation's name = its public demand · #n = in proposal n on the table · "
    "× name = crosses that delegation's public red line"
)
# Added only when some public red line has ``unless``, so other boards keep their legend.
LEGEND_UNLESS = " · × name unless = unless other terms lift it · name lifted = what binds lifts it"
# Added only when some option's own consent adds a delegation (R37).
LEGEND_CONSENT = " · + needs name = that option also needs that delegation's consent"


def red_line_chip(name: str, stands: LineStanding) -> Chip:
    """A public red line's chip: crossed, conditional (``unless``) or lifted now (R27)."""
    if stands is LineStanding.LIFTED:
        return Chip(f"{name} lifted", "text_dim")
    if stands is LineStanding.CONDITIONAL:
        return Chip(f"× {name} unless", "warning")
    return Chip(f"× {name}", "danger")


@dataclass(frozen=True, slots=True)
class Chip:
    text: str
    colour: ColorLike  # text colour
    stripe: pygame.Color | None = None  # an actor's colour at the left edge


@dataclass(frozen=True, slots=True)
class Line:
    """A line of text at a position inside the board surface."""

    text: str
    style: str
    colour: ColorLike
    pos: tuple[int, int]
    width: int  # the room it had


# The board painted: its parts top down (surface, y), its lines, its height.
_Parts = tuple[list[tuple[pygame.Surface, int]], list[Line], int]


def _shown(pv: PublicView | None) -> tuple[object, ...] | None:
    """Everything of a view that the board draws (the scenario's parts never change)."""
    if pv is None:
        return None
    live = tuple(
        (p.number, p.proposer, p.accepted_by, p.terms)
        for p in pv.proposals
        if str(p.status) == "live"
    )
    provisional = tuple((p.issue, p.option, p.missing) for p in pv.provisional)
    return (pv.scenario_id, pv.round_number, pv.agenda, pv.present, pv.binding, provisional, live)


class BoardView(Widget):
    """Draws the board for a public view; ``height_for(width)`` says how tall it is."""

    def __init__(self, id: str) -> None:
        super().__init__(id)
        self.pv: PublicView | None = None
        self.own: ActorView | None = None
        self._rows: dict[tuple[object, ...], _Row] = {}  # issue rows by what they show
        self._pieces: list[tuple[pygame.Surface, int]] = []  # painted parts, top down
        self._key: tuple[object, ...] = ()
        self._lines: list[Line] = []
        self._height = 0
        self._ahead: dict[tuple[object, ...], _Parts] = {}  # painted for a view still to come

    def set_view(self, pv: PublicView, own: ActorView | None = None) -> None:
        """Show this state of the table; ``own`` (the viewer's view) adds each offer's worth."""
        self.pv = pv
        self.own = own

    # -- building ----------------------------------------------------------------------
    def height_for(self, width: int) -> int:
        """Pixel height of the board at ``width``."""
        self._render(width)
        return self._height

    def _render(self, width: int) -> list[tuple[pygame.Surface, int]]:
        # Only what the board shows: a statement, a threat or a world event leaves it as
        # it was, and an AI move's frame then blits the board it already has.  A move that
        # changes it repaints the proposals and the rows it touched; the other rows and the
        # legend are kept, and nothing is composed into one tall surface (that copy was
        # most of a move's frame): ``draw`` blits the parts that are in view.
        key = self._key_for(self.pv, self.own, width)
        if key == self._key and self._pieces:
            return self._pieces
        ready = self._ahead.pop(key, None)  # painted by ``prepare`` while the move was paced
        self._pieces, self._lines, self._height = ready or self._paint(self.pv, self.own, width)
        self._ahead.clear()
        self._key = key
        return self._pieces

    def prepare(self, pv: PublicView, own: ActorView | None, width: int) -> None:
        """Paint now the board that ``set_view(pv, own)`` at ``width`` will show: a computer
        move's frame then finds it painted (the table calls this while it paces the move)."""
        key = self._key_for(pv, own, width)
        if key != self._key and key not in self._ahead:
            self._ahead = {key: self._paint(pv, own, width)}  # one move ahead, no more

    def prepare_rows(self, pv: PublicView, own: ActorView | None, width: int) -> None:
        """Paint now the issues' rows that ``set_view(pv, own)`` at ``width`` will show: the
        first half of ``prepare`` (rows are kept by what they show, the board's top is not)."""
        _Painter(self.theme, pv, max(1, width), own, self._rows).grid()

    def _key_for(
        self, pv: PublicView | None, own: ActorView | None, width: int
    ) -> tuple[object, ...]:
        viewer = own.actor if own is not None else None
        return (_shown(pv), viewer, width, self.theme.version, self.theme.palette)

    def _paint(self, pv: PublicView | None, own: ActorView | None, width: int) -> _Parts:
        painter = _Painter(self.theme, pv, max(1, width), own, self._rows)
        if pv is not None:
            painter.board()
        return painter.parts()

    def picture(self, width: int) -> pygame.Surface:
        """The whole board as one surface (what ``draw`` shows, part by part)."""
        pieces = self._render(width)
        out = pygame.Surface((max(1, width), max(1, self._height)))
        out.fill(self.theme.color(BACKGROUND))
        for image, y in pieces:
            out.blit(image, (0, y))
        return out

    def draw(self, surface: pygame.Surface) -> None:
        clip = surface.get_clip()
        left, top = self.rect.topleft
        for image, y in self._render(self.rect.width):
            if clip.colliderect((left, top + y, image.get_width(), image.get_height())):
                surface.blit(image, (left, top + y))

    def text_fits(self) -> list[TextFit]:
        self._render(self.rect.width)
        t = self.theme
        return [
            TextFit(
                self.id,
                line.text,
                t.text_size(line.text, line.style),
                pygame.Rect(
                    self.rect.left + line.pos[0],
                    self.rect.top + line.pos[1],
                    line.width,
                    # Glyphs may stand a pixel taller than the line spacing that stacks them.
                    max(t.line_height(line.style), t.text_size(line.text, line.style)[1]),
                ),
            )
            for line in self._lines
        ]

    def find(self, prefix: str) -> pygame.Rect:
        """Where the first line starting with ``prefix`` is drawn (empty if there is none)."""
        self._render(max(1, self.rect.width))
        for line in self._lines:
            if line.text.startswith(prefix):
                w = min(line.width, self.theme.text_size(line.text, line.style)[0])
                h = self.theme.line_height(line.style)
                return pygame.Rect(self.rect.left + line.pos[0], self.rect.top + line.pos[1], w, h)
        return pygame.Rect(0, 0, 0, 0)

    def all_text(self) -> list[str]:
        """Every text of the board, for tests of what a screen shows."""
        self._render(max(1, self.rect.width))
        return [line.text for line in self._lines]


@dataclass(frozen=True, slots=True)
class _Row:
    """One issue's row, painted: its surface, its lines (row coordinates), its height."""

    surface: pygame.Surface
    lines: list[Line]
    height: int


class _Painter:
    """Lays out and paints the board onto a tall surface in one pass (measure by painting)."""

    def __init__(
        self,
        theme: Theme,
        pv: PublicView | None,
        width: int,
        own: ActorView | None = None,
        rows: dict[tuple[object, ...], _Row] | None = None,
    ) -> None:
        self.t = theme
        self.pv = pv
        self.own = own
        self.rows = rows if rows is not None else {}
        self.baked: list[Line] = []  # lines already drawn into a cached row's surface
        self.pieces: list[tuple[pygame.Surface, int]] = []  # cached parts below the top
        self.top_height = 0  # where the cached parts begin
        self.width = width
        self.y = 0
        self.ops: list[tuple[str, tuple[object, ...]]] = []
        self.lines: list[Line] = []

    # -- primitives (recorded, then replayed onto a surface of the final height) -------
    def text(self, text: str, style: str, colour: ColorLike, at: tuple[int, int, int]) -> int:
        """Wrapped text at ``at`` = (x, y, width); returns its height."""
        x, y, width = at
        h = self.t.line_height(style)
        lines = wrap_lines(self.t.font(style), text, width)  # memoised: most cells stay
        for n, line in enumerate(lines):
            if line:
                self.lines.append(Line(line, style, colour, (x, y + n * h), width))
        return h * len(lines)

    def rect(self, colour: ColorLike | pygame.Color, rect: pygame.Rect, width: int = 0) -> None:
        self.ops.append(("rect", (colour, pygame.Rect(rect), width)))

    def finish(self) -> tuple[pygame.Surface, list[Line], int]:
        height = max(1, self.y)
        # Opaque, on the colour of the frame the board sits in: text and boxes blend onto
        # it once, here, and every frame's blit is a plain copy (no blending per pixel).
        surface = pygame.Surface((self.width, height))
        surface.fill(self.t.color(BACKGROUND))
        r = self.t.radius("sm")
        for op, args in self.ops:
            if op == "rect":
                colour, rect, width = args
                assert isinstance(rect, pygame.Rect)
                assert isinstance(width, int)
                pygame.draw.rect(surface, self.t.color(colour), rect, width=width, border_radius=r)  # type: ignore[arg-type]
        for line in self.lines:
            surface.blit(self.t.text(line.text, line.style, line.colour), line.pos)
        return surface, [*self.lines, *self.baked], height

    def parts(self) -> _Parts:
        """The board as parts, top down: the top painted here, then the cached parts."""
        height = self.y
        if self.pieces:
            self.y = self.top_height  # the surface painted here holds the top only
        surface, lines, _ = self.finish()
        self.y = height
        return [(surface, 0), *self.pieces], lines, height

    # -- sections ----------------------------------------------------------------------
    def board(self) -> None:
        assert self.pv is not None
        self.on_the_table()
        self.provisional()
        self.heading("THE ISSUES")
        self.top_height = self.y
        self.grid()
        self.y += self.t.space("sm")
        legend = LEGEND
        if any(line.unless is not None for line in self.pv.public_red_lines):
            legend += LEGEND_UNLESS
        playable = {a.id for a in self.pv.actors if a.playable}
        if any(option_consenters(issue, playable) for issue in self.pv.issues):
            legend += LEGEND_CONSENT
        self.cached_part(("legend", legend), lambda p: p.legend(legend))

    def legend(self, text: str) -> None:
        self.y += self.text(text, "caption", "text_dim", (0, self.y, self.width))

    def heading(self, text: str) -> None:
        self.y += self.text(text, "overline", "accent", (0, self.y, self.width))
        self.y += self.t.space("xs")

    def on_the_table(self) -> None:
        pv = self.pv
        assert pv is not None
        t = self.t
        self.heading("ON THE TABLE")
        live = [p for p in pv.proposals if str(p.status) == "live"]
        if not live:
            self.y += self.text(
                "No proposal is on the table.", "body_italic", "text_dim", (0, self.y, self.width)
            )
        pad = t.space("sm")
        for p in live:
            top = self.y
            inner = self.width - 2 * pad - t.px(6)
            x = pad + t.px(6)
            y = top + pad
            y += self.text(
                f"#{p.number}  proposed by {short_name(pv, p.proposer)}",
                "label",
                "text",
                (x, y, inner),
            )
            waiting = [a for a in pv.present if a not in p.accepted_by]
            accepted = names_list(pv, p.accepted_by)
            status = f"Accepted by {accepted}  ·  waiting for {names_list(pv, waiting)}"
            y += self.text(status, "caption", "accent", (x, y, inner))
            for line in words.term_lines(pv, p.terms):
                y += self.text(f"•  {line}", "caption", "text", (x, y, inner))
            if self.own is not None:  # the viewer's own screen: what the offer is worth to it
                offer = worth(self.own, pv, p)
                tone = "ok" if offer.better else "warning"
                y += self.text(offer.line(), "caption", tone, (x, y, inner))
                if offer.flags:
                    y += self.text(offer.flag_line(), "caption", "danger", (x, y, inner))
            box = pygame.Rect(0, top, self.width, y + pad - top)
            self.ops.insert(0, ("rect", ("panel", box, 0)))
            self.ops.append(
                (
                    "rect",
                    (actor_colour(t, pv, p.proposer), pygame.Rect(0, top, t.px(6), box.height), 0),
                )
            )
            self.y = box.bottom + t.space("sm")
        self.y += t.space("sm")

    def provisional(self) -> None:
        pv = self.pv
        assert pv is not None
        if not pv.provisional:
            return
        self.heading("PROVISIONALLY AGREED — NOT YET BINDING")
        for prov in pv.provisional:
            line = words.term_lines(pv, [(prov.issue, prov.option)])[0]
            text = f"{line}  —  still needs {names_list(pv, prov.missing)}"
            self.y += self.text(text, "caption", "warning", (0, self.y, self.width))
        self.y += self.t.space("md")

    def grid(self) -> None:
        pv = self.pv
        assert pv is not None
        t = self.t
        columns = max((len(i.options) for i in pv.issues), default=1)
        gap = t.space("xs")
        name_w = max(t.px(120), self.width * 24 // 100)
        cell_w = max(1, (self.width - name_w - gap * columns) // columns)
        for issue in pv.issues:
            # the agenda as effects changed it (R34), even emptied
            self.cached_row(issue, issue.id in pv.agenda, name_w, cell_w, gap)
            self.y += gap

    def cached_row(self, issue: Issue, on_agenda: bool, name_w: int, cell_w: int, gap: int) -> None:
        """An issue's row, painted once for what it shows (most rows stay as a move lands)."""
        pv = self.pv
        assert pv is not None
        binding = dict(pv.binding).get(issue.id)
        provisional = [(p.option, p.missing) for p in pv.provisional if p.issue == issue.id]
        offers = tuple(
            (p.number, tuple(o for i, o in p.terms if i == issue.id))
            for p in pv.proposals
            if str(p.status) == "live" and any(i == issue.id for i, _ in p.terms)
        )
        # A public red line's chip may stand or be lifted by terms on other issues (R27).
        binding_all = dict(pv.binding)
        lines = tuple(
            standing(line, binding_all) for line in pv.public_red_lines if line.issue == issue.id
        )
        shown = (pv.scenario_id, issue.id, on_agenda, binding, tuple(provisional), offers, lines)
        self.cached_part(
            (shown, name_w, cell_w, gap),
            lambda p: p.issue_row(issue, on_agenda, name_w, cell_w, gap),
        )

    def cached_part(self, shown: tuple[object, ...], paint: Callable[[_Painter], None]) -> None:
        """A part of the board below the proposals, painted once for what it shows."""
        key = (shown, self.width, self.t.version, self.t.palette)
        row = self.rows.get(key)
        if row is None:
            painter = _Painter(self.t, self.pv, self.width, self.own)
            paint(painter)
            surface, lines, _ = painter.finish()
            row = _Row(surface, lines, painter.y)
            if len(self.rows) > 512:  # old rows of earlier states
                self.rows.clear()
            self.rows[key] = row
        self.pieces.append((row.surface, self.y))
        self.baked += [
            Line(
                line.text, line.style, line.colour, (line.pos[0], line.pos[1] + self.y), line.width
            )
            for line in row.lines
        ]
        self.y += row.height

    def issue_row(self, issue: Issue, on_agenda: bool, name_w: int, cell_w: int, gap: int) -> None:
        pv = self.pv
        assert pv is not None
        t = self.t
        pad = t.space("xs") + 2
        top = self.y
        binding = dict(pv.binding)
        provisional = {p.issue: p for p in pv.provisional}
        colour = "text" if on_agenda else "text_dim"
        h = self.text(issue.name, "label", colour, (pad, top + pad, name_w - 2 * pad))
        playable = {a.id for a in pv.actors if a.playable}
        note = f"Needs {names_list(pv, consenters(issue, playable))}"
        if not on_agenda:
            note += " · not on this agenda"
        h += self.text(note, "caption", "text_dim", (pad, top + pad + h, name_w - 2 * pad))
        heights = [h + 2 * pad]
        x = name_w + gap
        cells = []
        for option in issue.options:
            chips = self.chips(issue, option.id)
            status = ""
            if binding.get(issue.id) == option.id:
                status = "AGREED"
            elif issue.id in provisional and provisional[issue.id].option == option.id:
                status = "PROVISIONAL"
            elif option.id == issue.status_quo:
                status = "STATUS QUO"
            y = top + pad
            if status:
                tone = {"AGREED": "ok", "PROVISIONAL": "warning"}.get(status, "text_dim")
                y += self.text(status, "overline", tone, (x + pad, y, cell_w - 2 * pad))
            y += self.text(option.label, "caption", colour, (x + pad, y, cell_w - 2 * pad))
            y += self.chip_rows(chips, x + pad, y + t.space("xs"), cell_w - 2 * pad)
            heights.append(y - top + pad)
            cells.append((x, status))
            x += cell_w + gap
        height = max(heights)
        self.ops.insert(0, ("rect", ("surface", pygame.Rect(0, top, name_w, height), 0)))
        for cx, status in cells:
            box = pygame.Rect(cx, top, cell_w, height)
            self.ops.insert(0, ("rect", ("panel", box, 0)))
            if status in ("AGREED", "PROVISIONAL"):
                edge = "ok" if status == "AGREED" else "warning"
                self.ops.append(("rect", (edge, box, max(2, t.px(2)))))
        self.y = top + height

    def chips(self, issue: Issue, option: str) -> list[Chip]:
        pv = self.pv
        assert pv is not None
        out = [
            Chip(short_name(pv, d.actor), "text", actor_colour(self.t, pv, d.actor))
            for d in pv.demands
            if d.issue == issue.id and d.option == option
        ]
        out += [
            Chip(f"#{p.number}", "accent")
            for p in pv.proposals
            if str(p.status) == "live" and (issue.id, option) in p.terms
        ]
        # An option whose own consent adds delegations (R37) says so on its cell.
        playable = {a.id for a in pv.actors if a.playable}
        added = option_consenters(issue, playable).get(option, ())
        if added:
            out.append(Chip(f"+ needs {names_list(pv, added)}", "warning"))
        binding = dict(pv.binding)
        for line in pv.public_red_lines:
            if line.issue == issue.id and option in line.options:
                out.append(red_line_chip(short_name(pv, line.actor), standing(line, binding)))
        return out

    def chip_rows(self, chips: list[Chip], x0: int, y0: int, width: int) -> int:
        """Chips flowed into rows; returns the height used (0 without chips)."""
        if not chips:
            return 0
        t = self.t
        h = t.line_height("overline") + 2
        stripe = t.px(4)
        x, y = x0, y0
        for chip in chips:
            w = (
                t.text_size(chip.text, "overline")[0]
                + 2 * t.space("xs")
                + (stripe if chip.stripe else 0)
            )
            w = min(w, width)
            if x > x0 and x + w > x0 + width:
                x, y = x0, y + h + 2
            box = pygame.Rect(x, y, w, h)
            self.ops.append(("rect", ("surface", box, 0)))
            text_x = x + t.space("xs")
            if chip.stripe is not None:
                self.ops.append(("rect", (chip.stripe, pygame.Rect(x, y, stripe, h), 0)))
                text_x += stripe
            room = w - (text_x - x)
            # A long name in a narrow cell is cut to the chip, never drawn past its edge.
            shown = ellipsize(t.font("overline"), chip.text, max(1, room - t.space("xs")))
            self.lines.append(Line(shown, "overline", chip.colour, (text_x, y + 1), room))
            x += w + t.space("xs")
        return y + h - y0 + t.space("xs")
