"""``redlines analyze``: what arithmetic says about a scenario before anyone plays it.

Prints the zone of possible agreement (with an example deal and what each
delegation gets from it), the Nash bargaining point, and every author finding
placed at ``FILE:LINE:COL``.  A scenario that uses the format-2 rules which
shape what a deal is (``requires``/``excludes``, red lines with ``unless``,
ratification, consent per option, levers with several owners) gets a
"Rules modelled" section saying how each was counted.  Exit status 1 only when a finding is an error
(the scenario is unplayable); warnings are advice.  ``redlines validate``
shows the same warnings through ``game.analysis.located.located_findings``.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.analysis import NashPoint, Zopa
    from game.engine.model import Scenario
    from game.scenario import Located

HELP = "negotiation checks: is a deal possible without crossing red lines? issues, outcomes"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", metavar="PATH_OR_ID", help="a scenario file or bundled id")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")


def _package_lines(scenario: Scenario, package: dict[str, str]) -> list[str]:
    lines = []
    for issue in scenario.issues:
        if issue.id in package:
            label = issue.option(package[issue.id]).label
            lines.append(f"    {issue.id} = {package[issue.id]} ({label})")
    unsettled = [i.id for i in scenario.issues if i.id not in package]
    if unsettled:
        lines.append(f"    unsettled (status quo holds): {', '.join(unsettled)}")
    return lines


def _zopa_text(scenario: Scenario, zopa: Zopa, ms: float) -> list[str]:
    how = f"{zopa.method}, {zopa.nodes} nodes over {zopa.space_size:,} packages, {ms:.0f} ms"
    if zopa.exists is None:
        return [f"Zone of possible agreement: undecided ({how})"]
    if not zopa.exists:
        return [f"Zone of possible agreement: none ({how})"]
    lines = [f"Zone of possible agreement: yes ({how})", "  example deal:"]
    lines += _package_lines(scenario, zopa.package or {})
    lines.append("  what each delegation gets (utility / reservation):")
    lines += [
        f"    {a:<12} {u:.2f} / {zopa.reservations[a]:.2f}" for a, u in zopa.utilities.items()
    ]
    return lines


def _nash_text(scenario: Scenario, nash: NashPoint | None) -> list[str]:
    if nash is None:
        return []
    exact = "" if nash.exact else " (best found; search budget spent)"
    lines = [f"Nash bargaining point{exact}: product {nash.product:.4f}"]
    lines += _package_lines(scenario, nash.package)
    lines.append("    " + ", ".join(f"{a} {u:.2f}" for a, u in nash.utilities.items()))
    return lines


def _types(scenario: Scenario) -> dict[str, Any] | None:
    """Each set of hidden types a game may draw: is there a zone of agreement for it?"""
    from game.analysis import zopa
    from game.engine.variants import combinations, deal_as, has_types, typed

    if not has_types(scenario):
        return None
    actors = [p.actor for p in typed(scenario)]
    sets = combinations(scenario)
    without: list[dict[str, str]] = []
    covered = with_zone = 0.0
    for choice, chance in sets:
        covered += chance
        if zopa(deal_as(scenario, choice)).exists:
            with_zone += chance
        else:
            without.append({a: k or "as written" for a, k in zip(actors, choice, strict=True)})
    return {
        "combinations": len(sets),
        "probability_covered": round(covered, 6),
        "probability_with_zone": round(with_zone, 6),
        "without_zone": without,
    }


def _types_text(types: dict[str, Any] | None) -> list[str]:
    if types is None:
        return []
    lines = [
        f"Hidden types: {types['combinations']} sets a game may draw"
        f" ({types['probability_covered']:.0%} of games); a zone of agreement in"
        f" {types['probability_with_zone']:.0%} of games"
    ]
    lines += [
        "  no zone when " + ", ".join(f"{a} {k}" for a, k in choice.items())
        for choice in types["without_zone"][:8]
    ]
    return lines


def run(args: argparse.Namespace) -> int:
    from game.analysis import Severity, nash_point, zopa
    from game.analysis.deals import space_for
    from game.analysis.located import located_findings
    from game.analysis.reach import reach
    from game.analysis.world_rules import modelled
    from game.scenario import load_scenario

    loaded = load_scenario(args.scenario)  # ScenarioError is a UserError: the dispatcher shows it
    scenario = loaded.scenario
    start = time.perf_counter()
    found = zopa(scenario)
    zopa_ms = (time.perf_counter() - start) * 1000
    nash = nash_point(scenario) if found.exists else None
    rules = modelled(scenario, reach(scenario), space_for(scenario), found.package)
    located = sorted(located_findings(loaded, notes=True), key=_severity_rank)
    errors = sum(1 for f in located if f.severity == Severity.ERROR)
    types = _types(scenario)
    if args.json:
        report = _as_json(found, nash, located, rules)
        if types is not None:
            report["types"] = types
        print(json.dumps(report, indent=2))
        return 1 if errors else 0
    lines = [f"{loaded.name}: {scenario.title}", *_zopa_text(scenario, found, zopa_ms)]
    lines += _nash_text(scenario, nash)
    lines += _types_text(types)
    if rules:
        lines.append("Rules modelled (only deals the engine would let bind are counted):")
        lines += [f"  {line}" for line in rules]
    counts = {s: sum(1 for f in located if f.severity == s) for s in Severity}
    lines.append(
        f"Findings: {counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]} warning(s), "
        f"{counts[Severity.INFO]} note(s)"
    )
    lines += [f"  {f}" for f in located]
    print("\n".join(lines))
    return 1 if errors else 0


def _severity_rank(located: Located) -> tuple[int, int, int]:
    rank = {"error": 0, "warning": 1}.get(located.severity, 2)
    return (rank, located.line, located.column)


def _as_json(
    zopa: Zopa, nash: NashPoint | None, located: list[Located], rules: list[str]
) -> dict[str, Any]:
    return {
        "modelled": rules,
        "zopa": {
            "exists": zopa.exists,
            "exact": zopa.exact,
            "method": zopa.method,
            "package": zopa.package,
            "utilities": zopa.utilities,
            "reservations": zopa.reservations,
            "space_size": zopa.space_size,
        },
        "nash": None
        if nash is None
        else {
            "package": nash.package,
            "utilities": nash.utilities,
            "product": nash.product,
            "exact": nash.exact,
        },
        "findings": [
            {
                "severity": f.severity,
                "message": f.message,
                "file": f.file,
                "line": f.line,
                "column": f.column,
                "path": f.path,
            }
            for f in located
        ],
    }
