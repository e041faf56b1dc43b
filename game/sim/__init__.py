"""Self-play at scale: many headless games of a scenario and the balance report they add up to.

``simulate(scenario, seats, games=N, seed=S, jobs=J) -> dict`` plays game
``i`` from seed ``S + i`` across ``J`` processes and returns the report
(outcome labels, agreement rate per issue, scores, red lines crossed and
tested, tension by turn, game length, games per second).  The same seed gives
the same report whatever ``J``, except the keys in ``TIMING_KEYS``.
"""

from game.sim.play import GameStats, play_game
from game.sim.report import TIMING_KEYS, text
from game.sim.runner import simulate

__all__ = ["TIMING_KEYS", "GameStats", "play_game", "simulate", "text"]
