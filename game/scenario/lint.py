"""Warnings about a valid scenario that will probably play badly: the hook for richer checks.

A lint is a function ``(LoadedScenario) -> Iterable[Located]`` (use
``loaded.locate(path, message)`` to place a warning).  ``redlines validate``
prints every warning of every lint in ``LINTS`` and of the modules named in
``LINT_MODULES`` (imported on first use; such a module adds its functions with
``@register``).  Negotiation-aware checks (is any deal possible without
crossing a red line?) belong in such a module, next to ``redlines analyze``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from game.engine import queries
from game.engine.model import Condition, Scenario, TrackerKind
from game.scenario.document import RedLineDoc
from game.scenario.errors import Located, Path, sort_unique
from game.scenario.loader import LoadedScenario

Lint = Callable[[LoadedScenario], Iterable[Located]]

LINTS: list[Lint] = []
LINT_MODULES: tuple[str, ...] = ()  # e.g. ("game.analysis.lints",); imported lazily


def register(lint: Lint) -> Lint:
    """Add ``lint`` to the checks ``redlines validate`` runs (usable as a decorator)."""
    if lint not in LINTS:
        LINTS.append(lint)
    return lint


def warnings_for(loaded: LoadedScenario) -> list[Located]:
    """Every warning of every registered lint, sorted by position."""
    for name in LINT_MODULES:
        importlib.import_module(name)
    found: list[Located] = []
    for lint in LINTS:
        found.extend(lint(loaded))
    return sort_unique(found)


@register
def last_outcome_catches_all(loaded: LoadedScenario) -> Iterable[Located]:
    """The last outcome should hold always, or some end states get no label."""
    outcomes = loaded.scenario.outcomes
    last = outcomes[-1]
    if loaded.document.outcomes[-1].when.model_fields_set:
        yield loaded.locate(
            ("outcomes", len(outcomes) - 1, "when"),
            f"the last outcome '{last.id}' has a condition; an end state that matches no "
            "outcome gets no label (give the last one no 'when')",
        )


@register
def unreachable_issues(loaded: LoadedScenario) -> Iterable[Located]:
    """An issue on no round's agenda can never be proposed, so demands on it are moot."""
    scenario = loaded.scenario
    on_agenda = {issue for r in scenario.rounds for issue in r.agenda}
    changes = [c for card in scenario.events for c in card.agenda]
    changes += [c for lever in scenario.levers for c in lever.agenda]
    on_agenda |= {issue for c in changes if c.add for issue in c.issues}  # R34
    for i, issue in enumerate(scenario.issues):
        if issue.id not in on_agenda:
            yield loaded.locate(("issues", i, "id"), f"issue '{issue.id}' is on no round's agenda")


@register
def absent_players(loaded: LoadedScenario) -> Iterable[Located]:
    """A playable actor who sits at no round never gets a turn."""
    seated = {a for r in loaded.scenario.rounds for a in r.participants}
    for i, actor in enumerate(loaded.scenario.actors):
        if actor.playable and actor.id not in seated:
            yield loaded.locate(
                ("actors", i, "id"), f"playable actor '{actor.id}' takes part in no round"
            )


@register
def consent_of_non_players(loaded: LoadedScenario) -> Iterable[Located]:
    """Only playable actors are asked for consent (rules R2, R9); naming others does nothing."""
    scenario = loaded.scenario
    for i, issue in enumerate(scenario.issues):
        asked = queries.consenting(scenario, issue.id)  # the engine's R9
        for j, who in enumerate(issue.consent):
            if who not in asked:
                yield loaded.locate(
                    ("issues", i, "consent", j),
                    f"'{who}' is not playable, so it is never asked: its consent is ignored",
                )
        for k, option in enumerate(issue.options):  # an option's own consent (R37)
            for j, who in enumerate(option.consent):
                if who not in queries.consenting(scenario, issue.id, option.id):
                    yield loaded.locate(
                        ("issues", i, "options", k, "consent", j),
                        f"'{who}' is not playable, so it is never asked: its consent is ignored",
                    )


@register
def rounds_without_two_players(loaded: LoadedScenario) -> Iterable[Located]:
    """A round with fewer than two playable participants closes as soon as it opens (R3)."""
    for i, rnd in enumerate(loaded.scenario.rounds):
        movers = queries.movers(loaded.scenario, rnd.id)  # the engine's R2
        if len(movers) < 2:
            yield loaded.locate(
                ("rounds", i, "participants"),
                f"round '{rnd.id}' has {len(movers)} playable participant(s); "
                "it closes as soon as it opens",
            )


def _possible_rounds(loaded: LoadedScenario, cond: Condition) -> list[int]:
    """0-based indexes of the rounds in which ``cond`` could hold, judged by its round clauses
    alone (the others depend on play)."""
    rounds = loaded.scenario.rounds
    out = []
    for i, rnd in enumerate(rounds):
        number = i + 1
        if cond.min_round is not None and number < cond.min_round:
            continue
        if cond.max_round is not None and number > cond.max_round:
            continue
        if cond.round and rnd.id != cond.round:
            continue
        out.append(i)
    return out


@register
def anachronisms(loaded: LoadedScenario) -> Iterable[Located]:
    """An event with a ``date`` must not be able to fire in a round dated before it (R32),
    unless the author marks it ``counterfactual: true``."""
    rounds = loaded.scenario.rounds
    for i, card in enumerate(loaded.scenario.events):
        if not card.date or card.counterfactual:
            continue
        early = [
            k for k in _possible_rounds(loaded, card.condition) if rounds[k].last_date < card.date
        ]
        if early:
            rnd = rounds[early[0]]
            yield loaded.locate(
                ("events", i, "date"),
                f"event '{card.id}' is dated {card.date} but can fire in round {early[0] + 1} "
                f"'{rnd.id}' ({rnd.last_date}): an anachronism; restrict its `when` to later "
                "rounds (min_round or round) or mark it `counterfactual: true`",
            )


def _conditions(scenario: Scenario) -> Iterator[Condition]:
    todo: list[Condition] = [c.condition for c in scenario.events]
    todo += [o.condition for o in scenario.outcomes]
    for prefs in scenario.preferences.values():
        todo += [o.condition for o in prefs.objectives]
    while todo:
        cond = todo.pop()
        yield cond
        todo += [*cond.any, *cond.all]
        if cond.not_ is not None:
            todo.append(cond.not_)


def _trackers_read(scenario: Scenario) -> set[TrackerKind]:
    """Trackers that some rule or condition reads."""
    read = {TrackerKind.TENSION, TrackerKind.CREDIBILITY}  # R6; threat pressure (R35)
    if any(a.ratification is not None for a in scenario.actors):
        read.add(TrackerKind.SUPPORT)  # R29
    for cond in _conditions(scenario):
        read.update(test.tracker for test in (*cond.min, *cond.max))
    return read


def _trackers_written(loaded: LoadedScenario) -> dict[TrackerKind, Path]:
    """Trackers the file sets or changes, with where it first does so."""
    found: dict[TrackerKind, Path] = {}
    doc = loaded.document
    for kind in (TrackerKind.TRUST, TrackerKind.COHESION, TrackerKind.SUPPORT):
        if getattr(doc.trackers, kind.value) is not None:
            found.setdefault(kind, ("trackers", kind.value))
    places: list[tuple[Path, list[Any]]] = []
    places += [(("events", i, "effects"), list(e.effects)) for i, e in enumerate(doc.events)]
    for i, lv in enumerate(doc.levers):
        places.append((("levers", i, "on_threat"), list(lv.on_threat)))
        places.append((("levers", i, "on_execute"), list(lv.on_execute)))
    for i, issue in enumerate(doc.issues):
        for j, option in enumerate(issue.options):
            places.append((("issues", i, "options", j, "on_agree"), list(option.on_agree)))
    for path, effects in places:
        for j, e in enumerate(effects):
            tracker = getattr(e, "tracker", None)
            if tracker is not None:
                found.setdefault(TrackerKind(tracker), (*path, j, "tracker"))
    # A rule number the file sets that moves a tracker (consent_bypass_cohesion, firm_support,
    # breach_trust, ...) writes it as surely as an effect does.
    for key in sorted(doc.rules.model_fields_set):
        value = getattr(doc.rules, key)
        for kind in (TrackerKind.TRUST, TrackerKind.COHESION, TrackerKind.SUPPORT):
            if key.endswith(f"_{kind.value}") and value:
                found.setdefault(kind, ("rules", key))
    return found


@register
def unread_trackers(loaded: LoadedScenario) -> Iterable[Located]:
    """A tracker the scenario sets or changes but that nothing reads is decoration.

    Only format 2 can read trackers in conditions (min/max), so only its files are asked.
    """
    if loaded.document.format < 2:
        return
    read = _trackers_read(loaded.scenario)
    for kind, path in sorted(_trackers_written(loaded).items()):
        if kind not in read:
            yield loaded.locate(
                path,
                f"nothing reads the {kind.value} tracker: no condition (min/max), rule or "
                "ratification threshold depends on it, so changing it changes nothing",
            )


@register
def red_lines_without_a_veto(loaded: LoadedScenario) -> Iterable[Located]:
    """A red line on terms its actor is not asked to consent to can be agreed without it:
    the others may bind them over its head, and it is scored as crossed (R9, R37)."""
    scenario = loaded.scenario
    for actor, prefs in loaded.document.preferences.items():
        placed: list[tuple[Path, RedLineDoc]] = [
            (("preferences", actor, "red_lines", j), line) for j, line in enumerate(prefs.red_lines)
        ]
        for k, variant in enumerate(prefs.variants):
            placed += [
                (("preferences", actor, "variants", k, "red_lines", j), line)
                for j, line in enumerate(variant.red_lines)
            ]
        for path, line in placed:  # a lint runs on a valid file: every issue is known
            free = [
                o for o in line.options if actor not in queries.consenting(scenario, line.issue, o)
            ]
            if free:
                yield loaded.locate(
                    path,
                    f"'{actor}' is not asked to consent to {', '.join(repr(o) for o in free)} on "
                    f"'{line.issue}': the others can agree it without '{actor}', and the line "
                    "is then crossed (give it consent on the issue or the option)",
                )


@register
def excludes_of_a_status_quo(loaded: LoadedScenario) -> Iterable[Located]:
    """``excludes`` counts terms agreed in the package or already binding (R33); an issue
    left unsettled is not agreed, so excluding another issue's status quo stops nothing
    while that issue stays open (``requires`` another option instead)."""
    scenario = loaded.scenario
    status_quo = {issue.id: issue.status_quo for issue in scenario.issues}
    for i, issue in enumerate(loaded.document.issues):
        for k, option in enumerate(issue.options):
            for other, options in option.excludes.items():
                if status_quo.get(other) in options:
                    yield loaded.locate(
                        ("issues", i, "options", k, "excludes", other),
                        f"'{option.id}' excludes '{status_quo[other]}', the status quo of "
                        f"'{other}': it still holds while '{other}' is unsettled, so this "
                        f"stops nothing then (use 'requires' on the other options of '{other}')",
                    )


@register
def requirements_that_can_wait(loaded: LoadedScenario) -> Iterable[Located]:
    """A term's ``requires`` is met by a term of the same package even while that term
    waits for a consenter the requiring one does not need (R33 with R9, R37): then the
    requiring term can bind and its requirement never."""
    scenario = loaded.scenario
    for i, issue in enumerate(loaded.document.issues):
        for k, option in enumerate(issue.options):
            mine = set(queries.consenting(scenario, issue.id, option.id))
            for other, options in option.requires.items():
                for required in options:
                    extra = sorted(set(queries.consenting(scenario, other, required)) - mine)
                    if extra:
                        yield loaded.locate(
                            ("issues", i, "options", k, "requires", other),
                            f"'{option.id}' requires {other}={required}, which also needs "
                            f"{', '.join(repr(a) for a in extra)}: agreed without them, "
                            f"'{option.id}' binds while {other}={required} waits, perhaps "
                            f"for good (give '{option.id}' the same consent)",
                        )
