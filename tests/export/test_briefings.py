"""Printable briefings: a page per delegation with only its own secrets, general, teacher."""

from __future__ import annotations

import dataclasses
import html

import pytest

from game.engine.model import Scenario
from game.engine.words import paragraphs
from game.export.briefings import briefing_pages, delegation_file
from tests.engine.fixtures import small_scenario
from tests.export.helpers import check_html
from tests.scenarios import bundled


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return bundled("geneva-2022").scenario


@pytest.fixture(scope="module")
def pages(scenario: Scenario) -> dict[str, str]:
    return briefing_pages(scenario)


def secrets(scenario: Scenario, actor: str) -> list[str]:
    """Texts only ``actor`` may read: secret red-line reasons, objectives, its briefing."""
    prefs = scenario.preferences[actor]
    out = [line.reason for line in prefs.red_lines if not line.public]
    out += [o.text for o in prefs.objectives]
    out += paragraphs(scenario.actor(actor).briefing)
    return [html.escape(t) for t in out]


def test_every_page_exists_and_is_valid(scenario: Scenario, pages: dict[str, str]) -> None:
    expected = {"index.html", "general.html", "teacher.html"}
    expected |= {delegation_file(a.id) for a in scenario.playable}
    assert set(pages) == expected
    for name, page in pages.items():
        check_html(page)
        assert name == "index.html" or "@media print" in page
    for name in expected - {"index.html"}:
        assert f'href="{name}"' in pages["index.html"]


def test_each_delegation_sees_only_its_own_secrets(
    scenario: Scenario, pages: dict[str, str]
) -> None:
    playable = [a.id for a in scenario.playable]
    for actor in playable:
        page = pages[delegation_file(actor)]
        for text in secrets(scenario, actor):
            assert text in page, (actor, text[:60])
        assert f'id="priorities-{actor}"' in page
        for other in playable:
            if other == actor:
                continue
            leaked = [t[:60] for t in secrets(scenario, other) if t in page]
            assert not leaked, (actor, other, leaked)
            assert f'id="priorities-{other}"' not in page  # no one else's weights


def test_delegation_page_ranks_priorities_and_marks_red_lines(
    scenario: Scenario, pages: dict[str, str]
) -> None:
    actor = scenario.playable[0]
    prefs = scenario.preferences[actor.id]
    page = pages[delegation_file(actor.id)]
    ranked = sorted(prefs.weights, key=lambda issue: -prefs.weights[issue])
    positions = [
        page.index(f'<th scope="row">{html.escape(scenario.issue(i).name)}</th>') for i in ranked
    ]
    assert positions == sorted(positions)
    assert page.count("<strong>RED LINE</strong>") == sum(len(r.options) for r in prefs.red_lines)
    assert "SECRET" in page
    assert "public" in page
    for lever in (lv for lv in scenario.levers if lv.owner == actor.id):
        assert html.escape(lever.name) in page
    for demand in (d for d in scenario.demands if d.actor == actor.id):
        assert html.escape(demand.words) in page


def test_general_page_holds_nothing_secret(scenario: Scenario, pages: dict[str, str]) -> None:
    page = pages["general.html"]
    for actor in scenario.actors:
        if actor.id in scenario.preferences:
            for text in secrets(scenario, actor.id):
                assert text not in page, text[:60]
        assert 'id="priorities-' not in page
    for para in paragraphs(scenario.teacher_notes):
        assert html.escape(para) not in page
    for entry in scenario.history:
        assert html.escape(entry.text) not in page
    for prefs in scenario.preferences.values():
        for line in prefs.red_lines:
            if line.public:
                assert html.escape(line.reason) in page
    for demand in scenario.demands:
        assert html.escape(demand.words) in page
    for para in paragraphs(scenario.briefing):
        assert html.escape(para) in page


def test_teacher_sheet_holds_everything(scenario: Scenario, pages: dict[str, str]) -> None:
    page = pages["teacher.html"]
    for actor in scenario.playable:
        for text in secrets(scenario, actor.id):
            assert text in page
    for question in scenario.discussion_questions:
        assert html.escape(question) in page
    for para in paragraphs(scenario.teacher_notes):
        assert html.escape(para) in page
    for entry in scenario.history:
        assert html.escape(entry.text) in page
    for source in scenario.sources:
        assert html.escape(source.title) in page
    assert page.count("<td>high</td>") + page.count("<td>medium</td>") + page.count(
        "<td>low</td>"
    ) == len(scenario.sources)


def test_consent_names_only_the_delegations_the_engine_asks() -> None:
    """R9: non-playable actors in a consent list are never asked, so the page doesn't name them."""
    import dataclasses

    base = bundled("geneva-2022").scenario
    issue = base.issues[0]
    widened = dataclasses.replace(issue, consent=(*issue.consent, "ukraine"))
    scenario = dataclasses.replace(base, issues=(widened, *base.issues[1:]))
    general = briefing_pages(scenario)["general.html"]
    line = general.split("Binding only when all of these accept: ", 1)[1].split(".", 1)[0]
    assert scenario.actor("ukraine").short_name not in line
    assert scenario.actor("russia").short_name in line


def test_an_option_that_adds_consenters_is_named_with_them() -> None:
    """R37: an option's own consent adds delegations; the general briefing says so."""
    from pathlib import Path

    from game.scenario import load_scenario

    every = Path(__file__).parent.parent / "scenario" / "data" / "every-addition.yaml"
    scenario = load_scenario(every).scenario
    general = briefing_pages(scenario)["general.html"]
    green = scenario.actor("green").short_name
    assert f"Full withdrawal also needs {green}." in general
    assert general.count("also needs") == 1


def test_a_delegation_without_red_lines_reads_none_not_an_empty_table() -> None:
    scenario = small_scenario()
    actor = scenario.playable[0].id
    prefs = {
        a: dataclasses.replace(p, red_lines=()) if a == actor else p
        for a, p in scenario.preferences.items()
    }
    pages = briefing_pages(dataclasses.replace(scenario, preferences=prefs))
    page = pages[delegation_file(actor)]
    assert "<tbody></tbody>" not in page
    section = page.split("red lines</h", 1)[1].split("<h", 1)[0]
    assert "None" in section
    assert "<table" not in section


def test_a_scenario_without_public_red_lines_says_so_in_the_general_briefing() -> None:
    scenario = small_scenario()
    prefs = {
        a: dataclasses.replace(p, red_lines=tuple(r for r in p.red_lines if not r.public))
        for a, p in scenario.preferences.items()
    }
    page = briefing_pages(dataclasses.replace(scenario, preferences=prefs))["general.html"]
    section = page.split('id="red-lines"', 1)[1].split("</section>", 1)[0]
    assert "None" in section
