"""1,000 all-AI games of Geneva keep the calendar: no event fires before its date (R32).

The transcript of each game (its public log) is read: every event drawn in a round
must be dated no later than that round's last day, unless the card is counterfactual.
Two worker processes share the games, as ``simulate`` does.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

import pytest

from game import engine
from game.engine import EventKind
from game.session.agents import make_agent
from game.session.seats import Seat, SeatKind
from tests.scenarios import bundled

GAMES = 1000


def _anachronisms(seeds: range) -> tuple[int, list[str]]:
    """(events drawn, the anachronisms among them) in the all-AI games of ``seeds``."""
    scenario = bundled("geneva-2022").scenario
    cards = {c.id: c for c in scenario.events}
    drawn, wrong = 0, []
    for seed in seeds:
        agents = {
            a.id: make_agent(scenario, a.id, Seat(SeatKind.AI), seed) for a in scenario.playable
        }
        state = engine.new_game(scenario, seed)
        while not state.over:
            mover = engine.to_move(state) or ""
            legal = engine.legal_actions(state, mover)
            state, _ = engine.apply(
                state, agents[mover].decide(engine.view(state, mover), legal).action
            )
        for event in state.log:
            if event.kind is not EventKind.EVENT_DRAWN:
                continue
            drawn += 1
            card, rnd = cards[event.card], scenario.rounds[event.round - 1]
            if card.date > rnd.last_date and not card.counterfactual:
                wrong.append(f"seed {seed}: {card.id} ({card.date}) in {rnd.id} ({rnd.last_date})")
    return drawn, wrong


@pytest.mark.slow  # 1,000 whole games
def test_no_anachronism_in_1000_all_ai_games() -> None:
    half = GAMES // 2
    with ProcessPoolExecutor(2) as pool:
        results = list(pool.map(_anachronisms, [range(half), range(half, GAMES)]))
    drawn = sum(n for n, _ in results)
    wrong = [w for _, found in results for w in found]
    assert drawn > GAMES  # the deck is in play: several cards a game
    assert wrong == []
