"""Conditions on the game state (events, objectives, outcomes): test and explain them."""

from __future__ import annotations

from game.engine.model import Condition
from game.engine.state import StateFields
from game.engine.words import counted


def holds(cond: Condition, state: StateFields) -> bool:
    """Whether every clause that ``cond`` sets holds in ``state``."""
    return not _failed(cond, state)


def explain(cond: Condition, state: StateFields) -> str:
    """The clauses of ``cond`` in words, as they stand in ``state`` ("" for an empty one)."""
    return "; ".join(_clauses(cond, state))


def _failed(cond: Condition, state: StateFields) -> bool:
    rnd = state.round_index + 1
    if cond.min_round is not None and rnd < cond.min_round:
        return True
    if cond.max_round is not None and rnd > cond.max_round:
        return True
    tension = state.tension
    if cond.min_tension is not None and tension < cond.min_tension:
        return True
    if cond.max_tension is not None and tension > cond.max_tension:
        return True
    n = len(state.binding)
    if cond.min_agreements is not None and n < cond.min_agreements:
        return True
    if cond.max_agreements is not None and n > cond.max_agreements:
        return True
    if cond.agreed or cond.not_agreed:
        binding = dict(state.binding)
        for issue, options in cond.agreed.items():
            if binding.get(issue) not in options:
                return True
        if any(issue in binding for issue in cond.not_agreed):
            return True
    if any(lv not in state.executed for lv in cond.levers_executed):
        return True
    if any(lv in state.executed for lv in cond.levers_not_executed):
        return True
    if cond.escalated is not None and cond.escalated != state.escalated:
        return True
    return any(a not in state.walked_out_ever for a in cond.walked_out)


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
    return out
