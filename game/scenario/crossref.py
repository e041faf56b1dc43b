"""Checks that need the whole file: every id that one part of a scenario gives another.

They run on the plain parsed data rather than the pydantic model, so that a
file with type errors still gets its cross-reference errors in the same pass;
anything of the wrong shape is skipped here (pydantic reports it).  Each
check names the path of the offending value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from game.scenario.document import ID_PATTERN
from game.scenario.errors import Path

_ID = re.compile(ID_PATTERN)

_PAIRS = (
    ("min_round", "max_round"),
    ("min_tension", "max_tension"),
    ("min_agreements", "max_agreements"),
)


def _items(data: Any, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, mapping) for each mapping in the list ``data[key]``."""
    seq = data.get(key) if isinstance(data, dict) else None
    if isinstance(seq, list):
        for i, item in enumerate(seq):
            if isinstance(item, dict):
                yield i, item


def _mapping(data: Any, key: str) -> dict[str, Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _is_id(value: Any) -> bool:
    """Only well-formed ids are looked up; pydantic already reports the others."""
    return isinstance(value, str) and _ID.match(value) is not None


def _strings(data: Any, key: str) -> Iterator[tuple[int, str]]:
    seq = data.get(key) if isinstance(data, dict) else None
    if isinstance(seq, list):
        for i, item in enumerate(seq):
            if isinstance(item, str):
                yield i, item


@dataclass
class _Checker:
    data: dict[str, Any]
    problems: list[tuple[Path, str]] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    issues: dict[str, list[str]] = field(default_factory=dict)  # issue -> option ids
    levers: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    rounds: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    red_lines: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # actor->issue->opts
    # the same for the lines a hidden type adds: actor -> issue -> option -> type ids
    type_lines: dict[str, dict[str, dict[str, list[str]]]] = field(default_factory=dict)

    def error(self, path: Path, message: str) -> None:
        self.problems.append((path, message))

    def unique_ids(self, key: str, kind: str) -> set[str]:
        return self.unique((((key, i), item) for i, item in _items(self.data, key)), kind)

    def unique(self, entries: Iterator[tuple[Path, dict[str, Any]]], kind: str) -> set[str]:
        """The ids of ``entries``, reporting each one given twice."""
        seen: set[str] = set()
        for path, item in entries:
            ident = item.get("id")
            if isinstance(ident, str):
                if ident in seen:
                    self.error((*path, "id"), f"duplicate {kind} id '{ident}'")
                seen.add(ident)
        return seen

    def unique_across(self, path: Path, item: dict[str, Any], ids: set[str], kind: str) -> None:
        """``item``'s id, reported if ``ids`` (shared across actors and types) has it."""
        ident = item.get("id")
        if isinstance(ident, str):
            if ident in ids:
                self.error((*path, "id"), f"duplicate {kind} id '{ident}'")
            ids.add(ident)

    def actor(self, path: Path, value: Any, what: str = "actor") -> None:
        if _is_id(value) and value not in self.actors:
            self.error(path, f"unknown {what} '{value}'{self.known(self.actors)}")

    def issue(self, path: Path, value: Any) -> bool:
        """True when ``value`` is a known issue id."""
        if not _is_id(value):
            return False
        if value not in self.issues:
            self.error(path, f"unknown issue '{value}'{self.known(self.issues)}")
            return False
        return True

    def option(self, path: Path, issue: str, value: Any) -> None:
        options = self.issues.get(issue, [])
        if _is_id(value) and value not in options:
            self.error(path, f"'{value}' is not an option of issue '{issue}'{self.known(options)}")

    def lever(self, path: Path, value: Any) -> None:
        if _is_id(value) and value not in self.levers:
            self.error(path, f"unknown lever '{value}'{self.known(self.levers)}")

    @staticmethod
    def known(ids: Any) -> str:
        names = sorted(set(ids))
        if not names:
            return " (none are declared)"
        shown = ", ".join(names[:12]) + (", ..." if len(names) > 12 else "")
        return f" (known: {shown})"

    # --- the sections -------------------------------------------------------

    def run(self) -> None:
        self.sources = self.unique_ids("sources", "source")
        self.actors = self.unique_ids("actors", "actor")
        self.unique_ids("issues", "issue")
        self.levers = self.unique_ids("levers", "lever")
        self.rounds = self.unique_ids("rounds", "round")
        self.events = self.unique_ids("events", "event")
        self.unique_ids("outcomes", "outcome")
        self.check_actors()
        self.check_issues()
        self.check_options()
        self.check_preferences()
        self.check_demands()
        self.check_rounds()
        self.check_levers()
        self.check_trackers()
        for i, event in _items(self.data, "events"):
            self.condition(("events", i, "when"), event.get("when"))
            self.effects(("events", i, "effects"), event)
            self.check_round_start(i, event)
        for i, outcome in _items(self.data, "outcomes"):
            self.condition(("outcomes", i, "when"), outcome.get("when"))
            for who in _mapping(outcome, "score"):
                if who != "*":
                    self.actor(("outcomes", i, "score", who), who)
        self.check_sources(self.data, ())

    def check_round_start(self, i: int, event: dict[str, Any]) -> None:
        """An event certain at a round's start must say which round (R32)."""
        if event.get("at") != "round_start":
            return
        when = event.get("when")
        named = isinstance(when, dict) and any(
            k in when for k in ("round", "min_round", "max_round")
        )
        if not named:
            self.error(
                ("events", i, "at"),
                "an event at round_start needs `when:` naming its round "
                "(round: ID, or min_round/max_round)",
            )

    def check_actors(self) -> None:
        actors = self.data.get("actors")
        if not isinstance(actors, list):
            return
        for i, actor in _items(self.data, "actors"):
            if actor.get("default_seat") == "ai" and actor.get("playable") is False:
                self.error(
                    ("actors", i, "default_seat"),
                    "only a playable actor has a seat: default_seat does nothing here",
                )
        playable = [a for _, a in _items(self.data, "actors") if a.get("playable") is True]
        if len(playable) < 2:
            self.error(("actors",), f"at least two actors must be playable (found {len(playable)})")

    def check_issues(self) -> None:
        for i, issue in _items(self.data, "issues"):
            entries = ((("issues", i, "options", j), o) for j, o in _items(issue, "options"))
            self.unique(entries, "option")
            options = [o["id"] for _, o in _items(issue, "options") if isinstance(o.get("id"), str)]
            if isinstance(issue.get("id"), str):
                self.issues.setdefault(issue["id"], options)
            status_quo = issue.get("status_quo")
            if isinstance(status_quo, str) and status_quo not in options:
                self.error(
                    ("issues", i, "status_quo"),
                    f"'{status_quo}' is not an option of this issue{self.known(options)}",
                )
            self.actor_list(("issues", i, "consent"), issue, "consent")

    def check_options(self) -> None:
        """Per-option consent, requires and excludes (format version 2; R9, R33)."""
        for i, issue in _items(self.data, "issues"):
            own = issue.get("id")
            for j, option in _items(issue, "options"):
                base: Path = ("issues", i, "options", j)
                self.actor_list((*base, "consent"), option, "consent")
                for key in ("requires", "excludes"):
                    for other, options in _mapping(option, key).items():
                        path = (*base, key, other)
                        if other == own:
                            self.error(path, f"an option cannot {key[:-1]} its own issue")
                            continue
                        if self.issue(path, other) and isinstance(options, list):
                            for k, opt in enumerate(options):
                                self.option((*path, k), other, opt)
                self.effects((*base, "on_agree"), option, "on_agree")
                needs, avoids = _mapping(option, "requires"), _mapping(option, "excludes")
                for other in needs:
                    both = set(_list(needs[other])) & set(_list(avoids.get(other)))
                    if both:
                        self.error(
                            (*base, "excludes", other),
                            f"option(s) {', '.join(sorted(both))} both required and excluded",
                        )

    def actor_list(self, path: Path, holder: dict[str, Any], key: str) -> None:
        seen: set[str] = set()
        for j, who in _strings(holder, key):
            self.actor((*path, j), who)
            if who in seen:
                self.error((*path, j), f"'{who}' is listed twice")
            seen.add(who)

    def check_preferences(self) -> None:
        prefs = _mapping(self.data, "preferences")
        for i, actor in _items(self.data, "actors"):
            ident = actor.get("id")
            if actor.get("playable") is True and isinstance(ident, str) and ident not in prefs:
                self.error(("actors", i, "id"), f"playable actor '{ident}' has no preferences")
        red_line_ids: set[str] = set()
        objective_ids: set[str] = set()
        for who, pref in prefs.items():
            base: Path = ("preferences", who)
            self.actor(base, who)
            if not isinstance(pref, dict):
                continue
            weights = _mapping(pref, "weights")
            values = _mapping(pref, "values")
            self.check_weights_and_values(base, weights, values, weights)
            self.check_complete(base, weights, values, complete="values" in pref)
            self.check_red_lines(who, base, pref, red_line_ids)
            self.check_objectives(base, pref, objective_ids)
            self.check_variants(who, base, pref, (red_line_ids, objective_ids))

    def check_weights_and_values(
        self,
        base: Path,
        weights: dict[str, Any],
        values: dict[str, Any],
        all_weights: dict[str, Any],
    ) -> None:
        """The issues and options that ``weights`` and ``values`` (given at ``base``) name;
        ``all_weights`` are the weights that apply with them (a type's, merged)."""
        for issue in weights:
            self.issue((*base, "weights", issue), issue)
        for issue, per_option in values.items():
            path = (*base, "values", issue)
            if not self.issue(path, issue):
                continue
            if issue not in all_weights:
                self.error(path, f"values given for issue '{issue}', which has no weight")
            if isinstance(per_option, dict):
                for option in per_option:
                    self.option((*path, option), issue, option)

    def check_complete(
        self, base: Path, weights: dict[str, Any], values: dict[str, Any], complete: bool
    ) -> None:
        """Every option of every weighted issue has a value."""
        for issue in weights:
            options = self.issues.get(issue)
            if options is None or not complete:
                continue
            given = values.get(issue)
            missing = [o for o in options if not isinstance(given, dict) or o not in given]
            if missing:
                self.error(
                    (*base, "values", issue) if issue in values else (*base, "values"),
                    f"no value for option(s) {', '.join(missing)} of weighted issue '{issue}'",
                )

    def check_objectives(self, base: Path, pref: dict[str, Any], ids: set[str]) -> None:
        for j, objective in _items(pref, "objectives"):
            path = (*base, "objectives", j)
            self.unique_across(path, objective, ids, "objective")
            self.condition((*path, "when"), objective.get("when"))

    def check_variants(
        self, who: str, base: Path, pref: dict[str, Any], ids: tuple[set[str], set[str]]
    ) -> None:
        """An actor's hidden types: unique ids, chances that sum to at most 1, and what
        each changes named as the written preferences must be (merged with them)."""
        variants = list(_items(pref, "variants"))
        self.unique((((*base, "variants", j), v) for j, v in variants), "variant")
        chances = [v.get("chance") for _, v in variants]
        numbers = [c for c in chances if isinstance(c, int | float) and not isinstance(c, bool)]
        if len(numbers) == len(chances) and sum(numbers) > 1.0 + 1e-9:
            self.error(
                (*base, "variants"),
                f"the chances of {who}'s types sum to {sum(numbers):g}; at most 1 (the rest"
                " is the preferences as written)",
            )
        weights, values = _mapping(pref, "weights"), _mapping(pref, "values")
        for j, variant in variants:
            path: Path = (*base, "variants", j)
            own_weights, own_values = _mapping(variant, "weights"), _mapping(variant, "values")
            all_weights = {**weights, **own_weights}
            all_values = dict(values)
            for issue, per_option in own_values.items():
                written = values.get(issue)
                if isinstance(per_option, dict) and isinstance(written, dict):
                    all_values[issue] = {**written, **per_option}
                else:
                    all_values[issue] = per_option
            self.check_weights_and_values(path, own_weights, own_values, all_weights)
            self.check_complete(path, all_weights, all_values, complete="values" in pref)
            ident = variant.get("id")
            self.check_red_lines(who, path, variant, ids[0], of_type=str(ident))
            self.check_objectives(path, variant, ids[1])

    def check_red_lines(
        self, who: str, base: Path, pref: dict[str, Any], ids: set[str], of_type: str = ""
    ) -> None:
        """The red lines of ``pref`` (the written preferences, or the hidden type ``of_type``)."""
        for j, line in _items(pref, "red_lines"):
            path = (*base, "red_lines", j)
            self.unique_across(path, line, ids, "red line")
            issue = line.get("issue")
            if not self.issue((*path, "issue"), issue):
                continue
            assert isinstance(issue, str)
            crossed = self.red_lines.setdefault(who, {}).setdefault(issue, set())
            typed = self.type_lines.setdefault(who, {}).setdefault(issue, {})
            for k, option in _strings(line, "options"):
                self.option((*path, "options", k), issue, option)
                if of_type:
                    typed.setdefault(option, []).append(of_type)
                else:
                    crossed.add(option)
            unless = line.get("unless")
            self.condition((*path, "unless"), unless)
            self.terms_only((*path, "unless"), unless)

    def terms_only(self, path: Path, when: Any) -> None:
        """A red line's ``unless`` is about the terms that would bind, nothing else (R27)."""
        if not isinstance(when, dict):
            return
        for key, value in when.items():
            if key in ("any", "all") and isinstance(value, list):
                for k, sub in enumerate(value):
                    self.terms_only((*path, key, k), sub)
            elif key == "not":
                self.terms_only((*path, key), value)
            elif key not in ("agreed", "not_agreed"):
                self.error(
                    (*path, key),
                    f"'{key}' is not about terms: a red line's unless may use only agreed, "
                    "not_agreed, any, all and not",
                )

    def check_demands(self) -> None:
        for who, demands in _mapping(self.data, "demands").items():
            self.actor(("demands", who), who)
            if not isinstance(demands, list):
                continue
            for j, demand in enumerate(demands):
                if not isinstance(demand, dict):
                    continue
                path: Path = ("demands", who, j)
                issue = demand.get("issue")
                if not self.issue((*path, "issue"), issue):
                    continue
                assert isinstance(issue, str)
                option = demand.get("option")
                self.option((*path, "option"), issue, option)
                if isinstance(option, str) and option in self.red_lines.get(who, {}).get(issue, ()):
                    self.error(
                        (*path, "option"),
                        f"'{who}' demands '{option}', which is on its own red line",
                    )
                typed = self.type_lines.get(who, {}).get(issue, {})
                for of_type in typed.get(option, []) if isinstance(option, str) else ():
                    self.error(
                        (*path, "option"),
                        f"'{who}' demands '{option}', which is on a red line of its hidden"
                        f" type '{of_type}'",
                    )

    def check_rounds(self) -> None:
        for i, rnd in _items(self.data, "rounds"):
            base: Path = ("rounds", i)
            self.actor_list((*base, "participants"), rnd, "participants")
            chair = rnd.get("chair")
            if chair:
                self.actor((*base, "chair"), chair)
            for j, issue in _strings(rnd, "agenda"):
                self.issue((*base, "agenda", j), issue)
            start, end = rnd.get("date"), rnd.get("end_date")
            if isinstance(start, str) and isinstance(end, str) and end < start:
                self.error(
                    (*base, "end_date"), f"the meeting ends ({end}) before it starts ({start})"
                )
            turns = rnd.get("turns")
            for j, quote in _items(rnd, "quotes"):
                turn = quote.get("turn")
                if isinstance(turns, int) and isinstance(turn, int) and turn > turns:
                    self.error(
                        (*base, "quotes", j, "turn"),
                        f"turn {turn} is after the last turn ({turns})",
                    )

    def check_levers(self) -> None:
        for i, lever in _items(self.data, "levers"):
            base: Path = ("levers", i)
            self.actor((*base, "owner"), lever.get("owner"))
            self.actor_list((*base, "owners"), lever, "owners")
            self.actor((*base, "target"), lever.get("target"))
            owner, owners = lever.get("owner"), lever.get("owners")
            if owner is None and not owners:
                self.error(base, "a lever needs an owner (owner: ID, or owners: [ID, ...])")
            if owner is not None and owners:
                self.error((*base, "owners"), "give owner or owners, not both")
            named = [owner] if isinstance(owner, str) else _list(owners)
            if lever.get("target") in named:
                self.error((*base, "target"), "a lever cannot target its own owner")
            for key in ("on_threat", "on_execute"):
                self.effects((*base, key), lever, key)
            for issue, options in _mapping(lever, "breaks").items():
                path = (*base, "breaks", issue)
                if self.issue(path, issue) and isinstance(options, list):
                    for k, option in enumerate(options):
                        self.option((*path, k), issue, option)

    def check_trackers(self) -> None:
        trackers = _mapping(self.data, "trackers")
        for name, spec in trackers.items():
            for who in _mapping(spec, "per_actor"):
                self.actor(("trackers", name, "per_actor", who), who)

    def agenda_change(self, path: Path, change: Any) -> None:
        if not isinstance(change, dict):
            return
        rnd = change.get("round")
        if _is_id(rnd) and rnd not in self.rounds:
            self.error((*path, "round"), f"unknown round '{rnd}'{self.known(self.rounds)}")
        for k, issue in _strings(change, "issues"):
            self.issue((*path, "issues", k), issue)

    def effects(self, path: Path, holder: dict[str, Any], key: str = "effects") -> None:
        for j, effect in _items(holder, key):
            where = (*path, j)
            if "agenda_add" in effect or "agenda_remove" in effect:
                if "agenda_add" in effect and "agenda_remove" in effect:
                    self.error(where, "one change per effect: agenda_add or agenda_remove")
                for change in ("agenda_add", "agenda_remove"):
                    self.agenda_change((*where, change), effect.get(change))
                continue
            tracker, actor, other = effect.get("tracker"), effect.get("actor"), effect.get("other")
            self.actor((*where, "actor"), actor)
            self.actor((*where, "other"), other)
            if tracker == "tension" and (actor is not None or other is not None):
                self.error(where, "tension is one value for the whole crisis: no actor or other")
            if other is not None and tracker != "trust":
                self.error((*where, "other"), "only trust effects name an 'other' actor")
            if other is not None and actor is None:
                self.error((*where, "other"), "'other' needs 'actor' (the pair is actor + other)")
            if other is not None and other == actor:
                self.error((*where, "other"), "trust is between two different actors")

    def condition(self, path: Path, when: Any) -> None:
        if not isinstance(when, dict):
            return
        rounds = self.data.get("rounds")
        count = len(rounds) if isinstance(rounds, list) else None
        for low, high in _PAIRS:
            lo, hi = when.get(low), when.get(high)
            if isinstance(lo, int | float) and isinstance(hi, int | float) and lo > hi:
                self.error((*path, low), f"{low} ({lo}) is above {high} ({hi}): never holds")
        for key in ("min_round", "max_round"):
            value = when.get(key)
            if count and isinstance(value, int) and not isinstance(value, bool) and value > count:
                self.error((*path, key), f"round {value} does not exist (there are {count})")
        for issue, options in _mapping(when, "agreed").items():
            if self.issue((*path, "agreed", issue), issue) and isinstance(options, list):
                for k, option in enumerate(options):
                    self.option((*path, "agreed", issue, k), issue, option)
        for k, issue in _strings(when, "not_agreed"):
            self.issue((*path, "not_agreed", k), issue)
        for key in ("levers_executed", "levers_not_executed"):
            for k, lever in _strings(when, key):
                self.lever((*path, key, k), lever)
        for k, who in _strings(when, "walked_out"):
            self.actor((*path, "walked_out", k), who)
        self.condition_v2(path, when)

    def condition_v2(self, path: Path, when: dict[str, Any]) -> None:
        rnd = when.get("round")
        if _is_id(rnd) and rnd not in self.rounds:
            self.error((*path, "round"), f"unknown round '{rnd}'{self.known(self.rounds)}")
        for key in ("min", "max"):
            for k, test in _items(when, key):
                self.tracker_test((*path, key, k), test)
        for k, card in _strings(when, "events_happened"):
            if _is_id(card) and card not in self.events:
                self.error(
                    (*path, "events_happened", k),
                    f"unknown event '{card}'{self.known(self.events)}",
                )
        for issue, options in _mapping(when, "provisional").items():
            if self.issue((*path, "provisional", issue), issue) and isinstance(options, list):
                for k, option in enumerate(options):
                    self.option((*path, "provisional", issue, k), issue, option)
        for k, lever in _strings(when, "threatened"):
            self.lever((*path, "threatened", k), lever)
        for k, issue in _strings(when, "broken"):
            self.issue((*path, "broken", k), issue)
        for key in ("any", "all"):
            for k, sub in _items(when, key):
                self.condition((*path, key, k), sub)
        self.condition((*path, "not"), when.get("not"))

    def tracker_test(self, path: Path, test: dict[str, Any]) -> None:
        tracker, actor, other = test.get("tracker"), test.get("actor"), test.get("other")
        self.actor((*path, "actor"), actor)
        self.actor((*path, "other"), other)
        if tracker == "tension":
            if actor is not None or other is not None:
                self.error(path, "tension is one value for the whole crisis: no actor or other")
        elif tracker == "trust":
            if actor is None or other is None:
                self.error(path, "trust is between two actors: give actor and other")
            elif actor == other:
                self.error((*path, "other"), "trust is between two different actors")
        elif isinstance(tracker, str):
            if actor is None:
                self.error(path, f"{tracker} is one value per actor: give actor")
            if other is not None:
                self.error((*path, "other"), "only trust compares a pair ('other')")

    def check_sources(self, node: Any, path: Path) -> None:
        """Every ``source: {ref: ...}`` anywhere names a declared source."""
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "source" and isinstance(value, dict):
                    ref = value.get("ref")
                    if _is_id(ref) and ref not in self.sources:
                        self.error(
                            (*path, key, "ref"), f"unknown source '{ref}'{self.known(self.sources)}"
                        )
                elif isinstance(value, dict | list):
                    self.check_sources(value, (*path, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                self.check_sources(value, (*path, i))


def check(data: dict[str, Any]) -> list[tuple[Path, str]]:
    """Every cross-reference mistake in ``data``, as (path, message)."""
    checker = _Checker(data)
    checker.run()
    return checker.problems
