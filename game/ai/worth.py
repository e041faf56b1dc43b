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
from game.ai.ratification import ratify_chance, ratify_chances, ratify_row
from game.ai.relations import bypass_cost, confirm_factor
from game.ai.table import Table, keep, kept


class _NoDraws:
    """The models used here never draw (the easy level's noise is for offers only)."""

    def random(self) -> float:
        return 0.5

    def uniform(self, a: float, b: float) -> float:
        return (a + b) / 2


_NO_DRAWS = _NoDraws()


def consent_chances(table: Table) -> Mapping[str, Mapping[str, float]]:
    """issue -> option -> chance that the consenters absent from this table (the issue's,
    and the option's own, R37) all accept it later, for the open issues that lack one
    (the others need nobody else)."""
    found = table.now.consent
    if found is not None:
        return found
    extra = table.option_missing
    absent = sorted(
        {a for i in table.open_issues for a in table.missing.get(i, ())}
        | {a for i in table.open_issues for adds in extra.get(i, {}).values() for a in adds}
    )
    models = model_opponents(table, Difficulty.NORMAL, _NO_DRAWS, absent) if absent else {}
    # The same models, calendar and open issues recur for many moves: so does the answer.
    inputs = (table.open_issues, table.missing, extra, table.later, table.prefs, *models.values())
    known = kept(table.cache, "chances", inputs)
    if isinstance(known, dict):
        table.now.consent = known
        return known
    out: dict[str, dict[str, float]] = {}
    for issue in table.open_issues:
        missing = table.missing.get(issue, ())
        adds = extra.get(issue, {})
        if not missing and not adds:
            continue
        later = table.later.get(issue, frozenset())
        row: dict[str, float] = {}
        for option in table.prefs.options[issue]:
            p = 1.0
            for actor in (*missing, *adds.get(option, ())):
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
    keep(table.cache, "chances", inputs, out)
    table.now.consent = out
    return out


def bind_chances(table: Table) -> Mapping[str, Mapping[str, float]]:
    """issue -> option -> chance that an agreement here on that option alone binds: its
    absent consenters accept it later (``consent_chances``) and every ratifier it needs
    ratifies it (``game.ai.ratification``), for the open issues where either is in doubt
    (the others bind for sure)."""
    found = table.now.chances
    if found is not None:
        return found
    consent = consent_chances(table)
    if not table.ratifiers:
        table.now.chances = consent
        return consent
    out: dict[str, Mapping[str, float]] = dict(consent)
    for issue in table.open_issues:
        options = table.prefs.options[issue]
        ratified = ratify_row(table, issue, options)
        if all(r >= 1.0 for r in ratified):
            continue
        row = consent.get(issue)
        out[issue] = {
            o: (row[o] if row is not None else 1.0) * r
            for o, r in zip(options, ratified, strict=True)
        }
    table.now.chances = out
    return out


def package_chances(table: Table, terms: Mapping[str, str]) -> dict[str, float]:
    """issue -> chance that the term of ``terms`` on it binds when they are agreed as one
    package, for the terms in doubt: ratification is judged on the whole package (its
    effects on a ratifier's support add up, R31), consent term by term."""
    chances = bind_chances(table)
    chance = {i: chances[i][o] for i, o in terms.items() if i in chances}
    if len(terms) < 2 or not table.ratifiers:
        return chance
    ratified = _ratified_together(table, terms)
    consent = consent_chances(table)
    for issue, option in terms.items():
        row = consent.get(issue)
        p = (row[option] if row is not None else 1.0) * ratified.get(issue, 1.0)
        if p < 1.0 - 1e-12 or issue in chance:
            chance[issue] = p
    return chance


def _ratified_together(table: Table, terms: Mapping[str, str]) -> Mapping[str, float]:
    """``ratify_chances`` of ``terms`` as one package, worked out once a move (a package's
    chances and its worth both ask)."""
    key = tuple(terms.items())
    memo = table.now.ratified_together
    found = memo.get(key)
    if found is None:
        found = memo[key] = ratify_chances(table, key)
    return found


def worths(table: Table) -> Mapping[str, Mapping[str, float]]:
    """issue -> option -> ``worth`` of it, for every issue (made once a move)."""
    found = table.now.worths
    if found is not None:
        return found
    made = _worths(table, bind_chances(table))
    table.now.worths = made
    return made


def offered_worths(table: Table) -> Mapping[str, Mapping[str, float]]:
    """issue -> option -> what a term offered to us gives us, its absent consenters
    counted but not ratification: how far the others have come towards us (reciprocity).
    A demand that would never be ratified is still a demand, not a gift."""
    found = table.now.offered
    if found is not None:
        return found
    made = table.now.offered = (
        worths(table) if not table.ratifiers else _worths(table, consent_chances(table))
    )
    return made


def offered_worth(table: Table, terms: Mapping[str, str]) -> float:
    """The weighted mean of ``offered_worths`` over the issues ``terms`` settle."""
    weights = table.prefs.weights
    every = offered_worths(table)
    total = weight = 0.0
    for issue, option in terms.items():
        w = weights.get(issue, 0.0)
        if w:
            total += w * every[issue][option]
            weight += w
    return total / weight if weight > 0 else 1.0


def _worths(
    table: Table, chances: Mapping[str, Mapping[str, float]]
) -> Mapping[str, Mapping[str, float]]:
    prefs = table.prefs
    known = kept(table.cache, "worths", (chances, prefs))
    if isinstance(known, dict):
        return known
    made: dict[str, Mapping[str, float]] = {}
    for issue, values in prefs.values.items():
        row = chances.get(issue)
        if row is None:
            made[issue] = values
            continue
        sq = values[prefs.status_quo[issue]]
        made[issue] = {o: row[o] * v + (1.0 - row[o]) * sq for o, v in values.items()}
    keep(table.cache, "worths", (chances, prefs), made)
    return made


def worth(table: Table, issue: str, option: str) -> float:
    """Our value of ``option`` on ``issue`` if agreed here, its chance of binding counted:
    ``p * value(option) + (1 - p) * value(status quo)``."""
    return worths(table)[issue][option]


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
    offers are built from.  Leaving an issue out can beat conceding it.  An option that
    can never bind (a consenter it needs never sits at a table with the issue again, or
    has ruled it out in public) is not in its row: offering it would settle nothing."""
    found = table.now.rows
    if found is not None:
        return found
    prefs = table.prefs
    every = worths(table)
    consent = consent_chances(table)
    rows: dict[str, dict[str, float]] = {}
    for issue in table.open_issues:
        w = prefs.weights.get(issue, 0.0)
        mine = every[issue]
        cost = bypass_cost(table, issue)
        chance = consent.get(issue)
        row = {
            o: w * mine[o] + issue_bonus(table, issue, o) - cost
            for o in prefs.options[issue]
            if chance is None or chance[o] > 0.0
        }
        row[LEAVE_OUT] = w * prefs.values[issue][prefs.status_quo[issue]]
        rows[issue] = row
    table.now.rows = rows
    return rows


def package_worth(table: Table, terms: Mapping[str, str]) -> float:
    """The weighted mean worth of ``terms`` over the issues they settle (1.0 with no stake)."""
    weights = table.prefs.weights
    every = worths(table)
    whole = _whole_package(table, terms)
    total = weight = 0.0
    for issue, option in terms.items():
        w = weights.get(issue, 0.0)
        if w:
            total += w * (every[issue][option] if whole is None else whole[issue])
            weight += w
    return total / weight if weight > 0 else 1.0


def _whole_package(table: Table, terms: Mapping[str, str]) -> dict[str, float] | None:
    """issue -> worth of its term when ``terms`` are agreed together, where ratifying the
    whole package is less likely than ratifying each term alone; None when it is not."""
    if len(terms) < 2 or not table.ratifiers:
        return None
    ratified = _ratified_together(table, terms)
    chances = bind_chances(table)
    if not any(ratified.get(i, 1.0) < ratify_chance(table, i, o) - 1e-12 for i, o in terms.items()):
        return None
    every = worths(table)
    joint = package_chances(table, terms)
    prefs = table.prefs
    out: dict[str, float] = {}
    for issue, option in terms.items():
        if issue not in joint or (issue in chances and joint[issue] == chances[issue][option]):
            out[issue] = every[issue][option]
            continue
        sq = prefs.values[issue][prefs.status_quo[issue]]
        p = joint[issue]
        out[issue] = p * prefs.values[issue][option] + (1.0 - p) * sq
    return out


def package_value(table: Table, terms: Mapping[str, str]) -> float:
    """The weighted mean worth of ``terms``, plus what agreeing them adds to our end bonus
    (objectives, outcome label) spread over their weight: comparable with an aspiration."""
    prefs = table.prefs
    weight = sum(prefs.weights.get(i, 0.0) for i in terms)
    if weight <= 0:
        return 1.0
    chance = package_chances(table, terms)
    relations = sum(bypass_cost(table, i) for i in terms)
    return package_worth(table, terms) + (bonus_gain(table, terms, chance) - relations) / weight
