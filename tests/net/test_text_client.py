"""``redlines join --text`` against a host in memory: what a laptop's terminal shows."""

from __future__ import annotations

import io

from game.net.protocol import Join
from game.text.remote import RemoteTextGame
from tests.net.helpers import SEED, session
from tests.net.memory import MemoryNet


def play_in_memory(net: MemoryNet, join: Join, lines: list[str]) -> str:
    out = io.StringIO()
    laptop = RemoteTextGame(
        "ws://in-memory:1", join, io.StringIO("\n".join(lines) + "\n"), out, interactive=False
    )
    laptop.connection = net.connect(join)  # type: ignore[assignment]
    assert laptop.run() == 0
    return out.getvalue()


def test_the_seed_is_printed_only_at_the_end_with_the_digest() -> None:
    game = session(ai=("russia", "nato"))
    net = MemoryNet(game, ("us",))
    out = play_in_memory(net, Join("us"), ["us pass"] * 200)
    assert game.is_over
    lines = out.splitlines()
    seeds = [i for i, line in enumerate(lines) if line.startswith("seed:") or " seed: " in line]
    digest = lines.index(f"digest: {game.digest()}")
    assert [lines[i] for i in seeds] == [f"seed: {SEED}"]
    assert seeds[0] > digest


def test_a_host_frame_nested_too_deeply_is_one_clean_error() -> None:
    import pytest

    from game.net.client import NetError, _parse

    with pytest.raises(NetError, match="not JSON"):
        _parse('{"type": ' + "[" * 100_000 + "]" * 100_000 + "}")
