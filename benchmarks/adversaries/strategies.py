"""Scripted adversaries for the AI delegates, each a player of the outside-agent protocol.

Every strategy works on the protocol's frames (docs/agents.md) and nothing else, so the
same class plays in-process in ``benchmarks/exploits.py`` (fast) and as a program:
each ``NAME.py`` beside this file runs one of them over stdin/stdout, e.g.
``redlines tournament geneva-2022 --agents agent:benchmarks/adversaries/accept_everything.py``.
Standard library only.
"""

from __future__ import annotations

import json
import sys
from typing import Any

Frame = dict[str, Any]


class Strategy:
    """What every strategy knows: who it is, its own preferences, the public scenario."""

    name = "base"

    def __init__(self, start: Frame) -> None:
        self.me: str = start["actor"]
        prefs = start["me"]
        self.weights: dict[str, float] = prefs["weights"]
        self.values: dict[str, dict[str, float]] = prefs["values"]
        self.reservation: float = prefs["reservation"]
        self.forbidden = {(ln["issue"], o) for ln in prefs["red_lines"] for o in ln["options"]}
        scenario = start["scenario"]
        self.issues = {i["id"]: i for i in scenario["issues"]}
        self.rounds = scenario["rounds"]
        self.levers = [lv for lv in scenario["levers"] if self.me in lv["owners"]]
        self.demands: dict[str, dict[str, str]] = {}
        for d in scenario.get("demands", []):
            self.demands.setdefault(d["actor"], {})[d["issue"]] = d["option"]
        self.decisions = 0

    # --- helpers -----------------------------------------------------------

    def settlement(self, frame: Frame, terms: dict[str, str]) -> dict[str, str]:
        """Every issue's option if ``terms`` were agreed now (provisional ones counted)."""
        out = {i: issue["status_quo"] for i, issue in self.issues.items()}
        out.update(frame["provisional"])
        out.update(frame["binding"])
        out.update(terms)
        return out

    def value(self, settled: dict[str, str]) -> float:
        return sum(w * self.values[i][settled[i]] for i, w in self.weights.items() if i in settled)

    def crosses(self, terms: dict[str, str]) -> bool:
        return any((i, o) in self.forbidden for i, o in terms.items())

    def ideal(self, frame: Frame) -> dict[str, str]:
        """Our best allowed option on each open agenda issue we care about."""
        out = {}
        for i in frame["agenda"]:
            if i in frame["binding"] or self.weights.get(i, 0.0) <= 0:
                continue
            allowed = [o for o in self.issues[i]["options"] if (i, o) not in self.forbidden]
            if allowed:
                out[i] = max(allowed, key=lambda o: self.values[i][o])
        return out

    def offers(self, frame: Frame) -> list[Frame]:
        """Proposals of others we may answer, newest first."""
        legal = set(frame["legal"])
        return [
            p
            for p in reversed(frame["proposals"])
            if p["by"] != self.me and f"{self.me} accept {p['number']}" in legal
        ]

    def say(self, tone: str, text: str) -> Frame:
        return {"action": f"{self.me} say {tone} {json.dumps(text)}"}

    def propose(self, terms: dict[str, str]) -> Frame:
        body = ",".join(f"{i}={o}" for i, o in sorted(terms.items()))
        return {"action": f"{self.me} propose {body}"}

    def pass_(self) -> Frame:
        return {"action": f"{self.me} pass"}

    def decide(self, frame: Frame) -> Frame:
        self.decisions += 1
        return self.move(frame)

    def move(self, frame: Frame) -> Frame:  # noqa: ARG002  (a strategy may ignore the table)
        return self.pass_()


class AcceptEverything(Strategy):
    """Accept every proposal put to us; otherwise pass."""

    name = "accept-everything"

    def move(self, frame: Frame) -> Frame:
        for p in self.offers(frame):
            return {"action": f"{self.me} accept {p['number']}"}
        return self.pass_()


class AcceptIfBetter(Strategy):
    """Accept any offer that raises our utility without crossing our red lines; else a
    conciliatory statement (the issue's "trivial player")."""

    name = "accept-if-better"

    def move(self, frame: Frame) -> Frame:
        now = self.value(self.settlement(frame, {}))
        for p in self.offers(frame):
            after = self.value(self.settlement(frame, p["terms"]))
            if not self.crosses(p["terms"]) and after > now + 1e-9:
                return {"action": f"{self.me} accept {p['number']}"}
        return self.say("conciliatory", "We are ready to listen.")


class ConsentDump(Strategy):
    """The issue's US script, generalised: pass three times, then give the others what
    they demand on the issues that need an absent actor's consent (so it never binds)
    and take what we want on the rest; then conciliatory statements."""

    name = "consent-dump"

    def move(self, frame: Frame) -> Frame:
        if self.decisions <= 3:
            return self.pass_()
        here = next(r["participants"] for r in self.rounds if r["id"] == frame["round_id"])
        terms: dict[str, str] = {}
        for i in frame["agenda"]:
            if i in frame["binding"]:
                continue
            absent = [a for a in self.issues[i]["consent"] if a not in here]
            if absent:
                wanted = [d[i] for a, d in self.demands.items() if a != self.me and i in d]
                if wanted and (i, wanted[0]) not in self.forbidden:
                    terms[i] = wanted[0]
        terms.update({i: o for i, o in self.ideal(frame).items() if i not in terms})
        mine = [p["terms"] for p in frame["proposals"] if p["by"] == self.me]
        if terms and terms not in mine and f"{self.me} propose" in " ".join(frame["legal"]):
            return self.propose(terms)
        return self.say("conciliatory", "We have shown our good will.")


class CheapTalk(Strategy):
    """Nothing but conciliatory statements."""

    name = "cheap-talk"

    def move(self, frame: Frame) -> Frame:  # noqa: ARG002  (talk whatever the table)
        return self.say("conciliatory", "We are committed to a peaceful solution.")


class AlwaysReject(Strategy):
    """Reject every proposal put to us; otherwise pass."""

    name = "always-reject"

    def move(self, frame: Frame) -> Frame:
        legal = set(frame["legal"])
        for p in frame["proposals"]:
            if f"{self.me} reject {p['number']}" in legal and p["by"] != self.me:
                return {"action": f"{self.me} reject {p['number']}"}
        return self.pass_()


class Stonewall(Strategy):
    """Propose our ideal package every turn and reject everything else."""

    name = "stonewall"

    def move(self, frame: Frame) -> Frame:
        legal = set(frame["legal"])
        for p in frame["proposals"]:
            if p["by"] != self.me and f"{self.me} reject {p['number']}" in legal:
                return {"action": f"{self.me} reject {p['number']}"}
        ideal = self.ideal(frame)
        mine = [p["terms"] for p in frame["proposals"] if p["by"] == self.me]
        if ideal and ideal not in mine:
            return self.propose(ideal)
        return self.say("firm", "Our position has not changed.")


class ThreatenAlways(Strategy):
    """Threaten with a lever every turn, "unless" our ideal terms; carry out when we can."""

    name = "threaten-always"

    def move(self, frame: Frame) -> Frame:
        legal = set(frame["legal"])
        ideal = self.ideal(frame)
        unless = ",".join(f"{i}={o}" for i, o in sorted(ideal.items())[:2])
        for lever in self.levers:
            bare = f"{self.me} threaten {lever['id']}"
            if bare in legal:
                return {"action": f"{bare} unless {unless}" if unless else bare}
        return self.say("hostile", "You will regret this.")


class Mirror(Strategy):
    """Put the others' latest offer back on the table as ours; accept nothing."""

    name = "mirror"

    def move(self, frame: Frame) -> Frame:
        theirs = [p for p in frame["proposals"] if p["by"] != self.me]
        mine = [p["terms"] for p in frame["proposals"] if p["by"] == self.me]
        agenda = set(frame["agenda"]) - set(frame["binding"])
        for p in reversed(theirs):
            terms = {i: o for i, o in p["terms"].items() if i in agenda}
            if terms and terms not in mine:
                return self.propose(terms)
        return self.pass_()


class PassAlways(Strategy):
    """Never do anything."""

    name = "pass"


class Nibbler(Strategy):
    """Accept only offers at least as good as our best so far, never proposes: a test
    of whether holding out alone is rewarded."""

    name = "hold-out"

    def __init__(self, start: Frame) -> None:
        super().__init__(start)
        self.best = 0.0

    def move(self, frame: Frame) -> Frame:
        for p in self.offers(frame):
            v = self.value(self.settlement(frame, p["terms"]))
            if not self.crosses(p["terms"]) and v >= self.best - 1e-9 and self.decisions > 6:
                return {"action": f"{self.me} accept {p['number']}"}
            self.best = max(self.best, v)
        return self.pass_()


STRATEGIES: dict[str, type[Strategy]] = {
    s.name: s
    for s in (
        ConsentDump,
        AcceptIfBetter,
        AcceptEverything,
        CheapTalk,
        AlwaysReject,
        Stonewall,
        ThreatenAlways,
        Mirror,
        PassAlways,
        Nibbler,
    )
}


def run(kind: type[Strategy]) -> None:
    """Play ``kind`` over stdin/stdout (protocol 1)."""
    player: Strategy | None = None
    for line in sys.stdin:
        frame = json.loads(line)
        if frame["type"] == "start":
            player = kind(frame)
        elif frame["type"] == "decide" and player is not None:
            print(json.dumps(player.decide(frame)), flush=True)
        elif frame["type"] == "end":
            break
