"""Whether a term will be ratified: R29 in the delegate's judgement.

An actor with a ratification threshold whose support is below it accepts only
provisionally: every term that needs its consent waits until its support reaches the
threshold again, and binds only if that happens before the week ends.  Support moves
with the deal itself (its options' ``on_agree`` effects apply before ratification is
judged, R31) and afterwards with that actor's own statements (``conciliatory_support``
and the other tones' rules: the one lever on its support the delegate can foresee;
events and breaches it cannot).  So a term waiting for a ratifier is worth less the
further the ratifier's support would stand below its threshold and the fewer of its
turns are left to win support back::

    chance = max(0, 1 - gap / reach)

where ``gap`` is the threshold minus the support after the deal and ``reach`` the most
support the ratifier can win by its own statements in its turns left this week (no
reach, no chance).  A ratifier at or above its threshold after the deal: chance 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from game.ai.table import Table
from game.engine.model import TrackerKind
from game.engine.tables import consenters

Term = tuple[str, str]


def _consenters(table: Table) -> Mapping[Term, frozenset[str]]:
    """(issue, option) -> the ratifiers whose consent an agreement on it needs: the issue's
    list plus the option's own (R9, R37, by the engine's rule).  Fixed for a game."""
    found = table.cache.get("consenters")
    if isinstance(found, dict):
        return found
    made: dict[Term, frozenset[str]] = {}
    for issue in table.issues:  # ratifiers are playable: the engine asks only those
        for option in issue.options:
            made[(issue.id, option.id)] = frozenset(consenters(issue, table.ratifiers, option.id))
    table.cache["consenters"] = made
    return made


def _support_moves(table: Table) -> Mapping[Term, Mapping[str, float]]:
    """(issue, option) -> ratifier -> the change an agreement on it makes to that
    ratifier's support (its ``on_agree`` effects; an effect with no actor is everyone's)."""
    found = table.cache.get("support-moves")
    if isinstance(found, dict):
        return found
    made: dict[Term, dict[str, float]] = {}
    for issue in table.issues:
        for option in issue.options:
            row: dict[str, float] = {}
            for effect in option.on_agree:
                if effect.tracker is not TrackerKind.SUPPORT:
                    continue
                for actor in table.ratifiers:
                    if effect.actor in ("", actor):
                        row[actor] = row.get(actor, 0.0) + effect.delta
            if row:
                made[(issue.id, option.id)] = row
    table.cache["support-moves"] = made
    return made


def reach(table: Table, actor: str) -> float:
    """The most support ``actor`` can still win by its own statements this week: the best
    tone's support per statement, once a turn, over its turns left (this round's and the
    later rounds' it sits at).  Worked out once a move."""
    memo = table.now.reach
    found = memo.get(actor)
    if found is None:
        found = memo[actor] = _reach(table, actor)
    return found


def _reach(table: Table, actor: str) -> float:
    rules = table.tuning
    per = max(0.0, rules.conciliatory_support, rules.firm_support, rules.hostile_support)
    if per <= 0:
        return 0.0
    turns = table.turns_left if actor in table.participants else 0
    pub = table.public
    if pub is not None:
        turns += sum(
            r.turns for r in pub.rounds[table.round_index + 1 :] if actor in r.participants
        )
    return per * turns


def ratify_chance(table: Table, issue: str, option: str) -> float:
    """The chance that ``option`` on ``issue``, agreed alone, is ratified by every ratifier
    whose consent it needs: ``ratify_chances`` of that one term (1 when none holds it up),
    worked out once a move (every option of every open issue is asked, again and again)."""
    found = table.now.ratified.get((issue, option))
    if found is None:
        found = ratify_row(table, issue, (option,))[0]
    return found


def ratify_row(table: Table, issue: str, options: Iterable[str]) -> list[float]:
    """``ratify_chance`` of each of ``options`` on ``issue``, in order (kept for the move)."""
    memo = table.now.ratified
    consenters = _consenters(table)
    moves = _support_moves(table)
    provisional = table.provisional.get(issue)
    ratifiers = table.ratifiers.items()
    support = table.support
    out: list[float] = []
    for option in options:
        term = (issue, option)
        chance = memo.get(term)
        if chance is None:
            chance = 1.0
            needed = consenters.get(term)
            if needed:
                # ratify_chances of one term, spelled out: the same products in the same
                # order (re-agreeing repeats no effect, R31).
                moved = moves.get(term) if provisional != option else None
                for actor, threshold in ratifiers:
                    if actor not in needed:
                        continue
                    now = support.get(actor, threshold)
                    if moved is not None:
                        now += moved.get(actor, 0.0)
                    gap = threshold - now
                    if gap <= 1e-9:
                        continue
                    room = reach(table, actor)
                    chance *= max(0.0, 1.0 - gap / room) if room > 0 else 0.0
            memo[term] = chance
        out.append(chance)
    return out


def ratify_chances(table: Table, terms: Iterable[Term]) -> dict[str, float]:
    """issue -> the chance that each term of ``terms`` (agreed together, as one package)
    is ratified by every ratifier whose consent it needs; terms no ratification holds up
    are left out (their chance is 1)."""
    if not table.ratifiers:
        return {}
    terms = tuple(terms)
    consenters = _consenters(table)
    moves = _support_moves(table)
    out: dict[str, float] = {}
    for actor, threshold in table.ratifiers.items():
        needing = [(i, o) for i, o in terms if actor in consenters.get((i, o), ())]
        if not needing:
            continue
        support = table.support.get(actor, threshold)
        for i, o in terms:
            if table.provisional.get(i) != o:  # re-agreeing repeats no effect (R31)
                support += moves.get((i, o), {}).get(actor, 0.0)
        gap = threshold - support
        if gap <= 1e-9:
            continue
        room = reach(table, actor)
        chance = max(0.0, 1.0 - gap / room) if room > 0 else 0.0
        for i, _ in needing:
            out[i] = out.get(i, 1.0) * chance
    return out
