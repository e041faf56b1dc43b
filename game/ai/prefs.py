"""The delegate's own preferences, compiled once for cheap utility sums and red-line checks.

An AI delegate judges a package over the issues it settles (its *scope*): the
weighted mean of its option values, normalised by the weight of the scope.  A
package on two agenda issues is thus comparable with the reservation value
(a level of satisfaction in [0, 1]) without pretending to know how issues on
later agendas will end.  Only the delegate's own ``Preferences`` go in here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from game.engine.model import Issue, Preferences, RedLine
from game.engine.scoring import lifted

# issues we may offer on, their options we may offer, our weighted value of each
OfferRows = tuple[list[str], list[tuple[str, ...]], list[list[float]]]
# the worth rows and public lines they were made with -> issue -> (options, our values)
MomentRows = tuple[
    Mapping[str, Mapping[str, float]],
    list[dict[str, frozenset[str]]],
    dict[str, tuple[tuple[str, ...], list[float]]],
]


@dataclass(frozen=True, slots=True)
class Breach:
    """One term of a package that crosses one of the delegate's red lines."""

    issue: str
    option: str
    line: RedLine


class OwnPrefs:
    """Weights, values and red lines of one actor, indexed for speed."""

    __slots__ = (
        "_sq",
        "actor",
        "best_option",
        "forbidden",
        "issue_ids",
        "lines",
        "moment_rows",
        "offer_rows",
        "options",
        "reservation",
        "status_quo",
        "values",
        "weighted",
        "weights",
    )

    def __init__(self, issues: Iterable[Issue], prefs: Preferences) -> None:
        self.actor = prefs.actor
        self.reservation = prefs.reservation
        self.issue_ids: tuple[str, ...] = ()
        self.options: dict[str, tuple[str, ...]] = {}
        self.status_quo: dict[str, str] = {}
        self.weights: dict[str, float] = {}
        self.values: dict[str, dict[str, float]] = {}
        self.forbidden: dict[str, frozenset[str]] = {}
        self.lines: dict[tuple[str, str], RedLine] = {}
        self._sq: dict[tuple[str, ...], float] = {}  # memo: status-quo utility per scope
        # memo of game.ai.offers: what we may offer on a scope, given others' public lines
        self.offer_rows: dict[object, OfferRows] = {}
        # ... and per issue for one move's worth rows and lines (held: compared by identity)
        self.moment_rows: MomentRows | None = None
        for line in prefs.red_lines:
            for option in line.options:
                self.lines[(line.issue, option)] = line
        ids = []
        for issue in issues:
            ids.append(issue.id)
            opts = tuple(o.id for o in issue.options)
            self.options[issue.id] = opts
            self.status_quo[issue.id] = issue.status_quo
            self.weights[issue.id] = prefs.weights.get(issue.id, 0.0)
            self.values[issue.id] = {o: prefs.values.get(issue.id, {}).get(o, 0.0) for o in opts}
            self.forbidden[issue.id] = frozenset(o for o in opts if (issue.id, o) in self.lines)
        self.issue_ids = tuple(ids)
        # issue -> option -> weight * value: our weighted value of each option.
        self.weighted: dict[str, dict[str, float]] = {
            i: {o: self.weights[i] * v for o, v in self.values[i].items()} for i in ids
        }
        self.best_option: dict[str, str] = {}
        for issue_id in self.issue_ids:
            allowed = [o for o in self.options[issue_id] if o not in self.forbidden[issue_id]]
            pool = allowed or list(self.options[issue_id])
            # Ties go to the status quo, then to the first listed: stable and explainable.
            sq = self.status_quo[issue_id]
            vals = self.values[issue_id]
            self.best_option[issue_id] = max(pool, key=lambda o: (vals[o], o == sq))

    def breaches(
        self, terms: Iterable[tuple[str, str]], binding: Mapping[str, str] | None = None
    ) -> list[Breach]:
        """Every term of ``terms`` that crosses one of our red lines.  With ``binding`` (what
        already binds), a line whose ``unless`` the package plus what binds satisfies is
        lifted and crossed by nothing (R27); without it every line is firm."""
        found = []
        settled: dict[str, str] | None = None
        for issue, option in terms:
            line = self.lines.get((issue, option))
            if line is None:
                continue
            if line.unless is not None and binding is not None:
                if settled is None:
                    settled = {**binding, **dict(terms)}
                if lifted(line, settled):
                    continue
            found.append(Breach(issue, option, line))
        return found

    def utility(self, terms: Mapping[str, str]) -> float:
        """Normalised utility of ``terms`` over the issues they settle (1.0 if we have no stake)."""
        total = 0.0
        weight = 0.0
        w = self.weights
        v = self.values
        for issue, option in terms.items():
            wi = w.get(issue, 0.0)
            if wi:
                total += wi * v[issue][option]
                weight += wi
        return total / weight if weight > 0 else 1.0

    def best(self, scope: Iterable[str]) -> float:
        """Our best normalised utility over ``scope`` without crossing our red lines."""
        return self.utility({i: self.best_option[i] for i in scope})

    def status_quo_utility(self, scope: Iterable[str]) -> float:
        key = tuple(scope)
        found = self._sq.get(key)
        if found is None:
            found = self._sq[key] = self.utility({i: self.status_quo[i] for i in key})
        return found
