"""The decision core: one move from a table snapshot and the moves open to the delegate.

In order: carry out a threat that fell due (if that is our way); accept the best
offer that meets our aspiration and none of our red lines; otherwise answer
with a counter-offer (the opening one is our public demands); otherwise reject
with a reason, threaten, make a statement or pass.  Pure: the same table,
moves, difficulty and generator give the same intent.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.ai.coherence import coherent_terms, package_check
from game.ai.draws import Draws
from game.ai.judge import (
    LAST_CHANCE,
    Verdict,
    aspiration_for,
    format_terms,
    judge,
    persona,
    why_not,
)
from game.ai.moves import Intent, Kind, Moves
from game.ai.offers import acceptability, build_offer
from game.ai.opponents import Opponent, model_opponents, with_refusals
from game.ai.table import Offer, Table
from game.ai.tactics import carry_out_due, statement, threaten
from game.ai.worth import LEAVE_OUT, package_value, package_worth, worth_rows
from game.engine.actions import Terms
from game.engine.model import Tone
from game.engine.tables import consenters


def _my_offers_this_round(table: Table) -> tuple[Offer, ...]:
    """Our offers of this round, oldest first; several steps of a move ask, so it is
    remembered while the record's offers are the same."""
    mine = table.now.mine
    if mine is None:
        me, index = table.me, table.round_index
        mine = table.now.mine = tuple(
            o for o in table.offers if o.proposer == me and o.round == index
        )
    return mine


def _rejections_this_round(table: Table) -> int:
    return sum(1 for o in _my_offers_this_round(table) if o.rejected_by)


def opening_offer(table: Table) -> Terms:
    """Our public demands on the open agenda: what we put on the table first."""
    mine = table.demands.get(table.me, {})
    prefs = table.prefs
    wanted = [i for i in table.open_issues if i in mine and mine[i] not in prefs.forbidden[i]]
    return tuple(sorted((i, mine[i]) for i in wanted))


def _worst_issue(offer: dict[str, str], models: dict[str, Opponent]) -> str:
    """The issue of ``offer`` the least happy opponent likes least: the one to set aside."""
    if not models:
        return min(offer)
    bottleneck = min(models.values(), key=lambda m: m.utility(offer))
    return min(
        sorted(offer),
        key=lambda i: (
            bottleneck.weights[i] * bottleneck.values[i][offer[i]] - bottleneck.weights[i]
        ),
    )


@dataclass(frozen=True, slots=True)
class Counter:
    """The package we would propose now, and the numbers behind it."""

    terms: Terms
    utility: float
    aspiration: float
    acceptability: float


def _drags_us_down(offer: dict[str, str], table: Table) -> str:
    """The issue of ``offer`` whose option is worth least to us: leaving it out lifts our mean."""
    prefs = table.prefs
    return min(
        sorted(offer), key=lambda i: (prefs.weights.get(i, 0.0) > 0, prefs.values[i][offer[i]])
    )


def counter_offer(table: Table, models: dict[str, Opponent]) -> Counter | None:
    """The package we would propose now, or None if no package on the agenda is worth it."""
    scope = list(table.open_issues)
    rows = worth_rows(table)
    check = package_check(table)
    exempt: dict[str, dict[str, frozenset[str]]] = {}
    for line in table.conditional_lines:  # the check lifts them, or the package goes
        per = exempt.setdefault(line.actor, {})
        per[line.issue] = per.get(line.issue, frozenset()) | line.options
    # After repeated rejections, set aside the issue that blocks most: a partial
    # deal (a framework) beats none, and the issue can come back in a later round.
    set_aside = max(0, _rejections_this_round(table) - 1)
    for _ in range(len(scope) + set_aside):
        aspiration, _ = aspiration_for(table, scope)
        built = build_offer(
            table.prefs,
            models,
            scope,
            aspiration,
            True,
            weighted=rows,
            coherent=check,
            exempt=exempt,
        )
        # Only a package the rules allow (R33): an option needing a term the package
        # lacks goes before the package is valued, so what we judge is what we send.
        offer = dict(coherent_terms(tuple(built.items()), table))
        if not offer:
            return None
        utility = package_value(table, offer)
        aspiration, _ = aspiration_for(table, offer)  # the issues it settles, some left out
        short = utility < aspiration - 1e-9
        if not short and set_aside <= 0:
            terms = tuple(sorted(offer.items()))
            return Counter(terms, utility, aspiration, acceptability(models, offer))
        if len(offer) == 1:
            return (
                None
                if short
                else Counter(
                    tuple(offer.items()), utility, aspiration, acceptability(models, offer)
                )
            )
        if short:  # no package on this scope reaches our aspiration: narrow it
            dropped = _drags_us_down(offer, table)
        else:
            set_aside -= 1
            dropped = _worst_issue(offer, models)
        scope = [i for i in offer if i != dropped]
    return None


def _without_refused(models: dict[str, Opponent], refused: list[Offer]) -> dict[str, Opponent]:
    """The models with, for each refusal of our offers, the refused offer's term its
    refuser likes least marked off-limits: what the rejection was most likely about."""
    out = dict(models)
    for offer in refused:
        for actor in offer.rejected_by:
            model = out.get(actor)
            if model is None or not offer.terms:
                continue
            worst = min(offer.terms, key=lambda t: (model.values[t[0]][t[1]], t))
            out[actor] = with_refusals(model, frozenset({worst}))
    return out


def _pending(table: Table, terms: Terms) -> bool:
    return any(o.open and o.terms == terms for o in table.offers)


def choose(table: Table, moves: Moves, rng: Draws) -> Intent:
    due = carry_out_due(table, moves)
    if due is not None:
        return due
    answerable = moves.accept | moves.reject
    me = table.me
    waiting = [
        o
        for o in table.offers
        if o.open and o.id in answerable and o.proposer != me and me not in o.accepted_by
    ]
    verdicts = [(judge(table, o.terms), o) for o in waiting]
    good = [(v, o) for v, o in verdicts if v.acceptable and o.id in moves.accept]
    if good:
        v, o = max(good, key=lambda vo: (vo[0].utility, -vo[1].id))
        probe = _probe_without(table, o, v, moves)
        if probe is not None:
            return probe
        held = _hold_for_ours(table, o, rng)
        if held is not None:
            return held
        return Intent(
            Kind.ACCEPT,
            f"accepted #{o.id} ({format_terms(o.terms)}): utility {v.utility:.2f}"
            f" ≥ aspiration {v.aspiration:.2f}",
            proposal=o.id,
        )
    taken = _last_chance_deal(table, verdicts, moves)
    if taken is not None:
        return taken
    worst = min(verdicts, key=lambda vo: (vo[0].utility, vo[1].id), default=None)
    deadlocked = _rejections_this_round(table) >= 1 or bool(verdicts)
    # Not while someone has just come towards us: a threat then presses a delegation
    # that is moving, and a deal the next turn breaks the threat we made (its terms
    # given up by our own signature).
    threat = threaten(table, moves, rng, deadlocked and not _coming_towards_us(table))
    if threat is not None:
        return threat
    if moves.propose and table.open_issues:
        intent = _propose(table, rng, worst, moves)
        if intent is not None:
            return intent
    if worst is not None and worst[1].id in moves.reject:
        v, o = worst
        return Intent(Kind.REJECT, f"rejected #{o.id}: {why_not(v)}", proposal=o.id)
    said = statement(table, moves, deadlocked, _focus_issue(table))
    if said is not None and (deadlocked or not moves.can_pass or said.tone is Tone.CONCILIATORY):
        return said
    last = _last_offer(table)
    if last is not None and last.open:
        return Intent(
            Kind.PASS, f"passed: our offer #{last.id} stands, awaiting answers", proposal=last.id
        )
    return Intent(Kind.PASS, "passed: nothing on the table calls for an answer")


# A term worth this much less to us (in score points: its issue's weight times the fall
# from the status quo) is a price: before paying it we ask once whether it is needed.
_PRICE = 0.1


def _price_terms(table: Table, terms: Terms) -> tuple[tuple[str, str], ...]:
    """The terms of ``terms`` we would pay for: each costs us at least ``_PRICE`` of score
    against leaving its issue as it stands."""
    prefs = table.prefs
    total = sum(prefs.weights.values()) or 1.0
    return tuple(
        (i, o)
        for i, o in terms
        if prefs.weights.get(i, 0.0)
        / total
        * (prefs.values[i][prefs.status_quo[i]] - prefs.values[i][o])
        >= _PRICE
    )


def _probe_without(table: Table, offer: Offer, judged: Verdict, moves: Moves) -> Intent | None:
    """Before accepting ``offer``, propose it once without the terms we pay dearly for,
    when that is still good for us and there is time for an answer: a negotiator tests
    whether a price is really asked before paying it.  We ask once: if the package without
    the price is not taken up (turned down, or left unanswered while the offer stands),
    we pay.  Waiting for the answer was measured: it cost every delegation more in lost
    turns than the price it saved (the sum of all-AI mean scores fell 1.447 -> 1.376)."""
    if not moves.propose or table.turns_left < 2:
        return None
    price = _price_terms(table, offer.terms)
    if not price:
        return None
    rest = tuple(t for t in offer.terms if t not in price)
    # A term that only binds the status quo gives us nothing, and it closes an issue the
    # one who sets the price may still hope to win: the package without the price is
    # asked without it too (it stays as it is anyway).
    status_quo = table.prefs.status_quo
    check = package_check(table)
    lean = tuple((i, o) for i, o in rest if o != status_quo[i])
    if lean and lean != rest and not _pending(table, lean) and (check is None or check(dict(lean))):
        rest = lean
    if not rest or _pending(table, rest):
        return None
    if check is not None and not check(dict(rest)):
        return None  # the rules (R33, R27) need the price: it is no price to ask about
    paid = {i for i, _ in price}
    if any(  # asked before without it, and refused by the one who sets the price
        o.proposer == table.me
        and offer.proposer in o.rejected_by
        and not paid & {i for i, _ in o.terms}
        for o in table.offers
    ):
        return None
    verdict = judge(table, rest)
    if not verdict.acceptable or verdict.utility <= judged.utility:
        return None
    return Intent(
        Kind.PROPOSE,
        f"answered #{offer.id} with {format_terms(rest)}, its terms without"
        f" {format_terms(price)} (what it costs us most), before paying that price:"
        f" utility {verdict.utility:.2f} ≥ aspiration {verdict.aspiration:.2f}",
        terms=rest,
        answers=offer.id,
        without=price,
    )


# The least gain in end score over no deal a hard-liner takes at the last chance (what
# it would show at home): this times the square of its hard line above 0.5, so that a
# moderate barely minds and a true hard-liner walks away from a small gain.  Counted in
# score points (the package's weight times its gain), so that a deal on issues that
# weigh much is never refused for a margin that only looks small in the package's mean.
_PRIDE = 1.5


def _last_chance_deal(
    table: Table, verdicts: list[tuple[Verdict, Offer]], moves: Moves
) -> Intent | None:
    """At the last chance for every issue of an offer, a deal that beats no deal at all is
    worth taking even below our aspiration: waiting can no longer get more, and walking
    away gives the status quo (the reservation logic, counted in the whole game's score).
    Never a red line."""
    best: tuple[float, Verdict, Offer] | None = None
    # A hard-liner walks away from a deal barely better than none (what it would show
    # at home and to the next table); a pragmatist takes any gain.
    pride = _PRIDE * max(0.0, persona(table).hardline - 0.5) ** 2
    for v, o in verdicts:
        if v.breaches or o.id not in moves.accept or not o.terms:
            continue
        if min(table.progress.get(i, 1.0) for i, _ in o.terms) < LAST_CHANCE:
            continue
        kept = {i: table.prefs.status_quo[i] for i, _ in o.terms}
        weight = sum(table.prefs.weights.get(i, 0.0) for i, _ in o.terms)
        surplus = weight * (v.utility - package_worth(table, kept))
        if surplus > pride and (best is None or surplus > best[0]):
            best = (surplus, v, o)
    if best is None:
        return None
    _, v, o = best
    return Intent(
        Kind.ACCEPT,
        f"accepted #{o.id} ({format_terms(o.terms)}) at the last chance: utility"
        f" {v.utility:.2f} beats no deal, though below our aspiration {v.aspiration:.2f}",
        proposal=o.id,
    )


def _focus_issue(table: Table) -> str:
    """The name of the open issue we care most about ("" when nothing is open)."""
    prefs = table.prefs
    if not table.open_issues:
        return ""
    top = max(table.open_issues, key=lambda i: (prefs.weights.get(i, 0.0), i))
    return next((i.name for i in table.issues if i.id == top), top)


def _still_waiting(table: Table) -> bool:
    """Our live offer still awaits answers and still suits us: replacing it would throw
    away the acceptances it has gathered, so we let it stand."""
    last = _last_offer(table)
    if last is None or not last.open or len(last.accepted_by) < 2:
        return False  # nobody but us has accepted it yet: an improved offer costs nothing
    me = table.me
    # Someone answered with an offer of their own: a counter is due; but not at the
    # round's last turn, where a new offer must gather every yes again in one pass and
    # the ones ours has would be thrown away for good.
    if table.turns_left and any(o.id > last.id and o.proposer != me for o in table.offers):
        return False
    verdict = judge(table, last.terms)
    return verdict.utility >= verdict.aspiration - 1e-9


# Our own offer must give us this much more (in score points, against theirs) before we
# let theirs wait a turn for an answer to ours.
_HOLD = 0.02


def _coming_towards_us(table: Table) -> bool:
    """Another delegation's latest offer of this round, still open, gives us more than
    each of its earlier ones this round (a first offer of the round is no movement)."""
    latest: dict[str, list[Offer]] = {}
    for o in table.offers:
        if o.round == table.round_index and o.proposer != table.me:
            latest.setdefault(o.proposer, []).append(o)
    for offers in latest.values():
        *earlier, last = offers
        if not last.open:
            continue
        worth = _settled_worth(table, last.terms)
        if earlier and all(worth > _settled_worth(table, o.terms) + 1e-9 for o in earlier):
            return True
    return False


def _hold_for_ours(table: Table, offer: Offer, rng: Draws) -> Intent | None:
    """Before we settle for ``offer``, give ours a chance: our own offer of this round that
    gives us more is still open, nobody has turned it down, and it still lacks the yes of
    a delegation at this table (a consenter absent from it is priced in the worth of ours,
    as in every offer: terms agreed here wait for it).

    Before our last turn of the round, waiting costs nothing: their offer stays on the
    table until our next turn (a proposal lapses only with its round), and accepting now
    would give away, for good, the chance that they take ours.  At our last turn their
    offer lapses if we wait: we let it, when the issues of ours come back at a later
    table (it can be made again there, and time works on them as on us); at their last
    chance, with those whose yes ours lacks moving after us, ours becomes take it or
    leave it, and we wait only when the chance that they take it (by our model of them:
    it gives each more than no deal) makes that worth more to us than their offer.  A
    counter-offer that takes our package and drops what we wanted most from it is the
    case in point: what we offered in return for that is what it asks us to settle."""
    if table.difficulty == "easy":
        return None  # easy settles readily, as a learner expects
    mine = _last_offer(table)
    if mine is None or not mine.open or mine.rejected_by or mine.id == offer.id:
        return None
    lacking: set[str] = set()
    for issue, option in mine.terms:
        lacking |= set(_consenting_here(table, issue, option)) - mine.accepted_by
    if not lacking:
        return None
    mine_worth, theirs = _settled_worth(table, mine.terms), _settled_worth(table, offer.terms)
    if mine_worth - theirs < _HOLD:
        return None
    if table.turns_left:
        until = f"#{offer.id} stays on the table until our next turn"
    elif min(table.progress.get(i, 1.0) for i, _ in mine.terms) < LAST_CHANCE:
        until = f"#{offer.id} lapses, and its issues come back at a later table"
    else:
        after = set(table.participants[table.participants.index(table.me) + 1 :])
        if not lacking <= after:
            return None
        chance = _last_chance_yes(table, mine.terms, lacking, rng)
        if chance * mine_worth + (1.0 - chance) * _settled_worth(table, ()) <= theirs:
            return None
        until = f"at their last chance, ours is worth the risk ({chance:.0%} they take it)"
    return Intent(
        Kind.PASS,
        f"passed: our offer #{mine.id} ({format_terms(mine.terms)}) gives us"
        f" {mine_worth - theirs:.2f} more than #{offer.id} and awaits their answer; {until}",
        proposal=mine.id,
        answers=offer.id,
    )


# How likely we think one who gains from our offer over no deal at all takes it at its
# last chance (our model of it may be wrong, and a hard-liner may walk away from a gain).
_TAKES_A_GAIN = 0.7
# ... and the least gain (its weighted worth, as a share of its stake in the offer's
# issues) we think it takes.
_LEAST_GAIN = 0.05


def _last_chance_yes(table: Table, terms: Terms, actors: set[str], rng: Draws) -> float:
    """The chance that every one of ``actors`` accepts ``terms`` at its last chance: by our
    model of each, what the terms give it over leaving their issues as they stand."""
    models = model_opponents(table, table.difficulty, rng, sorted(actors))
    status_quo = table.prefs.status_quo
    for model in models.values():
        stake = gain = 0.0
        for issue, option in terms:
            w = model.weights.get(issue, 0.0)
            values = model.values[issue]
            gain += w * (values[option] - values[status_quo[issue]])
            stake += w
        if stake <= 0 or gain < _LEAST_GAIN * stake:
            return 0.0
    return _TAKES_A_GAIN


def _settled_worth(table: Table, terms: Terms) -> float:
    """Our weighted worth of the open issues with ``terms`` agreed and the rest left as
    they stand: packages that settle different issues compare on it."""
    rows = worth_rows(table)
    agreed = dict(terms)
    total = 0.0
    for issue, row in rows.items():
        option = agreed.get(issue, LEAVE_OUT)
        total += row.get(option, row[LEAVE_OUT])
    return total


def _answerable(table: Table, terms: Iterable[tuple[str, str | None]]) -> bool:
    """At a round's last turn, whether ``terms`` (an option of None: the issue's own
    consent alone) could still be accepted: every other delegation at the table that
    consents to them moves after us."""
    after = set(table.participants[table.participants.index(table.me) + 1 :])
    return all(set(_consenting_here(table, i, option)) <= after for i, option in terms)


def _consenting_here(table: Table, issue: str, option: str | None) -> tuple[str, ...]:
    """The other delegations at this table whose consent ``issue`` (with ``option``, R37)
    needs."""
    key = ("issue-index", id(table.issues))
    index = table.cache.get(key)
    if not isinstance(index, dict):
        index = table.cache[key] = {i.id: i for i in table.issues}
    return consenters(index[issue], table.opponents, option)


def _last_offer(table: Table) -> Offer | None:
    mine = _my_offers_this_round(table)
    return mine[-1] if mine else None


def _propose(
    table: Table,
    rng: Draws,
    worst: tuple[Verdict, Offer] | None,
    moves: Moves,
) -> Intent | None:
    if not any(o.proposer == table.me for o in table.offers):
        # Our first offer of the week (at the first table we sit at, whichever round that
        # is) states our position: our demands as the rules allow them together this
        # round (R33); if nothing of them may be proposed yet, we look for a package like
        # any other turn.  A delegation whose first word is a compromise has nothing left
        # to come down from, and the others' reciprocity pays for steps from a stated
        # position: measured, a script that opened with its demands beat the AI in its
        # seat, which first sat at the third table and opened there with a compromise.
        opening = coherent_terms(opening_offer(table), table)
        answerable = table.turns_left or _answerable(table, opening)
        if opening and answerable and not _pending(table, opening):
            v = judge(table, opening)
            return Intent(
                Kind.PROPOSE,
                f"opened with our public demands {format_terms(opening)}: utility {v.utility:.2f}",
                terms=opening,
                opening=True,
            )
    if _still_waiting(table):
        return None
    last_turn = not table.turns_left
    if last_turn and not any(_answerable(table, ((i, None),)) for i in table.open_issues):
        return None  # no package could be answered before the round ends: spare the search
    models = model_opponents(table, table.difficulty, rng)
    counter = counter_offer(table, models)
    refused = [o for o in _my_offers_this_round(table) if o.rejected_by]
    if counter is not None and any(o.terms == counter.terms for o in refused):
        # The same package again would not answer what the rejection was about: take
        # out, for each who refused it, the term it likes least, and look again.
        counter = counter_offer(table, _without_refused(models, refused))
    if counter is None or _pending(table, counter.terms):
        return None
    if last_turn and not _answerable(table, counter.terms):
        return None  # someone whose yes it needs moves no more before it lapses with the round
    if any(o.terms == counter.terms for o in refused):
        return None
    last = _last_offer(table)
    if last is not None and last.terms == counter.terms and last.rejected_by:
        # Nothing new to offer after a rejection: say something instead, now and then.
        said = statement(table, moves, True, _focus_issue(table))
        if said is not None and said.tone is not Tone.FIRM and rng.random() < 0.5:
            return said
    terms = counter.terms
    head = f"proposed {format_terms(terms)}"
    answers = 0
    if worst is not None:
        wv, wo = worst
        head = f"countered #{wo.id} ({why_not(wv)}) with {format_terms(terms)}"
        answers = wo.id
    left_out = [i for i in table.open_issues if all(i != t for t, _ in terms)]
    tail = f"; set aside {', '.join(left_out)}" if left_out else ""
    return Intent(
        Kind.PROPOSE,
        f"{head}: utility {counter.utility:.2f} ≥ aspiration {counter.aspiration:.2f},"
        f" modelled acceptability {counter.acceptability:.2f}{tail}",
        terms=terms,
        answers=answers,
    )
