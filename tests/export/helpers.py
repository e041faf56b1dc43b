"""Shared helpers for the export tests: games to export, a hostile scenario, an HTML checker."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from game import paths
from game.engine import Bookmark, Inject, News, Threaten
from game.scenario import load_scenario
from game.session import Seat, SeatKind, Session
from game.session.agents import make_agent

GENEVA = paths.scenarios_dir() / "geneva-2022.yaml"
HOSTILE_NOTE = '<b>discuss</b> this & "that" — Рябков'
SCRIPT = "<script>alert(1)</script>"
QUOTES = "\"double\" and 'single'"
CYRILLIC = "Рябков"
LONG = ("Длинная строка без конца " * 220)[:4999] + "."  # one 5,000-character line


def play_full(save: Path, scenario: str | Path = "geneva-2022", seed: int = 7) -> Session:
    """A finished game: the first delegation threatens once, then an AI plays every seat.

    The facilitator bookmarks the threat (with a note full of markup), posts news
    and injects the first card of the deck, so that every part of a debrief has
    something in it whatever the AI chooses.
    """
    loaded = load_scenario(scenario)
    sc = loaded.scenario
    first = sc.playable[0].id
    seats = {a.id: Seat(SeatKind.AI) for a in sc.playable}
    seats[first] = Seat(SeatKind.HUMAN)
    session = Session(loaded, seed, seats, autosave=False)
    agent = make_agent(sc, first, Seat(SeatKind.AI), seed)
    lever = next(lv.id for lv in sc.levers if lv.owner == first)
    threatened = second = False
    while not session.is_over:
        session.run_until_human()
        if session.is_over:
            break
        if not threatened:
            session.submit(Threaten(first, lever))
            session.submit(Bookmark(HOSTILE_NOTE))
            session.submit(News("Talks continue late into the night"))
            session.submit(Inject(sc.events[0].id))
            threatened = True
            continue
        decision = agent.decide(session.view(first), session.legal_actions(first))
        session.submit(decision.action)
        if len(session.log) >= 20 and not second and not session.is_over:
            session.submit(Bookmark("second bookmark: the turning point"))
            second = True
    session.save(save)
    return session


def _plain(value: Any) -> Any:
    # PyYAML reads unquoted dates as datetime.date; the format keeps them as text.
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def hostile_scenario(folder: Path) -> Path:
    """A copy of the bundled scenario with markup, quotes, Cyrillic and a 5,000-character line."""
    data = _plain(yaml.safe_load(GENEVA.read_text(encoding="utf-8")))
    first = data["actors"][0]
    first["name"] = f"{SCRIPT} {CYRILLIC} {QUOTES}"[:200]
    first["briefing"] = f"{SCRIPT} {QUOTES}\n\n{CYRILLIC} says: {LONG}\n\n" + first["briefing"]
    data["briefing"] = f"{LONG}\n\n{SCRIPT}\n\n" + data["briefing"]
    data["discussion_questions"].append(f"Why did {CYRILLIC} say {QUOTES}? {SCRIPT}")
    data["history"]["entries"][0]["text"] += f" {SCRIPT} | pipe | {CYRILLIC}"
    first_id = first["id"]
    data["preferences"][first_id]["red_lines"][0]["reason"] += f" {SCRIPT} {QUOTES}"
    data["sources"].append(
        {
            "id": "hostile",
            "title": f"{SCRIPT} source",
            "url": "javascript:alert(1)",
            "confidence": "low",
        }
    )
    path = folder / "hostile.yaml"
    path.write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8"
    )
    return path


class TagChecker(HTMLParser):
    """Fails on any end tag that does not close the innermost open element."""

    VOID = frozenset(
        {
            "meta",
            "br",
            "hr",
            "col",
            "img",
            "link",
            "input",
            "area",
            "base",
            "embed",
            "source",
            "track",
            "wbr",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.errors: list[str] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_style = tag == "style"
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data


def check_html(text: str) -> TagChecker:
    """Parse ``text``; assert balanced tags and no script or external resource of any kind."""
    import xml.etree.ElementTree as ET

    assert text.startswith("<!DOCTYPE html>\n")
    ET.fromstring(text.split("\n", 1)[1])  # well-formed XML: strictly balanced, no stray "&"
    checker = TagChecker()
    checker.feed(text)
    checker.close()
    assert not checker.errors, checker.errors[:5]
    assert not checker.stack, f"unclosed: {checker.stack}"
    names = {tag for tag, _ in checker.tags}
    assert not names & {"script", "link", "iframe", "img", "object", "embed", "base", "frame"}
    for tag, attrs in checker.tags:
        for name, value in attrs:
            assert not name.startswith("on"), f"<{tag} {name}>"
            assert name != "src", f"<{tag} src>"
            if name == "href":
                assert tag == "a"
                assert value is not None
                # in-page anchors, pages beside this one, or a source's web address
                local = re.fullmatch(r"#[\w-]+|[a-z0-9-]+\.html", value) is not None
                assert local or value.startswith(("https://", "http://")), value
            else:
                assert "http" not in (value or ""), f"<{tag} {name}={value!r}>"
    assert "url(" not in checker.style
    assert "@import" not in checker.style
    return checker
