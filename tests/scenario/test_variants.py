"""Hidden types (``preferences.<actor>.variants``): loaded with the written preferences
merged in, and every mistake located (scenario guide, "Hidden types")."""

from __future__ import annotations

import pytest

from game.scenario import ScenarioError, load_bytes
from tests.scenario.helpers import dump, minimal_data

HAWK = {
    "id": "hawk",
    "name": "Hawks ashore",
    "chance": 0.4,
    "briefing": "HAWK-BRIEFING: the fleet wants it all.",
    "weights": {"customs": 3},
    "values": {"fishing": {"shared": 0.1}},
    "reservation": 0.6,
    "red_lines": [
        {
            "id": "north-hawk-no-shared",
            "issue": "fishing",
            "options": ["shared"],
            "public": False,
            "reason": "Not this year.",
        }
    ],
    "objectives": [
        {
            "id": "north-hawk-win",
            "text": "Win big.",
            "when": {"agreed": {"fishing": ["north-only"]}},
            "points": 0.2,
        }
    ],
}


def _with(*variants: dict) -> bytes:
    data = minimal_data()
    data["preferences"]["north"]["variants"] = list(variants)
    return dump(data)


def _errors(*variants: dict) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_bytes(_with(*variants), "types.yaml")
    return [str(e) for e in caught.value.errors]


def test_a_type_is_the_written_preferences_with_its_changes() -> None:
    prefs = load_bytes(_with(HAWK), "types.yaml").scenario.preferences["north"]
    assert prefs.variant == ""
    (hawk,) = prefs.variants
    assert (hawk.id, hawk.name, hawk.chance) == ("hawk", "Hawks ashore", 0.4)
    drawn = hawk.preferences
    # weights replaced on the written scale (fishing 3, customs 3), then normalised
    assert drawn.weights == {"fishing": 0.5, "customs": 0.5}
    assert drawn.values["fishing"] == {"north-only": 1.0, "shared": 0.1, "south-only": 0}
    assert drawn.values["customs"] == prefs.values["customs"]
    assert drawn.reservation == 0.6
    assert [line.id for line in drawn.red_lines] == ["north-no-south-only", "north-hawk-no-shared"]
    assert [o.id for o in drawn.objectives] == ["north-keep-customs-free", "north-hawk-win"]
    # the written preferences are untouched
    assert prefs.weights == {"fishing": 0.75, "customs": 0.25}
    assert prefs.reservation == 0.4


def test_every_mistake_in_the_types_is_located() -> None:
    bad_issue = {**HAWK, "id": "a", "chance": 0.3, "weights": {"tariffs": 1}, "values": {}}
    bad_option = {
        "id": "b",
        "name": "B",
        "chance": 0.3,
        "values": {"fishing": {"everything": 0.5}},
        "red_lines": [{**HAWK["red_lines"][0], "id": "north-no-south-only"}],
    }
    twice = {"id": "b", "name": "B again", "chance": 0.5}
    errors = _errors(bad_issue, bad_option, twice)
    text = "\n".join(errors)
    assert all(e.startswith("types.yaml:") for e in errors), text
    assert "preferences.north.variants[0].weights.tariffs: unknown issue 'tariffs'" in text
    assert (
        "preferences.north.variants[1].values.fishing.everything: 'everything' is not an"
        " option of issue 'fishing'" in text
    )
    assert "preferences.north.variants[1].red_lines[0].id: duplicate red line id" in text
    assert "preferences.north.variants[2].id: duplicate variant id 'b'" in text
    assert "preferences.north.variants: the chances of north's types sum to 1.1; at most 1" in text


def test_a_type_that_weighs_a_new_issue_must_value_its_options() -> None:
    data = minimal_data()
    del data["preferences"]["south"]["weights"]["customs"]
    del data["preferences"]["south"]["values"]["customs"]
    data["preferences"]["south"]["variants"] = [
        {"id": "traders", "name": "Traders", "chance": 0.5, "weights": {"customs": 2}}
    ]
    with pytest.raises(ScenarioError) as caught:
        load_bytes(dump(data), "types.yaml")
    assert (
        "preferences.south.variants[0].values: no value for option(s) none, joint of weighted"
        " issue 'customs'" in str(caught.value)
    )


def test_a_chance_out_of_range_is_refused() -> None:
    for chance in (0, 1.5, -0.1):
        text = "\n".join(_errors({**HAWK, "chance": chance}))
        assert "preferences.north.variants[0].chance" in text, text


def test_a_type_may_not_draw_a_red_line_through_its_own_demand() -> None:
    data = minimal_data()
    data["preferences"]["south"]["variants"] = [
        {
            "id": "purists",
            "name": "Purists",
            "chance": 0.5,
            "red_lines": [
                {
                    "id": "south-purists-no-shared",
                    "issue": "fishing",
                    "options": ["shared"],
                    "public": False,
                    "reason": "All or nothing.",
                }
            ],
        }
    ]
    with pytest.raises(ScenarioError) as caught:
        load_bytes(dump(data), "types.yaml")
    assert "'south' demands 'shared', which is on a red line of its hidden type 'purists'" in str(
        caught.value
    )
