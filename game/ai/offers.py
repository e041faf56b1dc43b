"""Counter-offers: a package that still meets our aspiration and that the others may accept.

A greedy trade-off search (Faratin, Sierra and Jennings 2002, "Using similarity
criteria to make issue trade-offs"): start from our best package and move one
issue at a time to the option that buys the most modelled acceptability for the
least of our own utility, while we stay at or above our aspiration.  Issues we
weigh little and the others weigh much move first: that is log-rolling.  It
costs issues × options × actors per step, never the size of the package space.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from game.ai.opponents import Opponent
from game.ai.prefs import OwnPrefs

_EPS = 1e-9


def allowed_options(
    prefs: OwnPrefs, issue: str, models: Iterable[Opponent], avoid_public: bool
) -> list[str]:
    """Options of ``issue`` we may offer: never our red lines, nor maybe others' public ones."""
    banned = set(prefs.forbidden[issue])
    if avoid_public:
        for model in models:
            banned |= model.lines.get(issue, frozenset())
    return [o for o in prefs.options[issue] if o not in banned]


def acceptability(models: Mapping[str, Opponent], terms: dict[str, str]) -> float:
    """How acceptable the others are likely to find ``terms``: the least happy one counts most."""
    if not models:
        return 1.0
    utils = [m.utility(terms) for m in models.values()]
    return min(utils) + 0.1 * sum(utils) / len(utils)


def build_offer(
    prefs: OwnPrefs,
    models: Mapping[str, Opponent],
    scope: Iterable[str],
    aspiration: float,
    avoid_public: bool,
) -> dict[str, str]:
    """The package over ``scope`` (minus impossible issues) that meets ``aspiration`` best."""
    opponents = list(models.values())
    options: dict[str, list[str]] = {}
    for issue in scope:
        allowed = allowed_options(prefs, issue, opponents, avoid_public)
        if allowed:
            options[issue] = allowed
    if not options:
        return {}
    weights = prefs.weights
    values = prefs.values
    choice = {i: max(opts, key=values[i].__getitem__) for i, opts in options.items()}
    scope_w = sum(weights[i] for i in choice)
    own = sum(weights[i] * values[i][choice[i]] for i in choice)
    need = aspiration * scope_w - _EPS
    # Per opponent: weighted value sum and weight over the scope (normalised on the fly).
    sums = {
        a: sum(m.weights[i] * m.values[i][choice[i]] for i in choice) for a, m in models.items()
    }
    norms = {a: sum(m.weights[i] for i in choice) or 1.0 for a, m in models.items()}
    count = len(models)
    steps = sum(len(o) for o in options.values())
    for _ in range(steps):
        base = _score(sums, norms, count)
        best_gain = 0.0
        best_move: tuple[str, str, float] | None = None
        for issue, opts in options.items():
            cur = choice[issue]
            w = weights[issue]
            cur_v = values[issue][cur]
            for option in opts:
                if option == cur:
                    continue
                loss = w * (cur_v - values[issue][option])
                if own - loss < need:
                    continue
                trial = {
                    a: s + m.weights[issue] * (m.values[issue][option] - m.values[issue][cur])
                    for (a, s), m in zip(sums.items(), models.values(), strict=True)
                }
                gain = _score(trial, norms, count) - base
                if gain <= _EPS:
                    continue
                ratio = gain / (max(loss, 0.0) + 0.01)
                if ratio > best_gain:
                    best_gain = ratio
                    best_move = (issue, option, loss)
        if best_move is None:
            break
        issue, option, loss = best_move
        cur = choice[issue]
        for a, m in models.items():
            sums[a] += m.weights[issue] * (m.values[issue][option] - m.values[issue][cur])
        choice[issue] = option
        own -= loss
    return choice


def _score(sums: Mapping[str, float], norms: Mapping[str, float], count: int) -> float:
    if not count:
        return 1.0
    utils = [s / norms[a] for a, s in sums.items()]
    return min(utils) + 0.1 * sum(utils) / count
