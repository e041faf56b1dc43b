"""The dynamic game state: slotted, immutable from outside, cheap to copy."""

from __future__ import annotations

import enum
import hashlib
import random
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any, cast

from game.engine import ledger as ledger_rules
from game.engine.actions import Action, Terms
from game.engine.chain import Chain
from game.engine.events import GameEvent
from game.engine.ledger import Commitment
from game.engine.model import Round, Scenario
from game.engine.tables import Tables
from game.engine.termination import Termination
from game.engine.words import round_place


class ProposalStatus(enum.StrEnum):
    LIVE = "live"
    AGREED = "agreed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"  # replaced by its proposer's newer one, or overtaken
    LAPSED = "lapsed"  # its round ended


@dataclass(frozen=True, slots=True)
class Proposal:
    number: int  # 1-based, in order of proposal over the whole game
    proposer: str
    terms: Terms
    round: int  # 1-based
    accepted_by: tuple[str, ...]  # sorted; the proposer accepts implicitly
    status: ProposalStatus = ProposalStatus.LIVE
    why: str = ""  # for a dead proposal, why, as a clause: "it was rejected by x"


@dataclass(frozen=True, slots=True, repr=False)
class Provisional:
    """An issue agreed at a table that lacked some consenting actor (R9)."""

    issue: str
    option: str
    accepted_by: tuple[str, ...]  # sorted, everyone who accepted it so far
    missing: tuple[str, ...]  # sorted consenting actors who have not yet accepted
    round: int
    # Sorted: accepted, but their support is below their ratification threshold (R29).
    unratified: tuple[str, ...] = ()

    def __repr__(self) -> str:
        # The digest hashes this repr: the field added with R29 shows only when it is set,
        # so that games without ratification keep the digests they always had.
        extra = f", unratified={self.unratified!r}" if self.unratified else ""
        return (
            f"Provisional(issue={self.issue!r}, option={self.option!r}, "
            f"accepted_by={self.accepted_by!r}, missing={self.missing!r}, "
            f"round={self.round!r}{extra})"
        )


@dataclass(frozen=True, slots=True)
class OutcomeResult:
    id: str
    label: str
    why: str
    # Each outcome listed before this one, with the clauses of its condition that did
    # not hold: "Breakthrough: tension is 92 (at most 70)". Words only, kept out of the
    # repr (so out of the digest, which records what decided the game).
    passed_over: tuple[str, ...] = field(default=(), repr=False, compare=False)


class RandomTape:
    """The game's own generator, seeded from the game's seed, read like a tape.

    Every state of one game shares the tape and keeps only its position on it, so
    that a state never changes when another is derived from it (an AI may explore
    many branches from one state), and nothing needs copying.
    """

    __slots__ = ("_rng", "_values")

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self._values: list[float] = []

    def at(self, position: int) -> float:
        """The number at ``position`` of the seed's stream, in [0, 1)."""
        values = self._values
        while len(values) <= position:
            values.append(self._rng.random())
        return values[position]


def _round_of(p: Proposal) -> int:
    return p.round


class StateFields:
    """The fields of a game state and the ways to read them (shared with ``Draft``)."""

    __slots__ = (
        "_events",
        "_t",
        "_tension_from",
        "_tr",
        "agendas",
        "binding",
        "drawn",
        "draws",
        "ended_by",
        "escalated",
        "executed",
        "extra_turns",
        "history",
        "ledger",
        "log",
        "outcome_result",
        "over",
        "position",
        "proposals",
        "provisional",
        "round_index",
        "said",
        "scenario",
        "seed",
        "tape",
        "trackers",
        "turn",
        "walked_out",
        "walked_out_ever",
    )

    _t: Tables
    # Scratch space of a Draft while an action is applied; unset in a GameState.
    _tr: list[float]  # the trackers, mutable
    _events: list[GameEvent]  # what the action caused, in order
    _tension_from: float  # the tension before the latest TENSION event, to merge the next
    agendas: tuple[tuple[str, ...], ...]  # each round's agenda, as effects changed it
    binding: tuple[tuple[str, str], ...]  # sorted (issue, option): settled (R9) unless broken
    drawn: tuple[str, ...]  # event cards drawn or injected, in order
    ended_by: Termination | None  # None while the game runs
    escalated: bool
    executed: tuple[str, ...]  # levers carried out, in order
    extra_turns: int  # turns the facilitator added to the current round
    history: Chain[Action]  # every action applied, in order: the game itself
    ledger: tuple[Commitment, ...]
    log: Chain[GameEvent]  # the public record (a chain: appending never copies it)
    outcome_result: OutcomeResult | None
    over: bool
    position: int  # index of the mover in the current round's movers
    proposals: tuple[Proposal, ...]  # all proposals of the game; number n at index n-1
    provisional: tuple[Provisional, ...]  # sorted by issue
    tape: RandomTape  # the game's seeded generator, shared by its states
    draws: int  # how many numbers of the tape this game has used
    round_index: int  # 0-based index into scenario.rounds
    said: tuple[tuple[str, str], ...]  # (actor, tone) of each statement of this round (R28)
    scenario: Scenario
    seed: int
    trackers: tuple[float, ...]  # flat layout, see Tables
    turn: int  # 1-based turn of the current round
    walked_out: tuple[str, ...]  # sorted: out of the current round
    walked_out_ever: tuple[str, ...]  # sorted: walked out of some round

    # --- reading the state -------------------------------------------------

    @property
    def round(self) -> Round:
        return self.scenario.rounds[self.round_index]

    @property
    def round_number(self) -> int:
        return self.round_index + 1

    @property
    def round_turns(self) -> int:
        """Turns in the current round, the facilitator's extensions included (R2, R18)."""
        return self.round.turns + self.extra_turns

    @property
    def movers(self) -> tuple[str, ...]:
        return self._t.movers[self.round_index]

    @property
    def agenda(self) -> tuple[str, ...]:
        """The current round's agenda, with the changes effects made to it."""
        return self.agendas[self.round_index]

    def threatened(self, lever: str) -> bool:
        return ledger_rules.threatened(self.ledger, lever)

    def broken(self) -> tuple[str, ...]:
        """Issues on which an agreement was broken (R25), in the order of the breaches."""
        return ledger_rules.broken_issues(self.ledger)

    @property
    def tension(self) -> float:
        return self.trackers[0]

    def credibility(self, actor: str) -> float:
        return self.trackers[self._t.credibility_index(actor)]

    def cohesion(self, actor: str) -> float:
        return self.trackers[self._t.cohesion_index(actor)]

    def support(self, actor: str) -> float:
        return self.trackers[self._t.support_index(actor)]

    def trust(self, actor: str, other: str) -> float:
        return self.trackers[self._t.pair_index[(actor, other)]]

    def round_start(self) -> int:
        """Index in ``proposals`` of the current round's first (only those can be live).

        A binary search (proposals are in round order): a round the facilitator
        extended again and again may hold thousands of them.
        """
        props, number = self.proposals, self.round_index + 1
        i = len(props)
        stop = max(0, i - 8)
        while i > stop and props[i - 1].round == number:  # a few: looking back is quickest
            i -= 1
        if i == stop and i and props[i - 1].round == number:
            return bisect_left(props, number, 0, i, key=_round_of)
        return i

    def live_proposals(self) -> tuple[Proposal, ...]:
        live = ProposalStatus.LIVE
        return tuple(p for p in self.proposals[self.round_start() :] if p.status is live)

    def proposal(self, number: int) -> Proposal:
        return self.proposals[number - 1]

    def present(self) -> tuple[str, ...]:
        """Movers of the current round still at the table."""
        out = self.walked_out
        return tuple(a for a in self.movers if a not in out)

    def where(self) -> str:
        """The state in words, for error messages: "round 2 (Brussels), turn 3, x to move"."""
        rnd = self.round
        head = f"round {self.round_number} ({round_place(rnd)}), turn {self.turn}"
        if self.over:
            return f"{head}, game over"
        return f"{head}, {self.movers[self.position]} to move"

    def _key(self) -> tuple[object, ...]:
        return (
            self.scenario.id,
            self.seed,
            self.draws,
            self.round_index,
            self.turn,
            self.position,
            self.extra_turns,
            self.over,
            # As the text it always was (None: ""), so digests of saved games stay the same.
            "" if self.ended_by is None else self.ended_by.value,
            self.escalated,
            self.trackers,
            self.proposals,
            self.binding,
            self.provisional,
            self.ledger,
            self.executed,
            self.drawn,
            self.walked_out,
            self.walked_out_ever,
            self.outcome_result,
            self.history,
            self.log,
        )


class GameState(StateFields):
    """Everything that changes during a game; build with ``new_game``, advance with ``apply``.

    Attributes are read-only: the rules make a new state for every action, sharing
    the unchanged tuples with the old one.
    """

    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"GameState is immutable (tried to set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"GameState is immutable (tried to delete {name!r})")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GameState):
            return NotImplemented
        return self._key() == other._key() and self.scenario == other.scenario

    def __hash__(self) -> int:
        return hash((self.scenario.id, self.seed, self.history))

    def __repr__(self) -> str:
        return (
            f"<GameState {self.scenario.id} seed={self.seed} {self.where()} "
            f"actions={len(self.history)} digest={digest(self)}>"
        )


def digest(state: GameState) -> str:
    """A short stable hash of the whole state: equal for identical games."""
    # Every part of the key is built from tuples, strings, numbers and enums, whose
    # repr does not depend on hash randomisation, so the digest is stable across runs.
    text = repr(state._key())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Draft(StateFields):
    """A mutable copy of a state, used only inside ``apply`` and ``new_game``.

    ``freeze`` turns the draft itself into the new ``GameState`` (both classes share
    one slot layout), so that an action costs one copy of the fields, not two.
    """

    __slots__ = ()

    def __init__(self, state: GameState | None = None) -> None:
        if state is not None:
            # Spelled out: a loop over the slots costs ten times as much, on every action.
            self._t = state._t
            self.agendas = state.agendas
            self.binding = state.binding
            self.drawn = state.drawn
            self.draws = state.draws
            self.ended_by = state.ended_by
            self.escalated = state.escalated
            self.executed = state.executed
            self.extra_turns = state.extra_turns
            self.history = state.history
            self.ledger = state.ledger
            self.log = state.log
            self.outcome_result = state.outcome_result
            self.over = state.over
            self.position = state.position
            self.proposals = state.proposals
            self.provisional = state.provisional
            self.round_index = state.round_index
            self.said = state.said
            self.scenario = state.scenario
            self.seed = state.seed
            self.tape = state.tape
            self.trackers = state.trackers
            self.turn = state.turn
            self.walked_out = state.walked_out
            self.walked_out_ever = state.walked_out_ever
            self._tr = list(state.trackers)
        self._events = []

    @property
    def tension(self) -> float:
        return self._tr[0]

    def random(self) -> float:
        """The game's next random number in [0, 1)."""
        value = self.tape.at(self.draws)
        self.draws += 1
        return value

    def freeze(self) -> GameState:
        """The finished state; the draft must not be used afterwards."""
        self.trackers = tuple(self._tr)
        self.log = self.log.extend(self._events)
        del self._tr, self._events
        if hasattr(self, "_tension_from"):
            del self._tension_from
        object.__setattr__(self, "__class__", GameState)
        return cast(GameState, self)
