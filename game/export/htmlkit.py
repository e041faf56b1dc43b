"""A tiny HTML builder that escapes every string it is given, and the printable page shell.

Text from a scenario file or a player is a plain ``str`` and is always escaped
(``html.escape`` with ``quote=True``) when it meets markup; only ``Markup``
values built here pass through unescaped.  Renderers therefore never call
``escape`` by hand and cannot forget to.  The output is also well-formed XML
(every element closed, no named entities), so a test can parse it strictly.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TypeAlias
from urllib.parse import urlsplit

from game.engine.words import paragraphs


class Markup(str):
    """A string of HTML that is already safe: built by ``el``/``esc``, never from raw text."""

    __slots__ = ()


Child: TypeAlias = str | Iterable["Child"] | None  # a Markup is a str

_VOID = frozenset({"meta", "br", "hr", "col", "img", "line", "rect", "polyline", "circle"})


def esc(text: object) -> Markup:
    """Any value as escaped text (a ``Markup`` passes through)."""
    if isinstance(text, Markup):
        return text
    return Markup(html.escape(str(text), quote=True))


def _children(items: Iterable[Child], out: list[str]) -> None:
    for item in items:
        if item is None:
            continue
        if isinstance(item, str):
            out.append(esc(item))
        else:
            _children(item, out)


def el(tag: str, *children: Child, **attrs: object) -> Markup:
    """``<tag attrs>children</tag>``; attribute names use ``_`` for ``-`` (``class_`` -> class).

    ``None`` and ``False`` attributes are left out, ``True`` is written as ``name="name"``.
    """
    parts = [f"<{tag}"]
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        key = name.rstrip("_").replace("_", "-")
        text = key if value is True else value
        parts.append(f' {key}="{esc(text)}"')
    if tag in _VOID and not children:
        parts.append(" />")
        return Markup("".join(parts))
    parts.append(">")
    _children(children, parts)
    parts.append(f"</{tag}>")
    return Markup("".join(parts))


def join(items: Iterable[Child]) -> Markup:
    out: list[str] = []
    _children(items, out)
    return Markup("".join(out))


def prose(text: str, class_: str | None = None) -> Markup:
    """A scenario text as paragraphs (a list item's line break as ``<br />``)."""
    return join(el("p", *_broken(para), class_=class_) for para in paragraphs(text))


def _broken(paragraph: str) -> list[Child]:
    lines = paragraph.split("\n")
    out: list[Child] = [lines[0]]
    for line in lines[1:]:
        out += [el("br"), line]
    return out


def safe_link(url: str, label: str) -> Markup:
    """A link for a web address; anything but http(s) (``javascript:``...) stays plain text."""
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme in ("http", "https"):
        return el("a", label, href=url, rel="noreferrer")
    return esc(label)


GENERATOR = "Red Lines"
# How a page of ours is recognised, so that the next export may replace it (``game.outputs``).
_GENERATOR_MARK = f'<meta name="generator" content="{GENERATOR}"'.encode()


def is_our_page(head: bytes, _tail: bytes) -> bool:
    """Is a file starting with ``head`` a page ``page`` wrote (a debrief, a briefing)?"""
    return head.startswith(b"<!DOCTYPE html>") and _GENERATOR_MARK in head


def page(title: str, body: Child, *, lang: str = "en", extra_css: str = "") -> str:
    """A whole self-contained document: inline CSS, no scripts, no external resources."""
    head = el(
        "head",
        el("meta", charset="utf-8"),
        el("meta", name="generator", content=GENERATOR),
        el("meta", name="viewport", content="width=device-width, initial-scale=1"),
        el("title", title),
        el("style", Markup(CSS + extra_css)),
    )
    return "<!DOCTYPE html>\n" + el("html", head, el("body", body), lang=lang) + "\n"


# Black on white, borders rather than fills so that it reads in black and white;
# no ">" anywhere in the CSS, so that the whole page stays strict XML.
CSS = """
:root { --ink: #111; --muted: #555; --rule: #999; --accent: #0b4f8a; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif;
  color: var(--ink); background: #fff; line-height: 1.45; margin: 0 auto;
  max-width: 52rem; padding: 1.5rem; font-size: 11pt; }
h1 { font-size: 1.7rem; margin: 0 0 0.4rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--ink); padding-bottom: 0.2rem;
  margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; }
p, li { overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 0.6rem 0; }
th, td { border: 1px solid var(--rule); padding: 0.25rem 0.45rem; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
td.num { white-space: nowrap; text-align: right; }
td ul, td ol { margin: 0; padding-left: 1.1rem; }
td.url { overflow-wrap: anywhere; width: 35%; font-size: 0.9em; }
table.sources td:first-child { width: 55%; }
th { background: #eee; }
caption { text-align: left; font-weight: bold; padding: 0.2rem 0; }
.muted, .source { color: var(--muted); font-size: 0.9em; }
.lead { font-size: 1.05rem; }
.box { border: 2px solid var(--ink); padding: 0.6rem 0.9rem; margin: 0.8rem 0; }
.confidential { border: 2px dashed var(--ink); padding: 0.3rem 0.6rem; font-weight: bold;
  display: inline-block; letter-spacing: 0.05em; }
.tag { border: 1px solid var(--ink); border-radius: 0.2rem; padding: 0 0.3rem;
  font-size: 0.8em; white-space: nowrap; }
.crossed { font-weight: bold; text-decoration: underline; }
.bookmark { border-left: 5px double var(--ink); padding-left: 0.5rem; font-weight: bold; }
.rationale { color: var(--muted); font-style: italic; margin-left: 1.5rem; }
.remark { margin-left: 1.5rem; }
.transcript li { margin: 0.15rem 0; }
.transcript .kind-tension { color: var(--muted); font-size: 0.9em; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border: 1px solid var(--ink);
  margin-right: 0.3em; vertical-align: baseline; }
svg { max-width: 100%; height: auto; }
nav ul { columns: 2; }
a { color: var(--accent); }
section { break-inside: auto; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: var(--ink); text-decoration: none; }
  nav { display: none; }
  .page-break { break-before: page; page-break-before: always; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, li, .box, figure, table.keep { break-inside: avoid; page-break-inside: avoid; }
  caption { break-after: avoid; page-break-after: avoid; }
  th { background: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
