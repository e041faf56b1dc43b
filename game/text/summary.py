"""The end-of-game summary that ``play`` prints and ``replay`` prints or emits as JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game import engine
from game.engine import words
from game.engine.model import Scenario
from game.engine.variants import has_types
from game.session.session import Session


@dataclass(frozen=True, slots=True)
class Summary:
    scenario: str
    seed: int
    over: bool
    outcome: str | None  # the outcome id, None while the game runs
    outcome_label: str
    outcome_why: str
    scores: dict[str, float]  # actor id -> total score
    digest: str
    turns: int  # actions in the log (every move by a delegation or the facilitator)
    rounds: int  # rounds reached
    outcome_passed_over: tuple[str, ...] = ()  # what each earlier outcome lacked


def summarize(session: Session) -> Summary:
    state = session.state
    result = engine.outcome(state)
    return Summary(
        scenario=session.scenario.id,
        seed=session.seed,
        over=session.is_over,
        outcome=result.id if result is not None else None,
        outcome_label=result.label if result is not None else "game not finished",
        outcome_why=result.why if result is not None else "",
        scores={actor: round(score.total, 6) for actor, score in engine.scores(state).items()},
        digest=session.digest(),
        turns=len(session.log),
        rounds=state.round_number,
        outcome_passed_over=result.passed_over if result is not None else (),
    )


def seed_text(scenario: Scenario, seed: int, over: bool) -> str:
    """The seed as a shared screen may show it: not before the end when the scenario has
    hidden types (with the seed, 'redlines briefings --seed' prints every delegation's)."""
    if has_types(scenario) and not over:
        return "seed: told at the end (hidden types)"
    return f"seed: {seed}"


def summary_lines(summary: Summary, names: dict[str, str] | None = None) -> list[str]:
    """The summary as text; the digest sits alone on its own line for scripts to grep."""
    names = names or {}
    lines = [f"outcome: {summary.outcome_label}"]
    if summary.outcome_why:  # in the words the window and the debrief use (R19)
        reasons = words.outcome_reasons(summary.outcome_why, summary.outcome_passed_over)
        lines.append(f"  why: {reasons}")
    lines.append("scores:")
    for actor, total in summary.scores.items():
        lines.append(f"  {names.get(actor, actor)}: {total:+.3f}")
    lines.append(f"moves: {summary.turns} (round {summary.rounds})")
    lines.append(f"digest: {summary.digest}")
    return lines


def summary_json(summary: Summary) -> dict[str, Any]:
    return {
        "scenario": summary.scenario,
        "seed": summary.seed,
        "over": summary.over,
        "outcome": summary.outcome,
        "outcome_label": summary.outcome_label,
        "outcome_passed_over": list(summary.outcome_passed_over),
        "scores": summary.scores,
        "digest": summary.digest,
        "turns": summary.turns,
        "rounds": summary.rounds,
    }
