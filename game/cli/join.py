"""``redlines join``: a delegation's laptop (or a spectator) joins a hosted game.

``--text`` plays in the terminal exactly as ``redlines play --text`` does for a
human seat: the moves go to the host, which judges them.  Without it the window
opens on the join screen and joins at once (without ``--seat`` it shows the
host's seats to choose from); ``--spectate`` shows the public table.  The address is the
one the host prints or shows (``ws://ADDRESS:PORT``).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from game.errors import UserError

if TYPE_CHECKING:
    from game.ui.kit.context import Context
    from game.ui.kit.scene import Scene

HELP = "join a game hosted on this network (redlines host): as a delegation or a spectator"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "address",
        nargs="?",
        metavar="ws://ADDRESS:PORT",
        help="the host's address, or the join code it shows",
    )
    parser.add_argument("--seat", metavar="ID", help="the delegation this laptop plays")
    parser.add_argument("--pin", metavar="PIN", help="that delegation's PIN, if it has one")
    parser.add_argument(
        "--spectate", action="store_true", help="watch the public table: no seat, no moves"
    )
    parser.add_argument(
        "--text",
        action="store_true",
        help="play in the terminal (moves read line by line when stdin is not a terminal)",
    )
    parser.add_argument(
        "--find",
        action="store_true",
        help="list the hosts that announce themselves on this network (zeroconf) and stop",
    )


def run(args: argparse.Namespace) -> int:
    from game.net.protocol import Join

    if args.find:
        return _find()
    if args.address is None:
        raise UserError("give the host's address (ws://ADDRESS:PORT), or --find to look for hosts")

    if args.spectate and args.seat is not None:
        raise UserError("join with --seat ID (a delegation) or with --spectate, not both")
    if args.text and not args.spectate and args.seat is None:
        raise UserError("join with --seat ID (a delegation) or with --spectate")
    if args.spectate and args.pin is not None:
        raise UserError("--pin goes with --seat; a spectator needs none")
    if not args.text:
        return _window(args)
    from game.text.remote import RemoteTextGame

    join = Join(None) if args.spectate else Join(args.seat.strip().lower(), args.pin)
    game = RemoteTextGame(args.address, join, sys.stdin, sys.stdout, interactive=sys.stdin.isatty())
    return game.run()


def _window(args: argparse.Namespace) -> int:
    """The window's join screen, joining at once; what goes wrong is said on it."""
    from game.net.client import check_url
    from game.ui.main import run_game  # pygame loads only for the window
    from game.ui.screens.network.join import JoinScene

    address = check_url(args.address)  # a mistyped address or code: one line, no window
    seat = args.seat.strip().lower() if args.seat is not None else None

    def opening(ctx: Context) -> Scene:
        return JoinScene(
            ctx, address=address, seat=seat, pin=args.pin or "", spectate=args.spectate, auto=True
        )

    return run_game(opening=opening)


def _find() -> int:
    from game.net.discovery import browse

    hosts = browse()
    if not hosts:
        print("no host found on this network (it may block multicast): type the host's address")
        return 0
    for host in hosts:
        print(f"{host.url}  {host.name}  [{host.scenario}]")
    return 0
