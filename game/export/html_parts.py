"""HTML blocks shared by the debrief and the printable briefings: priorities, red lines, sources."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from game.engine import words
from game.export.htmlkit import Markup, el, join, safe_link
from game.export.model import HistoryLine, Priority, SourceLine

BAR_WIDTH = 160


@dataclass(frozen=True, slots=True)
class RedLineRow:
    issue_name: str
    options: str  # the forbidden options' labels
    public: bool
    reason: str
    source: str
    status: str = ""  # the debrief's verdict; "" in a briefing


def swatch(colour: str) -> Markup:
    return el("span", "", class_="swatch", style=f"background: {colour}", aria_hidden="true")


def bar(weight: float) -> Markup:
    """A weight as a filled bar (an SVG rectangle prints even where CSS backgrounds do not)."""
    filled = max(1.0, BAR_WIDTH * weight / 0.4)  # 40% fills the bar; few issues weigh more
    return el(
        "svg",
        el("rect", x=0, y=0, width=BAR_WIDTH, height=12, fill="none", stroke="#000"),
        el("rect", x=0, y=0, width=f"{min(filled, BAR_WIDTH):.1f}", height=12, fill="#333"),
        width=BAR_WIDTH,
        height=12,
        viewBox=f"0 0 {BAR_WIDTH} 12",
        aria_hidden="true",
    )


def head_row(*cols: str) -> Markup:
    """A table's header row: one column heading per name."""
    return el("tr", (el("th", c, scope="col") for c in cols))


def priorities_table(priorities: Sequence[Priority], caption: str) -> Markup:
    """Issues ranked by weight, each with its options' values in words, best first."""
    rows = []
    for rank, p in enumerate(priorities, 1):
        options = el(
            "ul",
            (
                el(
                    "li",
                    label,
                    " — ",
                    el("strong", "RED LINE") if forbidden else words.value_words(value),
                )
                for label, value, forbidden in p.options
            ),
        )
        rows.append(
            el(
                "tr",
                el("td", str(rank)),
                el("th", p.issue_name, scope="row"),
                el("td", bar(p.weight), " ", words.percent(p.weight)),
                el("td", options),
            )
        )
    head = head_row("#", "Issue", "Weight", "Options, best first")
    return el("table", el("caption", caption), el("thead", head), el("tbody", rows))


def red_lines_table(rows: Sequence[RedLineRow], caption: str) -> Markup:
    """The lines as a table, or "None." when there are none (never an empty table)."""
    if not rows:
        return el("p", el("strong", f"{caption}: "), "None.")
    with_status = any(r.status for r in rows)
    cols = ["Issue", "Never accept", "Public or secret", "Why"]
    if with_status:
        cols.append("In this game")
    body = []
    for r in rows:
        cells = [
            el("th", r.issue_name, scope="row"),
            el("td", r.options),
            el("td", el("span", "public" if r.public else "SECRET", class_="tag")),
            el("td", r.reason, el("div", r.source, class_="source") if r.source else None),
        ]
        if with_status:
            cls = "crossed" if r.status.startswith("crossed") else None
            cells.append(el("td", el("span", r.status, class_=cls)))
        body.append(el("tr", cells))
    return el("table", el("caption", caption), el("thead", head_row(*cols)), el("tbody", body))


def objectives_list(items: Iterable[tuple[str, float, str, str]]) -> Markup:
    """(text, points, source, verdict) per objective; verdict "" in a briefing."""
    lis = []
    for text, points, source, verdict in items:
        lis.append(
            el(
                "li",
                text,
                f" ({points:+.2f} points)",
                el("strong", f" — {verdict}") if verdict else None,
                el("div", source, class_="source") if source else None,
            )
        )
    return el("ul", lis) if lis else el("p", "None.", class_="muted")


def history_table(lines: Sequence[HistoryLine]) -> Markup:
    head = head_row("Date", "What happened")
    body = [
        el(
            "tr",
            el("td", h.date),
            el("td", h.text, el("div", h.source, class_="source") if h.source else None),
        )
        for h in lines
    ]
    return el("table", el("thead", head), el("tbody", body))


def sources_table(sources: Sequence[SourceLine]) -> Markup:
    head = head_row("Source", "Confidence", "Where")
    body = [
        el(
            "tr",
            el("td", el("strong", s.title), el("div", s.citation, class_="source")),
            el("td", s.confidence),
            el("td", safe_link(s.url, s.url) if s.url else "—", class_="url"),
        )
        for s in sources
    ]
    return el("table", el("thead", head), el("tbody", body), class_="sources")


def definition_rows(pairs: Iterable[tuple[str, str]]) -> Markup:
    return el(
        "table", el("tbody", (el("tr", el("th", k, scope="row"), el("td", v)) for k, v in pairs))
    )


def plain_list(items: Iterable[str], ordered: bool = False) -> Markup:
    return el("ol" if ordered else "ul", (el("li", item) for item in items))


def section(
    anchor: str, title: str, *body: Markup | str | None, page_break: bool = False
) -> Markup:
    return el(
        "section",
        el("h2", title, id=anchor),
        join(body),
        class_="page-break" if page_break else None,
        aria_labelledby=anchor,
    )
