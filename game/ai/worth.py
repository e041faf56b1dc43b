"""What a term is worth to the delegate once the whole game is counted, not the package alone.

A term agreed at a table that lacks one of the issue's consenting delegations is only
provisional: it binds if the missing ones accept it before the week ends, and
otherwise the status quo holds.  So a provisional term is worth
``p * value(option) + (1 - p) * value(status quo)``, where ``p`` is the modelled chance
that every missing consenter accepts the option at a later table: none if it never sits
again at a table with the issue on the agenda, nothing if the option crosses its public
red line, else its modelled liking of the option, scaled by its trust in us
(``game.ai.relations``).  Agreeing a term over an absent consenter's head also costs
relations (trust, an ally's cohesion), priced in the rows and in a package's value.
A script that hands the other side everything on the issues a third party must confirm
is worth what it will really bind.
"""

from __future__ import annotations

from collections.abc import Mapping

from game.ai.difficulty import Difficulty
from game.ai.opponents import model_opponents
from game.ai.outlook import bonus_gain, issue_bonus
from game.ai.relations import bypass_cost, confirm_factor
from game.ai.table import Table


class _NoDraws:
    """The models used here never draw (the easy level's noise is for offers only)."""

    def random(self) -> float:
        return 0.5

    def uniform(self, a: float, b: float) -> float:
        return (a + b) / 2


_NO_DRAWS = _NoDraws()


def bind_chances(table: Table) -> Mapping[str, Mapping[str, float]]:
    """issue -> option -> chance that an agreement here binds, for the open issues whose
    consent needs a delegation absent from this table (the others bind for sure)."""
    # The record at this move is fixed: the delegate's memo is cleared when a log is not
    # the continuation of the one it saw (an undo, a load), so the move number is a key.
    key = ("chances", table.move, table.round_index)
    found = table.cache.get(key)
    if isinstance(found, dict):
        return found
    out: dict[str, dict[str, float]] = {}
    absent = sorted({a for i in table.open_issues for a in table.missing.get(i, ())})
    models = model_opponents(table, Difficulty.NORMAL, _NO_DRAWS, absent) if absent else {}
    for issue in table.open_issues:
        missing = table.missing.get(issue, ())
        if not missing:
            continue
        later = table.later.get(issue, frozenset())
        row: dict[str, float] = {}
        for option in table.prefs.options[issue]:
            p = 1.0
            for actor in missing:
                model = models.get(actor)
                if actor not in later or model is None:
                    p = 0.0
                    break
                liking = max(0.0, min(1.0, model.values[issue][option]))
                p *= liking * confirm_factor(table, actor)
            row[option] = p
        out[issue] = row
    if len(table.cache) > 4096:
        table.cache.clear()
    table.cache[key] = out
    return out


def worth(table: Table, issue: str, option: str) -> float:
    """Our value of ``option`` on ``issue`` if agreed here, its chance of binding counted."""
    values = table.prefs.values[issue]
    row = bind_chances(table).get(issue)
    if row is None:
        return values[option]
    p = row[option]
    return p * values[option] + (1.0 - p) * values[table.prefs.status_quo[issue]]


def term_worth(table: Table, issue: str, option: str) -> float:
    """Our worth of agreeing ``option`` here, net of what it costs in relations
    (``game.ai.relations``): comparable with the issue's aspiration."""
    w = table.prefs.weights.get(issue, 0.0)
    cost = bypass_cost(table, issue)
    return worth(table, issue, option) - (cost / w if w > 0 else 0.0)


LEAVE_OUT = ""  # the option "leave this issue out of the package" in offer rows


def worth_rows(table: Table) -> Mapping[str, Mapping[str, float]]:
    """issue -> option -> our weighted worth of agreeing it (its chance of binding and our
    objectives counted), and ``LEAVE_OUT`` -> the status quo's, with no agreement: what
    offers are built from.  Leaving an issue out can beat conceding it."""
    key = ("rows", table.move, table.round_index)
    found = table.cache.get(key)
    if isinstance(found, dict):
        return found
    prefs = table.prefs
    rows: dict[str, dict[str, float]] = {}
    for issue in table.open_issues:
        w = prefs.weights.get(issue, 0.0)
        cost = bypass_cost(table, issue)
        row = {
            o: w * worth(table, issue, o) + issue_bonus(table, issue, o) - cost
            for o in prefs.options[issue]
        }
        row[LEAVE_OUT] = w * prefs.values[issue][prefs.status_quo[issue]]
        rows[issue] = row
    table.cache[key] = rows
    return rows


def package_worth(table: Table, terms: Mapping[str, str]) -> float:
    """The weighted mean worth of ``terms`` over the issues they settle (1.0 with no stake)."""
    prefs = table.prefs
    total = weight = 0.0
    for issue, option in terms.items():
        w = prefs.weights.get(issue, 0.0)
        if w:
            total += w * worth(table, issue, option)
            weight += w
    return total / weight if weight > 0 else 1.0


def package_value(table: Table, terms: Mapping[str, str]) -> float:
    """The weighted mean worth of ``terms``, plus what agreeing them adds to our end bonus
    (objectives, outcome label) spread over their weight: comparable with an aspiration."""
    prefs = table.prefs
    weight = sum(prefs.weights.get(i, 0.0) for i in terms)
    if weight <= 0:
        return 1.0
    chances = bind_chances(table)
    chance = {i: chances[i][o] for i, o in terms.items() if i in chances}
    relations = sum(bypass_cost(table, i) for i in terms)
    return package_worth(table, terms) + (bonus_gain(table, terms, chance) - relations) / weight
