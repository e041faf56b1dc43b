"""A classroom on loopback: a host, three delegations' laptops and 30 spectators.

Run: ``python benchmarks/net.py [--games N] [--spectators N] [--idle-seconds S]``.  Starts
``redlines host --headless`` (a process of its own, as in class) with every delegation
remote, joins the three delegations and the spectators from one asyncio client here, and
plays whole games of passes.  Prints the time from a laptop sending its move to the last
of the 33 clients having the update (an upper bound on move-arrival-to-every-client: it
adds one loopback hop), p50 and p99; the host's CPU while everyone is joined and nobody
moves; the host's memory per joined client; and how long a spectator's join waits when it
comes just after the three delegations' joins with their PINs (each PIN check is a slow
hash on purpose: on the host's loop it would hold up everyone).  Ends with one summary line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

DELEGATIONS = ("us", "russia", "nato")
PINS = {"us": "4821", "russia": "7730", "nato": "1964"}
TICKS = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def start_host(home: Path, seed: int) -> tuple[subprocess.Popen[str], str]:
    env = dict(os.environ, REDLINES_HOME=str(home), PYTHONIOENCODING="utf-8")
    root = Path(__file__).resolve().parent.parent
    host = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "game",
            "host",
            "--headless",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--seed",
            str(seed),
            "--seats",
            "all=remote",
            "--pins",
            ",".join(f"{seat}={pin}" for seat, pin in PINS.items()),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        text=True,
        cwd=root,
        env=env,
    )
    assert host.stdout is not None
    match = re.fullmatch(r"listening on (ws://\S+)\n", host.stdout.readline())
    assert match, "the host did not start"
    return host, match.group(1)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def rss_bytes(pid: int) -> int:
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE


class Client:
    """One joined client: counts the updates it has had and when each arrived."""

    def __init__(self, ws: ClientConnection, seat: str | None) -> None:
        self.ws = ws
        self.seat = seat
        self.updates: list[float] = []
        self.prompts: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.over = asyncio.Event()
        self.target = 0  # the update the benchmark waits for
        self.reached = asyncio.Event()

    async def listen(self) -> None:
        async for message in self.ws:
            frame = json.loads(message)
            kind = frame["type"]
            if kind == "update":
                self.updates.append(time.perf_counter())
                if len(self.updates) >= self.target:
                    self.reached.set()
            elif kind == "your-move":
                await self.prompts.put(frame)
            elif kind == "over":
                self.over.set()
                return


async def send_join(url: str, seat: str | None) -> ClientConnection:
    ws = await connect(url, max_size=None, compression=None)
    frame = {"type": "join", "protocol": 1, "seat": seat, "pin": PINS.get(seat or "")}
    if seat is None:
        frame = {"type": "join", "protocol": 1, "spectate": True}
    await ws.send(json.dumps(frame))
    return ws


async def welcomed(ws: ClientConnection, seat: str | None) -> Client:
    welcome = json.loads(await ws.recv())
    assert welcome["type"] == "welcome", welcome
    return Client(ws, seat)


async def join(url: str, seat: str | None) -> Client:
    return await welcomed(await send_join(url, seat), seat)


async def join_all(url: str) -> tuple[dict[str, Client], float]:
    """The delegations join with their PINs at once and a spectator right after them: the
    delegations, and how long the spectator waited for its welcome (ms)."""
    sockets = {seat: await send_join(url, seat) for seat in DELEGATIONS}
    start = time.perf_counter()
    watcher = await join(url, None)
    waited = (time.perf_counter() - start) * 1000
    await watcher.ws.close()
    seats = {seat: await welcomed(ws, seat) for seat, ws in sockets.items()}
    return seats, waited


async def wait_for(clients: list[Client], count: int) -> None:
    for c in clients:
        if len(c.updates) < count:
            await c.reached.wait()


async def play(url: str, spectators: int, idle: float, pid: int) -> dict[str, Any]:
    rss_before = rss_bytes(pid)
    seats, pin_wait = await join_all(url)
    watchers = [await join(url, None) for _ in range(spectators)]
    clients = [*seats.values(), *watchers]
    tasks = [asyncio.create_task(c.listen()) for c in clients]
    await asyncio.sleep(0.5)  # the roster frames of the joins settle
    rss_after = rss_bytes(pid)
    cpu0, t0 = cpu_seconds(pid), time.monotonic()
    await asyncio.sleep(idle)
    idle_cpu = (cpu_seconds(pid) - cpu0) / (time.monotonic() - t0) * 100
    latencies = []
    sent = 0
    cpu_start = cpu_seconds(pid)
    while True:
        prompts = [asyncio.create_task(c.prompts.get()) for c in seats.values()]
        overs = [asyncio.create_task(c.over.wait()) for c in clients[:1]]
        done, pending = await asyncio.wait([*prompts, *overs], return_when="FIRST_COMPLETED")
        for task in pending:
            task.cancel()
        if clients[0].over.is_set():
            break
        prompt = next(t.result() for t in done if t in prompts)
        mover = prompt["seat"]
        for c in clients:
            c.target = sent + 1
            c.reached.clear()
        start = time.perf_counter()
        await seats[mover].ws.send(json.dumps({"type": "act", "action": f"{mover} pass"}))
        sent += 1
        await wait_for(clients, sent)
        latencies.append((max(c.updates[sent - 1] for c in clients) - start) * 1000)
    cpu_per_move = (cpu_seconds(pid) - cpu_start) / max(1, sent) * 1000
    await asyncio.gather(*tasks, return_exceptions=True)
    for c in clients:
        await c.ws.close()
    return {
        "latencies": latencies,
        "idle_cpu": idle_cpu,
        "per_client": (rss_after - rss_before) / len(clients),
        "cpu_per_move": cpu_per_move,
        "pin_wait": pin_wait,
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=3)
    parser.add_argument("--spectators", type=int, default=30)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    args = parser.parse_args()
    latencies: list[float] = []
    idles: list[float] = []
    per_client: list[float] = []
    cpu_moves: list[float] = []
    pin_waits: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for game in range(args.games):
            host, url = start_host(Path(tmp) / str(game), seed=game + 1)
            try:
                result = asyncio.run(play(url, args.spectators, args.idle_seconds, host.pid))
            finally:
                host.wait(60)
            latencies += result["latencies"]
            idles.append(result["idle_cpu"])
            per_client.append(result["per_client"])
            cpu_moves.append(result["cpu_per_move"])
            pin_waits.append(result["pin_wait"])
            print(
                f"game {game + 1}: {len(result['latencies'])} moves to {len(DELEGATIONS)} "
                f"delegations and {args.spectators} spectators: p50 "
                f"{percentile(result['latencies'], 0.5):.2f} ms, p99 "
                f"{percentile(result['latencies'], 0.99):.2f} ms; idle CPU "
                f"{result['idle_cpu']:.2f} %; memory {result['per_client'] / 1024:.0f} KiB "
                f"per client; a spectator's join behind 3 PIN joins {result['pin_wait']:.1f} ms"
            )
    p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
    idle, memory = max(idles), statistics.mean(per_client)
    print(
        f"move sent -> all {len(DELEGATIONS) + args.spectators} clients updated: "
        f"p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {max(latencies):.2f} ms "
        f"({len(latencies)} moves)"
    )
    print(f"host CPU while idle for {args.idle_seconds:.0f} s, all joined: {idle:.2f} % of a core")
    print(f"host memory per joined client: {memory / 1024:.0f} KiB")
    pin_wait = max(pin_waits)
    print(
        f"a spectator's welcome right behind {len(DELEGATIONS)} joins with PINs: "
        f"max {pin_wait:.1f} ms (the PIN checks run off the host's loop)"
    )
    print(
        f"host CPU per move (apply, autosave, {len(DELEGATIONS) + args.spectators} updates): "
        f"{statistics.mean(cpu_moves):.2f} ms; machine load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores (latency includes waiting for a core)"
    )
    ok = p99 < 50 and idle < 3 and pin_wait < 50
    print(
        f"SUMMARY net: move-to-every-client p50 {p50:.2f} ms, p99 {p99:.2f} ms (<50) with "
        f"{args.spectators} spectators, idle CPU {idle:.2f} % (<3), {memory / 1024:.0f} KiB/client"
        f", join behind PIN checks {pin_wait:.1f} ms (<50)"
        f" -> {'all targets met' if ok else 'TARGET MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
