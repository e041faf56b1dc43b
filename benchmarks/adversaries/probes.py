"""A second set of scripted adversaries: tactics the first suite (strategies.py) lacks.

Each plays through the protocol's frames only, like those of ``strategies.py``, and
``benchmarks/exploits_new.py`` puts each in each seat against the AI. They probe
timing (accepting at a round's last turn, walking out once ahead), bait and switch,
bluffs and early sanctions, mimicry with one term flipped, and tone. Standard library
only.
"""

from __future__ import annotations

from strategies import Frame, Strategy


class _Probe(Strategy):
    """Shared judgement: what an offer is worth to us, and the best one on the table."""

    def gain(self, frame: Frame, terms: dict[str, str]) -> float:
        return self.value(self.settlement(frame, terms)) - self.value(self.settlement(frame, {}))

    def best_offer(self, frame: Frame, floor: float = 1e-9) -> Frame | None:
        """The offer that raises our value most (by at least ``floor``), red lines kept."""
        scored = [
            (self.gain(frame, p["terms"]), p)
            for p in self.offers(frame)
            if not self.crosses(p["terms"])
        ]
        scored = [(g, p) for g, p in scored if g >= floor]
        return max(scored, key=lambda gp: gp[0])[1] if scored else None

    def accept(self, p: Frame) -> Frame:
        return {"action": f"{self.me} accept {p['number']}"}

    def open_terms(self, frame: Frame) -> set[str]:
        return set(frame["agenda"]) - set(frame["binding"])

    def can_propose(self, frame: Frame) -> bool:
        return any(a.startswith(f"{self.me} propose") for a in frame["legal"])

    def mine(self, frame: Frame) -> list[dict[str, str]]:
        return [p["terms"] for p in frame["proposals"] if p["by"] == self.me]

    def last_turn(self, frame: Frame) -> bool:
        return bool(frame["turn"] >= frame["turns_in_round"])

    def theirs(self, frame: Frame) -> list[Frame]:
        return [p for p in frame["proposals"] if p["by"] != self.me]


class BaitAndSwitch(_Probe):
    """Open generous (what the others demand, where our red lines allow), then reject
    every counter and re-propose our ideal; accept only offers that beat the status quo
    by a wide margin."""

    name = "bait-switch"

    def __init__(self, start: Frame) -> None:
        super().__init__(start)
        self.baited: set[str] = set()

    def move(self, frame: Frame) -> Frame:
        rid = frame["round_id"]
        open_ = self.open_terms(frame)
        if rid not in self.baited and self.can_propose(frame):
            self.baited.add(rid)
            terms = {}
            for actor, wants in self.demands.items():
                if actor == self.me:
                    continue
                for i, o in wants.items():
                    if i in open_ and (i, o) not in self.forbidden:
                        terms.setdefault(i, o)
            if terms:
                return self.propose(terms)
        good = self.best_offer(frame, 0.08)
        if good is not None:
            return self.accept(good)
        legal = set(frame["legal"])
        for p in self.theirs(frame):
            if f"{self.me} reject {p['number']}" in legal:
                return {"action": f"{self.me} reject {p['number']}"}
        ideal = self.ideal(frame)
        if ideal and ideal not in self.mine(frame) and self.can_propose(frame):
            return self.propose(ideal)
        return self.pass_()


class LastTurnAccept(_Probe):
    """Anchor on the ideal package; accept nothing until a round's last turn, then take
    the best offer that raises our value at all."""

    name = "last-turn-accept"

    def move(self, frame: Frame) -> Frame:
        if self.last_turn(frame):
            good = self.best_offer(frame)
            if good is not None:
                return self.accept(good)
        ideal = self.ideal(frame)
        if ideal and ideal not in self.mine(frame) and self.can_propose(frame):
            return self.propose(ideal)
        return self.say("firm", "We are waiting for a serious offer.")


class DeadlineConcede(_Probe):
    """Anchor on the ideal; each turn nearer a round's end give up one more issue (the
    one we care least about, set to the others' demand), and accept any offer that
    beats our value now by a margin falling to zero at the deadline."""

    name = "deadline-concede"
    patience = 0.02  # the margin an offer must beat our value by, per turn left
    concedes = True  # give up one more cheap issue each turn

    def move(self, frame: Frame) -> Frame:
        left = max(0, frame["turns_in_round"] - frame["turn"])
        good = self.best_offer(frame, self.patience * left)
        if good is not None:
            return self.accept(good)
        ideal = self.ideal(frame)
        cheap = sorted(ideal, key=lambda i: self.weights.get(i, 0.0))
        give = max(0, frame["turn"] - 1) if self.concedes else 0
        terms = dict(ideal)
        for i in cheap[:give]:
            wanted = [d[i] for a, d in self.demands.items() if a != self.me and i in d]
            if wanted and (i, wanted[0]) not in self.forbidden:
                terms[i] = wanted[0]
        if terms and terms not in self.mine(frame) and self.can_propose(frame):
            return self.propose(terms)
        return self.pass_()


class EarlyStrike(_Probe):
    """Carry out our cheapest lever at the first chance (threatening first where the
    rules want it), to scare, then accept any offer that raises our value."""

    name = "early-strike"

    def move(self, frame: Frame) -> Frame:
        legal = set(frame["legal"])
        for lever in self.levers:
            act = f"{self.me} carry-out {lever['id']}"
            if act in legal:
                return {"action": act}
        for lever in self.levers:
            bare = f"{self.me} threaten {lever['id']}"
            if bare in legal:
                return {"action": bare}
        good = self.best_offer(frame)
        if good is not None:
            return self.accept(good)
        return self.pass_()


class Bluff(_Probe):
    """Threaten every lever once, "unless" the AI's latest offer with our best option on
    the issue we care most about; never carry out; accept any offer that raises our value."""

    name = "bluff"

    def move(self, frame: Frame) -> Frame:
        good = self.best_offer(frame)
        if good is not None:
            return self.accept(good)
        legal = set(frame["legal"])
        ideal = self.ideal(frame)
        theirs = self.theirs(frame)
        unless: dict[str, str] = dict(theirs[-1]["terms"]) if theirs else {}
        if ideal:
            top = max(ideal, key=lambda i: self.weights.get(i, 0.0))
            unless[top] = ideal[top]
        unless = {i: o for i, o in unless.items() if i in self.open_terms(frame)}
        for lever in self.levers:
            bare = f"{self.me} threaten {lever['id']}"
            if bare in legal:
                body = ",".join(f"{i}={o}" for i, o in sorted(unless.items()))
                return {"action": f"{bare} unless {body}" if body else bare}
        return self.pass_()


class FlipOne(_Probe):
    """Put the AI's latest offer back with one term flipped to our best option (the one
    that gains us most); accept any offer that raises our value."""

    name = "flip-one"

    def move(self, frame: Frame) -> Frame:
        good = self.best_offer(frame)
        if good is not None:
            return self.accept(good)
        ideal = self.ideal(frame)
        open_ = self.open_terms(frame)
        mine = self.mine(frame)
        for p in reversed(self.theirs(frame)):
            base = {i: o for i, o in p["terms"].items() if i in open_}
            flips = sorted(
                (i for i in ideal if base.get(i) != ideal[i]),
                key=lambda i: -self.gain(frame, {**base, i: ideal[i]}),
            )
            for i in flips:
                terms = {**base, i: ideal[i]}
                if not self.crosses(terms) and terms not in mine:
                    return self.propose(terms)
        if ideal and ideal not in mine and self.can_propose(frame):
            return self.propose(ideal)
        return self.pass_()


class WalkWhenAhead(_Probe):
    """Accept any offer that raises our value; once the settlement is worth more to us
    than the status quo by a margin, walk out to freeze it."""

    name = "walk-when-ahead"

    def __init__(self, start: Frame) -> None:
        super().__init__(start)
        sq = {i: issue["status_quo"] for i, issue in self.issues.items()}
        self.start_value = self.value(sq)

    def move(self, frame: Frame) -> Frame:
        good = self.best_offer(frame)
        if good is not None:
            return self.accept(good)
        now = self.value(self.settlement(frame, {}))
        walk = f"{self.me} walkout"
        if now > self.start_value + 0.15 and walk in set(frame["legal"]):
            return {"action": walk}
        return self.pass_()


class HostileThenAccept(_Probe):
    """Hostile statements for the first turns of each round (to move support and
    tension), then accept any offer that raises our value."""

    name = "hostile-accept"

    def move(self, frame: Frame) -> Frame:
        if frame["turn"] >= 2:
            good = self.best_offer(frame)
            if good is not None:
                return self.accept(good)
        if frame["turn"] <= 2:
            return self.say("hostile", "Your position is unacceptable and dangerous.")
        return self.pass_()


class DeadlineConcedeTalk(DeadlineConcede):
    """Deadline concessions, with a conciliatory statement instead of each pass (the
    statement lowers the tension our firm anchoring raises)."""

    name = "deadline-talk"

    def pass_(self) -> Frame:
        return self.say("conciliatory", "We want an agreement that lasts.")


class Salami(_Probe):
    """One term at a time: propose a single issue at the best option we have not yet
    tried there (never one worth less to us than the settlement now), the issue we care
    most about first; a rejected option is not tried again. Accept any offer that beats
    our value by a margin falling to zero at the round's deadline."""

    name = "salami"

    def __init__(self, start: Frame) -> None:
        super().__init__(start)
        self.tried: set[tuple[str, str]] = set()

    def move(self, frame: Frame) -> Frame:
        left = max(0, frame["turns_in_round"] - frame["turn"])
        good = self.best_offer(frame, 0.02 * left)
        if good is not None:
            return self.accept(good)
        if not self.can_propose(frame):
            return self.pass_()
        open_ = self.open_terms(frame)
        for i in sorted(open_, key=lambda i: -self.weights.get(i, 0.0)):
            now = self.values[i][self.settlement(frame, {})[i]]
            options = sorted(self.issues[i]["options"], key=lambda o: -self.values[i][o])
            for o in options:
                if self.values[i][o] <= now + 1e-9:
                    break
                if (i, o) in self.forbidden or (i, o) in self.tried:
                    continue
                self.tried.add((i, o))
                return self.propose({i: o})
        return self.pass_()


class ObjectiveAnchor(DeadlineConcedeTalk):
    """Deadline concessions and talk, anchored on a package bent to our objectives: an
    option an objective wants agreed counts its points, and an issue an objective wants
    left unagreed is never proposed."""

    name = "objective-anchor"

    def __init__(self, start: Frame) -> None:
        super().__init__(start)
        self.objectives: list[Frame] = start["me"].get("objectives", [])

    def ideal(self, frame: Frame) -> dict[str, str]:
        out = super().ideal(frame)
        for obj in self.objectives:
            cond = obj.get("condition", {})
            for i in cond.get("not_agreed", []):
                out.pop(i, None)
            for i, wanted in (cond.get("agreed") or {}).items():
                if i not in out:
                    continue
                w = self.weights.get(i, 0.0)
                allowed = [o for o in wanted if (i, o) not in self.forbidden]
                if not allowed:
                    continue
                best = max(allowed, key=lambda o: self.values[i][o])
                if w * self.values[i][best] + obj["points"] >= w * self.values[i][out[i]]:
                    out[i] = best
        return out

    def gain(self, frame: Frame, terms: dict[str, str]) -> float:
        """Value gained, plus the points of the simple objectives on agreed terms that
        these terms would meet (minus those they would lose)."""
        return super().gain(frame, terms) + self.points(frame, terms) - self.points(frame, {})

    def points(self, frame: Frame, terms: dict[str, str]) -> float:
        agreed = {**frame["provisional"], **frame["binding"], **terms}
        total = 0.0
        for obj in self.objectives:
            cond = obj.get("condition", {})
            wants = cond.get("agreed") or {}
            unagreed = cond.get("not_agreed") or []
            if not (wants or unagreed) or not cond.get("simple", False):
                continue
            met = all(agreed.get(i) in opts for i, opts in wants.items())
            if met and not any(i in agreed for i in unagreed):
                total += obj["points"]
        return total


class ObjectiveQuick(ObjectiveAnchor):
    """The objective anchor taking any offer that gains at once (no patience)."""

    name = "objective-quick"
    patience = 0.0


class ObjectiveFirm(ObjectiveAnchor):
    """The objective anchor that never concedes an issue, only waits for offers."""

    name = "objective-firm"
    concedes = False


class ObjectiveFlip(ObjectiveAnchor):
    """Flip one term of the AI's latest offer, judged by value and objectives alike,
    with conciliatory talk instead of passing."""

    name = "objective-flip"
    move = FlipOne.move


class CoalitionLeader(_Probe):
    """Half of a two-seat coalition against the third seat's AI: propose our ideal on
    the open issues (our accomplice accepts it), and take any AI offer that raises our
    value."""

    name = "coalition-leader"

    def move(self, frame: Frame) -> Frame:
        good = self.best_offer(frame)
        if good is not None:
            return self.accept(good)
        ideal = self.ideal(frame)
        if ideal and ideal not in self.mine(frame) and self.can_propose(frame):
            return self.propose(ideal)
        return self.pass_()


class CoalitionAccomplice(_Probe):
    """The other half: accept whatever the leader proposes (our own red lines kept),
    reject whatever the AI proposes, and otherwise pass."""

    name = "coalition-accomplice"

    def __init__(self, start: Frame, leader: str) -> None:
        super().__init__(start)
        self.leader = leader

    def move(self, frame: Frame) -> Frame:
        legal = set(frame["legal"])
        for p in reversed(frame["proposals"]):
            n = p["number"]
            if p["by"] == self.leader and f"{self.me} accept {n}" in legal:
                if not self.crosses(p["terms"]):
                    return self.accept(p)
            elif p["by"] != self.me and f"{self.me} reject {n}" in legal:
                return {"action": f"{self.me} reject {n}"}
        return self.pass_()


PROBES: dict[str, type[Strategy]] = {
    s.name: s
    for s in (
        BaitAndSwitch,
        LastTurnAccept,
        DeadlineConcede,
        EarlyStrike,
        Bluff,
        FlipOne,
        WalkWhenAhead,
        HostileThenAccept,
        DeadlineConcedeTalk,
        Salami,
        ObjectiveAnchor,
        ObjectiveQuick,
        ObjectiveFirm,
        ObjectiveFlip,
    )
}
