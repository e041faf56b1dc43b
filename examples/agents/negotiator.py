#!/usr/bin/env python3
"""A complete outside agent for Red Lines, standard library only (protocol 1, docs/agents.md).

Run it in any seat::

    redlines play geneva-2022 --text --seats us=human,russia=agent:examples/agents/negotiator.py
    redlines tournament geneva-2022 --agents ai,agent:examples/agents/negotiator.py --games 20

It reads one JSON object per line on stdin and answers each ``decide`` with one line.
Its strategy is simple but sound: it never accepts a term on one of its red lines; it
accepts a proposal worth at least its aspiration, which falls from its best package
towards its reservation value as the week runs out; otherwise it proposes its best
package on the agenda (leaving out options on anyone's public red line), and passes
when that package is already on the table.
"""

from __future__ import annotations

import json
import sys
from typing import Any


class Negotiator:
    def __init__(self, start: dict[str, Any]) -> None:
        self.me: str = start["actor"]
        prefs = start["me"]
        self.weights: dict[str, float] = prefs["weights"]
        self.values: dict[str, dict[str, float]] = prefs["values"]
        self.reservation: float = prefs["reservation"]
        self.forbidden = {(ln["issue"], o) for ln in prefs["red_lines"] for o in ln["options"]}
        scenario = start["scenario"]
        # Options on anyone's public red line: a package with one will not be agreed.
        self.banned = {(ln["issue"], o) for ln in scenario["red_lines"] for o in ln["options"]}
        self.options = {issue["id"]: issue["options"] for issue in scenario["issues"]}
        self.total_turns = sum(r["turns"] for r in scenario["rounds"]) or 1
        self.turns_before = {}
        elapsed = 0
        for r in scenario["rounds"]:
            self.turns_before[r["id"]] = elapsed
            elapsed += r["turns"]

    def utility(self, terms: dict[str, str]) -> float:
        """Weighted mean value of the terms over the issues they settle."""
        weight = sum(self.weights.get(i, 0.0) for i in terms)
        if weight <= 0:
            return 0.0
        total = sum(self.weights.get(i, 0.0) * self.values[i][o] for i, o in terms.items())
        return total / weight

    def best_package(self, agenda: list[str], binding: dict[str, str]) -> dict[str, str]:
        package = {}
        for issue in agenda:
            if issue in binding or self.weights.get(issue, 0.0) <= 0:
                continue
            allowed = [
                o
                for o in self.options[issue]
                if (issue, o) not in self.forbidden and (issue, o) not in self.banned
            ]
            if allowed:
                package[issue] = max(allowed, key=lambda o: self.values[issue][o])
        return package

    def decide(self, frame: dict[str, Any]) -> dict[str, str]:
        legal = set(frame["legal"])
        elapsed = self.turns_before.get(frame["round_id"], 0) + frame["turn"]
        time = min(1.0, elapsed / self.total_turns)
        best = self.best_package(frame["agenda"], frame["binding"])
        top = self.utility(best) if best else 1.0
        aspiration = top - (top - self.reservation) * time**2
        offers = [
            p
            for p in frame["proposals"]
            if p["by"] != self.me and f"{self.me} accept {p['number']}" in legal
        ]
        for p in sorted(offers, key=lambda p: -self.utility(p["terms"])):
            crosses = any((i, o) in self.forbidden for i, o in p["terms"].items())
            if not crosses and self.utility(p["terms"]) >= aspiration:
                return {"action": f"{self.me} accept {p['number']}", "remark": "We can agree."}
        mine = [p["terms"] for p in frame["proposals"] if p["by"] == self.me]
        if best and best not in mine:
            terms = ",".join(f"{i}={o}" for i, o in sorted(best.items()))
            return {"action": f"{self.me} propose {terms}", "remark": "Here is our offer."}
        return {"action": f"{self.me} pass"}


def main() -> None:
    agent: Negotiator | None = None
    for line in sys.stdin:
        frame = json.loads(line)
        if frame["type"] == "start":
            agent = Negotiator(frame)
        elif frame["type"] == "decide" and agent is not None:
            # Echoing the frame's "decision" number matches the answer to its decision
            # even after a turn this agent missed.
            answer = {**agent.decide(frame), "decision": frame.get("decision", 0)}
            print(json.dumps(answer), flush=True)
        elif frame["type"] == "end":
            break


if __name__ == "__main__":
    main()
