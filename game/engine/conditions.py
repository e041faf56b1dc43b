"""Conditions on the game state (events, objectives, outcomes): test and explain them."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import fields
from typing import Any, Protocol

from game.engine.model import Condition, Round, TrackerKind, TrackerTest
from game.engine.state import Draft, Provisional, StateFields
from game.engine.words import counted, round_place


class Facts(Protocol):
    """A state a condition can be judged in, other than the engine's own: an AI
    delegate's imagined end of the week, built from what its view shows."""

    @property
    def round_index(self) -> int: ...
    @property
    def round(self) -> Round: ...
    @property
    def tension(self) -> float: ...
    @property
    def binding(self) -> tuple[tuple[str, str], ...]: ...
    @property
    def provisional(self) -> tuple[Provisional, ...]: ...
    @property
    def executed(self) -> Collection[str]: ...
    @property
    def escalated(self) -> bool: ...
    @property
    def walked_out_ever(self) -> Collection[str]: ...
    @property
    def drawn(self) -> Collection[str]: ...
    def threatened(self, lever: str) -> bool: ...
    def broken(self) -> Collection[str]: ...
    def tracker(self, test: TrackerTest) -> float: ...


def holds(cond: Condition, state: StateFields | Facts) -> bool:
    """Whether every clause that ``cond`` sets holds in ``state`` (the game's, or
    ``Facts`` of an imagined one: the same rules judge both)."""
    return not _failed(cond, state)


def explain(cond: Condition, state: StateFields) -> str:
    """The clauses of ``cond`` in words, as they stand in ``state`` ("" for an empty one)."""
    return "; ".join(_clauses(cond, state))


def holds_besides_terms(cond: Condition, state: StateFields | Facts) -> bool:
    """Whether every clause of ``cond`` other than its own clauses on binding terms
    (``agreed``, ``not_agreed``, ``min_agreements``, ``max_agreements``) holds in ``state``.

    With ``terms_settled`` it splits ``holds``: ``holds(c, s)`` is ``holds_besides_terms(c,
    s) and terms_settled(c, dict(s.binding))``.  For a version-1 condition (``simple``) the
    first part never reads the binding terms, so one judgement of it serves every set of
    terms imagined in the same state (the AI weighs many packages per move).
    """
    return not _failed_before_terms(cond, state) and not _failed_after_terms(cond, state)


def terms_settled(cond: Condition, binding: Mapping[str, str]) -> bool:
    """Whether ``cond``'s own clauses on binding terms hold for ``binding`` (issue -> option)."""
    return not _failed_terms(cond, binding, len(binding))


def unmet(cond: Condition, state: StateFields) -> tuple[str, ...]:
    """The clauses of ``cond`` that do not hold in ``state``, in words as they stand
    ("tension is 92 (at most 70)"); a bound on rounds or agreements says its bound."""
    out = []
    for part in _parts(cond):
        if holds(part, state):
            continue
        words = explain(part, state)
        bounds = _bounds(part)
        out.append(f"{words} ({bounds})" if bounds else words)
    return tuple(out)


# Bounds that are read together, so their words name both ends.
_PAIRED = (
    ("min_round", "max_round"),
    ("min_agreements", "max_agreements"),
    ("min_tension", "max_tension"),
)
_WHOLE = ("any", "all", "not_", "escalated", "round")  # one clause each, never split


def _parts(cond: Condition) -> Iterator[Condition]:
    """One condition per clause of ``cond`` (each bound pair, each listed item)."""
    paired = {name for pair in _PAIRED for name in pair}
    clauses: list[dict[str, Any]] = []
    for pair in _PAIRED:
        bounds = {k: getattr(cond, k) for k in pair if getattr(cond, k) is not None}
        if bounds:
            clauses.append(bounds)
    for f in fields(Condition):
        if not f.init or f.name in paired:
            continue
        value = getattr(cond, f.name)
        if value is None or value in ((), {}, ""):
            continue
        if f.name in _WHOLE or not isinstance(value, dict | tuple):
            clauses.append({f.name: value})  # a new scalar clause too: whole, never split
        elif isinstance(value, dict):
            clauses += [{f.name: {key: item}} for key, item in value.items()]
        else:
            clauses += [{f.name: (item,)} for item in value]
    return (Condition(**clause) for clause in clauses)


def _bounds(part: Condition) -> str:
    """The bounds of a round or agreement clause (tension's words already say them)."""
    if part.min_round is not None or part.max_round is not None:
        low, high = part.min_round, part.max_round
        said = [
            f"from round {low}" if low is not None else "",
            f"up to round {high}" if high is not None else "",
        ]
    elif part.min_agreements is not None or part.max_agreements is not None:
        low, high = part.min_agreements, part.max_agreements
        said = [
            f"at least {low}" if low is not None else "",
            f"at most {high}" if high is not None else "",
        ]
    else:
        return ""
    return " and ".join(s for s in said if s)


def _failed(cond: Condition, state: StateFields | Facts) -> bool:
    # The clauses in their order of cost: the cheap numbers first.
    if _failed_before_terms(cond, state):
        return True
    if (
        cond.min_agreements is not None
        or cond.max_agreements is not None
        or cond.agreed
        or cond.not_agreed
    ) and _failed_terms(cond, dict(state.binding), len(state.binding)):
        return True
    return _failed_after_terms(cond, state)


def _failed_before_terms(cond: Condition, state: StateFields | Facts) -> bool:
    rnd = state.round_index + 1
    if cond.min_round is not None and rnd < cond.min_round:
        return True
    if cond.max_round is not None and rnd > cond.max_round:
        return True
    tension = state.tension
    if cond.min_tension is not None and tension < cond.min_tension:
        return True
    return cond.max_tension is not None and tension > cond.max_tension


def _failed_terms(cond: Condition, binding: Mapping[str, str], n: int) -> bool:
    if cond.min_agreements is not None and n < cond.min_agreements:
        return True
    if cond.max_agreements is not None and n > cond.max_agreements:
        return True
    for issue, options in cond.agreed.items():
        if binding.get(issue) not in options:
            return True
    # Emptiness first: asked for every package the AI weighs, mostly of empty clauses.
    return bool(cond.not_agreed) and any(issue in binding for issue in cond.not_agreed)


def _failed_after_terms(cond: Condition, state: StateFields | Facts) -> bool:
    # Each clause tested for emptiness first: most conditions set none of them, and a
    # generator per empty clause cost more than the judgement (the AI asks it per package).
    if cond.levers_executed and any(lv not in state.executed for lv in cond.levers_executed):
        return True
    if cond.levers_not_executed and any(lv in state.executed for lv in cond.levers_not_executed):
        return True
    if cond.escalated is not None and cond.escalated != state.escalated:
        return True
    if cond.walked_out and any(a not in state.walked_out_ever for a in cond.walked_out):
        return True
    return not cond.simple and _failed_v2(cond, state)


def _failed_v2(cond: Condition, state: StateFields | Facts) -> bool:
    """The clauses added with format version 2 (conditions on everything that can be seen)."""
    if cond.round and state.round.id != cond.round:
        return True
    if any(_value(t, state) < t.value for t in cond.min):
        return True
    if any(_value(t, state) > t.value for t in cond.max):
        return True
    if any(card not in state.drawn for card in cond.events_happened):
        return True
    if cond.provisional:
        agreed = {pv.issue: pv.option for pv in state.provisional}
        if any(agreed.get(issue) not in opts for issue, opts in cond.provisional.items()):
            return True
    if any(not state.threatened(lever) for lever in cond.threatened):
        return True
    if cond.broken:
        broken = state.broken()
        if any(issue not in broken for issue in cond.broken):
            return True
    if cond.all and any(_failed(c, state) for c in cond.all):
        return True
    if cond.any and all(_failed(c, state) for c in cond.any):
        return True
    return cond.not_ is not None and not _failed(cond.not_, state)


def _value(test: TrackerTest, state: StateFields | Facts) -> float:
    if isinstance(state, StateFields):
        return tracker_value(test, state)
    return state.tracker(test)


def tracker_value(test: TrackerTest, state: StateFields) -> float:
    """The value of the tracker ``test`` names, in ``state`` (a draft's live values)."""
    t = state._t
    tr: Sequence[float] = state._tr if isinstance(state, Draft) else state.trackers
    kind = test.tracker
    if kind is TrackerKind.TENSION:
        return tr[0]
    if kind is TrackerKind.TRUST:
        return tr[t.pair_index[(test.actor, test.other)]]
    if kind is TrackerKind.CREDIBILITY:
        return tr[t.credibility_index(test.actor)]
    if kind is TrackerKind.COHESION:
        return tr[t.cohesion_index(test.actor)]
    return tr[t.support_index(test.actor)]


def terms_hold(cond: Condition, terms: Mapping[str, str]) -> bool:
    """``holds`` for a condition whose clauses, at every depth (``any``, ``all``, ``not``),
    are on binding terms alone (``agreed``, ``not_agreed``, the number agreed): judged on
    the settlement ``terms`` (issue -> option).  Red lines' ``unless`` (R27); the AI's
    imagined ends of objectives on terms."""
    if _failed_terms(cond, terms, len(terms)):
        return False
    if cond.all and not all(terms_hold(c, terms) for c in cond.all):
        return False
    if cond.any and not any(terms_hold(c, terms) for c in cond.any):
        return False
    return cond.not_ is None or not terms_hold(cond.not_, terms)


def _clauses(cond: Condition, state: StateFields) -> list[str]:
    t = state._t
    out: list[str] = []
    if cond.escalated is not None:
        out.append("the crisis escalated" if state.escalated else "the crisis did not escalate")
    if cond.min_round is not None or cond.max_round is not None:
        out.append(f"round {state.round_index + 1} was reached")
    if cond.min_tension is not None or cond.max_tension is not None:
        bounds = []
        if cond.min_tension is not None:
            bounds.append(f"at least {cond.min_tension:g}")
        if cond.max_tension is not None:
            bounds.append(f"at most {cond.max_tension:g}")
        out.append(f"tension is {state.tension:g} ({' and '.join(bounds)})")
    if cond.min_agreements is not None or cond.max_agreements is not None:
        out.append(f"{counted(len(state.binding), 'issue')} settled bindingly")
    binding = dict(state.binding)
    for issue in sorted(cond.agreed):
        if issue in binding:
            label = t.option_label.get((issue, binding[issue]), binding[issue])
            out.append(f"{t.issue[issue].name} settled on {label}")
        else:
            out.append(f"{t.issue[issue].name} not settled")
    for issue in cond.not_agreed:
        settled = "settled" if issue in binding else "not settled"
        out.append(f"{t.issue[issue].name} {settled}")
    for lv in (*cond.levers_executed, *cond.levers_not_executed):
        done = "carried out" if lv in state.executed else "not carried out"
        out.append(f"{t.lever[lv].name} {done}")
    for a in cond.walked_out:
        gone = "walked out" if a in state.walked_out_ever else "never walked out"
        out.append(f"{t.name[a]} {gone}")
    if not cond.simple:
        out += _clauses_v2(cond, state)
    return out


def _tracker_words(test: TrackerTest, state: StateFields) -> str:
    t = state._t
    if test.tracker is TrackerKind.TENSION:
        whose = "tension"
    elif test.tracker is TrackerKind.TRUST:
        whose = f"trust between {t.name[test.actor]} and {t.name[test.other]}"
    else:
        whose = f"{t.name[test.actor]}'s {test.tracker.value}"
    return f"{whose} is {tracker_value(test, state):g}"


def _clauses_v2(cond: Condition, state: StateFields) -> list[str]:
    t = state._t
    out: list[str] = []
    if cond.round:
        out.append(f"round {state.round_index + 1} ({round_place(state.round)}) is under way")
    out += [f"{_tracker_words(x, state)} (at least {x.value:g})" for x in cond.min]
    out += [f"{_tracker_words(x, state)} (at most {x.value:g})" for x in cond.max]
    for card in cond.events_happened:
        title = t.card[card].title if card in t.card else card
        out.append(f"“{title}” {'happened' if card in state.drawn else 'did not happen'}")
    provisional = {pv.issue: pv.option for pv in state.provisional}
    for issue in sorted(cond.provisional):
        found = provisional.get(issue)
        label = t.option_label.get((issue, found), found) if found else ""
        name = t.issue[issue].name
        out.append(
            f"{name} provisionally agreed on {label}" if found else f"{name} not provisional"
        )
    for lever in cond.threatened:
        done = "was threatened" if state.threatened(lever) else "was never threatened"
        out.append(f"{t.lever[lever].name} {done}")
    broken = state.broken()
    for issue in cond.broken:
        done = "was broken" if issue in broken else "was never broken"
        out.append(f"the agreement on {t.issue[issue].name} {done}")
    for group, word in ((cond.all, "all of"), (cond.any, "any of")):
        if group:
            parts = [explain(c, state) or "always" for c in group]
            out.append(f"{word}: ({'); ('.join(parts)})")
    if cond.not_ is not None:
        out.append(f"not: ({explain(cond.not_, state) or 'always'})")
    return out
