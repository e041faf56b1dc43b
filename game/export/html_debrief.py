"""The debrief as one self-contained, printable HTML page (inline CSS and SVG, no script)."""

from __future__ import annotations

from itertools import groupby

from game.engine.words import signed
from game.export.chart import summary, tension_svg
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
from game.export.model import WITHHELD_NOTE, ActorResult, Debrief, TranscriptLine
from game.export.questions import GENERAL_QUESTIONS

SECTIONS = (
    ("outcome", "Outcome"),
    ("scores", "Scores"),
    ("red-lines", "Red lines"),
    ("tension", "Tension"),
    ("ledger", "Commitments"),
    ("bookmarks", "Bookmarks"),
    ("transcript", "Transcript"),
    ("history", "What really happened"),
    ("briefings", "Briefings revealed"),
    ("discussion", "Discussion"),
    ("sources", "Sources"),
)


def debrief_html(d: Debrief) -> str:
    body = join(
        [
            _header(d),
            el("nav", el("h2", "Contents", id="contents"), _contents(), aria_labelledby="contents"),
            _outcome(d),
            _scores(d),
            _red_lines(d),
            _tension(d),
            _ledger(d),
            _bookmarks(d),
            _transcript(d),
            _history(d),
            _briefings(d),
            _discussion(d),
            section("sources", "Sources", sources_table(d.sources)),
        ]
    )
    return page(f"Debrief — {d.title}", el("main", body))


def _contents() -> Markup:
    return el("ul", (el("li", el("a", title, href=f"#{anchor}")) for anchor, title in SECTIONS))


def _header(d: Debrief) -> Markup:
    status = "finished" if d.finished else "not finished"
    return el(
        "header",
        el("h1", d.title),
        el(
            "p",
            f"Debrief of a game: seed {d.seed}, {d.actions} moves, {status} — {d.where}.",
            class_="lead",
        ),
        el("p", d.summary, class_="muted"),
        el("p", el("strong", WITHHELD_NOTE), class_="box") if d.withheld else None,
    )


def _outcome(d: Debrief) -> Markup:
    if d.outcome is None:
        box = el("div", el("p", el("strong", "The game is not finished: "), d.where), class_="box")
    else:
        box = el(
            "div",
            el("p", el("strong", d.outcome.label)),
            el("p", d.outcome.description) if d.outcome.description else None,
            el("p", "Why: ", d.outcome.why),
            class_="box",
        )
    head = head_row("Issue", "State", "Option", "Detail")
    rows = [
        el(
            "tr",
            el("th", t.issue_name, scope="row"),
            el("td", el("span", t.state, class_="tag")),
            el("td", t.option_label),
            el("td", t.detail),
        )
        for t in d.terms
    ]
    table = el(
        "table",
        el("caption", "Where each issue stands"),
        el("thead", head),
        el("tbody", rows),
        class_="keep",
    )
    return section("outcome", "Outcome and why", box, table)


def _scores(d: Debrief) -> Markup:
    cols = (
        "Delegation",
        "Seat",
        "Utility",
        "Reservation",
        "vs reservation",
        "Objectives",
        "Red-line penalty",
        "Outcome bonus",
        "Total",
    )
    head = head_row(*cols)
    rows = []
    for a in d.scored:
        margin = a.utility - a.reservation
        rows.append(
            el(
                "tr",
                el("th", swatch(a.colour), a.name, scope="row"),
                el("td", a.seat or "—"),
                el("td", f"{a.utility:.2f}", class_="num"),
                el("td", f"{a.reservation:.2f}", class_="num"),
                el(
                    "td",
                    signed(margin) + " ",
                    "(better than walking away)" if margin >= 0 else "(worse than walking away)",
                ),
                el("td", signed(a.objective_points), class_="num"),
                el("td", signed(-a.red_line_penalty), class_="num"),
                el("td", signed(a.outcome_bonus), class_="num"),
                el("td", el("strong", signed(a.total)), class_="num"),
            )
        )
    note = el(
        "p",
        "Total = utility − reservation + objectives − red-line penalty + outcome bonus. "
        "A delegation is better off than walking away when its utility reaches its "
        "reservation value.",
        class_="muted",
    )
    objectives = [
        join(
            [
                el("h3", a.name, " — objectives"),
                objectives_list(
                    (o.text, o.points, o.source, "met" if o.met else "not met")
                    for o in a.objectives
                ),
            ]
        )
        for a in d.scored
    ]
    table = el(
        "table",
        el("caption", "Each delegation's score"),
        el("thead", head),
        el("tbody", rows),
        class_="keep",
    )
    return section("scores", "Scores", table, note, join(objectives))


def _red_line_rows(a: ActorResult, with_status: bool) -> list[RedLineRow]:
    return [
        RedLineRow(
            r.issue_name,
            ", ".join(r.options),
            r.public,
            r.reason,
            r.source,
            r.status_text if with_status else "",
        )
        for r in a.red_lines
    ]


def _red_lines(d: Debrief) -> Markup:
    blocks = [
        red_lines_table(_red_line_rows(a, True), f"{a.name}: red lines")
        for a in d.scored
        if a.red_lines
    ]
    intro = el(
        "p",
        "A red line is tested when someone proposed an option on it, and crossed when a binding "
        "agreement sits on it.",
        class_="muted",
    )
    return section("red-lines", "Red lines kept or crossed", intro, join(blocks))


def _tension(d: Debrief) -> Markup:
    flags = [(b.step, b.note or b.text) for b in d.bookmarks]
    figure = el("figure", tension_svg(d.tension, flags), el("figcaption", summary(d.tension)))
    head = head_row("Tracker", "Start", "End", "Change")
    rows = [
        el(
            "tr",
            el("th", t.label, scope="row"),
            el("td", f"{t.start:.0f}", class_="num"),
            el("td", f"{t.end:.0f}", class_="num"),
            el("td", f"{t.end - t.start:+.0f}", class_="num"),
        )
        for t in d.trackers
    ]
    trackers = el(
        "table",
        el("caption", "How credibility, cohesion, domestic support and trust moved (0–100)"),
        el("thead", head),
        el("tbody", rows),
        class_="keep",
    )
    rounds = plain_list(
        f"R{r.number}: {r.name} — {r.venue}, {r.city}, {r.date} ({r.participants})"
        for r in d.rounds
    )
    return section("tension", "Tension over the game", figure, rounds, trackers)


def _ledger(d: Debrief) -> Markup:
    if not d.ledger:
        return section(
            "ledger", "Commitment ledger", el("p", "No threat or promise was made.", class_="muted")
        )
    cols = ("#", "Kind", "By", "Lever", "Against", "Unless", "Round", "Status")
    head = head_row(*cols)
    rows = [
        el(
            "tr",
            el("td", str(c.number)),
            el("td", c.kind if c.pressure is None else f"{c.kind} (pressure {c.pressure:.2f})"),
            el("th", c.actor_name, scope="row"),
            el("td", c.lever_name),
            el("td", c.target_name),
            el("td", c.unless or "—"),
            el("td", str(c.round)),
            el("td", el("strong", c.status)),
        )
        for c in d.ledger
    ]
    table = el("table", el("thead", head), el("tbody", rows), class_="keep")
    return section("ledger", "Commitment ledger", table)


def _bookmarks(d: Debrief) -> Markup:
    marks = d.bookmarks
    if not marks:
        return section(
            "bookmarks",
            "Bookmarks",
            el("p", "The facilitator dropped no bookmark.", class_="muted"),
        )
    items = (
        el(
            "li",
            el("a", f"Round {b.round}, turn {b.turn}", href=f"#line-{b.index}"),
            ": ",
            el("strong", b.note or b.text),
        )
        for b in marks
    )
    return section("bookmarks", "Bookmarks for the discussion", el("ol", items))


def _line(line: TranscriptLine) -> Markup:
    # The engine's text already names who acted ("US proposes #3: ..."): no prefix needed.
    mark = el("span", "BOOKMARK", class_="tag") if line.bookmark else None
    return el(
        "li",
        mark,
        " " if mark else None,
        line.text,
        el("div", "said: “", line.remark, "”", class_="remark") if line.remark else None,
        el("div", "AI: ", line.rationale, class_="rationale") if line.rationale else None,
        id=f"line-{line.index}",
        class_=("bookmark " if line.bookmark else "") + f"kind-{line.kind}",
    )


def _transcript(d: Debrief) -> Markup:
    names = {r.number: f"Round {r.number}: {r.name} — {r.city}, {r.date}" for r in d.rounds}
    blocks = []
    for number, lines in groupby(d.transcript, key=lambda t: t.round):
        blocks.append(el("h3", names.get(number, f"Round {number}")))
        blocks.append(el("ol", (_line(t) for t in lines), class_="transcript"))
    return section("transcript", "Transcript", join(blocks), page_break=True)


def _history(d: Debrief) -> Markup:
    table_result = el(
        "ul",
        (
            el("li", el("strong", t.issue_name), ": ", t.option_label, f" ({t.state})")
            for t in d.terms
        ),
    )
    outcome = d.outcome.label if d.outcome else "not finished"
    return section(
        "history",
        "Your table and what really happened",
        el("h3", f"At your table: {outcome}"),
        table_result,
        el("h3", "In reality"),
        prose(d.history_summary),
        history_table(d.history),
        page_break=True,
    )


def _briefings(d: Debrief) -> Markup:
    parts: list[Markup] = [el("h3", "General briefing"), prose(d.general_briefing)]
    for a in d.actors:
        if not a.briefing and not a.scored:
            continue
        parts.append(el("h3", swatch(a.colour), a.name, " — confidential briefing"))
        parts.append(
            definition_rows(
                [
                    ("Delegate", a.delegate),
                    ("Principal", a.principal),
                    ("Levers", ", ".join(a.levers) or "none"),
                    *([("Hidden type this game", a.hidden_type)] if a.hidden_type else []),
                ]
            )
        )
        parts.append(prose(a.briefing))
        if a.instructions:
            parts.append(prose(a.instructions))
        if a.scored:
            parts.append(
                priorities_table(
                    a.priorities, f"{a.name}: priorities (reservation value {a.reservation:.2f})"
                )
            )
            parts.append(red_lines_table(_red_line_rows(a, False), f"{a.name}: red lines"))
            parts.append(objectives_list((o.text, o.points, o.source, "") for o in a.objectives))
    return section("briefings", "Briefings revealed", join(parts), page_break=True)


def _discussion(d: Debrief) -> Markup:
    return section(
        "discussion",
        "For the discussion",
        el("h3", "Questions from the scenario"),
        plain_list(d.discussion_questions, ordered=True) if d.discussion_questions else None,
        el("h3", "General questions"),
        plain_list(GENERAL_QUESTIONS, ordered=True),
        el("h3", "Teacher notes"),
        prose(d.teacher_notes),
        page_break=True,
    )
