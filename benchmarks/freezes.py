"""Work that used to grow too fast (issue 14, items 9-12), measured at the sizes that froze.

Run: ``python benchmarks/freezes.py``.  CPU time of this process for:

* wrapping one unbroken word of 2,000 / 16,000 / 99,999 letters at 600 px (9), with
  the ``font.size`` calls it took (it was n²: 16,000 letters took 0.8 s, 99,999 minutes);
* loading (replaying) a save of 10,000 bookmarks, and of 10,000 actions that are mostly
  proposals in one round the facilitator extended again and again: the worst case the
  save cap of 10,000 actions allows (10: 40,000 bookmarks took 8.7 s, 200,000 minutes);
* loading and linting (``validate``) a scenario at the size caps: 24 issues of 8
  options, 12 rounds of 20 turns (11: 200 issues took 11-14 s);
* the first chunk of a billion-game ``simulate`` (12: it built 4.7 GB of chunks first).

Targets: each wrap under 0.5 s, each load under 2 s, validate at the caps under 1.5 s,
the first chunk at once.  Ends with one summary line.
"""

from __future__ import annotations

import copy
import json
import os
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame
import yaml

from game import engine
from game.analysis import findings
from game.engine.actions import Bookmark, ExtendRound, Propose, Statement
from game.engine.model import Tone
from game.paths import bundled_scenario
from game.scenario import load_bytes, load_scenario
from game.session import store
from game.session.savefile import MAX_ACTIONS
from game.session.seats import Seat, SeatKind
from game.session.session import Session
from game.sim import runner
from game.ui.kit import text
from game.ui.kit.theme import load_theme

WRAP_TARGET, LOAD_TARGET, VALIDATE_TARGET = 0.5, 2.0, 1.5


def _cpu(call: object) -> float:
    start = time.process_time()
    call()  # type: ignore[operator]
    return time.process_time() - start


def wraps() -> list[float]:
    pygame.font.init()
    real = load_theme().font("body")

    class Counting:
        calls = 0

        def size(self, s: str) -> tuple[int, int]:
            Counting.calls += 1
            return real.size(s)

    font = Counting()
    out = []
    for n in (2_000, 16_000, 99_999):
        Counting.calls = 0
        seconds = _cpu(lambda n=n: text.wrap_lines(font, "W" * n, 600))  # type: ignore[arg-type]
        print(f"wrap {n:>6} letters: {seconds:6.3f} s  {Counting.calls:>6} font.size calls")
        out.append(seconds)
    return out


def _save(folder: Path, name: str, actions: list[str]) -> Path:
    loaded = load_scenario("geneva-2022")
    seats = {a.id: Seat(SeatKind.AI) for a in loaded.scenario.playable}
    path = folder / name
    Session(loaded, 7, seats, autosave=False).save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    n = len(actions)
    data.update(actions=actions, by=["human"] * n, rationales=[""] * n, remarks=[""] * n)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _proposals(count: int) -> list[str]:
    """Proposals in one round the facilitator extends whenever it nears its end."""
    sc = load_scenario("geneva-2022").scenario
    state = engine.new_game(sc, 7)
    issue = state.round.agenda[0]
    options = [o.id for o in sc.issue(issue).options]
    out: list[str] = []
    while len(out) < count:
        actor = engine.to_move(state) or ""
        action: engine.Action
        if state.turn >= state.round_turns - 1:
            action = ExtendRound(20)
        elif state.tension > 70:
            action = Statement(actor, Tone.CONCILIATORY, "")
        else:
            action = Propose(actor, ((issue, options[len(out) % len(options)]),))
        try:
            state, _ = engine.apply(state, action)
        except engine.ActionError:
            action = Statement(actor, Tone.CONCILIATORY, "")
            state, _ = engine.apply(state, action)
        out.append(engine.format_action(action))
    return out


def loads(folder: Path) -> list[float]:
    note = engine.format_action(Bookmark("note"))
    out = []
    for name, actions in (
        ("bookmarks", [note] * MAX_ACTIONS),
        ("proposals", _proposals(MAX_ACTIONS)),
    ):
        path = _save(folder, f"{name}.json", actions)
        seconds = _cpu(lambda path=path: store.load(path))
        print(f"load {MAX_ACTIONS:,} actions ({name}): {seconds:6.3f} s")
        out.append(seconds)
    return out


def at_the_caps() -> float:
    path = bundled_scenario("geneva-2022")
    assert path is not None
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    base = data["issues"][0]
    for k in range(len(data["issues"]), 24):
        extra = copy.deepcopy(base)
        extra.update(id=f"extra-{k}", status_quo="o0")
        extra["options"] = [{"id": f"o{j}", "label": f"Option {j}"} for j in range(8)]
        data["issues"].append(extra)
        for actor, prefs in data["preferences"].items():
            prefs["weights"][extra["id"]] = 5
            prefs["values"][extra["id"]] = {f"o{j}": (j + len(actor)) % 8 / 7 for j in range(8)}
    rounds = data["rounds"]
    data["rounds"] = [  # the bundled rounds keep their ids (events name them), then copies
        dict(
            copy.deepcopy(rounds[r % len(rounds)]),
            id=rounds[r]["id"] if r < len(rounds) else f"r{r}",
        )
        for r in range(12)
    ]
    for rnd in data["rounds"]:
        rnd["turns"] = 20
        rnd["agenda"] = [i["id"] for i in data["issues"]]
    raw = yaml.safe_dump(data, allow_unicode=True).encode("utf-8")
    seconds = _cpu(lambda: findings(load_bytes(raw, "caps.yaml").scenario))
    print(f"validate at the caps (24 issues x 8 options, 12 rounds x 20 turns): {seconds:6.3f} s")
    return seconds


def first_chunk() -> float:
    seconds = _cpu(lambda: list(islice(runner._chunks(1_000_000_000, 0), 1)))
    print(f"simulate --games 1000000000, first chunk: {seconds * 1e6:8.1f} us")
    return seconds


def main() -> int:
    wrap = wraps()
    with tempfile.TemporaryDirectory() as folder:
        load = loads(Path(folder))
    caps = at_the_caps()
    chunk = first_chunk()
    ok = max(wrap) < WRAP_TARGET and max(load) < LOAD_TARGET and caps < VALIDATE_TARGET
    print(
        f"summary: wrap 99,999 letters {wrap[-1]:.2f} s (target {WRAP_TARGET}), "
        f"load {MAX_ACTIONS:,} actions worst {max(load):.2f} s (target {LOAD_TARGET}), "
        f"validate at the caps {caps:.2f} s (target {VALIDATE_TARGET}), "
        f"first simulate chunk {chunk * 1e6:.0f} us; {'OK' if ok else 'SLOW'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
