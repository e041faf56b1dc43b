"""Utility, red lines, outcome labels and scores: the same sums the AI and the debrief use."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.engine.conditions import explain, holds, terms_hold, unmet
from game.engine.model import RedLine, Scenario
from game.engine.state import GameState, OutcomeResult, StateFields
from game.engine.tables import tables_for
from game.engine.words import NO_OTHER_OUTCOME


@dataclass(frozen=True, slots=True)
class RedLineBreach:
    """One term of a package that crosses one actor's red line."""

    actor: str  # whose red line
    red_line: str  # its id
    issue: str
    option: str
    public: bool
    own: bool  # the red line belongs to the actor the package was checked for
    reason: str
    source: str

    @property
    def text(self) -> str:
        whose = "your own" if self.own else f"{self.actor}'s public"
        return f"{self.issue}={self.option} crosses {whose} red line: {self.reason}"


@dataclass(frozen=True, slots=True)
class Score:
    actor: str
    utility: float  # of the final terms, in [0, 1]
    reservation: float
    objectives_met: tuple[str, ...]  # objective ids
    objective_points: float
    red_lines_crossed: tuple[str, ...]  # own red line ids crossed by binding terms
    red_line_penalty: float  # subtracted
    outcome_bonus: float
    total: float


def utility(
    scenario: Scenario,
    actor: str,
    terms: Mapping[str, str],
    agreed: Mapping[str, str] | None = None,
) -> float:
    """The actor's utility of a settlement, in [0, 1].

    ``terms`` maps issue -> option; an issue it leaves out takes its option in
    ``agreed`` (the terms already settled) if given, else its status quo.
    """
    t = tables_for(scenario)
    sq = t.status_quo
    total = 0.0
    for issue, weight, values in t.utility_rows[actor]:
        option = terms.get(issue)
        if option is None:
            option = agreed.get(issue, sq[issue]) if agreed else sq[issue]
        total += weight * values[option]
    return total


def explain_red_lines(
    scenario: Scenario,
    terms: Mapping[str, str] | tuple[tuple[str, str], ...],
    actor: str,
    *,
    others_public: bool = True,
    agreed: Mapping[str, str] | None = None,
) -> tuple[RedLineBreach, ...]:
    """Which terms break ``actor``'s own red lines (all of them) and others' public ones.

    A red line with ``unless`` is lifted when its condition holds for the terms that
    would bind: ``terms`` plus ``agreed`` (what already binds) (R27).
    """
    chosen = dict(terms)
    whole = {**agreed, **chosen} if agreed else chosen
    out: list[RedLineBreach] = []
    for owner, prefs in scenario.preferences.items():
        own = owner == actor
        if not own and not others_public:
            continue
        for line in prefs.red_lines:
            if not own and not line.public:
                continue
            option = chosen.get(line.issue)
            if option is not None and option in line.options and not lifted(line, whole):
                out.append(
                    RedLineBreach(
                        owner,
                        line.id,
                        line.issue,
                        option,
                        line.public,
                        own,
                        line.reason,
                        line.source,
                    )
                )
    # Own red lines first: those are the ones a delegation must answer for.
    out.sort(key=lambda b: (not b.own, b.actor, b.issue, b.red_line))
    return tuple(out)


def lifted(line: RedLine, terms: Mapping[str, str]) -> bool:
    """Whether the line's ``unless`` holds for ``terms`` (issue -> option) (R27)."""
    return line.unless is not None and terms_hold(line.unless, dict(terms))


def select_outcome(state: StateFields) -> OutcomeResult:
    """The first outcome whose condition holds in ``state``, and why."""
    passed: list[str] = []
    for oc in state.scenario.outcomes:
        if holds(oc.condition, state):
            why = explain(oc.condition, state) or NO_OTHER_OUTCOME
            return OutcomeResult(oc.id, oc.label, why, tuple(passed))
        passed.append(f"{oc.label}: {'; '.join(unmet(oc.condition, state))}")
    return OutcomeResult(
        "", "No outcome", "no outcome condition of the scenario held", tuple(passed)
    )


def outcome(state: GameState) -> OutcomeResult | None:
    """The outcome of a finished game; None while it runs."""
    return state.outcome_result if state.over else None


def scores(state: GameState) -> dict[str, Score]:
    """Each actor's score for the state as it stands (the outcome bonus once it is over)."""
    scenario = state.scenario
    binding = dict(state.binding)
    result = state.outcome_result if state.over else None
    bonuses: Mapping[str, float] = {}
    if result is not None:
        for oc in scenario.outcomes:
            if oc.id == result.id:
                bonuses = oc.score
    out: dict[str, Score] = {}
    for actor, prefs in scenario.preferences.items():
        u = utility(scenario, actor, binding)
        met = tuple(o.id for o in prefs.objectives if holds(o.condition, state))
        points = sum(o.points for o in prefs.objectives if o.id in met)
        crossed = tuple(
            line.id
            for line in prefs.red_lines
            if binding.get(line.issue) in line.options and not lifted(line, binding)
        )
        penalty = scenario.rules.red_line_penalty * len(crossed)
        bonus = bonuses.get(actor, bonuses.get("*", 0.0))
        total = u - prefs.reservation + points - penalty + bonus
        out[actor] = Score(actor, u, prefs.reservation, met, points, crossed, penalty, bonus, total)
    return out
