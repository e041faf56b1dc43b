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
    issues: list[str] = []
    options: list[list[str]] = []
    for issue in scope:
        allowed = allowed_options(prefs, issue, opponents, avoid_public)
        if allowed:
            issues.append(issue)
            options.append(allowed)
    if not issues:
        return {}
    # Everything as lists indexed [issue][option] (and [opponent] first for the others):
    # own weighted values, and each opponent's weighted values over its scope weight.
    own = [
        [prefs.weights[i] * prefs.values[i][o] for o in opts]
        for i, opts in zip(issues, options, strict=True)
    ]
    theirs = []
    for m in opponents:
        norm = sum(m.weights[i] for i in issues) or 1.0
        theirs.append(
            [
                [m.weights[i] * m.values[i][o] / norm for o in opts]
                for i, opts in zip(issues, options, strict=True)
            ]
        )
    pick = [max(range(len(row)), key=row.__getitem__) for row in own]
    mine = sum(row[k] for row, k in zip(own, pick, strict=True))
    need = aspiration * sum(prefs.weights[i] for i in issues) - _EPS
    utils = [sum(rows[n][k] for n, k in enumerate(pick)) for rows in theirs]
    count = len(theirs)
    solo = theirs[0] if count == 1 else None
    for _ in range(sum(len(o) for o in options)):
        base = _score(utils, count)
        best_ratio = 0.0
        best_move: tuple[int, int, float] | None = None
        for n, row in enumerate(own):
            cur = pick[n]
            cur_own = row[cur]
            for k, value in enumerate(row):
                if k == cur:
                    continue
                loss = cur_own - value
                if mine - loss < need:
                    continue
                if solo is not None:  # one other party (a bilateral round): no min to take
                    gain = 1.1 * (solo[n][k] - solo[n][cur])
                else:
                    trial = [
                        u + rows[n][k] - rows[n][cur] for u, rows in zip(utils, theirs, strict=True)
                    ]
                    gain = _score(trial, count) - base
                if gain <= _EPS:
                    continue
                ratio = gain / (max(loss, 0.0) + 0.01)
                if ratio > best_ratio:
                    best_ratio = ratio
                    best_move = (n, k, loss)
        if best_move is None:
            break
        n, k, loss = best_move
        cur = pick[n]
        utils = [u + rows[n][k] - rows[n][cur] for u, rows in zip(utils, theirs, strict=True)]
        pick[n] = k
        mine -= loss
    return {i: opts[k] for i, opts, k in zip(issues, options, pick, strict=True)}


def _score(utils: list[float], count: int) -> float:
    if not count:
        return 1.0
    return min(utils) + 0.1 * sum(utils) / count
