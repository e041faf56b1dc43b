"""The debrief as Markdown, with every scenario or player text escaped.

Escaping keeps text as text in any CommonMark renderer: markup characters get
a backslash (so ``<script>`` shows as written and never becomes HTML), line
breaks inside a table cell or a heading become spaces, and a paragraph cannot
turn itself into a heading, list or quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import groupby, pairwise

from game.engine import words
from game.engine.words import signed
from game.export.chart import summary
from game.export.model import WITHHELD_NOTE, Debrief, TensionTrack
from game.export.questions import GENERAL_QUESTIONS

_INLINE = re.compile(r"([\\`*_\[\]<>|&~])")
# What would make a line a heading, quote, list item or setext underline.
_LINE_START = re.compile(r"^(\s*)(>|[#+\-]+(?=\s|$)|\d+[.)](?=\s|$)|=+\s*$)")


def md(text: str) -> str:
    """Text for one line of Markdown (a heading, a cell, a list item): escaped, one line."""
    one_line = " ".join(str(text).split())
    escaped = _INLINE.sub(r"\\\1", one_line)
    return _LINE_START.sub(_escape_start, escaped)


def _escape_start(m: re.Match[str]) -> str:
    lead, mark = m.group(1), m.group(2)
    if mark[0].isdigit():  # "1." -> "1\." (a backslash before a digit is no escape)
        return f"{lead}{mark[:-1]}\\{mark[-1]}"
    return f"{lead}\\{mark}"


def md_prose(text: str) -> str:
    """A scenario text as escaped paragraphs (a list item's line break kept: ``\\``)."""
    return "\n\n".join(
        "\\\n".join(md(line) for line in p.split("\n")) for p in words.paragraphs(text)
    )


def table(head: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(md(h) for h in head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(md(c) if c else "—" for c in row) + " |" for row in rows]
    return [*out, ""]


def _tension_rows(track: TensionTrack) -> list[tuple[str, str, str]]:
    """The tension at the end of each turn in which someone moved.

    A point's round and turn are where the game stands *after* its action, so the
    action itself was played in the turn of the point before it; the last action of
    a turn (with the cards drawn as the turn closes) sets that turn's closing value.
    """
    ends: dict[tuple[int, int], float] = {}
    for before, after in pairwise(track.points):
        ends[(before.round, before.turn)] = after.tension
    return [(str(r), str(t), f"{v:.0f}") for (r, t), v in ends.items()]


# The last line of every Markdown debrief, so that the next export may replace the file
# (``game.outputs``) and nothing else is: a link definition, which renderers hide, and
# with no "<" a renderer could read as a tag.
MARK = "[//]: # (written by redlines export: the next export may replace this file)"


def is_our_markdown(_head: bytes, tail: bytes) -> bool:
    """Is a file ending with ``tail`` a Markdown debrief that ``debrief_markdown`` wrote?"""
    return tail.rstrip().endswith(MARK.encode())


def debrief_markdown(d: Debrief) -> str:
    out: list[str] = [f"# {md(d.title)}", ""]
    status = "finished" if d.finished else "not finished"
    out += [f"Debrief of a game: seed {d.seed}, {d.actions} moves, {status} — {md(d.where)}.", ""]
    if d.withheld:
        out += [f"**{md(WITHHELD_NOTE)}**", ""]

    out += ["## Outcome and why", ""]
    if d.outcome is None:
        out += [f"**The game is not finished:** {md(d.where)}", ""]
    else:
        out += [f"**{md(d.outcome.label)}**", "", md(d.outcome.description), ""]
        out += [f"Why: {md(d.outcome.why)}", ""]
    out += table(
        ("Issue", "State", "Option", "Detail"),
        ((t.issue_name, t.state, t.option_label, t.detail) for t in d.terms),
    )

    out += ["## Scores", ""]
    out += table(
        (
            "Delegation",
            "Seat",
            "Utility",
            "Reservation",
            "vs reservation",
            "Objectives",
            "Red-line penalty",
            "Outcome bonus",
            "Total",
        ),
        (
            (
                a.name,
                a.seat,
                f"{a.utility:.2f}",
                f"{a.reservation:.2f}",
                signed(a.utility - a.reservation),
                signed(a.objective_points),
                signed(-a.red_line_penalty),
                signed(a.outcome_bonus),
                signed(a.total),
            )
            for a in d.scored
        ),
    )
    for a in d.scored:
        out += [f"### {md(a.name)}: objectives", ""]
        out += [
            f"- {md(o.text)} ({o.points:+.2f}) — **{'met' if o.met else 'not met'}**"
            for o in a.objectives
        ] or ["- none"]
        out += [""]

    out += ["## Red lines kept or crossed", ""]
    for a in d.scored:
        if not a.red_lines:
            continue
        out += [f"### {md(a.name)}", ""]
        out += table(
            ("Issue", "Never accept", "Public or secret", "Why", "In this game"),
            (
                (
                    r.issue_name,
                    ", ".join(r.options),
                    "public" if r.public else "secret",
                    r.reason,
                    r.status_text,
                )
                for r in a.red_lines
            ),
        )

    out += ["## Tension over the game", "", md(summary(d.tension)), ""]
    out += table(("Round", "Turn", "Tension at the end of the turn"), _tension_rows(d.tension))
    out += table(
        ("Tracker", "Start", "End", "Change"),
        (
            (t.label, f"{t.start:.0f}", f"{t.end:.0f}", f"{t.end - t.start:+.0f}")
            for t in d.trackers
        ),
    )

    out += ["## Commitment ledger", ""]
    if d.ledger:
        out += table(
            ("#", "Kind", "By", "Lever", "Against", "Unless", "Round", "Status"),
            (
                (
                    str(c.number),
                    c.kind if c.pressure is None else f"{c.kind} (pressure {c.pressure:.2f})",
                    c.actor_name,
                    c.lever_name,
                    c.target_name,
                    c.unless,
                    str(c.round),
                    c.status,
                )
                for c in d.ledger
            ),
        )
    else:
        out += ["No threat or promise was made.", ""]

    out += ["## Bookmarks for the discussion", ""]
    out += [
        f"{n}. Round {b.round}, turn {b.turn}: **{md(b.note or b.text)}**"
        for n, b in enumerate(d.bookmarks, 1)
    ] or ["The facilitator dropped no bookmark."]
    out += [""]

    out += _transcript(d)

    out += ["## Your table and what really happened", ""]
    label = d.outcome.label if d.outcome else "not finished"
    out += [f"### At your table: {md(label)}", ""]
    out += [f"- **{md(t.issue_name)}**: {md(t.option_label)} ({t.state})" for t in d.terms]
    out += ["", "### In reality", "", md_prose(d.history_summary), ""]
    out += table(
        ("Date", "What happened", "Source"), ((h.date, h.text, h.source) for h in d.history)
    )

    out += _briefings(d)

    out += ["## For the discussion", "", "### Questions from the scenario", ""]
    out += [f"{n}. {md(q)}" for n, q in enumerate(d.discussion_questions, 1)] + [""]
    out += ["### General questions", ""]
    out += [f"{n}. {md(q)}" for n, q in enumerate(GENERAL_QUESTIONS, 1)] + [""]
    out += ["### Teacher notes", "", md_prose(d.teacher_notes), ""]

    out += ["## Sources", ""]
    out += table(
        ("Source", "Citation", "Confidence", "Where"),
        ((s.title, s.citation, s.confidence, s.url) for s in d.sources),
    )
    return "\n".join(out).rstrip() + "\n\n" + MARK + "\n"


def _transcript(d: Debrief) -> list[str]:
    names = {r.number: f"Round {r.number}: {r.name} — {r.city}, {r.date}" for r in d.rounds}
    out = ["## Transcript", ""]
    for number, lines in groupby(d.transcript, key=lambda t: t.round):
        out += [f"### {md(names.get(number, f'Round {number}'))}", ""]
        for t in lines:
            mark = "**BOOKMARK** " if t.bookmark else ""
            out.append(f"- {mark}{md(t.text)}")
            if t.remark:
                out.append(f"  - said: “{md(t.remark)}”")
            if t.rationale:
                out.append(f"  - *AI: {md(t.rationale)}*")
        out.append("")
    return out


def _briefings(d: Debrief) -> list[str]:
    out = [
        "## Briefings revealed",
        "",
        "### General briefing",
        "",
        md_prose(d.general_briefing),
        "",
    ]
    for a in d.actors:
        if not a.briefing and not a.scored:
            continue
        out += [f"### {md(a.name)} — confidential briefing", ""]
        out += [
            f"Delegate: {md(a.delegate)}. Principal: {md(a.principal)}. "
            f"Levers: {md(', '.join(a.levers) or 'none')}.",
            "",
            md_prose(a.briefing),
            "",
        ]
        if a.hidden_type:
            out += [f"Hidden type this game: {md(a.hidden_type)}.", ""]
            if a.instructions:
                out += [md_prose(a.instructions), ""]
        if not a.scored:
            continue
        out += [f"Reservation value: {a.reservation:.2f}. Priorities, highest first:", ""]
        for p in a.priorities:
            options = "; ".join(
                f"{label} — {'RED LINE' if bad else words.value_words(v)}"
                for label, v, bad in p.options
            )
            out.append(f"1. **{md(p.issue_name)}** ({words.percent(p.weight)}): {md(options)}")
        out += [""]
        out += [f"- Objective: {md(o.text)} ({o.points:+.2f})" for o in a.objectives] + [""]
    return out
