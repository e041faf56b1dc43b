"""Zeroconf on loopback: a host announces itself and a laptop finds its address."""

from __future__ import annotations

import pytest

from game.net import discovery
from tests.net.helpers import hosted, session


@pytest.fixture
def _no_multicast_search() -> None:
    """This module searches the real network (the conftest's stand-in is off here)."""


@pytest.mark.slow  # waits for a real multicast announcement
def test_a_host_announces_itself_and_browse_finds_its_address() -> None:
    with hosted(session()) as host:
        announcement = discovery.announce(
            "Test class", "127.0.0.1", host.server.port, "geneva-2022"
        )
        assert announcement is not None
        try:
            found = discovery.browse(2.0, interface="127.0.0.1")
        finally:
            announcement.close()
    urls = {h.url: h for h in found}
    url = f"ws://127.0.0.1:{host.server.port}"
    assert url in urls
    assert urls[url].scenario == "geneva-2022"
    assert urls[url].name.startswith("Test class")


def test_a_network_that_refuses_gives_no_hosts_and_no_error() -> None:
    assert discovery.browse(0.1, interface="203.0.113.1") == []  # an address we do not have
    assert discovery.announce("x", "203.0.113.1", 8765, "s") is None
