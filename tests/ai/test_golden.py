"""Golden playthrough: a seeded all-AI game with every move's remark and rationale, diffed.

It shows a reader how the delegates negotiate, and it catches any unintended change
in their play.  Regenerate on purpose only:
``REDLINES_REGEN_GOLDEN=1 pytest tests/ai/test_golden.py``.
"""

from __future__ import annotations

from pathlib import Path

from game import engine
from game.engine.model import Personality
from tests.ai.helpers import play, with_personalities
from tests.engine.fixtures import small_scenario
from tests.engine.helpers import assert_matches_golden

SEED = 2  # a varied game: a bluff, a threat met by the deal, counter-offers, red lines
GOLDEN = Path(__file__).parent / "golden" / f"fixture-summit-ai-seed-{SEED}.txt"


# Three characters, so that the transcript shows concession, pressure and resistance.
CHARACTERS = {
    "aster": Personality(hardline=0.3, patience=0.6, risk=0.3),  # a pragmatist
    "boreal": Personality(hardline=0.8, patience=0.2, risk=0.9),  # a reckless hard-liner
    "cobalt": Personality(hardline=0.9, patience=0.8, risk=0.5),  # a patient Boulware
}


def transcript(seed: int) -> str:
    scenario = with_personalities(small_scenario(), CHARACTERS)
    played = play(scenario, seed, difficulty="hard")
    lines = [f"# scenario {scenario.id}, seed {seed}, all seats AI (hard)", ""]
    for actor, traits in CHARACTERS.items():
        lines.append(f"# {actor}: {traits}")
    lines.append("")
    for actor, state, decision in played.decisions:
        where = f"r{state.round_number}t{state.turn} tension {state.tension:.0f}"
        lines.append(f"{where} {actor}: {engine.format_action(decision.action)}")
        if decision.remark:
            lines.append(f"    says: {decision.remark}")
        lines.append(f"    why: {decision.rationale}")
    state = played.state
    result = engine.outcome(state)
    lines.append("")
    lines.append(f"outcome: {result.label if result else '?'}")
    lines.append(f"binding: {', '.join(f'{i}={o}' for i, o in state.binding) or 'nothing'}")
    for actor, score in engine.scores(state).items():
        lines.append(f"score {actor}: {score.total:+.3f}")
    lines.append(f"digest: {engine.digest(state)}")
    return "\n".join(lines) + "\n"


def test_golden_ai_playthrough() -> None:
    assert_matches_golden(GOLDEN, transcript(SEED))
