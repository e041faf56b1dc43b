"""``redlines play``: open the game window, or play in the terminal with ``--text``.

The terminal mode prints the table as text and reads one command a line, from
a person at a terminal or from a script piped into stdin; end of input saves
and quits.  It drives a ``Session`` and never decides a rule itself.  The
classroom options (``--watch``, ``--timer``, ``--facilitator-pin``) go to the
terminal loop of ``game.text.classroom`` or to the window.  ``--resume``
loads the save before any window opens, so a broken one is one message, exit 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.cli import options
from game.errors import UserError
from game.paths import DEFAULT_SCENARIO
from game.session.agents import fresh_seed
from game.session.seat_options import add_agent_timeout, check_agent_programs

if TYPE_CHECKING:
    from game.scenario import LoadedScenario
    from game.session.session import LoadedLike, Session
    from game.session.watch import ScenarioWatcher

HELP = "play a game: in the window, or in the terminal with --text"


def configure(parser: argparse.ArgumentParser) -> None:
    options.add_game_scenario(parser)
    parser.add_argument(
        "--text",
        action="store_true",
        help="play in the terminal, not a window (computer delegations say their words as "
        "they move; their private rationales are printed when the game is over)",
    )
    parser.add_argument(
        "--seats",
        metavar="SPEC",
        help="who plays each delegation, e.g. ACTOR=human,ACTOR=ai:hard,ACTOR=random, "
        "ACTOR=agent:PATH (an outside program, docs/agents.md) or ACTOR=human,all=random; "
        "all=KIND sets every delegation the spec does not name, wherever it stands "
        "(default: the first delegation human, the others ai)",
    )
    add_agent_timeout(parser)
    options.add_game_seed(parser)
    parser.add_argument(
        "--save",
        type=Path,
        metavar="FILE",
        help="also save the game to FILE after every move (with --text or --resume); a file "
        "holding another game is not replaced without --force",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="let --save replace FILE even if it holds another game (never a device, a pipe "
        "or the scenario)",
    )
    parser.add_argument(
        "--resume",
        type=Path,
        metavar="SAVE",
        help="continue a saved game: the window opens on it (or the terminal, with --text); "
        "a save that cannot be loaded is refused with its reason before anything opens",
    )
    parser.add_argument(
        "--scenario",
        dest="scenario_file",
        type=Path,
        metavar="PATH",
        help="with --resume: the scenario file the game was played on, if it has moved",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="reload the scenario file when it changes: the game restarts where its moves "
        "still replay; a broken file shows its errors and the game goes on (in the "
        "terminal the file is checked at each input line: press Enter to check)",
    )
    options.add_timer_and_pin(
        parser,
        timer_help="a turn timer: a delegation that does not move in time passes (in the "
        "terminal it is enforced when the next line is typed: a move that comes too late "
        "is not used)",
        pin_help="protect the facilitator console with this PIN (window only; kept hashed)",
    )


def run(args: argparse.Namespace) -> int:
    _clean_stale_files(args.save)
    if not args.text:
        return _window(args)
    if args.facilitator_pin is not None:
        raise UserError(
            "--facilitator-pin protects the window's facilitator console; "
            "the terminal mode has none (facilitator actions are typed in the game's notation)"
        )
    session = _session(args)
    interactive = sys.stdin.isatty()
    if not args.watch and args.timer is None:
        from game.text.terminal import TextGame

        return TextGame(session, sys.stdin, sys.stdout, interactive=interactive).run()
    from game.text.classroom import ClassroomTextGame

    watcher = _watcher(session.loaded) if args.watch else None
    game = ClassroomTextGame(
        session,
        sys.stdin,
        sys.stdout,
        interactive=interactive,
        watcher=watcher,
        turn_seconds=args.timer,
    )
    return game.run()


def _clean_stale_files(save: Path | None) -> None:
    """Temporary files of saves killed mid-write: ours, in our folders and beside ``--save``."""
    from game.fileio import clean_stale_temporaries
    from game.session.autosaves import clean_stale_files

    clean_stale_files()
    if save is not None:
        clean_stale_temporaries(save.parent, name=save.name)


def _watcher(loaded: LoadedLike) -> ScenarioWatcher:
    from game.scenario import LoadedScenario
    from game.session.watch import ScenarioWatcher

    if loaded.path is None or not isinstance(loaded, LoadedScenario):
        raise UserError("--watch needs a scenario file to watch")
    return ScenarioWatcher(loaded.path, loaded=loaded)


def _window(args: argparse.Namespace) -> int:
    from game.session.pins import PinHash

    resumed: Session | None = None
    loaded: LoadedScenario | None = None
    seats = None
    if args.resume is not None or args.scenario_file is not None:
        resumed = _session(args)  # a broken save stops here, before the window opens
        watched: LoadedLike = resumed.loaded
    elif args.save is not None:
        raise UserError(
            "--save works with --text or --resume; a new game in the window is "
            "autosaved (the title's Continue and Load open it)"
        )
    else:
        from game.scenario import load_scenario
        from game.session.seats import parse_seats, with_agent_timeout

        loaded = watched = load_scenario(args.scenario or DEFAULT_SCENARIO)
        if args.seats is not None:
            seats = parse_seats(args.seats, [actor.id for actor in loaded.scenario.playable])
            seats = with_agent_timeout(seats, args.agent_timeout)
            check_agent_programs(seats.values())
    pin = None
    if args.facilitator_pin is not None:
        pin = PinHash.make(args.facilitator_pin)  # the window keeps the hash, never the PIN
    from game.ui.main import run_game  # here, not at the top: pygame loads only for the window

    return run_game(
        loaded,
        seats,
        args.seed,
        watch=_watcher(watched) if args.watch else None,
        turn_seconds=args.timer,
        facilitator_pin=pin,
        resume=resumed,
    )


def _session(args: argparse.Namespace) -> Session:
    from game.scenario import load_scenario
    from game.session.seats import computer_seats, parse_seats, with_agent_timeout
    from game.session.session import Session
    from game.session.store import load

    if args.scenario_file is not None and args.resume is None:
        raise UserError(
            "--scenario points --resume at the game's scenario file; without "
            "--resume, give the scenario as the first argument"
        )
    if args.resume is not None:
        if args.scenario is not None or args.seed is not None:
            raise UserError("--resume takes the scenario and the seed from the save; give neither")
        session = load(args.resume, autosave=True, save_path=args.save, scenario=args.scenario_file)
        if args.seats is not None:
            # The spec overrides only the seats it names; the others stay as saved.
            playable = [actor.id for actor in session.scenario.playable]
            seats = parse_seats(args.seats, playable, base=session.seats)
            seats = with_agent_timeout(seats, args.agent_timeout)
            check_agent_programs(seats.values())
            for actor, seat in seats.items():
                session.set_seat(actor, seat)
    else:
        loaded = load_scenario(args.scenario or DEFAULT_SCENARIO)
        seats = parse_seats(
            args.seats,
            [actor.id for actor in loaded.scenario.playable],
            computer=computer_seats(loaded.scenario),
        )
        seats = with_agent_timeout(seats, args.agent_timeout)
        check_agent_programs(seats.values())
        seed = args.seed if args.seed is not None else fresh_seed()
        session = Session(loaded, seed, seats, autosave=True, save_path=args.save)
    if args.save is not None:
        from game.session.save_target import check_save_target

        check_save_target(args.save, session, force=args.force, resumed=args.resume)
        # A --save that cannot be written is found now, not after a whole game.
        session.save(args.save)
    return session
