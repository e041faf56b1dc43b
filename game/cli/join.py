"""``redlines join``: a delegation's laptop (or a spectator) joins a hosted game.

``--text`` plays in the terminal exactly as ``redlines play --text`` does for a
human seat: the moves go to the host, which judges them.  The address is the
one the host prints or shows (``ws://ADDRESS:PORT``).
"""

from __future__ import annotations

import argparse
import sys

from game.errors import UserError

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

    if args.spectate == (args.seat is not None):
        raise UserError("join with --seat ID (a delegation) or with --spectate, not both")
    if args.spectate and args.pin is not None:
        raise UserError("--pin goes with --seat; a spectator needs none")
    if not args.text:
        raise UserError("the game window does not join network games in this version: add --text")
    from game.text.remote import RemoteTextGame

    join = Join(None) if args.spectate else Join(args.seat.strip().lower(), args.pin)
    game = RemoteTextGame(args.address, join, sys.stdin, sys.stdout, interactive=sys.stdin.isatty())
    return game.run()


def _find() -> int:
    from game.net.discovery import browse

    hosts = browse()
    if not hosts:
        print("no host found on this network (it may block multicast): type the host's address")
        return 0
    for host in hosts:
        print(f"{host.url}  {host.name}  [{host.scenario}]")
    return 0
