"""``redlines host``: the teacher's machine hosts a game that laptops join over the network.

The host is authoritative: it alone runs the engine, the computer seats, the
turn timer and the autosave; each delegation's laptop joins with ``redlines
join`` (see docs/network.md).  ``--headless`` runs with no window and prints
``listening on ws://ADDRESS:PORT``, the transcript as it happens, and at the
end the outcome, the scores and the ``digest:`` line of ``redlines play --text``;
without it the host's window opens on the host's screen (the projector's view:
the join address, code and QR code, who has joined, the facilitator's console).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.cli import options
from game.errors import UserError
from game.paths import DEFAULT_SCENARIO
from game.session.agents import fresh_seed

if TYPE_CHECKING:
    from game.net.hosting import HostedGame
    from game.session.session import Session

HELP = "host a classroom game on this network: laptops join it with 'redlines join'"


def configure(parser: argparse.ArgumentParser) -> None:
    from game.net.protocol import DEFAULT_PORT

    options.add_game_scenario(parser)
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        metavar="N",
        help=f"the TCP port to listen on (default: {DEFAULT_PORT}; 0: any free port)",
    )
    parser.add_argument(
        "--bind",
        default="0.0.0.0",
        metavar="ADDRESS",
        help="the address to listen on (default: every network of this machine; "
        "127.0.0.1: this machine only)",
    )
    parser.add_argument(
        "--seats",
        metavar="SPEC",
        help="who plays each delegation: remote (a laptop joins), human (played here), "
        "ai[:easy|hard] or random, e.g. all=remote,ACTOR=ai (default: every delegation remote)",
    )
    options.add_game_seed(parser)
    parser.add_argument(
        "--pins",
        metavar="SPEC",
        help="a PIN per delegation, ACTOR=PIN,...: a laptop joins (or rejoins) "
        "that seat only with it (kept hashed, in the autosave too)",
    )
    options.add_timer_and_pin(
        parser,
        metavar="S",
        timer_help="a turn timer: a delegation that does not move in S seconds passes",
        pin_help="protect the host window's facilitator console with this PIN",
    )
    parser.add_argument(
        "--headless",
        action="store_true",
        help="no window and no facilitator console: print the address, the transcript "
        "and the result (for tests, and for a host without a display)",
    )
    parser.add_argument(
        "--resume",
        type=Path,
        metavar="SAVE",
        help="carry on a hosted game from its save or autosave (a restarted host); "
        "its human seats are remote again and the laptops rejoin",
    )


def run(args: argparse.Namespace) -> int:
    if args.headless and args.facilitator_pin is not None:
        raise UserError(
            "--facilitator-pin protects the host window's console; --headless has no console"
        )
    if not 0 <= args.port <= 65535:
        raise UserError(f"--port {args.port}: a TCP port is 0 to 65535")
    session, remote = _session(args)
    humans = [a for a, seat in session.seats.items() if seat.is_human and a not in remote]
    if humans and args.headless:
        raise UserError(
            f"{humans[0]!r} is a human seat, played at the host's window; --headless has "
            "none: make it remote or ai"
        )
    from game.export.debrief import build_debrief
    from game.net.hosting import HostedGame

    # The laptops' windows show the whole debrief: ``over`` carries it.
    hosted = HostedGame(
        session,
        remote,
        bind=args.bind,
        port=args.port,
        turn_seconds=args.timer,
        reveal=build_debrief,
    )
    if not args.headless:
        return _window(args, hosted)
    return _headless(hosted, session)


def _window(args: argparse.Namespace, hosted: HostedGame) -> int:
    """The host's window: it listens first (a taken port is a message here, not in it)."""
    from game.session.pins import PinHash
    from game.ui.main import run_game  # pygame loads only for the window
    from game.ui.screens.network.hosting import HostScene

    pin = PinHash.make(args.facilitator_pin) if args.facilitator_pin is not None else None
    address = hosted.start(announce=not hosted.loopback)
    print(f"listening on {address}", flush=True)
    try:
        return run_game(
            turn_seconds=args.timer,
            facilitator_pin=pin,
            opening=lambda ctx: HostScene(ctx, hosted),
        )
    finally:
        hosted.stop()


def _headless(hosted: HostedGame, session: Session) -> int:
    from game import engine
    from game.engine.variants import has_types
    from game.net import invite
    from game.text import table
    from game.text.summary import seed_text, summarize, summary_lines

    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="host: %(message)s")
    names = table.names(engine.public_view(session.state))
    shown = 0

    def say(*lines: str) -> None:
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.flush()

    def transcript() -> None:
        nonlocal shown
        log = session.transcript
        shown = min(shown, len(log))  # an undo shortened it
        for event in log[shown:]:
            say("  " + "\n    ".join(part.strip() for part in event.text.strip().splitlines()))
        shown = len(log)

    hosted.host.on_turns.append(lambda _turns: transcript())
    address = hosted.start(announce=not hosted.loopback)  # on failure it has stopped itself
    try:  # from here the server (and the announcement) must be stopped whatever happens
        say(f"listening on {address}")
        code = invite.join_code(address)
        if code is not None:
            say(f"join code: {code}")
        if sys.stdout.isatty():  # a teacher's terminal, maybe on the projector: the QR code
            say(invite.qr_text(address))
        seats = _seats_line(hosted, names)
        seed = seed_text(session.scenario, session.seed, session.is_over)
        say(f"{session.scenario.title}", f"{seed}   seats: {seats}")
        say(f"autosave: {session.autosave_file} (resume with --resume)")
        transcript()
        hosted.run_until_over()
    finally:
        hosted.stop()
        session.close()  # an agent seat's program goes with the host
    say(table.RULE, "The game is over.")
    say(*summary_lines(summarize(session), names))
    if has_types(session.scenario):  # withheld at the start: the seed tells the hidden types
        say(f"seed: {session.seed}")
    if session.save_warning:
        say(f"warning: {session.save_warning}")
    return 0


def _seats_line(hosted: HostedGame, names: dict[str, str]) -> str:
    return ", ".join(f"{names.get(a, a)} {k}" for a, k in hosted.host.kinds.items())


def _session(args: argparse.Namespace) -> tuple[Session, set[str]]:
    from game.net.hosting import parse_host_seats, parse_pins
    from game.scenario import load_scenario
    from game.session.session import Session
    from game.session.store import load

    if args.resume is not None:
        if args.scenario is not None or args.seed is not None:
            raise UserError("--resume takes the scenario and the seed from the save; give neither")
        session = load(args.resume, autosave=True)
        playable = [actor.id for actor in session.scenario.playable]
        seats, remote = parse_host_seats(args.seats, playable, base=session.seats)
        for actor, seat in seats.items():
            session.set_seat(actor, seat)
    else:
        loaded = load_scenario(args.scenario or DEFAULT_SCENARIO)
        playable = [actor.id for actor in loaded.scenario.playable]
        seats, remote = parse_host_seats(args.seats, playable)
        seed = args.seed if args.seed is not None else fresh_seed()
        session = Session(loaded, seed, seats, autosave=True)
    session.pins.update(parse_pins(args.pins, playable))
    session.persist()  # the autosave a restarted host resumes from exists from the start
    return session, remote
