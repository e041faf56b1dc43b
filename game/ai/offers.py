"""Counter-offers: a package that still meets our aspiration and that the others may accept.

A greedy trade-off search (Faratin, Sierra and Jennings 2002, "Using similarity
criteria to make issue trade-offs"): start from our best package and move one
issue at a time to the option that buys the most modelled acceptability for the
least of our own utility, while we stay at or above our aspiration.  Issues we
weigh little and the others weigh much move first: that is log-rolling.  It
costs issues × options × actors per step, never the size of the package space.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from game.ai.opponents import Opponent
from game.ai.prefs import OfferRows, OwnPrefs

_EPS = 1e-9


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
    *,
    weighted: Mapping[str, Mapping[str, float]] | None = None,
    coherent: Callable[[dict[str, str]], bool] | None = None,
    exempt: Mapping[str, Mapping[str, frozenset[str]]] | None = None,
) -> dict[str, str]:
    """The package over ``scope`` (minus impossible issues) that meets ``aspiration`` best.

    ``weighted`` is our weighted worth of each option (``game.ai.worth.worth_rows``:
    a term that may never bind is worth less); by default our plain weighted values.
    ``coherent`` tells whether a package keeps the options' rules (R33): when given, the
    search moves only between coherent packages, so a trade is never one the rules undo
    (an option that needs a term the trade gives away), and ``exempt`` (actor -> issue
    -> options) names the others' public lines with ``unless`` the check tells lifted
    (R27): not off-limits then.
    """
    opponents = list(models.values())
    issues, options, own = _own_rows(
        prefs, opponents, scope, avoid_public, weighted=weighted, exempt=exempt
    )
    if not issues:
        return {}
    allowed: Callable[[list[int]], bool] | None = None
    if coherent is not None:
        check = coherent

        def allowed(pick: list[int]) -> bool:
            return check(
                {i: opts[k] for i, opts, k in zip(issues, options, pick, strict=True) if opts[k]}
            )

    # Everything as lists indexed [issue][option] (and [opponent] first for the others):
    # own weighted values, and each opponent's weighted values over its scope weight.
    theirs = []
    kept = []  # each other's modelled utility of no deal on the scope (status quo)
    for m in opponents:
        mw, mv = m.weights, m.values
        norm = sum(mw[i] for i in issues) or 1.0
        rows = []
        for i, opts in zip(issues, options, strict=True):
            w, vals, sq = mw[i], mv[i], prefs.status_quo[i]
            # Leaving the issue out keeps its status quo, for them as for us.
            rows.append([w * vals[o or sq] / norm for o in opts])
        theirs.append(rows)
        kept.append(sum(mw[i] * mv[i][prefs.status_quo[i]] for i in issues) / norm)
    pick = [row.index(max(row)) for row in own]  # the first best option of each issue
    if allowed is not None and not allowed(pick):
        _make_coherent(own, pick, allowed)
    mine = sum(row[k] for row, k in zip(own, pick, strict=True))
    need = aspiration * sum(prefs.weights[i] for i in issues) - _EPS
    utils = [sum(rows[n][k] for n, k in enumerate(pick)) for rows in theirs]
    for _ in range(sum(len(o) for o in options)):
        best_move = _best_move(own, theirs, pick, utils, mine=mine, need=need, allowed=allowed)
        if best_move is None:
            break
        n, k, loss = best_move
        cur = pick[n]
        utils = [u + rows[n][k] - rows[n][cur] for u, rows in zip(utils, theirs, strict=True)]
        pick[n] = k
        mine -= loss
    if opponents:
        _nash_polish(
            own,
            theirs,
            pick,
            kept,
            need=need,
            band=_BAND * sum(prefs.weights[i] for i in issues),
            allowed=allowed,
        )
    return {i: opts[k] for i, opts, k in zip(issues, options, pick, strict=True) if opts[k]}


def _moved(pick: list[int], change: list[tuple[int, int]]) -> list[int]:
    out = list(pick)
    for n, k in change:
        out[n] = k
    return out


def _make_coherent(
    own: list[list[float]], pick: list[int], allowed: Callable[[list[int]], bool]
) -> None:
    """Move ``pick`` to a coherent package by the single change that costs us least; if
    no single change does it, the package is left to the caller (which drops terms)."""
    best: tuple[float, int, int] | None = None
    for n, row in enumerate(own):
        for k, value in enumerate(row):
            loss = row[pick[n]] - value
            if (
                k != pick[n]
                and (best is None or loss < best[0])
                and allowed(_moved(pick, [(n, k)]))
            ):
                best = (loss, n, k)
    if best is not None:
        pick[best[1]] = best[2]


_BAND = 0.02  # "about equal value to us": within this much of our normalised worth
_PAIR_LIMIT = 12  # options in all above which only single moves are tried (cost bound)


def _nash(utils: list[float], kept: list[float]) -> float:
    """The Nash product of the others' gains over no deal (their disagreement point)."""
    product = 1.0
    for u, d in zip(utils, kept, strict=True):
        gain = u - d
        product *= gain if gain > 1e-6 else 1e-6
    return product


def _nash_polish(
    own: list[list[float]],
    theirs: list[list[list[float]]],
    pick: list[int],
    kept: list[float],
    *,
    need: float,
    band: float,
    allowed: Callable[[list[int]], bool] | None = None,
) -> None:
    """Among packages of about the same worth to us (never below ``need``), move to the one
    with the greatest product of the others' modelled gains over no deal on the scope
    (the Nash product, from their disagreement point ``kept``): the
    trade-off search finds our level, this finds the fairest package at that level.
    Single-issue moves, and pairs of them while the package space is small."""
    mine = sum(row[k] for row, k in zip(own, pick, strict=True))
    low = max(need, mine - band)
    utils = [sum(rows[n][k] for n, k in enumerate(pick)) for rows in theirs]
    best = _nash(utils, kept)
    moves = [(n, k) for n, row in enumerate(own) for k in range(len(row))]
    pairs = len(moves) <= _PAIR_LIMIT
    count = len(theirs)
    for _ in range(len(own)):
        # What each move changes from the current pick, for us and for each other: a
        # change's effect is the sum of its moves' (the same arithmetic, done once).
        live = [a for a, (n, k) in enumerate(moves) if k != pick[n]]
        ours = [own[n][k] - own[n][pick[n]] for n, k in moves]
        deltas = [[rows[n][k] - rows[n][pick[n]] for n, k in moves] for rows in theirs]
        # A change is taken only above this, and only above the best change found so far.
        bar = best * (1 + 1e-9)
        found_value = 0.0
        change: list[tuple[int, int]] | None = None
        # The arithmetic of _nash on the moved utilities, spelled out for one and two
        # others (the usual tables): the same numbers, without a list per trial.
        if count in (1, 2):
            u0, k0, d0 = utils[0], kept[0], deltas[0]
        if count == 2:
            u1, k1, d1 = utils[1], kept[1], deltas[1]
        for a in live:
            n1 = moves[a][0]
            ours_a = ours[a]
            for b in (-1, *(b for b in live if b > a and moves[b][0] != n1)) if pairs else (-1,):
                worth = mine + (ours_a if b < 0 else ours_a + ours[b])
                if worth < low:
                    continue
                if count in (1, 2):
                    g0 = (u0 + d0[a] if b < 0 else u0 + (d0[a] + d0[b])) - k0
                    value = g0 if g0 > 1e-6 else 1e-6
                    if count == 2:
                        g1 = (u1 + d1[a] if b < 0 else u1 + (d1[a] + d1[b])) - k1
                        value *= g1 if g1 > 1e-6 else 1e-6
                else:
                    moved = (d[a] if b < 0 else d[a] + d[b] for d in deltas)
                    value = _nash([u + m for u, m in zip(utils, moved, strict=True)], kept)
                if value > bar and (change is None or value > found_value):
                    trial = [moves[a]] if b < 0 else [moves[a], moves[b]]
                    if allowed is not None and not allowed(_moved(pick, trial)):
                        continue
                    found_value = value
                    change = trial
        if change is None:
            return
        best = found_value
        for n, k in change:
            for u_i, rows in enumerate(theirs):
                utils[u_i] += rows[n][k] - rows[n][pick[n]]
            mine += own[n][k] - own[n][pick[n]]
            pick[n] = k


def _own_rows(
    prefs: OwnPrefs,
    opponents: list[Opponent],
    scope: Iterable[str],
    avoid_public: bool,
    *,
    weighted: Mapping[str, Mapping[str, float]] | None = None,
    exempt: Mapping[str, Mapping[str, frozenset[str]]] | None = None,
) -> OfferRows:
    """The issues of ``scope`` with an option we may offer, those options, and our
    weighted value of each.  Never our red lines; with ``avoid_public`` (every
    level's counter-offers) never another's public ones either: such a package will
    not be agreed.

    Remembered per scope and public lines (the same few recur all game): read only.
    """
    lines = [m.lines for m in opponents if m.lines] if avoid_public else []
    if exempt and lines:
        lines = [_lifted_off(m.lines, exempt.get(m.actor)) for m in opponents if m.lines]
    if weighted is not None and weighted is not prefs.weighted:
        # Worth of this moment: kept per issue only while asked with the same rows and
        # lines (the same objects), as a counter-offer narrows its scope within a move.
        moment = prefs.moment_rows
        if moment is None or moment[0] is not weighted or not _same(moment[1], lines):
            moment = prefs.moment_rows = (weighted, lines, {})
        return _rows(prefs, lines, tuple(scope), weighted=weighted, per_issue=moment[2])
    key = (tuple(scope), tuple(tuple(known.items()) for known in lines))
    memo = prefs.offer_rows
    found = memo.get(key)
    if found is None:
        if len(memo) > 1024:  # a game has few scopes; bound it anyway
            memo.clear()
        found = memo[key] = _rows(prefs, lines, key[0])
    return found


def _lifted_off(
    lines: dict[str, frozenset[str]], exempt: Mapping[str, frozenset[str]] | None
) -> dict[str, frozenset[str]]:
    """``lines`` without the ``exempt`` options (the same object when none are in it)."""
    if not exempt or not any(lines.get(i, frozenset()) & os for i, os in exempt.items()):
        return lines
    return {i: os - exempt.get(i, frozenset()) for i, os in lines.items()}


def _same(old: list[dict[str, frozenset[str]]], new: list[dict[str, frozenset[str]]]) -> bool:
    return len(old) == len(new) and all(a is b for a, b in zip(old, new, strict=True))


def _rows(
    prefs: OwnPrefs,
    lines: list[dict[str, frozenset[str]]],
    scope: tuple[str, ...],
    *,
    weighted: Mapping[str, Mapping[str, float]] | None = None,
    per_issue: dict[str, tuple[tuple[str, ...], list[float]]] | None = None,
) -> OfferRows:
    values = weighted if weighted is not None else prefs.weighted
    issues: list[str] = []
    options: list[tuple[str, ...]] = []
    own: list[list[float]] = []
    for issue in scope:
        known = per_issue.get(issue) if per_issue is not None else None
        if known is not None:
            if known[0]:
                issues.append(issue)
                options.append(known[0])
                own.append(known[1])
            continue
        opts = prefs.options[issue]
        banned = prefs.forbidden[issue]
        for public in lines:
            extra = public.get(issue)
            if extra:
                banned = banned | extra
        if banned:
            opts = tuple(o for o in opts if o not in banned)
        row = values.get(issue, {})
        if weighted is not None:  # the worth rows leave out options that can never bind
            opts = tuple(o for o in opts if o in row)
        if "" in row:  # the rows let us leave the issue out
            opts = (*opts, "")
        mine: list[float] = []
        if opts:
            issues.append(issue)
            options.append(opts)
            mine = [row[o] for o in opts]
            own.append(mine)
        if per_issue is not None:
            per_issue[issue] = (opts, mine)
    return issues, options, own


def _best_move(
    own: list[list[float]],
    theirs: list[list[list[float]]],
    pick: list[int],
    utils: list[float],
    *,
    mine: float,
    need: float,
    allowed: Callable[[list[int]], bool] | None = None,
) -> tuple[int, int, float] | None:
    """The one-issue move that buys the most modelled acceptability per unit of our own
    utility given up, staying at or above ``need``; None if no move gains."""
    count = len(theirs)
    base = _score(utils, count)
    best_ratio = 0.0
    best_move: tuple[int, int, float] | None = None
    for n, row in enumerate(own):
        cur = pick[n]
        cur_own = row[cur]
        gains = _gains(theirs, n, cur, utils, base=base, options=len(row))
        for k, value in enumerate(row):
            if k == cur:
                continue
            loss = cur_own - value
            if mine - loss < need:
                continue
            gain = gains[k]
            if gain <= _EPS:
                continue
            ratio = gain / ((loss if loss >= 0.0 else 0.0) + 0.01)
            if ratio > best_ratio:
                if allowed is not None and not allowed(_moved(pick, [(n, k)])):
                    continue
                best_ratio = ratio
                best_move = (n, k, loss)
    return best_move


def _gains(
    theirs: list[list[list[float]]],
    n: int,
    cur: int,
    utils: list[float],
    *,
    base: float,
    options: int,
) -> list[float]:
    """For each option of issue ``n``: what moving the issue there from ``cur`` adds to
    ``_score`` of the others' utilities.  The arithmetic is ``_score``'s, spelled out for
    one and two others (the usual tables): the same numbers, without a list per trial."""
    count = len(theirs)
    if count == 1:  # one other party (a bilateral round): no min to take
        r0 = theirs[0][n]
        h0 = r0[cur]
        return [1.1 * (x - h0) for x in r0]
    if count == 2:
        r0, r1 = theirs[0][n], theirs[1][n]
        h0, h1 = r0[cur], r1[cur]
        u0, u1 = utils
        out: list[float] = []
        for x, y in zip(r0, r1, strict=True):
            a = u0 + x - h0
            b = u1 + y - h1
            out.append(((a if a <= b else b) + 0.1 * (a + b) / 2) - base)
        return out
    rows_n = [rows[n] for rows in theirs]
    here = [r[cur] for r in rows_n]
    return [
        _score([u + r[k] - h for u, r, h in zip(utils, rows_n, here, strict=True)], count) - base
        for k in range(options)
    ]


def _score(utils: list[float], count: int) -> float:
    if not count:
        return 1.0
    return min(utils) + 0.1 * sum(utils) / count
