"""A client's copy of the table, kept up to date from the host's frames.

The host sends the whole public view once (``welcome``) and then only what
changed (``update``); ``Mirror`` rebuilds the engine's own ``PublicView`` and,
for a seat, ``ActorView`` from them, so the text front end and the screens read
the same values they read in a local game.  Each frame becomes one ``Change``
telling the front end what to show.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from game import engine
from game.engine import Action, ActorView, PublicView
from game.engine.events import GameEvent
from game.net import frames
from game.net.codec import CodecError, decode, decode_fields
from game.net.protocol import PROTOCOL
from game.session.seats import Seat, SeatKind, SeatSpecError, parse_seat


class HostFrameError(ValueError):
    """A host frame the client cannot read (a different version, or a broken host)."""


@dataclass(frozen=True, slots=True)
class Crossing:
    """A red line a legal move would cross: the delegation's own, or another's public one."""

    actor: str
    issue: str
    own: bool


@dataclass(frozen=True, slots=True)
class LegalMove:
    action: Action
    crosses: tuple[Crossing, ...] = ()


@dataclass(frozen=True, slots=True)
class RemoteTurn:
    """A move as the clients hear of it: no rationale (that is private until ``over``)."""

    number: int
    actor: str
    by: str
    action: str
    remark: str
    events: tuple[GameEvent, ...]


@dataclass(frozen=True, slots=True)
class Result:
    """What ``over`` reveals: outcome, scores, digest, rationales and every briefing."""

    outcome: str | None
    label: str
    why: str
    scores: dict[str, float]
    digest: str
    seed: int | None  # the game's seed, told only now (None from a host that does not say)
    turns: int
    rounds: int
    rationales: tuple[tuple[int, str, str, str], ...]  # (number, actor, by, rationale)
    views: dict[str, ActorView]
    debrief: Any = None  # the whole debrief as JSON, when the host sends one (the window's)
    passed_over: tuple[str, ...] = ()  # what each earlier outcome lacked (words)


@dataclass(frozen=True, slots=True)
class Change:
    """What one frame changed, for the front end to show."""

    kind: str  # the frame's type
    turns: tuple[RemoteTurn, ...] = ()
    undone: tuple[str, ...] = ()
    log_from: int = 0
    message: str = ""  # a refusal's reason or an error's message
    code: str = ""
    fatal: bool = False


def seat_of_kind(kind: str) -> Seat:
    """A seat as the host's roster names it: ``remote`` (a laptop) and ``human`` are
    people, ``agent`` an outside program whose path the host keeps to itself, anything
    else a seat spec (``ai:hard``). ``ValueError`` for a kind no host sends."""
    if kind in ("remote", "human"):
        return Seat(SeatKind.HUMAN)
    if kind == str(SeatKind.AGENT):
        return Seat(SeatKind.AGENT)
    try:
        return parse_seat(kind)
    except SeatSpecError as exc:
        raise ValueError(f"seat kind {kind!r}: {exc}") from None


def _strings(data: Any) -> tuple[str, ...]:
    """A list of texts from the host; ``ValueError`` for anything else."""
    if not isinstance(data, list) or not all(isinstance(line, str) for line in data):
        raise ValueError("expected a list of texts")
    return tuple(data)


def _kinds(seats: dict[str, Any]) -> dict[str, str]:
    """The seats of a welcome (``{actor: kind}``) or a roster (``{actor: {"kind": ..}}``)."""
    out = {}
    for actor, entry in seats.items():
        kind = str(entry["kind"] if isinstance(entry, dict) else entry)
        seat_of_kind(kind)  # refuse what no host sends
        out[str(actor)] = kind
    return out


@dataclass(slots=True)
class Mirror:
    seat: str | None
    kinds: dict[str, str]
    table: PublicView
    private: ActorView | None
    legal: tuple[LegalMove, ...] = ()
    seconds: float | None = None
    connected: dict[str, bool] = field(default_factory=dict)
    spectators: int = 0
    result: Result | None = None
    turns: list[RemoteTurn] = field(default_factory=list)  # every move so far, oldest first
    opening: PublicView | None = None  # the table as it opened

    @classmethod
    def from_welcome(cls, frame: dict[str, Any]) -> Mirror:
        try:
            if frame.get("protocol") != PROTOCOL:
                raise HostFrameError(f"the host speaks protocol {frame.get('protocol')!r}")
            table = decode(PublicView, frame["table"])
            seat = frame["seat"]
            private = _private(seat, table, frame["private"]) if seat is not None else None
            mirror = cls(seat, _kinds(frame["seats"]), table, private)
            mirror.turns = [_remote_turn(t) for t in frame.get("turns", [])]
            opening = frame.get("opening")
            if opening is not None:
                dynamic = decode_fields(PublicView, opening["table"], frames.DYNAMIC)
                log = table.log[: int(opening["log"])]
                mirror.opening = dataclasses.replace(table, log=log, **dynamic)
            return mirror
        except (KeyError, TypeError, ValueError, CodecError) as exc:
            raise HostFrameError(f"a welcome this client cannot read: {exc}") from None

    @property
    def view(self) -> ActorView | None:
        """This seat's view of the table as it is now (None for a spectator)."""
        if self.private is None:
            return None
        return dataclasses.replace(self.private, table=self.table)

    def apply(self, frame: dict[str, Any]) -> Change:
        """Bring the copy up to date with ``frame``; ``HostFrameError`` if it cannot be read."""
        kind = str(frame.get("type"))
        try:
            return self._apply(kind, frame)
        except (KeyError, TypeError, ValueError, CodecError) as exc:
            raise HostFrameError(f"a {kind!r} frame this client cannot read: {exc}") from None

    def _apply(self, kind: str, frame: dict[str, Any]) -> Change:
        if kind == "update":
            return self._update(frame)
        if kind == "your-move":
            self.legal = tuple(_legal(item) for item in frame["legal"])
            seconds = frame.get("seconds")
            self.seconds = float(seconds) if seconds is not None else None
            return Change(kind)
        if kind == "roster":
            kinds = _kinds(frame["seats"])  # read whole before anything changes
            self.connected = {a: bool(s["connected"]) for a, s in frame["seats"].items()}
            # A seat the facilitator handed to the computer is no longer a laptop's.
            self.kinds.update(kinds)
            self.spectators = int(frame["spectators"])
            return Change(kind)
        if kind == "over":
            self.result = _result(self.table, frame)
            return Change(kind)
        if kind in ("refused", "error"):
            message = str(frame.get("reason") or frame.get("message") or "")
            return Change(
                kind,
                message=message,
                code=str(frame.get("code", "")),
                fatal=bool(frame.get("fatal")),
            )
        return Change("ignored")  # a newer host's frame this client does not know: skip it

    def _update(self, frame: dict[str, Any]) -> Change:
        log_from = int(frame["log_from"])
        events = decode(tuple[GameEvent, ...], frame["events"])
        dynamic = decode_fields(PublicView, frame["table"], frames.DYNAMIC)
        log = tuple(self.table.log[:log_from]) + events
        self.table = dataclasses.replace(self.table, log=log, **dynamic)
        self.legal = ()  # the host prompts the mover afresh after every update
        turns = tuple(_remote_turn(t) for t in frame["turns"])
        undone = tuple(str(u) for u in frame["undone"])
        if undone:
            del self.turns[len(self.turns) - len(undone) :]
        self.turns.extend(turns)
        return Change("update", turns=turns, undone=undone, log_from=log_from)


def _remote_turn(t: dict[str, Any]) -> RemoteTurn:
    return RemoteTurn(
        int(t["number"]),
        str(t["actor"]),
        str(t["by"]),
        str(t["action"]),
        str(t["remark"]),
        decode(tuple[GameEvent, ...], t["events"]),
    )


def _private(seat: str, table: PublicView, data: Any) -> ActorView:
    return ActorView(actor=seat, table=table, **decode_fields(ActorView, data, frames.PRIVATE))


def _legal(item: dict[str, Any]) -> LegalMove:
    crosses = tuple(
        Crossing(str(c["actor"]), str(c["issue"]), bool(c["own"])) for c in item["crosses"]
    )
    try:
        action = engine.parse_action(str(item["action"]), check_text=False)
    except engine.ActionError as exc:
        raise HostFrameError(f"a legal move this client cannot read: {exc}") from None
    return LegalMove(action, crosses)


def _result(table: PublicView, frame: dict[str, Any]) -> Result:
    outcome = frame["outcome"]
    return Result(
        outcome=outcome["id"],
        label=str(outcome["label"]),
        why=str(outcome["why"]),
        scores={str(a): float(v) for a, v in frame["scores"].items()},
        digest=str(frame["digest"]),
        seed=int(frame["seed"]) if frame.get("seed") is not None else None,
        turns=int(frame["turns"]),
        rounds=int(frame["rounds"]),
        rationales=tuple(
            (int(r["number"]), str(r["actor"]), str(r["by"]), str(r["rationale"]))
            for r in frame["rationales"]
        ),
        views={a: _private(a, table, v) for a, v in frame["private"].items()},
        debrief=frame.get("debrief"),
        passed_over=_strings(outcome.get("passed_over", [])),
    )
