"""Finding hosts on the school network with zeroconf (mDNS): optional, never required.

A host announces itself as a ``_redlines._tcp`` service; ``browse`` lists the hosts
that answer within a few seconds.  Networks that block multicast (many guest Wi-Fi
networks do) simply find nothing, and every failure here is logged and swallowed:
a typed ``ws://ADDRESS:PORT`` always works.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from dataclasses import dataclass

from game.net.protocol import PROTOCOL

log = logging.getLogger("game.net")

SERVICE = "_redlines._tcp.local."
MAX_NAME = 40  # characters of a service's name (mDNS labels are at most 63 bytes)


@dataclass(frozen=True, slots=True)
class FoundHost:
    """A host that answered on the network."""

    name: str  # what the teacher's machine calls the game
    url: str  # ws://ADDRESS:PORT
    scenario: str


class Announcement:
    """A host's service record, registered until ``close``."""

    def __init__(self, name: str, address: str, port: int, scenario: str) -> None:
        from zeroconf import IPVersion, ServiceInfo, Zeroconf

        label = "".join(c for c in name if c.isprintable() and c != ".")[:MAX_NAME] or "Red Lines"
        self._zc = Zeroconf(interfaces=[address], ip_version=IPVersion.V4Only)
        try:
            self._info = ServiceInfo(
                SERVICE,
                f"{label}.{SERVICE}",
                addresses=[socket.inet_aton(address)],
                port=port,
                properties={"protocol": str(PROTOCOL), "scenario": scenario},
                server=f"redlines-{port}.local.",
            )
            self._zc.register_service(self._info, allow_name_change=True)
        except BaseException:
            self._zc.close()  # its sockets and thread would outlive the refused announcement
            raise

    def close(self) -> None:
        try:
            self._zc.unregister_service(self._info)
        finally:
            self._zc.close()


def announce(name: str, address: str, port: int, scenario: str) -> Announcement | None:
    """Announce a host at ``address:port``; None (and a log line) when the network says no."""
    try:
        return Announcement(name, address, port, scenario)
    except Exception as exc:  # zeroconf raises many kinds; finding hosts is only a convenience
        log.warning("not announced on the network (%s); laptops can type the address", exc)
        return None


def browse(seconds: float = 3.0, *, interface: str | None = None) -> list[FoundHost]:
    """The hosts that answer within ``seconds`` (none when the network blocks multicast)."""
    try:
        from zeroconf import InterfaceChoice, IPVersion, ServiceBrowser, ServiceListener, Zeroconf

        interfaces = [interface] if interface else InterfaceChoice.All
        zc = Zeroconf(interfaces=interfaces, ip_version=IPVersion.V4Only)
    except Exception as exc:
        log.warning("cannot look for hosts on the network: %s", exc)
        return []
    names: list[str] = []
    lock = threading.Lock()

    class Listener(ServiceListener):
        def add_service(self, zc: Zeroconf, type_: str, name: str) -> None:  # noqa: ARG002
            with lock:
                names.append(name)

        def remove_service(self, zc: Zeroconf, type_: str, name: str) -> None:
            pass

        def update_service(self, zc: Zeroconf, type_: str, name: str) -> None:
            pass

    try:
        browser = ServiceBrowser(zc, SERVICE, Listener())
        time.sleep(seconds)  # mDNS answers come when they come: the wait is the search
        browser.cancel()
        with lock:
            found_names = list(dict.fromkeys(names))
        return [host for name in found_names if (host := _resolve(zc, name)) is not None]
    except Exception as exc:
        log.warning("looking for hosts failed: %s", exc)
        return []
    finally:
        zc.close()


def _resolve(zc: object, name: str) -> FoundHost | None:
    info = zc.get_service_info(SERVICE, name, timeout=2000)  # type: ignore[attr-defined]
    if info is None or not info.parsed_addresses():
        return None
    props = {
        k.decode(errors="replace"): (v or b"").decode(errors="replace")
        for k, v in info.properties.items()
    }
    if props.get("protocol") != str(PROTOCOL):
        return None  # another version's host: it would refuse us anyway
    label = name.removesuffix(f".{SERVICE}")
    return FoundHost(
        label, f"ws://{info.parsed_addresses()[0]}:{info.port}", props.get("scenario", "")
    )
