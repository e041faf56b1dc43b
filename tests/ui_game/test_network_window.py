"""The window's network play, driven headless: the host's screen, the join screen, a laptop's table.

Every host listens on 127.0.0.1 (any free port).  A host whose loop is the
pilot's (the host's screen) is reached from a client whose blocking join runs
in a ``Task`` thread; a host for a window laptop runs its loop on a thread of
its own (``HostThread``).  Waits are bounded loops of the pilot's fake time
and short real waits for loopback frames; nothing asserts a duration.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from game.engine import EndGame
from game.export.debrief import build_debrief
from game.export.model import Debrief
from game.net import invite
from game.net.client import NetError, RefusedError
from game.net.codec import decode
from game.net.discovery import FoundHost
from game.net.hosting import HostedGame
from game.net.protocol import Join
from game.net.remote_game import RemoteGame
from game.session.controller import FacilitatorStep
from game.session.pins import PinHash
from game.session.seats import Seat, SeatKind
from game.session.session import Session
from game.ui.kit.pilot import Pilot
from game.ui.kit.widgets.label import Label, WrappedText
from game.ui.main import title_factory
from game.ui.screens.briefing import BriefingScene
from game.ui.screens.console import FacilitatorConsole
from game.ui.screens.debrief import DebriefScene
from game.ui.screens.handover import HandoverScene
from game.ui.screens.network import join as join_screen
from game.ui.screens.network.background import Task
from game.ui.screens.network.host_setup import HostOptions, HostSeatsScene
from game.ui.screens.network.hosting import HostScene
from game.ui.screens.network.join import JoinScene
from game.ui.screens.network.laptop import LaptopTable, RejoinScene
from game.ui.screens.network.qr import qr_matrix
from game.ui.screens.panel import PinGate
from game.ui.screens.picker import PickerScene
from game.ui.screens.summary import RoundSummaryScene
from game.ui.screens.table.scene import TableScene
from tests.net.helpers import geneva
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import assert_golden, play_until, shown_text

LOOPBACK = HostOptions(bind="127.0.0.1", port=0, announce=False)
SHOWN_ADDRESS = "ws://192.168.1.20:8765"  # the goldens show a classroom's address, not a port
# The network screens at 1280x720 in the quick run; at UI scale 2 as well in the full run.
VARIANTS = [
    ("1280x720", {}),
    pytest.param("scale2", {"ui_scale": 2.0}, marks=pytest.mark.slow, id="scale2"),
]
REAL_WAIT = 10.0  # seconds a loopback frame may take on a loaded machine (a bound, not a time)


def new_session(remote: tuple[str, ...] = ("us", "russia")) -> Session:
    seats = {
        a.id: Seat(SeatKind.HUMAN if a.id in remote else SeatKind.AI)
        for a in geneva().scenario.playable
    }
    return Session(geneva(), 7, seats, autosave=False)


def pump_until(pilot: Pilot, done: Callable[[], bool], what: str) -> None:
    """Step the window (its fake clock 100 ms a step) until ``done``, waiting a little for
    loopback frames between steps; fails after ``REAL_WAIT`` seconds of waiting."""
    deadline = time.monotonic() + REAL_WAIT
    while not done():
        assert time.monotonic() < deadline, f"never happened: {what}"
        assert pilot.app.crashes == [], pilot.app.crashes
        pilot.advance(ms=100)
        time.sleep(0.005)


def text_of(pilot: Pilot, widget_id: str) -> str:
    widget = pilot.widget(widget_id)
    assert isinstance(widget, Label | WrappedText)
    return widget.text


class HostThread:
    """A hosted game whose main loop runs on a thread of its own (for a window laptop)."""

    def __init__(self, session: Session, remote: set[str]) -> None:
        self.hosted = HostedGame(session, remote, bind="127.0.0.1", port=0, reveal=build_debrief)
        self.calls: queue.Queue[Callable[[], None]] = queue.Queue()
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self.stopped.is_set():
            self.hosted.pump(0.02)
            while not self.calls.empty():
                self.calls.get_nowait()()

    def call(self, work: Callable[[], Any]) -> Any:
        """Run ``work`` on the host's thread and return what it gave."""
        answer: queue.Queue[Any] = queue.Queue()
        self.calls.put(lambda: answer.put(work()))
        return answer.get(timeout=REAL_WAIT)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.hosted.server.port}"


@contextmanager
def host_thread(session: Session, remote: set[str]) -> Iterator[HostThread]:
    host = HostThread(session, remote)
    host.hosted.start()
    host.thread.start()
    try:
        yield host
    finally:
        host.stopped.set()
        host.thread.join(REAL_WAIT)
        host.hosted.stop()


def host_screen(
    make_pilot: MakePilot, console_pin: str = "", here: str = "", **settings: object
) -> Pilot:
    """The seats screen of a hosted game, Start: the host's screen, listening on loopback.

    NATO is the computer's; ``here`` names a delegation played at the host's screen."""
    pilot = make_pilot(
        lambda ctx: HostSeatsScene(ctx, geneva(), seed=7, options=LOOPBACK), **settings
    )
    seats = pilot.scene
    assert isinstance(seats, HostSeatsScene)
    for actor, _, menu, _ in seats.rows:  # the US and Russia on laptops, NATO the computer's
        values = [value for value, _ in menu.options]
        if actor == "nato":
            menu.index = values.index(Seat(SeatKind.AI))
        if actor == here:
            menu.index = values.index(Seat(SeatKind.HUMAN))
    seats.fpin.text = console_pin
    pilot.click("seats.start")
    assert isinstance(pilot.scene, HostScene), pilot.app.crashes
    return pilot


def join_in_background(url: str, seat: str | None, pin: str | None = None) -> Task[RemoteGame]:
    return Task(lambda: RemoteGame.join(url, Join(seat, pin)))


# --- the title ---------------------------------------------------------------------------


def test_the_title_offers_hosting_and_joining(make_pilot: MakePilot) -> None:
    pilot = make_pilot(title_factory(geneva(), None, 7))
    pilot.click("title.join")
    assert isinstance(pilot.scene, JoinScene)
    pilot.press("escape")
    pilot.click("title.host")
    assert isinstance(pilot.scene, PickerScene)
    pilot.click("picker.choose")
    seats = pilot.scene
    assert isinstance(seats, HostSeatsScene)
    # A laptop for every delegation to start with, each able to have a PIN.
    assert all(seats.choice(actor) == "remote" for actor, *_ in seats.rows)
    assert all(pin.enabled for *_, pin in seats.rows)


# --- the host's screen ---------------------------------------------------------------------


def test_the_host_screen_shows_the_join_address_code_and_a_qr_code_of_the_address(
    make_pilot: MakePilot,
) -> None:
    pilot = host_screen(make_pilot)
    scene = pilot.scene
    assert isinstance(scene, HostScene)
    address = scene.hosted.address
    assert address == f"ws://127.0.0.1:{scene.hosted.server.port}"
    assert text_of(pilot, "host.address") == address
    assert invite.join_code(address) in text_of(pilot, "host.code")
    # The QR code drawn is the address's: every module's centre has its colour.
    frame = pilot.screenshot()
    matrix = qr_matrix(address)
    box = scene.qr.rect
    module = min(box.size) // len(matrix)
    assert module >= 2
    left = box.centerx - module * len(matrix) // 2
    top = box.centery - module * len(matrix) // 2
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            pixel = frame.get_at((left + x * module + module // 2, top + y * module + module // 2))
            assert (pixel.r < 128) == dark, (x, y)
    scene.stop()


def test_the_host_screen_shows_who_has_joined_waits_and_dropped(make_pilot: MakePilot) -> None:
    pilot = host_screen(make_pilot)
    scene = pilot.scene
    assert isinstance(scene, HostScene)
    url = f"ws://127.0.0.1:{scene.hosted.server.port}"
    assert text_of(pilot, "host.seat.us.state") == "waiting"
    assert text_of(pilot, "host.seat.nato.state") == "AI delegate"
    joining = join_in_background(url, "us")
    watching = join_in_background(url, None)
    pump_until(pilot, lambda: joining.poll() is not None and watching.poll() is not None, "joins")
    laptop = joining.poll()
    assert laptop is not None
    assert laptop.value is not None, laptop.error
    pump_until(pilot, lambda: text_of(pilot, "host.seat.us.state") == "joined", "us joined")
    assert text_of(pilot, "host.seat.russia.state") == "waiting"
    assert text_of(pilot, "host.spectators") == "1 watching"
    assert not pilot.widget("host.ai.us").visible  # a joined seat is not given away
    laptop.value.connection.close()
    pump_until(pilot, lambda: text_of(pilot, "host.seat.us.state") == "dropped", "us dropped")
    assert pilot.widget("host.ai.us").visible
    scene.stop()


def test_a_delegation_at_the_host_plays_at_its_table_and_the_laptops_hear_it(
    make_pilot: MakePilot,
) -> None:
    pilot = host_screen(make_pilot, here="us")
    scene = pilot.scene
    assert isinstance(scene, HostScene)
    assert scene.hosted.host.remote == {"russia"}
    joining = join_in_background(f"ws://127.0.0.1:{scene.hosted.server.port}", "russia")
    pump_until(pilot, lambda: joining.poll() is not None, "russia joined")
    done = joining.poll()
    assert done is not None
    russia = done.value
    assert russia is not None, done.error
    pilot.press("t")
    assert isinstance(pilot.scene, HandoverScene)  # the projector hides the US panel first
    pilot.click("handover.confirm")
    table = pilot.scene
    assert isinstance(table, TableScene)
    assert table.viewer_moves()
    pilot.click("table.pass")

    def heard() -> bool:
        russia.pump()  # the laptop reads what arrived
        return any(turn.action == "us pass" for turn in russia.mirror.turns)

    pump_until(pilot, heard, "the laptop heard the move")
    assert str(scene.hosted.host.session.log[0].action) == "us pass"
    scene.stop()


def test_the_console_works_on_the_host_screen_behind_its_pin(make_pilot: MakePilot) -> None:
    pilot = host_screen(make_pilot, console_pin="4321")
    scene = pilot.scene
    assert isinstance(scene, HostScene)
    pilot.press("f9")
    assert isinstance(pilot.scene, PinGate)
    pilot.type("4321")
    pilot.press("return")
    console = pilot.scene
    assert isinstance(console, FacilitatorConsole)
    assert console.game is scene.game  # the console runs the hosted game
    pilot.click("console.pause")
    assert scene.hosted.host.facilitation.paused
    pilot.press("escape")
    assert pilot.scene is scene
    assert text_of(pilot, "host.status") == "Paused by the facilitator."
    scene.stop()


def test_the_host_screen_shows_the_public_board_on_demand(make_pilot: MakePilot) -> None:
    pilot = host_screen(make_pilot)
    scene = pilot.scene
    assert isinstance(scene, HostScene)
    assert scene.transcript.visible
    assert not scene.board_panel.visible
    pilot.press("b")
    assert scene.board_panel.visible
    assert not scene.transcript.visible
    shown = " ".join(" ".join(scene.board.all_text()).split())
    scenario = geneva().scenario
    assert scenario.issues[0].name in shown
    for prefs in scenario.preferences.values():  # nobody's secret red line on the projector
        for line in prefs.red_lines:
            if not line.public:
                assert " ".join(line.reason.split())[:40] not in shown
    pilot.click("host.view")
    assert scene.transcript.visible
    scene.stop()


def test_the_host_screen_keys_are_in_the_help(make_pilot: MakePilot) -> None:
    pilot = host_screen(make_pilot)
    scene = pilot.scene
    assert isinstance(scene, HostScene)
    pilot.press("f1")
    help_text = shown_text(pilot.scene)
    for words in ("Open the table", "Facilitator console", "Stop hosting"):
        assert words in help_text
    scene.stop()


def test_the_facilitator_gives_a_waiting_seat_to_an_ai_delegate(make_pilot: MakePilot) -> None:
    pilot = host_screen(make_pilot)
    scene = pilot.scene
    assert isinstance(scene, HostScene)
    pilot.click("host.ai.us")
    assert scene.hosted.host.session.seat_of("us").kind is SeatKind.AI
    assert "us" not in scene.hosted.host.remote
    assert text_of(pilot, "host.seat.us.state") == "AI delegate"
    # The US delegate opens the game: the computer made its move at once.
    pump_until(pilot, lambda: bool(scene.hosted.host.session.log), "the AI moved for us")
    scene.stop()


def test_the_game_ends_with_the_debrief_on_the_projector_and_on_every_laptop(
    make_pilot: MakePilot,
) -> None:
    pilot = host_screen(make_pilot)
    scene = pilot.scene
    assert isinstance(scene, HostScene)
    joining = join_in_background(f"ws://127.0.0.1:{scene.hosted.server.port}", "russia")
    pump_until(pilot, lambda: joining.poll() is not None, "russia joined")
    done = joining.poll()
    assert done is not None
    assert done.value is not None, done.error
    laptop = done.value
    # The facilitator ends the game through the controller, as the console does.
    assert scene.game.apply(FacilitatorStep(EndGame())).ok
    pump_until(pilot, lambda: isinstance(pilot.scene, DebriefScene), "the projector's debrief")
    data = laptop.debrief_data(wait=REAL_WAIT)
    debrief = decode(Debrief, data)
    assert debrief.finished
    assert debrief.outcome is not None
    us = next(a for a in debrief.actors if a.id == "us")
    assert us.briefing  # revealed at the end, to every laptop
    pilot.press("escape")  # the debrief closes onto the host's screen, still hosting
    assert isinstance(pilot.scene, HostScene)
    scene.stop()


# --- the join screen -----------------------------------------------------------------------


def test_the_join_screen_lists_found_hosts_and_reads_a_hosts_seats(
    make_pilot: MakePilot,
) -> None:
    with host_thread(new_session(), {"us", "russia"}) as host:
        found = [FoundHost("Geneva talks on teacher-pc", host.url, "geneva-2022")]
        pilot = make_pilot(lambda ctx: JoinScene(ctx, find=lambda: found))
        scene = pilot.scene
        assert isinstance(scene, JoinScene)
        pump_until(pilot, lambda: bool(scene.found.items), "hosts found")
        assert text_of(pilot, "join.found.status").startswith("1 found")
        pilot.click_at(scene.found.row_rect(0).center)
        assert scene.address.text == host.url
        pump_until(pilot, lambda: scene.seat.enabled, "the host's seats")
        values = [value for value, _ in scene.seat.options]
        assert values == ["us", "russia", "spectate"]
        assert scene.chosen_seat() == "us"


def test_without_zeroconf_the_join_screen_says_so_and_takes_a_typed_address(
    make_pilot: MakePilot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(join_screen.discovery, "available", lambda: False)
    pilot = make_pilot(JoinScene)
    assert "zeroconf" in text_of(pilot, "join.found.status")
    assert not pilot.widget("join.search").enabled


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("ws://127.0.0.1:1", "cannot reach the host"),
        ("UUUUU-UUUUU", "not in a join code"),
        ("http://127.0.0.1:1", "ws://ADDRESS:PORT"),
    ],
)
def test_an_address_that_does_not_work_is_one_clear_sentence(
    make_pilot: MakePilot, typed: str, said: str
) -> None:
    pilot = make_pilot(lambda ctx: JoinScene(ctx, find=None))
    scene = pilot.scene
    assert isinstance(scene, JoinScene)
    pilot.click("join.address")
    pilot.type(typed)
    pilot.press("return")
    pump_until(pilot, lambda: scene.probing is None, "the look at the host")
    message = text_of(pilot, "join.message")
    assert said in message
    assert "Traceback" not in message
    assert scene.message.color == "danger"
    assert isinstance(pilot.scene, JoinScene)


def test_a_refused_pin_is_said_on_the_join_screen(make_pilot: MakePilot) -> None:
    session = new_session()
    session.pins = {"us": PinHash.make("4821")}
    with host_thread(session, {"us", "russia"}) as host:
        pilot = make_pilot(
            lambda ctx: JoinScene(
                ctx, address=host.url, seat="us", pin="1111", auto=True, find=None
            )
        )
        scene = pilot.scene
        assert isinstance(scene, JoinScene)
        pump_until(pilot, lambda: scene.joining is None, "the refusal")
        assert "wrong PIN" in text_of(pilot, "join.message")
        assert scene.pin.text == ""  # typed again, not kept
        assert isinstance(pilot.scene, JoinScene)


# --- a laptop's table ----------------------------------------------------------------------


def laptop(make_pilot: MakePilot, host: HostThread, seat: str | None) -> Pilot:
    """A window that joined ``host`` as ``seat`` and went past the briefing to the table."""
    spectate = seat is None
    pilot = make_pilot(
        lambda ctx: JoinScene(
            ctx, address=host.url, seat=seat, spectate=spectate, auto=True, find=None
        ),
        ai_pace="fast",
    )
    pump_until(pilot, lambda: not isinstance(pilot.scene, JoinScene), "joined")
    if isinstance(pilot.scene, BriefingScene):
        pilot.click("briefing.done")
    assert isinstance(pilot.scene, LaptopTable), pilot.scene
    return pilot


def test_a_window_laptop_plays_a_move_that_the_host_applies(make_pilot: MakePilot) -> None:
    with host_thread(new_session(remote=("us",)), {"us"}) as host:
        pilot = laptop(make_pilot, host, "us")
        table = pilot.scene
        assert isinstance(table, LaptopTable)
        play_until(pilot, lambda p: isinstance(p.scene, LaptopTable) and table.viewer_moves())
        moves_before = host.call(lambda: len(host.hosted.host.session.log))
        pilot.click("table.pass")
        assert pilot.app.crashes == []
        log = host.call(lambda: [str(e.action) for e in host.hosted.host.session.log])
        assert len(log) > moves_before
        assert log[moves_before] == "us pass"
        assert any("pass" in text.lower() for text in table.transcript.all_text())


def test_a_spectator_window_shows_the_public_table_only(make_pilot: MakePilot) -> None:
    with host_thread(new_session(remote=("us",)), {"us"}) as host:
        pilot = laptop(make_pilot, host, None)
        table = pilot.scene
        assert isinstance(table, LaptopTable)
        assert table.viewer is None
        private = geneva().scenario.actor("us").briefing.strip()[:60]
        assert private not in "\n".join(table.all_text())


def test_a_dropped_laptop_shows_rejoining_and_takes_its_seat_back(make_pilot: MakePilot) -> None:
    session = new_session(remote=("us",))
    session.pins = {"us": PinHash.make("4821")}
    with host_thread(session, {"us"}) as host:
        pilot = make_pilot(
            lambda ctx: JoinScene(
                ctx, address=host.url, seat="us", pin="4821", auto=True, find=None
            )
        )
        pump_until(pilot, lambda: isinstance(pilot.scene, BriefingScene), "joined")
        pilot.click("briefing.done")
        table = pilot.scene
        assert isinstance(table, LaptopTable)
        table.remote.connection.close()  # the Wi-Fi goes
        pump_until(pilot, lambda: isinstance(pilot.scene, RejoinScene), "connection lost")
        assert text_of(pilot, "rejoin.title") == "Connection lost — rejoining"
        pump_until(pilot, lambda: pilot.scene is table, "rejoined")
        assert table.remote.lost is None
        assert host.call(lambda: host.hosted.host.seat_state("us")) == "joined"


def test_a_laptop_whose_seat_went_to_the_computer_stops_and_says_why(
    make_pilot: MakePilot,
) -> None:
    with host_thread(new_session(remote=("us",)), {"us"}) as host:
        pilot = laptop(make_pilot, host, "us")
        host.call(lambda: host.hosted.host.hand_to_ai("us", Seat(SeatKind.AI), host.hosted.clock()))
        pump_until(pilot, lambda: isinstance(pilot.scene, RejoinScene), "connection closed")
        scene = pilot.scene
        assert isinstance(scene, RejoinScene)
        assert scene.stopped
        assert scene.tries == 0  # no try at taking back a seat the computer now plays
        assert text_of(pilot, "rejoin.title") == "This laptop is out of the game"
        assert "gave 'us' to the computer" in text_of(pilot, "rejoin.message")
        for _ in range(50):
            pilot.advance(ms=100)
        assert scene.tries == 0
        pilot.click("rejoin.leave")
        assert not any(isinstance(s, RejoinScene | LaptopTable) for s in pilot.app.stack)


def test_at_the_end_the_laptop_shows_the_debrief_the_host_sent(make_pilot: MakePilot) -> None:
    with host_thread(new_session(remote=("us",)), {"us"}) as host:
        pilot = laptop(make_pilot, host, "us")

        def end() -> None:
            turn = host.hosted.host.facilitation.submit(EndGame())
            host.hosted.host.publish([turn], 0, host.hosted.clock())

        host.call(end)
        play_until(pilot, lambda p: isinstance(p.scene, RoundSummaryScene))
        pilot.click("summary.continue")  # "See the debrief"
        play_until(pilot, lambda p: isinstance(p.scene, DebriefScene))
        debrief = pilot.scene
        assert isinstance(debrief, DebriefScene)
        assert debrief.debrief is not None
        assert debrief.debrief.finished
        text = shown_text(debrief)
        assert "DEBRIEF" in text
        assert "WHAT REALLY HAPPENED" in text
        for actor in geneva().scenario.actors:
            if actor.briefing:
                assert actor.name in text  # every briefing revealed, on the laptop too


# --- goldens -------------------------------------------------------------------------------


@pytest.mark.parametrize(("variant", "settings"), VARIANTS)
def test_golden_host_screen(
    make_pilot: MakePilot,
    monkeypatch: pytest.MonkeyPatch,
    variant: str,
    settings: dict[str, object],
) -> None:
    monkeypatch.setattr(HostedGame, "address", property(lambda _self: SHOWN_ADDRESS))
    pilot = host_screen(make_pilot, **settings)
    scene = pilot.scene
    assert isinstance(scene, HostScene)
    pilot.advance(2)
    assert_golden(pilot.screenshot(), f"host-screen-{variant}")
    scene.stop()


class _Unreachable:
    """The parts of ``RemoteGame`` the rejoin screen uses, for a host that stays away."""

    url = SHOWN_ADDRESS
    lost = "the connection was lost"
    rejoinable = True

    def reconnect(self) -> None:
        raise NetError(f"cannot reach the host at {SHOWN_ADDRESS}: [Errno 111] Connection refused")


class _Refusing(_Unreachable):
    def reconnect(self) -> None:
        raise RefusedError("the host refused: wrong PIN for 'us'", "wrong-pin")


class _HeldStill(_Unreachable):
    def reconnect(self) -> None:  # the host has not yet seen this laptop's old line drop
        raise RefusedError("the host refused: 'us' is taken by another laptop", "seat-taken")


def test_a_seat_still_held_by_the_lost_connection_is_tried_again(make_pilot: MakePilot) -> None:
    pilot = make_pilot(lambda ctx: RejoinScene(ctx, _HeldStill()))  # type: ignore[arg-type]
    scene = pilot.scene
    assert isinstance(scene, RejoinScene)
    pump_until(pilot, lambda: scene.tries >= 2, "a second try")
    assert not scene.stopped
    assert "Trying again" in text_of(pilot, "rejoin.status")


def test_a_rejoin_the_host_refuses_is_not_tried_again(make_pilot: MakePilot) -> None:
    pilot = make_pilot(lambda ctx: RejoinScene(ctx, _Refusing()))  # type: ignore[arg-type]
    scene = pilot.scene
    assert isinstance(scene, RejoinScene)
    pump_until(pilot, lambda: scene.stopped, "the refusal came back")
    for _ in range(50):  # well past RETRY_MS
        pilot.advance(ms=100)
    assert scene.tries == 1
    assert "wrong PIN" in text_of(pilot, "rejoin.message")
    assert "Ask the facilitator" in text_of(pilot, "rejoin.status")


@pytest.mark.parametrize(("variant", "settings"), VARIANTS)
def test_golden_rejoin_screen(
    make_pilot: MakePilot, variant: str, settings: dict[str, object]
) -> None:
    pilot = make_pilot(lambda ctx: RejoinScene(ctx, _Unreachable()), **settings)  # type: ignore[arg-type]
    scene = pilot.scene
    assert isinstance(scene, RejoinScene)
    pump_until(pilot, lambda: scene.tries == 1 and scene.task is None, "the first try failed")
    assert "Connection refused" in text_of(pilot, "rejoin.status")
    assert_golden(pilot.screenshot(), f"rejoin-screen-{variant}")


@pytest.mark.parametrize(("variant", "settings"), VARIANTS)
def test_golden_join_screen(
    make_pilot: MakePilot, variant: str, settings: dict[str, object]
) -> None:
    found = [FoundHost("Geneva talks on teacher-pc", SHOWN_ADDRESS, "geneva-2022")]
    pilot = make_pilot(lambda ctx: JoinScene(ctx, find=lambda: found), **settings)
    scene = pilot.scene
    assert isinstance(scene, JoinScene)
    pump_until(pilot, lambda: bool(scene.found.items), "hosts found")
    assert_golden(pilot.screenshot(), f"join-screen-{variant}")
