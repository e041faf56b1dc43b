"""Printable briefings for a class that reads before it plays: one page per delegation and more.

``briefing_pages(scenario)`` returns file name -> HTML: ``index.html``,
``general.html`` (public facts only), ``teacher.html`` (everything) and one
``delegation-<id>.html`` per playable delegation holding that delegation's own
secrets and nobody else's.  Only the scenario is read; no game is needed.
"""

from __future__ import annotations

from game.engine import queries, words
from game.engine.model import Actor, Scenario
from game.engine.variants import dealt, drawn_variant, written_chance
from game.export.debrief import priorities, rounds_info
from game.export.html_parts import (
    RedLineRow,
    definition_rows,
    head_row,
    history_table,
    objectives_list,
    plain_list,
    priorities_table,
    red_lines_table,
    section,
    sources_table,
    swatch,
)
from game.export.htmlkit import Markup, el, join, page, prose
from game.export.model import HistoryLine, SourceLine
from game.export.questions import GENERAL_QUESTIONS

INDEX, GENERAL, TEACHER = "index.html", "general.html", "teacher.html"


def delegation_file(actor_id: str) -> str:
    # A prefix, so that no actor id can collide with index, general or teacher.
    return f"delegation-{actor_id}.html"


def briefing_pages(scenario: Scenario, seed: int | None = None) -> dict[str, str]:
    """The pages; with ``seed``, those of the game played with that seed (its hidden types
    drawn), else those of the preferences as written, each noting the types it may draw."""
    if seed is not None:
        scenario = dealt(scenario, seed)
    pages = {
        INDEX: _index(scenario),
        GENERAL: _general(scenario),
        TEACHER: _teacher(scenario, seed),
    }
    for actor in scenario.playable:
        pages[delegation_file(actor.id)] = _delegation(scenario, actor, seed)
    return pages


def _types_note(scenario: Scenario, actor: str, seed: int | None) -> Markup | None:
    """What a delegation with hidden types must know about these pages."""
    prefs = scenario.preferences.get(actor)
    if prefs is None or not prefs.variants:
        return None
    if seed is not None:
        return el(
            "p",
            f"These pages are those of the game with seed {seed}: start it with"
            f" 'redlines play --seed {seed}' or 'redlines host --seed {seed}'. Another seed"
            " may give this delegation other instructions.",
            class_="box",
        )
    return el(
        "p",
        "When the game starts, this delegation may be given other instructions than these"
        f" ({len(prefs.variants)} possible, drawn for each game); the briefing screen of the"
        " game says which. To print the pages of one game, run 'redlines briefings --seed N'"
        " and start that game with the same seed.",
        class_="box",
    )


def _types_list(scenario: Scenario, actor: str) -> Markup | None:
    """The teacher's list of an actor's hidden types, with their chances and the one drawn."""
    prefs = scenario.preferences.get(actor)
    if prefs is None or not prefs.variants:
        return None
    rest = written_chance(prefs)
    rows = [
        el("li", f"{v.name} ({v.chance:.0%})" + (" — drawn" if v.id == prefs.variant else ""))
        for v in prefs.variants
    ]
    if rest > 1e-9:
        rows.append(el("li", f"the preferences as written ({rest:.0%})"))
    return join([el("h3", "Hidden types"), el("ul", rows)])


def _header(scenario: Scenario, kicker: str, title: str) -> Markup:
    return el(
        "header",
        el("p", el("span", kicker, class_="confidential")),
        el("h1", title),
        el("p", scenario.title, class_="lead"),
    )


def _index(scenario: Scenario) -> str:
    items = [el("li", el("a", "General briefing (everyone)", href=GENERAL))]
    items += [
        el(
            "li",
            el("a", f"{a.name} — confidential delegation briefing", href=delegation_file(a.id)),
        )
        for a in scenario.playable
    ]
    items.append(el("li", el("a", "Teacher sheet (not for students)", href=TEACHER)))
    body = join(
        [
            el("h1", scenario.title),
            el("p", scenario.summary, class_="lead"),
            el("h2", "Briefings to print"),
            el("ul", items),
            el(
                "p",
                "Print the general briefing for every student, each delegation's page only for "
                "that delegation, and keep the teacher sheet to yourself.",
                class_="muted",
            ),
        ]
    )
    return page(f"Briefings — {scenario.title}", el("main", body))


def _rounds(scenario: Scenario, actor: str = "") -> Markup:
    cols = ["#", "Round", "Where", "Date", "At the table", "Agenda", "Turns"]
    if actor:
        cols.append("You sit here")
    head = head_row(*cols)
    rows = []
    for info, rnd in zip(rounds_info(scenario), scenario.rounds, strict=True):
        cells = [
            el("td", str(info.number)),
            el("th", info.name, scope="row"),
            el("td", f"{info.venue}, {info.city}"),
            el("td", info.date),
            el("td", info.participants),
            el("td", ", ".join(words.issue_name(scenario, i) for i in rnd.agenda)),
            el("td", str(rnd.turns)),
        ]
        if actor:
            cells.append(el("td", "yes" if actor in rnd.participants else "no"))
        rows.append(el("tr", cells))
    return el("table", el("thead", head), el("tbody", rows))


def _actors(scenario: Scenario) -> Markup:
    head = head_row("Actor", "Delegate", "Principal", "Role")
    rows = [
        el(
            "tr",
            el("th", swatch(a.colour), a.name, scope="row"),
            el("td", a.delegate),
            el("td", a.principal),
            el("td", "delegation (playable)" if a.playable else "at the table, not played"),
        )
        for a in scenario.actors
    ]
    return el("table", el("thead", head), el("tbody", rows))


def _issues(scenario: Scenario) -> Markup:
    blocks = []
    for issue in scenario.issues:
        options = el(
            "ul",
            (
                el(
                    "li",
                    el("strong", o.label),
                    " (status quo)" if o.id == issue.status_quo else None,
                    f": {o.description}" if o.description else None,
                )
                for o in issue.options
            ),
        )
        consent = words.names(scenario, queries.consenting(scenario, issue.id))  # R9
        playable = {a.id for a in scenario.actors if a.playable}
        adds = queries.option_consenters(issue, playable)  # R37: an option's own consent
        added = [
            f" {o.label} also needs {words.names(scenario, adds[o.id])}."
            for o in issue.options
            if o.id in adds
        ]
        blocks.append(
            join(
                [
                    el("h3", issue.name),
                    el("p", issue.description),
                    options,
                    el(
                        "p",
                        f"Binding only when all of these accept: {consent}.{''.join(added)}",
                        class_="muted",
                    ),
                ]
            )
        )
    return join(blocks)


def _demands(scenario: Scenario, actor: str = "") -> Markup:
    items = [
        el(
            "li",
            el("strong", words.short_name(scenario, d.actor)),
            f" on {words.issue_name(scenario, d.issue)}: ",
            el("em", words.option_label(scenario, d.issue, d.option)),
            f" — “{d.words}”" if d.words else None,
            el("div", d.source, class_="source") if d.source else None,
        )
        for d in scenario.demands
        if not actor or d.actor == actor
    ]
    return el("ul", items) if items else el("p", "No public demands.", class_="muted")


def _levers(scenario: Scenario, owner: str = "") -> Markup:
    head = head_row("Lever", "Held by", "Against", "What")
    rows = [
        el(
            "tr",
            el("th", lv.name, scope="row"),
            el("td", words.short_name(scenario, lv.owner)),
            el("td", words.short_name(scenario, lv.target)),
            el("td", lv.description, el("div", lv.source, class_="source") if lv.source else None),
        )
        for lv in scenario.levers
        if not owner or lv.owner == owner
    ]
    if not rows:
        return el("p", "None.", class_="muted")
    return el("table", el("thead", head), el("tbody", rows))


def _red_line_rows(scenario: Scenario, actor: str, public_only: bool) -> list[RedLineRow]:
    prefs = scenario.preferences.get(actor)
    if prefs is None:
        return []
    return [
        RedLineRow(
            words.issue_name(scenario, line.issue),
            ", ".join(words.option_label(scenario, line.issue, o) for o in sorted(line.options)),
            line.public,
            line.reason,
            line.source,
        )
        for line in prefs.red_lines
        if line.public or not public_only
    ]


def _general(scenario: Scenario) -> str:
    public_lines = [
        red_lines_table(rows, f"{a.name}: public red lines")
        for a in scenario.actors
        if (rows := _red_line_rows(scenario, a.id, public_only=True))
    ]
    body = join(
        [
            _header(scenario, "GENERAL BRIEFING — for everyone", "General briefing"),
            section(
                "situation",
                "The situation",
                el("p", scenario.summary, class_="lead"),
                el("div", el("strong", "The decision: "), scenario.decision_point, class_="box"),
                prose(scenario.briefing),
            ),
            section("week", "The rounds of the week", _rounds(scenario)),
            section("actors", "Who is at the tables", _actors(scenario)),
            section("issues", "The issues", _issues(scenario), page_break=True),
            section("demands", "Public demands", _demands(scenario)),
            section("red-lines", "Public red lines", join(public_lines) or el("p", "None.")),
            section("levers", "Levers (threats that can be made)", _levers(scenario)),
        ]
    )
    return page(f"General briefing — {scenario.title}", el("main", body))


def _secrets(scenario: Scenario, actor: Actor, own: bool) -> Markup:
    """One delegation's private brief: its briefing, priorities, red lines and objectives."""
    prefs = scenario.preferences.get(actor.id)
    you = "Your" if own else f"{actor.name}:"
    h = "h2" if own else "h3"  # a page of its own, or one block of the teacher sheet
    parts = [
        el(h, f"{you} confidential briefing", id=f"briefing-{actor.id}"),
        prose(actor.briefing),
    ]
    drawn = drawn_variant(prefs)
    if drawn is not None:  # the type drawn for the game these pages are of
        parts += [el(h, f"{you} instructions this week: {drawn.name}"), prose(drawn.briefing)]
    if prefs is not None:
        table = priorities_table(priorities(scenario, prefs), f"{you} priorities, highest first")
        parts += [
            el(h, f"{you} priorities"),
            el("div", table, id=f"priorities-{actor.id}"),
            el(
                "p",
                f"Walk-away value (reservation): {prefs.reservation:.2f} on a scale of 0 to 1. "
                "A package is worth signing only if it is worth more than this to you.",
                class_="box",
            ),
            el(h, f"{you} red lines"),
            red_lines_table(
                _red_line_rows(scenario, actor.id, public_only=False),
                "Public lines are known to everyone; secret ones only to you.",
            ),
            el(h, f"{you} secret objectives"),
            objectives_list((o.text, o.points, o.source, "") for o in prefs.objectives),
        ]
    return join(parts)


def _delegation(scenario: Scenario, actor: Actor, seed: int | None = None) -> str:
    facts = definition_rows([("Delegate", actor.delegate), ("Principal", actor.principal)])
    body = join(
        [
            _header(
                scenario,
                f"CONFIDENTIAL — {actor.name} delegation only",
                f"{actor.name}: delegation briefing",
            ),
            facts,
            _types_note(scenario, actor.id, seed) or "",
            _secrets(scenario, actor, own=True),
            section("levers", "Levers you hold", _levers(scenario, actor.id)),
            section("demands", "Your public demands", _demands(scenario, actor.id)),
            section("week", "The rounds of the week", _rounds(scenario, actor.id)),
        ]
    )
    return page(f"{actor.name} — confidential briefing", el("main", body))


def _teacher(scenario: Scenario, seed: int | None = None) -> str:
    secrets = [
        el(
            "div",
            el("h2", swatch(a.colour), a.name),
            _types_note(scenario, a.id, seed) or "",
            _types_list(scenario, a.id) or "",
            _secrets(scenario, a, own=False),
            class_="page-break",
        )
        for a in scenario.actors
        if a.playable or a.briefing or a.id in scenario.preferences
    ]
    body = join(
        [
            _header(scenario, "TEACHER SHEET — not for students", "Teacher sheet"),
            section("notes", "Teacher notes", prose(scenario.teacher_notes)),
            section(
                "questions",
                "Discussion questions",
                plain_list(scenario.discussion_questions, ordered=True),
                el("h3", "General questions"),
                plain_list(GENERAL_QUESTIONS, ordered=True),
            ),
            section("secrets", "Every delegation's secrets", join(secrets)),
            section(
                "history",
                "What really happened",
                prose(scenario.history_summary),
                history_table([HistoryLine(h.date, h.text, h.source) for h in scenario.history]),
                page_break=True,
            ),
            section(
                "sources",
                "Sources",
                sources_table(
                    [
                        SourceLine(s.id, s.title, s.citation, s.url, str(s.confidence))
                        for s in scenario.sources
                    ]
                ),
            ),
        ]
    )
    return page(f"Teacher sheet — {scenario.title}", el("main", body))
