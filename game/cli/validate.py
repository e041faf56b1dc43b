"""``redlines validate``: check scenario files and report every mistake with its position.

Besides the file's own errors it prints the warnings of the scenario lints
(``game.scenario.lint``) and the negotiation-aware findings of ``redlines
analyze`` (its errors, e.g. an end state no outcome can label, fail the run;
its notes are left to ``analyze``).
"""

from __future__ import annotations

import argparse
import sys

HELP = "check scenario files: every mistake as FILE:LINE:COL: path: message"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "scenarios", nargs="+", metavar="PATH_OR_ID", help="scenario files or bundled ids"
    )
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit status 1)"
    )


def run(args: argparse.Namespace) -> int:
    from game.analysis.located import located_findings
    from game.errors import UserError
    from game.scenario import ScenarioError, load_scenario
    from game.scenario.describe import one_line
    from game.scenario.errors import sort_unique
    from game.scenario.lint import warnings_for

    failed = False
    for target in args.scenarios:
        try:
            loaded = load_scenario(target)
        except ScenarioError as exc:
            print(exc, file=sys.stderr)
            count = len(exc.errors)
            print(
                f"FAILED {exc.errors[0].file} ({count} error{'s' * (count != 1)})", file=sys.stderr
            )
            failed = True
            continue
        except UserError as exc:
            print(exc, file=sys.stderr)
            failed = True
            continue
        findings = sort_unique([*warnings_for(loaded), *located_findings(loaded)])
        for finding in findings:
            print(finding, file=sys.stderr)
        errors = [f for f in findings if f.severity == "error"]
        if errors or (findings and args.strict):
            failed = True
            count = len(errors) if errors else len(findings)
            what = "error" if errors else "warning"
            print(f"FAILED {loaded.name} ({count} {what}{'s' * (count != 1)})", file=sys.stderr)
            continue
        print(f"OK {loaded.name} ({one_line(loaded.scenario)})")
    return 1 if failed else 0
