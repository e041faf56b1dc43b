"""The small fixture with every format-2 rule switched on: breaches, war as a decision,
fading talk, ratification, bypassed consent, coherent packages, agenda effects, levers
with two owners, round-start events and conditions on everything seen."""

from __future__ import annotations

import dataclasses

from game.engine.model import (
    AgendaChange,
    Condition,
    Effect,
    EventCard,
    Lever,
    RuleTuning,
    Scenario,
    TrackerKind,
    TrackerTest,
)
from tests.engine.fixtures import small_scenario


def world_scenario() -> Scenario:
    sc = small_scenario()
    changes: dict[str, dict[str, object]] = {
        "troops": {
            "breaks": {
                "border": frozenset({"monitored", "demilitarised"}),
                "alliance": frozenset({"moratorium", "guarantee"}),
            }
        },
        "tariffs": {
            "owners": ("aster", "cobalt"),
            "agenda": (AgendaChange("harbour", ("border",), True),),
        },
    }
    levers = [dataclasses.replace(lv, **changes.get(lv.id, {})) for lv in sc.levers]
    levers.append(Lever("war", "boreal", "aster", "War", "Invade.", (), (), escalates=True))
    option_changes: dict[tuple[str, str], dict[str, object]] = {
        ("border", "demilitarised"): {"requires": {"missiles": frozenset({"ban", "limits"})}},
        ("missiles", "none"): {"excludes": {"exercises": frozenset({"suspended"})}},
        ("exercises", "suspended"): {
            "consent": ("aster",),
            "on_agree": (Effect(TrackerKind.SUPPORT, -7.0, "cobalt"),),
        },
    }
    issues = [
        dataclasses.replace(
            issue,
            options=tuple(
                dataclasses.replace(o, **option_changes.get((issue.id, o.id), {}))
                for o in issue.options
            ),
        )
        for issue in sc.issues
    ]
    actors = tuple(
        dataclasses.replace(a, ratification=58.0) if a.id == "aster" else a for a in sc.actors
    )
    events = (
        *sc.events,
        EventCard(
            "council-opens",
            "The council opens",
            "Exercises come off the agenda.",
            1.0,
            Condition(round="harbour"),
            (Effect(TrackerKind.SUPPORT, 4.0, "aster"),),
            agenda=(AgendaChange("harbour", ("exercises",), False),),
            at_round_start=True,
        ),
        EventCard(
            "reprisal",
            "Reprisal",
            "After a breach, the mood darkens.",
            0.5,
            Condition(
                any=(
                    Condition(broken=("border",)),
                    Condition(threatened=("war",)),
                    Condition(min=(TrackerTest(TrackerKind.TENSION, 80.0),)),
                ),
                not_=Condition(max=(TrackerTest(TrackerKind.TRUST, 5.0, "aster", "boreal"),)),
                all=(Condition(events_happened=()),),
            ),
            (Effect(TrackerKind.TENSION, 3.0),),
            once=False,
        ),
    )
    rules = dataclasses.replace(
        RuleTuning(), consent_bypass_cohesion=-6.0, consent_bypass_trust=-2.0, hostile_support=-1.0
    )
    return dataclasses.replace(
        sc, levers=tuple(levers), issues=tuple(issues), actors=actors, events=events, rules=rules
    )
