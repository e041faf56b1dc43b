"""What a delegate believes the others want, learnt from the public record only.

A frequency model in the manner of the ANAC agent HardHeaded (van Krimpen et
al., 2013): options an opponent proposes and accepts often are valued by it;
issues it keeps unchanged from one proposal to its next weigh much for it.
The prior comes from its public demands (options nearer the demanded end of an
issue's ordered range are worth more to it) and its public red lines (worth
nothing, and off-limits).  Difficulty sets how much of this a delegate uses:

* easy: demands and public red lines, blurred with noise, and the terms refused twice;
* normal: demands, public red lines and what each opponent proposes;
* hard: all of that plus what it accepts and rejects, and learnt issue weights.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from game.ai import shared
from game.ai.difficulty import Difficulty
from game.ai.draws import Draws, fast_random
from game.ai.table import Offer, Table
from game.engine.actions import Terms

# HardHeaded's weight step for an issue an opponent leaves unchanged.
_UNCHANGED_STEP = 0.2
_DEMAND_WEIGHT = 2.0
_LINE_WEIGHT = 1.0
_EASY_NOISE = 0.25
_WINDOW = 16  # offers of the record the model learns from
_NONE: frozenset[str] = frozenset()


class Opponent:
    """Estimated weights and option values of one other actor."""

    __slots__ = ("actor", "lines", "values", "weights")

    def __init__(self, actor: str) -> None:
        self.actor = actor
        self.weights: dict[str, float] = {}
        self.values: dict[str, dict[str, float]] = {}
        self.lines: dict[str, frozenset[str]] = {}  # its public red lines (known to all)

    def utility(self, terms: dict[str, str]) -> float:
        total = 0.0
        weight = 0.0
        for issue, option in terms.items():
            w = self.weights.get(issue, 0.0)
            total += w * self.values[issue][option]
            weight += w
        return total / weight if weight > 0 else 0.5


def _prior(table: Table, actor: str, use_lines: bool) -> Opponent:
    model = Opponent(actor)
    demands = table.demands.get(actor, {})
    lines = table.public_lines.get(actor, {}) if use_lines else {}
    model.lines = dict(lines)
    for issue in table.issues:
        opts = [o.id for o in issue.options]
        wanted = demands.get(issue.id)
        if wanted is not None and wanted in opts:
            far = max(1, len(opts) - 1)
            at = opts.index(wanted)
            vals = {o: 1.0 - abs(k - at) / far for k, o in enumerate(opts)}
        else:
            vals = dict.fromkeys(opts, 0.5)
        banned = lines.get(issue.id, frozenset())
        for o in banned:
            vals[o] = 0.0
        model.values[issue.id] = vals
        weight = 1.0
        if wanted is not None:
            weight += _DEMAND_WEIGHT
        if banned:
            weight += _LINE_WEIGHT
        model.weights[issue.id] = weight
    return model


Evidence = tuple[tuple[int, Terms], ...]  # (what the actor did, the terms), oldest first
_PROPOSED, _ACCEPTED, _REJECTED = 0, 1, 2


def evidence(window: tuple[Offer, ...], actor: str, hard: bool) -> Evidence:
    """What the window says about ``actor``, in order: all that its learnt model depends on."""
    if not hard:
        return tuple((_PROPOSED, o.terms) for o in window if o.proposer == actor)
    out: list[tuple[int, Terms]] = []
    for o in window:
        if o.proposer == actor:
            out.append((_PROPOSED, o.terms))
        elif actor in o.accepted_by:
            out.append((_ACCEPTED, o.terms))
        elif actor in o.rejected_by:
            out.append((_REJECTED, o.terms))
    return tuple(out)


def _learn(model: Opponent, seen: Evidence, hard: bool) -> None:
    counts: dict[str, dict[str, float]] = {}  # issue -> option -> how often it was wanted
    previous: frozenset[tuple[str, str]] | None = None
    penalties: list[tuple[str, str]] = []
    weights = model.weights
    for what, offer_terms in seen:
        if what == _REJECTED:
            penalties.extend(p for p in offer_terms if p[1] not in counts.get(p[0], ()))
            continue
        step = 1.0 if what == _PROPOSED else 0.5  # proposing says more than accepting
        for issue, option in offer_terms:
            per = counts.get(issue)
            if per is None:
                counts[issue] = {option: step}
            else:
                per[option] = per.get(option, 0.0) + step
        if hard and what == _PROPOSED:
            terms = frozenset(offer_terms)
            if previous is not None:
                for issue, _ in terms & previous:  # kept unchanged: it matters to them
                    weights[issue] = weights.get(issue, 1.0) + _UNCHANGED_STEP
            previous = terms
    values = model.values
    copied: set[str] = set()  # the model shares its prior's option values until it learns
    for issue, option in penalties:
        vals = _writable(values, issue, copied)
        if vals is not None:
            vals[option] = max(0.0, vals[option] - 0.1)
    for issue, per in counts.items():
        vals = values.get(issue)
        if vals is None:
            continue
        most = max(per.values())
        banned = model.lines.get(issue, _NONE)
        values[issue] = {
            option: v if option in banned else 0.5 * v + 0.5 * per.get(option, 0.0) / most
            for option, v in vals.items()
        }


def _writable(
    values: dict[str, dict[str, float]], issue: str, copied: set[str]
) -> dict[str, float] | None:
    """The model's own copy of the option values of ``issue`` (None for an unknown issue)."""
    vals = values.get(issue)
    if vals is not None and issue not in copied:
        vals = values[issue] = dict(vals)
        copied.add(issue)
    return vals


def _blur(model: Opponent, rng: Draws) -> None:
    draw = fast_random(rng)
    low, span = -_EASY_NOISE, _EASY_NOISE - -_EASY_NOISE  # uniform(low, high)'s own arithmetic
    for vals in model.values.values():
        for option, v in vals.items():
            x = v + (low + span * draw())
            vals[option] = 0.0 if x <= 0.0 else (1.0 if x >= 1.0 else x)  # clamped to [0, 1]


def _copy(model: Opponent, *, deep: bool) -> Opponent:
    """A model to change: ``deep`` copies every issue's values (for ``_blur``); otherwise
    they stay shared and ``_learn`` copies those it changes."""
    out = Opponent(model.actor)
    out.weights = dict(model.weights)
    if deep:
        out.values = {i: dict(v) for i, v in model.values.items()}
    else:
        out.values = dict(model.values)
    out.lines = model.lines
    return out


_REFUSALS = 2  # times a delegation refuses a term it never offered itself: a red line, we infer


def refused_terms(
    window: tuple[Offer, ...],
    actor: str,
    unexplained: Callable[[Terms, tuple[str, str]], bool] | None = None,
) -> frozenset[tuple[str, str]]:
    """Terms ``actor`` keeps turning down: it rejected, or answered with an offer of its
    own, packages holding the term at least twice, and never proposed or accepted it.

    A secret red line is invisible, but its holder's answers are not; offering the term
    a third time would only repeat what the rejection was about.  But a package that was
    bad for it without the term explains its refusal by itself: with ``unexplained``, a
    refusal counts against a term only when the rest of the package was no reason to
    refuse (``unexplained(package, term)``), so a term is not ruled out for being in
    packages that lacked what the refuser wanted.
    """
    own: set[tuple[str, str]] = set()
    count: dict[tuple[str, str], int] = {}
    answered = {o.round: o.id for o in window if o.proposer == actor}  # its latest per round
    for o in window:
        if o.proposer == actor or actor in o.accepted_by:
            own.update(o.terms)
            continue
        countered = answered.get(o.round, 0) > o.id
        if actor in o.rejected_by or countered:
            for term in o.terms:
                if unexplained is None or unexplained(o.terms, term):
                    count[term] = count.get(term, 0) + 1
    return frozenset(t for t, n in count.items() if n >= _REFUSALS and t not in own)


def with_refusals(model: Opponent, refused: frozenset[tuple[str, str]]) -> Opponent:
    """The model with the terms it refuses treated as red lines (worth nothing, off-limits)."""
    out = _copy(model, deep=False)
    lines = dict(model.lines)
    for issue, option in refused:
        vals = out.values.get(issue)
        if vals is None or option not in vals:
            continue
        out.values[issue] = {**vals, option: 0.0}
        lines[issue] = lines.get(issue, frozenset()) | {option}
    out.lines = lines
    return out


def model_opponents(
    table: Table, difficulty: Difficulty, rng: Draws, actors: Iterable[str] | None = None
) -> dict[str, Opponent]:
    """One model per other actor at the table (or per actor in ``actors``).

    The models may be shared with earlier calls: read them, never change them.
    """
    models = {}
    easy = difficulty == "easy"
    hard = difficulty == "hard"
    window = table.offers[-_WINDOW:]
    cache = table.cache
    for actor in actors if actors is not None else table.others():
        prior = _prior_of(table, actor, True)
        if easy:  # what is on everyone's screen, misread; and what was refused twice
            model = _copy(prior, deep=True)
            _blur(model, rng)
            _, refused = _read(table, window, actor, False)
            if refused:
                refused = _unexplained(table, window, actor, prior)
            models[actor] = with_refusals(model, refused) if refused else model
            continue
        # A window on the recent record: newer moves say more about a position that
        # moves, and it bounds the cost of a decision however long the game.  The learnt
        # model depends only on the prior and what the window says of the actor (nothing
        # of who observes it), so it is made again only when that changed: ours from our
        # last move, or one another delegate just made from the same evidence.
        seen, refused = _read(table, window, actor, hard)
        key = ("learnt", actor, hard)
        known = cache.get(key)
        if not (isinstance(known, tuple) and known[0] == seen):
            found = shared.recall(key, (prior, seen))
            if isinstance(found, Opponent):
                known = cache[key] = (seen, found)
            else:
                model = _copy(prior, deep=False)
                _learn(model, seen, hard)
                shared.remember(key, (prior, seen), model)
                known = cache[key] = (seen, model)
        model = known[1]
        if refused:
            refused = _unexplained(table, window, actor, model)
        if refused:
            rkey = ("refusals", actor, hard)
            was = cache.get(rkey)
            if isinstance(was, tuple) and was[0] is model and was[1] == refused:
                model = was[2]
            else:
                made = with_refusals(model, refused)
                cache[rkey] = (model, refused, made)
                model = made
        models[actor] = model
    return models


def _unexplained(
    table: Table, window: tuple[Offer, ...], actor: str, model: Opponent
) -> frozenset[tuple[str, str]]:
    """The terms ``actor`` keeps refusing, each refusal counted only where the rest of its
    package cost ``actor`` nothing against no deal on those issues, by ``model``: only
    then was the term what the refusal was about."""
    key = ("unexplained", actor)
    known = table.cache.get(key)
    if isinstance(known, tuple) and known[0] is model and known[1] is table.offers:
        found: frozenset[tuple[str, str]] = known[2]
        return found
    found = refused_terms(window, actor, _rest_gains(model, table.prefs.status_quo))
    table.cache[key] = (model, table.offers, found)
    return found


def _rest_gains(
    model: Opponent, status_quo: Mapping[str, str]
) -> Callable[[Terms, tuple[str, str]], bool]:
    weights, values = model.weights, model.values

    def unexplained(terms: Terms, term: tuple[str, str]) -> bool:
        gain = 0.0
        alone = True
        for issue, option in terms:
            if (issue, option) == term:
                continue
            alone = False
            vals = values.get(issue)
            if vals is not None:
                gain += weights.get(issue, 0.0) * (vals[option] - vals[status_quo[issue]])
        return alone or gain >= -1e-9  # the rest cost it nothing: the term was why

    return unexplained


def _read(
    table: Table, window: tuple[Offer, ...], actor: str, hard: bool
) -> tuple[Evidence, frozenset[tuple[str, str]]]:
    """What the window says of ``actor`` and the terms it refuses; read again only when the
    record's offers changed (the delegate's memo keeps the same tuple while they do not)."""
    key = ("read", actor, hard)
    known = table.cache.get(key)
    if isinstance(known, tuple) and known[0] is table.offers:
        return known[1], known[2]
    seen, refused = evidence(window, actor, hard), refused_terms(window, actor)
    table.cache[key] = (table.offers, seen, refused)
    return seen, refused


def _prior_of(table: Table, actor: str, use_lines: bool) -> Opponent:
    key = ("prior", actor, use_lines)
    prior = table.cache.get(key)
    if isinstance(prior, Opponent):
        return prior
    # What the prior is made of; another game of the same scenario has equal inputs.
    inputs = (
        table.issues,
        table.demands.get(actor),
        table.public_lines.get(actor) if use_lines else None,
    )
    known = shared.recall(key, inputs)
    if isinstance(known, Opponent):
        prior = known
    else:
        prior = _prior(table, actor, use_lines)
        shared.remember(key, inputs, prior)
    table.cache[key] = prior
    return prior
