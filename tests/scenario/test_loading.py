"""A valid scenario loads into the right engine model, and its content hash behaves."""

from __future__ import annotations

from pathlib import Path

import pytest

from game import paths
from game.engine import model as m
from game.errors import UserError
from game.scenario import LoadedScenario, ScenarioError, load_bytes, load_scenario
from tests.scenario.helpers import GENEVA, MINIMAL, dump, minimal_data


@pytest.fixture(scope="module")
def loaded() -> LoadedScenario:
    return load_scenario(MINIMAL)


def test_frame_and_defaults(loaded: LoadedScenario) -> None:
    s = loaded.scenario
    assert s.id == "harbour-dispute"
    paragraphs = s.briefing.split("\n\n")
    assert paragraphs == [
        "The harbour has been closed for a month.",
        "Fishing fleets from both sides are waiting.\n",
    ]
    assert s.discussion_questions == ("Who needed the deal more?",)
    assert [a.id for a in s.playable] == ["north", "south"]
    south = s.actor("south")
    assert (south.short_name, south.adjective) == ("Southland", "Southland")  # defaults: name
    assert south.personality == m.Personality()
    north = s.actor("north")
    assert (north.short_name, north.adjective) == ("N", "Northern")
    assert north.colour == "#2f6db5"  # normalised to lowercase
    assert north.personality == m.Personality(0.7, 0.4, 0.2)
    assert north.source == "Author's notes"  # a bare source id cites that source


def test_sources_become_readable_text(loaded: LoadedScenario) -> None:
    s = loaded.scenario
    assert s.history == (
        m.HistoryEntry(
            "2024-03-10",
            "The harbour reopened.",
            "Harbour Wire, 3 March — “Boats are moving again” (front page)",
        ),
    )
    assert s.issue("fishing").option("shared").source == "Author's notes"
    assert s.levers[0].source == "Harbour Act 1921, section 3"  # text that is no id stays
    assert s.demands == (
        m.Demand(
            "south",
            "fishing",
            "shared",
            "The harbour belongs to everyone.",
            "Harbour Wire, 3 March — “belongs to everyone”",
        ),
    )
    assert s.sources[1] == m.Source(
        "wire", "Harbour Wire, 3 March", "", "https://example.org/wire", m.Confidence.HIGH
    )


def test_weights_are_normalised_and_values_kept(loaded: LoadedScenario) -> None:
    north = loaded.scenario.preferences["north"]
    assert north.weights == {"fishing": 0.75, "customs": 0.25}
    assert north.values["fishing"] == {"north-only": 1.0, "shared": 0.5, "south-only": 0.0}
    assert north.reservation == 0.4
    (line,) = north.red_lines
    assert line == m.RedLine(
        "north-no-south-only",
        "north",
        "fishing",
        frozenset({"south-only"}),
        True,
        "Our fleet would starve.",
    )
    (goal,) = north.objectives
    assert goal.actor == "north"
    assert goal.condition == m.Condition(not_agreed=("customs",))
    assert sum(loaded.scenario.preferences["south"].weights.values()) == pytest.approx(1.0)


def test_rounds_levers_events_outcomes(loaded: LoadedScenario) -> None:
    s = loaded.scenario
    first = s.rounds[0]
    assert (first.date, first.chair, first.turns) == ("2024-03-01", "mediator", 3)
    assert first.participants == ("north", "south")
    assert first.quotes[1] == m.Quote("A fisherman", "Just let us work.", 2)
    assert s.rounds[1].chair == ""
    (lever,) = s.levers
    assert lever.threat_effects == (m.Effect(m.TrackerKind.TENSION, 3.0),)
    assert lever.execute_effects[1] == m.Effect(m.TrackerKind.TRUST, -15.0, "north", "south")
    storm, bites = s.events
    assert storm.condition == m.Condition(min_round=1, max_round=2, min_tension=10)
    assert storm.once is False
    assert bites.once is True
    assert bites.condition.levers_executed == ("blockade",)
    war, deal, stalemate = s.outcomes
    assert war.condition.escalated is True
    assert war.score == {"*": -0.5}
    assert deal.condition.agreed == {"fishing": frozenset({"shared"})}
    assert stalemate.condition == m.Condition()


def test_trackers_and_rule_overrides(loaded: LoadedScenario) -> None:
    s = loaded.scenario
    assert (s.trackers.tension, s.trackers.war_threshold) == (30, 90)
    assert s.trackers.trust == m.TrackerStart(40)
    assert s.trackers.credibility == m.TrackerStart(60, {"south": 50})
    assert s.trackers.cohesion == m.Trackers().cohesion  # absent: the engine's default
    assert s.rules.hostile_tension == 5
    assert s.rules.events_per_turn == 2
    assert s.rules.firm_tension == m.RuleTuning().firm_tension


def test_hash_ignores_formatting_but_not_content(loaded: LoadedScenario) -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    reformatted = "# a new comment\n" + text.replace("format: 1", "format:    1   # version")
    assert load_bytes(reformatted.encode(), "x.yaml").content_hash == loaded.content_hash
    crlf = text.replace("\n", "\r\n").encode()  # a file saved on Windows
    assert load_bytes(crlf, "w.yaml").content_hash == loaded.content_hash
    reordered = minimal_data()
    reordered = {k: reordered[k] for k in reversed(list(reordered))}
    assert load_bytes(dump(reordered), "y.yaml").content_hash == loaded.content_hash
    explicit = minimal_data()
    explicit["rules"]["firm_tension"] = 1.0  # the default, written out
    explicit["actors"][2]["personality"] = {"risk": 0.5}
    assert load_bytes(dump(explicit), "d.yaml").content_hash == loaded.content_hash
    changed = minimal_data()
    changed["preferences"]["north"]["reservation"] = 0.41
    assert load_bytes(dump(changed), "z.yaml").content_hash != loaded.content_hash
    assert loaded.content_hash.startswith("sha256:")
    assert len(loaded.content_hash) == 71


def test_locate_points_at_the_file(loaded: LoadedScenario) -> None:
    found = loaded.locate(("actors", 1, "colour"), "just looking")
    assert str(found) == f"{MINIMAL}:44:13: actors[1].colour: warning: just looking"


def test_unknown_id_is_a_user_error_naming_the_bundled_ones() -> None:
    with pytest.raises(UserError, match="no bundled scenario of that id"):
        load_scenario("no-such-scenario")
    with pytest.raises(UserError, match="no such file"):
        load_scenario("missing/file.yaml")


def test_bundled_geneva_loads_by_id() -> None:
    try:
        loaded = load_scenario("geneva-2022")
    except ScenarioError as exc:  # show every located message, not just the first
        pytest.fail(str(exc))
    s = loaded.scenario
    assert loaded.path == GENEVA
    assert {"us", "russia", "nato"} <= {a.id for a in s.playable}
    assert len(s.issues) >= 7
    assert len(s.events) >= 10
    for prefs in s.preferences.values():
        assert sum(prefs.weights.values()) == pytest.approx(1.0)


def test_a_bare_id_means_the_bundled_scenario_even_if_a_file_of_that_name_is_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "geneva-2022").mkdir()  # a folder named like the id, e.g. briefings output
    assert load_scenario("geneva-2022").path == GENEVA
    (tmp_path / "own").write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    # A name that is no bundled id still finds the file; a path always means the file.
    assert load_scenario("own").path == Path("own")
    assert load_scenario("./own").path == Path("own")


@pytest.mark.parametrize("text", ["../x", "a/../geneva-2022", "Geneva-2022", "geneva-2022\n"])
def test_only_a_real_id_is_looked_up_among_the_bundled_scenarios(text: str) -> None:
    assert not paths.is_scenario_id(text)
    assert paths.bundled_scenario(text) is None
    assert paths.bundled_scenario("geneva-2022") == GENEVA


def test_a_yaml_error_at_the_end_of_a_one_line_file_points_into_the_file() -> None:
    with pytest.raises(ScenarioError) as caught:
        load_bytes(b"a: [1, 2\n", "one.yaml")
    assert str(caught.value).startswith("one.yaml:1:9: YAML syntax: ")
    with pytest.raises(ScenarioError) as caught:
        load_bytes(b'a: "unfinished', "two.yaml")
    assert str(caught.value).startswith("two.yaml:1:15: YAML syntax: ")


def test_the_rules_document_is_the_engines_rule_tuning() -> None:
    """Every RuleTuning number can be set in a scenario's ``rules``, with the same default."""
    import dataclasses

    from game.engine.model import RuleTuning
    from game.scenario.document import RulesDoc

    engine_fields = {f.name: f.default for f in dataclasses.fields(RuleTuning)}
    doc_fields = {name: info.default for name, info in RulesDoc.model_fields.items()}
    assert doc_fields == engine_fields


def test_the_same_bytes_load_once_and_a_file_with_mistakes_is_read_every_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The loader keeps its last valid loads (the result is immutable), never a refusal."""
    from game.scenario import loader

    raw = MINIMAL.read_bytes()
    first = load_bytes(raw, "kept.yaml")
    assert load_bytes(bytes(raw), "kept.yaml") is first  # equal bytes, not the same object
    assert load_bytes(raw, "other-name.yaml") is not first  # messages name the file
    assert load_bytes(raw, "kept.yaml", MINIMAL) is not first
    parsed: list[str] = []
    read = loader.yaml_reader.read

    def counting(data: bytes, name: str) -> object:
        parsed.append(name)
        return read(data, name)

    monkeypatch.setattr(loader.yaml_reader, "read", counting)
    broken = raw.replace(b"format:", b"formt:", 1)
    for _ in range(2):
        with pytest.raises(ScenarioError):
            load_bytes(broken, "broken.yaml")
    assert parsed == ["broken.yaml", "broken.yaml"]
