"""Lookups computed once per scenario, so that the hot path never scans the model."""

from __future__ import annotations

from collections.abc import Collection
from itertools import combinations

from game.engine.actions import (
    Accept,
    CarryOut,
    Pass,
    Propose,
    Reject,
    Statement,
    Threaten,
    WalkOut,
)
from game.engine.model import EventCard, Issue, Lever, Scenario, Tone

_TONES = tuple(Tone)


class Tables:
    """Indexes over one scenario; shared by every state of every game of it."""

    __slots__ = (
        "actor_index",
        "agendas",
        "answers",
        "card",
        "consent",
        "consent_of",
        "deck",
        "excludes",
        "issue",
        "lever",
        "lever_actions",
        "levers_of",
        "movers",
        "n_actors",
        "name",
        "option_label",
        "pair_index",
        "playable",
        "ratification",
        "requires",
        "round_index",
        "round_start_cards",
        "scenario",
        "simple_actions",
        "singles",
        "status_quo",
        "utility_rows",
    )

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        actor_ids = tuple(a.id for a in scenario.actors)
        self.actor_index = {a: i for i, a in enumerate(actor_ids)}
        self.n_actors = len(actor_ids)
        self.playable = frozenset(a.id for a in scenario.actors if a.playable)
        self.name = {a.id: a.short_name or a.name for a in scenario.actors}
        self.issue: dict[str, Issue] = {i.id: i for i in scenario.issues}
        self.lever: dict[str, Lever] = {lv.id: lv for lv in scenario.levers}
        self.levers_of: dict[str, tuple[str, ...]] = {}
        for lv in scenario.levers:
            for owner in lv.owners:
                self.levers_of[owner] = (*self.levers_of.get(owner, ()), lv.id)
        self.card: dict[str, EventCard] = {c.id: c for c in scenario.events}
        # The cards drawn between turns (R12), and those played as a round opens (R32).
        self.deck = tuple(c for c in scenario.events if not c.at_round_start)
        self.round_start_cards = tuple(c for c in scenario.events if c.at_round_start)
        self.round_index = {r.id: i for i, r in enumerate(scenario.rounds)}
        self.agendas = tuple(r.agenda for r in scenario.rounds)
        # Support thresholds below which an actor's consent awaits ratification (R29).
        self.ratification = {
            a.id: a.ratification for a in scenario.actors if a.ratification is not None
        }
        # (issue, option) -> what a package with it needs or must avoid (R33).
        self.requires = {
            (i.id, o.id): o.requires for i in scenario.issues for o in i.options if o.requires
        }
        self.excludes = {
            (i.id, o.id): o.excludes for i in scenario.issues for o in i.options if o.excludes
        }
        self.status_quo = {i.id: i.status_quo for i in scenario.issues}
        self.option_label = {(i.id, o.id): o.label for i in scenario.issues for o in i.options}
        # Only playable actors can accept, so only they can be asked for consent (R9);
        # an option may add actors to its issue's consent list (R37).
        self.consent = {i.id: frozenset(consenters(i, self.playable)) for i in scenario.issues}
        self.consent_of = {
            (i.id, o.id): frozenset(consenters(i, self.playable, o.id))
            for i in scenario.issues
            for o in i.options
        }
        # Who takes turns in each round: playable participants, in speaking order (R2).
        self.movers: tuple[tuple[str, ...], ...] = tuple(
            tuple(a for a in r.participants if a in self.playable) for r in scenario.rounds
        )
        # Trackers live in one flat tuple: tension, then credibility, cohesion and
        # support per actor, then trust per unordered pair (see state.py).
        n = self.n_actors
        self.pair_index = {}
        for k, (a, b) in enumerate(combinations(actor_ids, 2)):
            self.pair_index[(a, b)] = self.pair_index[(b, a)] = 1 + 3 * n + k
        self.utility_rows = {
            p.actor: tuple((issue, w, p.values[issue]) for issue, w in p.weights.items())
            for p in scenario.preferences.values()
        }
        # Actions of the legal menu, made once and shared (frozen values); filled by legal.py.
        # (actor, proposal number) -> its accept and reject: bounded by the longest game.
        self.answers: dict[tuple[str, int], tuple[Accept, Reject]] = {}
        self.lever_actions: dict[tuple[str, str], tuple[Threaten, CarryOut]] = {}
        # (agenda, actor, binding terms) -> single-term proposals; filled by legal.py
        self.singles: dict[
            tuple[tuple[str, ...], str, tuple[tuple[str, str], ...]], tuple[Propose, ...]
        ] = {}
        self.simple_actions: dict[str, tuple[Statement | WalkOut | Pass, ...]] = {
            a: (*(Statement(a, t, "") for t in _TONES), WalkOut(a), Pass(a)) for a in self.playable
        }

    def credibility_index(self, actor: str) -> int:
        return 1 + self.actor_index[actor]

    def cohesion_index(self, actor: str) -> int:
        return 1 + self.n_actors + self.actor_index[actor]

    def support_index(self, actor: str) -> int:
        return 1 + 2 * self.n_actors + self.actor_index[actor]


_CACHE: dict[int, Tables] = {}


def tables_for(scenario: Scenario) -> Tables:
    """The tables of a scenario, built once (a few scenarios are ever live at a time)."""
    found = _CACHE.get(id(scenario))
    if found is not None and found.scenario is scenario:
        return found
    if len(_CACHE) > 16:
        _CACHE.clear()
    made = _CACHE[id(scenario)] = Tables(scenario)
    return made


def consenters(
    issue: Issue, playable: Collection[str], option: str | None = None
) -> tuple[str, ...]:
    """``consenting`` for callers that hold an issue and the playable ids, not the scenario
    (a public view): the issue's list, then what ``option`` adds (R9, R37)."""
    extra: tuple[str, ...] = ()
    if option is not None:
        extra = next((o.consent for o in issue.options if o.id == option), ())
    seen: dict[str, None] = {}
    for actor in (*issue.consent, *extra):
        if actor in playable:
            seen[actor] = None
    return tuple(seen)
