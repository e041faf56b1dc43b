"""A short text notation for actions that round-trips: ``parse_action(format_action(a)) == a``.

Examples (``a``, ``b`` actors, ``x``, ``z`` issues, ``y``, ``w`` options, ``l`` a lever,
``c`` an event card): ``a propose x=y,z=w``, ``b accept 3``,
``a say firm "We will not compromise"``, ``a threaten l unless x=y``,
``a carry-out l``, ``b walkout``, ``a pass``, ``facilitator inject c``,
``facilitator bookmark "discuss this"``, ``facilitator extend 2``, ``facilitator timeout a``.
Free text is written as a JSON string, so quotes, backslashes and newlines survive.
"""

from __future__ import annotations

import json
import re

from game.engine.actions import (
    FACILITATOR,
    Accept,
    Action,
    Bookmark,
    CarryOut,
    EndGame,
    EndRound,
    ExtendRound,
    Inject,
    News,
    Pass,
    Propose,
    Reject,
    Statement,
    Terms,
    Threaten,
    Timeout,
    WalkOut,
    format_action,
)
from game.engine.errors import MalformedActionError
from game.engine.model import Tone

__all__ = ["clean_text", "format_action", "parse_action", "text_problem"]

_ID = re.compile(r"[a-z][a-z0-9_-]*\Z")
_NUMBER = re.compile(r"[0-9]+\Z")


# Characters that are not text to show at a table: C0 and C1 controls, DEL (a newline
# would forge a line of the transcript, an escape would drive the terminal), and the
# direction overrides that make a line read other than it is stored.
_NOT_TEXT = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def text_problem(text: str) -> str:
    """What makes ``text`` unfit to be said at a table ("" when nothing does): a control
    character, or a lone surrogate (no save could hold it)."""
    if _SURROGATE.search(text):
        return "holds a character that is not valid text (bytes that are not UTF-8)"
    if _NOT_TEXT.search(text):
        return "holds a control character"
    return ""


def clean_text(text: str) -> str:
    """``text`` fit to show at a table: line breaks and tabs become spaces, other
    control characters and lone surrogates go."""
    text = re.sub("[\t\n\r\x0b\x0c\x85\u2028\u2029]", " ", text)
    return _SURROGATE.sub("", _NOT_TEXT.sub("", text))


class _Reader:
    def __init__(self, text: str, check_text: bool = True) -> None:
        self.text = text
        self.check_text = check_text

    def fail(self, reason: str) -> MalformedActionError:
        return MalformedActionError(f"cannot read action {self.text!r}: {reason}", reason)

    def ident(self, word: str, what: str) -> str:
        if not _ID.match(word):
            raise self.fail(f"{word!r} is not a valid {what} id")
        return word

    def number(self, word: str, what: str) -> int:
        if not _NUMBER.match(word):
            raise self.fail(f"{what} must be a number, not {word!r}")
        return int(word)

    def quoted(self, rest: str) -> str:
        try:
            value = json.loads(rest)
        except (ValueError, RecursionError):  # RecursionError: nested too deep to read
            value = None
        if not isinstance(value, str):
            raise self.fail('text must be in double quotes, like "this"')
        problem = text_problem(value) if self.check_text else ""
        if problem:
            raise self.fail(f"the text {problem}")
        return value

    def terms(self, rest: str) -> Terms:
        pairs = []
        for part in rest.split(","):
            issue, eq, option = part.strip().partition("=")
            if not eq:
                raise self.fail(f"a term must be issue=option, not {part.strip()!r}")
            pairs.append((self.ident(issue, "issue"), self.ident(option, "option")))
        issues = [i for i, _ in pairs]
        if len(set(issues)) != len(issues):
            raise self.fail("an issue appears twice")
        return tuple(sorted(pairs))


def parse_action(text: str, *, check_text: bool = True) -> Action:
    """Read one action; raise ``MalformedActionError`` saying what is wrong.

    Words said (a statement, a headline, a note) must be text to show at a table
    (``text_problem``); a record written before that was asked (an old save, a host's
    log) is read with ``check_text=False``: it keeps loading as it was."""
    r = _Reader(text, check_text)
    parts = text.strip().split(maxsplit=2)
    if len(parts) < 2:
        raise r.fail("expected an actor and a verb, like 'ACTOR pass'")
    actor, verb = parts[0], parts[1]
    rest = parts[2] if len(parts) > 2 else ""
    r.ident(actor, "actor")
    if actor == FACILITATOR:
        return _facilitator(r, verb, rest)
    return _player(r, actor, verb, rest)


def _player(r: _Reader, actor: str, verb: str, rest: str) -> Action:
    words = rest.split()
    if verb == "propose":
        return Propose(actor, r.terms(rest) if rest else ())
    if verb in ("accept", "reject") and len(words) == 1:
        n = r.number(words[0], "the proposal")
        return Accept(actor, n) if verb == "accept" else Reject(actor, n)
    if verb == "say":
        tone_word, _, said = rest.partition(" ")
        try:
            tone = Tone(tone_word)
        except ValueError:
            tones = ", ".join(t.value for t in Tone)
            raise r.fail(f"the tone must be one of {tones}") from None
        return Statement(actor, tone, r.quoted(said) if said.strip() else "")
    if verb == "threaten" and words:
        lever = r.ident(words[0], "lever")
        if len(words) == 1:
            return Threaten(actor, lever)
        if words[1] != "unless" or len(words) < 3:
            raise r.fail("expected 'threaten LEVER' or 'threaten LEVER unless TERMS'")
        return Threaten(actor, lever, r.terms(rest.split(None, 2)[2]))
    if verb == "carry-out" and len(words) == 1:
        return CarryOut(actor, r.ident(words[0], "lever"))
    if verb in ("walkout", "pass") and not words:
        return WalkOut(actor) if verb == "walkout" else Pass(actor)
    raise r.fail(f"unknown or incomplete move {verb!r}")


def _facilitator(r: _Reader, verb: str, rest: str) -> Action:
    words = rest.split()
    if verb == "inject" and len(words) == 1:
        return Inject(r.ident(words[0], "event card"))
    if verb == "news":
        return News(r.quoted(rest))
    if verb == "bookmark":
        return Bookmark(r.quoted(rest))
    if verb == "extend" and len(words) == 1:
        return ExtendRound(r.number(words[0], "the number of turns"))
    if verb == "end-round" and not words:
        return EndRound()
    if verb == "end-game" and not words:
        return EndGame()
    if verb == "timeout" and len(words) == 1:
        return Timeout(r.ident(words[0], "actor"))
    raise r.fail(f"unknown or incomplete facilitator move {verb!r}")
