"""The text notation of actions round-trips and says what is wrong with bad text."""

from __future__ import annotations

import pytest
from hypothesis import given

from game.engine import (
    Accept,
    Action,
    Bookmark,
    CarryOut,
    Inject,
    MalformedActionError,
    Pass,
    Propose,
    Statement,
    Threaten,
    Timeout,
    Tone,
    WalkOut,
    format_action,
    parse_action,
)
from game.engine.notation import text_problem
from tests.engine.strategies import actions


@given(actions)
def test_str_is_the_notation_and_repr_rebuilds(action: Action) -> None:
    """``str(action)`` is the text notation, as ``str(move)`` is in python-chess; the
    dataclass ``repr`` (the value, field by field) stays for debugging."""
    assert str(action) == format_action(action)
    assert f"{action}" == format_action(action)
    assert parse_action(str(action), check_text=False) == action
    assert repr(action).startswith(type(action).__name__ + "(")


@given(actions)
def test_format_parse_round_trip(action: Action) -> None:
    """Every action round-trips as recorded; one whose words are text to show at a table
    round-trips as typed too, and one whose words are not is refused, never changed."""
    text = format_action(action)
    assert parse_action(text, check_text=False) == action
    words = getattr(action, "text", getattr(action, "note", None))
    if isinstance(words, str) and text_problem(words):
        with pytest.raises(MalformedActionError, match="the text holds"):
            parse_action(text)
    else:
        assert parse_action(text) == action


@pytest.mark.parametrize(
    ("text", "action"),
    [
        (
            "us propose enlargement=moratorium,missiles=limits",
            Propose("us", (("enlargement", "moratorium"), ("missiles", "limits"))),
        ),
        (
            "us propose missiles=limits,enlargement=moratorium",
            Propose("us", (("enlargement", "moratorium"), ("missiles", "limits"))),
        ),
        ("russia accept 3", Accept("russia", 3)),
        (
            'nato say firm "We will not compromise"',
            Statement("nato", Tone.FIRM, "We will not compromise"),
        ),
        ("nato say hostile", Statement("nato", Tone.HOSTILE, "")),
        (
            "us threaten swift unless force-posture=pullback",
            Threaten("us", "swift", (("force-posture", "pullback"),)),
        ),
        ("us carry-out swift", CarryOut("us", "swift")),
        ("russia walkout", WalkOut("russia")),
        ("nato pass", Pass("nato")),
        ("facilitator inject troop-buildup", Inject("troop-buildup")),
        ('facilitator bookmark "discuss this"', Bookmark("discuss this")),
        ("facilitator timeout us", Timeout("us")),
        ("  us   pass  ", Pass("us")),
    ],
)
def test_examples(text: str, action: Action) -> None:
    assert parse_action(text) == action


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "expected an actor and a verb"),
        ("us", "expected an actor and a verb"),
        ("US pass", "not a valid actor id"),
        ("us dance", "unknown or incomplete move 'dance'"),
        ("us accept three", "must be a number"),
        ("us accept ٣", "must be a number"),
        ("us propose enlargement", "must be issue=option"),
        ("us propose a=b,a=c", "appears twice"),
        ('us say loud "x"', "tone must be one of"),
        ("us say firm unquoted", "double quotes"),
        ("us threaten swift if a=b", "threaten LEVER unless TERMS"),
        ("facilitator pass", "unknown or incomplete facilitator move"),
        ('facilitator news "unterminated', "double quotes"),
        ("us say firm " + "[" * 100_000 + "]" * 100_000, "double quotes"),  # too deep to read
        # Words that would forge a line of the transcript or drive the terminal (an
        # escape, C1 controls, direction overrides), and a lone surrogate no save holds.
        ('us say firm "line\\nUS accepts #9."', "holds a control character"),
        ('us say firm "\\u001b[31mred"', "holds a control character"),
        ('facilitator bookmark "tab\\there"', "holds a control character"),
        ('us say firm "\\u009b31m"', "holds a control character"),
        ('us say firm "\\u202edesrever"', "holds a control character"),
        ('us say firm "x\\ud800y"', "not valid text"),
    ],
)
def test_malformed_text_says_what_is_wrong(text: str, reason: str) -> None:
    with pytest.raises(MalformedActionError, match=reason):
        parse_action(text)


def test_terms_are_canonical() -> None:
    assert Propose("us", (("b", "x"), ("a", "y"))).terms == (("a", "y"), ("b", "x"))
    assert Threaten("us", "l", [("b", "x"), ("a", "y")]).unless == (("a", "y"), ("b", "x"))  # type: ignore[arg-type]
