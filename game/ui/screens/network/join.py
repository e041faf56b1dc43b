"""The join screen: hosts found on this network, an address typed by hand, a seat and its PIN.

Looking for hosts (zeroconf, optional), looking at a host's seats and joining
each wait on the network, so each is a ``Task`` whose answer the screen polls;
the window keeps drawing.  Whatever goes wrong (an unreachable host, a refused
PIN, a taken seat, another version) is one sentence on the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import pygame

from game.net import discovery
from game.net.discovery import FoundHost
from game.net.probe import Probe, probe
from game.net.remote_game import RemoteGame
from game.session.pins import MAX_PIN_LENGTH
from game.ui.kit import layout
from game.ui.kit.context import Context
from game.ui.kit.intent import Intent
from game.ui.kit.keys import KeyBinding
from game.ui.kit.scene import Pop, Replace, Scene, Transition
from game.ui.kit.text import ellipsize
from game.ui.kit.theme import Theme
from game.ui.kit.widgets.base import blit_text, draw_box
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.dropdown import Dropdown
from game.ui.kit.widgets.entry import TextEntry
from game.ui.kit.widgets.label import Label, WrappedText
from game.ui.kit.widgets.listview import ListView
from game.ui.screens.backdrop import Backdrop
from game.ui.screens.network.background import POLL_MS, Task
from game.ui.screens.network.joining import connect, laptop_scene
from game.ui.screens.panel import PanelScene, Row
from game.ui.screens.widgets.chips import PinEntry

Finder = Callable[[], list[FoundHost]]


def search_network() -> list[FoundHost]:
    """The hosts zeroconf finds on this network (``discovery.browse``, looked up when the
    search starts, not when this module is imported)."""
    return discovery.browse()


SPECTATE = "spectate"  # the seat menu's value for watching the public table


def _host_row(theme: Theme, item: object, width: int, selected: bool) -> pygame.Surface:
    assert isinstance(item, FoundHost)
    del selected
    pad = theme.space("sm")
    h1, h2 = theme.line_height("label"), theme.line_height("caption")
    surface = pygame.Surface((width, h1 + h2 + 2 * pad), pygame.SRCALPHA)
    inner = width - 2 * pad
    name = ellipsize(theme.font("label"), item.name, inner)
    blit_text(surface, theme.text(name, "label", "text"), pygame.Rect(pad, pad, inner, h1))
    where = ellipsize(theme.font("caption"), f"{item.url}   {item.scenario}", inner)
    blit_text(
        surface, theme.text(where, "caption", "text_dim"), pygame.Rect(pad, pad + h1, inner, h2)
    )
    return surface


def _host_height(theme: Theme, item: object, width: int) -> int:
    del item, width
    return theme.line_height("label") + theme.line_height("caption") + 2 * theme.space("sm")


class JoinScene(PanelScene):
    """Find or type a host, choose a seat (or watch), give its PIN, join.

    A panel whose middle scrolls when the window is small (a large text size)."""

    title = "Join a game"
    modal = False
    width = 900
    KEYS: ClassVar[tuple[KeyBinding, ...]] = (
        KeyBinding("escape", "back", "Back to the title"),
        KeyBinding("ctrl+return", "join", "Join the game"),
        KeyBinding("f5", "find", "Look for hosts again"),
    )

    def __init__(
        self,
        ctx: Context,
        *,
        address: str = "",
        seat: str | None = None,
        pin: str = "",
        spectate: bool = False,
        auto: bool = False,
        find: Finder | None = search_network,
        then: Callable[[Context, RemoteGame], Scene] = laptop_scene,
    ) -> None:
        super().__init__(ctx, "join")
        self.then = then
        self.find = find if find is not None and discovery.available() else None
        self.backdrop = Backdrop()
        self.heading = self.add(Label("join.title", "Join a game on this network", style="heading"))
        add = self.body.add
        self.intro = add(
            WrappedText(
                "join.intro",
                "Choose a host found on this network, or type the address (ws://ADDRESS:PORT) "
                "or the join code the teacher's screen shows. Then choose your delegation.",
                color="text_dim",
            )
        )
        self.found_head = add(
            Label("join.found.head", "HOSTS ON THIS NETWORK", style="overline", color="accent")
        )
        self.search = add(Button("join.search", "Search again", enabled=self.find is not None))
        self.found = add(
            ListView(
                "join.found",
                render_row=_host_row,
                measure_row=_host_height,
                empty_text="No host found yet.",
            )
        )
        self.find_status = add(WrappedText("join.found.status", "", style="caption"))
        self.address_label = add(Label("join.address.label", "Address", style="label"))
        self.address = add(
            TextEntry("join.address", address, placeholder="ws://192.168.1.20:8765 or 4KQ1Z-W6J8C")
        )
        self.look = add(Button("join.look", "Find the seats"))
        self.seat_label = add(Label("join.seat.label", "Delegation", style="label"))
        self.seat = add(Dropdown("join.seat", [(None, "look at a host first")], enabled=False))
        self.pin_label = add(Label("join.pin.label", "PIN", style="label"))
        self.pin = add(
            PinEntry(
                "join.pin", pin, placeholder="if your delegation has one", max_length=MAX_PIN_LENGTH
            )
        )
        self.message = add(WrappedText("join.message", "", color="text_dim"))
        self.spacer, self.spacer2 = add(Label("join.spacer", "")), add(Label("join.spacer2", ""))
        self.spacer3 = self.add(Label("join.spacer3", ""))
        self.back = self.add(Button("join.back", "Back"))
        self.join = self.add(Button("join.join", "Join", variant="primary", enabled=False))
        self.finding: Task[list[FoundHost]] | None = None
        self.probing: Task[Probe] | None = None
        self.joining: Task[RemoteGame] | None = None
        self.probe: Probe | None = None
        self.wanted_seat = SPECTATE if spectate else seat
        if not discovery.available():
            self.find_status.text = (
                "Looking for hosts needs the zeroconf package, which is not installed here: "
                "type the address instead."
            )
        else:
            self.start_finding()
        if auto and address:
            if self.wanted_seat is not None:
                self.start_joining(address, self.wanted_seat, pin)
            else:
                self.start_probe()
        self.focus(self.address)

    # -- the network's answers ----------------------------------------------------------
    def start_finding(self) -> None:
        if self.find is None or self.finding is not None:
            return
        self.finding = Task(self.find, name="redlines-find")
        self.find_status.text = "Looking for hosts on this network…"
        self.find_status.color = "text_dim"
        self.search.enabled = False

    def start_probe(self) -> None:
        text = self.address.text.strip()
        if not text:
            self.say("Type the host's address or join code first.", error=True)
            return
        self.probing = Task(lambda: probe(text), name="redlines-probe")
        self.look.enabled = self.join.enabled = False
        self.say(f"Looking at {text}…")

    def start_joining(self, address: str, seat: str, pin: str) -> None:
        actor = None if seat == SPECTATE else seat
        self.joining = Task(lambda: connect(address, actor, pin), name="redlines-join")
        self.look.enabled = self.join.enabled = False
        self.say("Joining…" if actor is None else f"Joining as {actor}…")

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.text = text
        self.message.color = "danger" if error else "text_dim"
        if self.rect.width:
            self.relayout(self.rect)

    def update(self, dt: float) -> Transition | None:
        super().update(dt)
        self._found()
        self._probed()
        return self._joined()

    def _found(self) -> None:
        done = self.finding.poll() if self.finding is not None else None
        if done is None:
            return
        self.finding = None
        self.search.enabled = True
        hosts = done.value or []
        self.found.set_items(hosts)
        if hosts:
            self.find_status.text = f"{len(hosts)} found: choose one, or type an address."
        else:
            self.find_status.text = (
                done.error
                or "No host answered (this network may block the search): type the address."
            )
        if self.rect.width:
            self.relayout(self.rect)

    def _probed(self) -> None:
        done = self.probing.poll() if self.probing is not None else None
        if done is None:
            return
        self.probing = None
        self.look.enabled = True
        if not done.ok or done.value is None:
            self.say(done.error, error=True)
            return
        self.show_seats(done.value)

    def show_seats(self, found: Probe) -> None:
        self.probe = found
        options: list[tuple[object, str]] = [
            (offer.actor, offer.name + ("  (a laptop has it)" if offer.taken else ""))
            for offer in found.seats
        ]
        options.append((SPECTATE, "Watch only (the public table)"))
        self.seat.options = options
        values = [value for value, _ in options]
        wanted = self.wanted_seat
        free = next((o.actor for o in found.seats if not o.taken), SPECTATE)
        self.seat.index = values.index(wanted) if wanted in values else values.index(free)
        self.seat.enabled = self.join.enabled = True
        seats = len(found.seats)
        state = (
            "its game is over"
            if found.over
            else f"{seats} seat{'' if seats == 1 else 's'} for a laptop"
        )
        self.say(f"{found.title} at {found.url}: {state}. Choose your delegation.")
        self.focus(self.pin if self.chosen_seat() != SPECTATE else self.join)

    def chosen_seat(self) -> str | None:
        if self.probe is None:
            return None
        value = self.seat.options[self.seat.index][0]
        return value if isinstance(value, str) else None

    def _joined(self) -> Transition | None:
        done = self.joining.poll() if self.joining is not None else None
        if done is None:
            return None
        self.joining = None
        self.look.enabled = True
        self.join.enabled = self.probe is not None
        if not done.ok or done.value is None:
            self.pin.clear()
            self.say(done.error, error=True)
            return None
        return Replace(self.then(self.ctx, done.value))

    def wakeup_in(self) -> float | None:
        waiting = any(t is not None for t in (self.finding, self.probing, self.joining))
        own = super().wakeup_in()
        if not waiting:
            return own
        return POLL_MS if own is None else min(own, POLL_MS)

    # -- input ---------------------------------------------------------------------------
    def go(self) -> Transition | None:
        seat = self.chosen_seat()
        if self.probe is None or seat is None:
            self.start_probe()
            return None
        self.start_joining(self.probe.url, seat, self.pin.text)
        return None

    def on_intent(self, intent: Intent) -> Transition | None:
        source = intent.source
        if source == "join.found" and self.found.selected is not None:
            host = self.found.items[self.found.selected]
            assert isinstance(host, FoundHost)
            self.address.text = host.url
            self.address.caret = len(host.url)
            self.start_probe()  # chosen (a click or the arrow keys): read its seats
        elif source == "join.address" and intent.kind == "change":
            self.probe = None
            self.join.enabled = self.seat.enabled = False
        elif (source == "join.address" and intent.kind == "submit") or source == "join.look":
            self.start_probe()
        elif (source == "join.pin" and intent.kind == "submit") or source == "join.join":
            return self.go()
        elif source == "join.search":
            self.start_finding()
        elif source == "join.back":
            return Pop()
        return None

    def on_action(self, action: str) -> Transition | None:
        if action == "back":
            return Pop()
        if action == "find":
            self.start_finding()
            return None
        return self.go() if action == "join" else None

    # -- layout and drawing --------------------------------------------------------------
    def head_rows(self) -> list[Row]:
        return [[(self.heading, layout.Flex())]]

    def body_rows(self) -> list[Row]:
        t = self.theme
        label_w, button_w = t.px(150), max(t.px(160), self.look.preferred_size()[0])
        search_w = max(t.px(140), self.search.preferred_size()[0])
        return [
            [(self.intro, layout.Flex())],
            [(self.found_head, layout.Flex()), (self.search, search_w)],
            [(self.found, layout.Flex())],
            [(self.find_status, layout.Flex())],
            [(self.address_label, label_w), (self.address, layout.Flex()), (self.look, button_w)],
            [(self.seat_label, label_w), (self.seat, layout.Flex()), (self.spacer, button_w)],
            [(self.pin_label, label_w), (self.pin, layout.Flex()), (self.spacer2, button_w)],
            [(self.message, layout.Flex())],
        ]

    def foot_rows(self) -> list[Row]:
        t = self.theme
        widths = [max(t.px(120), b.preferred_size()[0]) for b in (self.back, self.join)]
        return [[(self.spacer3, layout.Flex()), (self.back, widths[0]), (self.join, widths[1])]]

    def row_height(self, row: Row, width: int) -> int:
        if row[0][0] is self.found:  # room for two hosts; more scroll in the list
            return max(2 * _host_height(self.theme, None, 0), self.theme.px(110))
        return super().row_height(row, width)

    def draw_background(self, surface: pygame.Surface) -> None:
        self.backdrop.draw(surface, self.theme)
        draw_box(surface, self.theme, self.panel, "surface", radius="lg")
