"""Hostile saves that once raised (issue 14, items 4-8): each is one ``SaveError``, file untouched.

The fixed cases restate the attack's own files; the hypothesis tests generate
nested, huge and non-UTF-8 values in every field of a real save.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import Pass
from game.engine.actions import Bookmark
from game.session import SaveError, SessionError, load, save
from game.session.session import Session
from tests.examples import examples
from tests.session.conftest import FakeLoaded, new_session, resolver


def _played(loaded: FakeLoaded) -> Session:
    session = new_session(loaded, 4)
    session.submit(Pass(str(session.to_move)))
    session.run_until_human()
    return session


@pytest.fixture
def saved(loaded: FakeLoaded, tmp_path: Path) -> Path:
    path = tmp_path / "game.json"
    save(_played(loaded), path)
    return path


def _refusal(path: Path, loaded: FakeLoaded) -> str:
    before = path.read_bytes()
    with pytest.raises(SaveError) as caught:
        load(path, autosave=True, save_path=path, resolve=resolver(loaded))
    assert path.read_bytes() == before  # loading never writes, even a broken save
    message = str(caught.value)
    assert message.startswith(f"cannot load the save {path}: ")
    assert "\n" not in message
    assert "Traceback" not in message
    return message


def _replace_text(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_save_nested_100000_deep_is_one_message(saved: Path, loaded: FakeLoaded) -> None:
    depth = 100_000
    _replace_text(saved, '"actions": [', '"deep": ' + "[" * depth + "]" * depth + ', "actions": [')
    assert "nested too deeply" in _refusal(saved, loaded)


def test_a_value_nested_a_few_hundred_deep_is_refused_too(saved: Path, loaded: FakeLoaded) -> None:
    # Shallow enough for the JSON reader: the save's own check finds it.
    _replace_text(saved, '"remarks": [', '"remarks": [' + "[" * 300 + "]" * 300 + ", ")
    assert "nested too deeply" in _refusal(saved, loaded)


def test_a_seed_of_5000_digits_is_one_message(saved: Path, loaded: FakeLoaded) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    text = saved.read_text(encoding="utf-8").replace(
        f'"seed": {data["seed"]}', '"seed": ' + "9" * 5000
    )
    saved.write_text(text, encoding="utf-8")
    assert "a number of 5000 digits" in _refusal(saved, loaded)


@pytest.mark.parametrize("field", ["remarks", "rationales", "actions"])
def test_a_lone_surrogate_in_a_text_is_one_message(
    saved: Path, loaded: FakeLoaded, field: str
) -> None:
    text = saved.read_text(encoding="utf-8")
    start = text.index(f'"{field}": [') + len(f'"{field}": [')
    saved.write_text(text[:start] + '"bad \\ud800 text", ' + text[start:], encoding="utf-8")
    data = json.loads(saved.read_text(encoding="utf-8"))
    for other in ("actions", "by", "rationales", "remarks"):
        if other != field:
            data[other].insert(0, data[other][0])
    saved.write_text(json.dumps(data), encoding="utf-8")  # still \ud800 (ensure_ascii)
    assert "\\ud800" in saved.read_text(encoding="utf-8")
    message = _refusal(saved, loaded)
    assert f"{field}.0" in message
    assert "invalid character" in message


def test_duplicate_keys_are_refused(saved: Path, loaded: FakeLoaded) -> None:
    _replace_text(saved, '"seed": ', '"seed": 12, "seed": ')
    assert "the key 'seed' appears twice" in _refusal(saved, loaded)


def test_duplicate_keys_inside_a_seat_are_refused(saved: Path, loaded: FakeLoaded) -> None:
    _replace_text(saved, '"kind": ', '"kind": "ai", "kind": ')
    assert "the key 'kind' appears twice" in _refusal(saved, loaded)


# --- generated: nested, huge and non-UTF-8 values in every field -------------------

_FIELDS = ("format", "game_version", "scenario", "seed", "seats", "actions", "by", "rationales")


def _nested(depth: int) -> str:
    """JSON text nested ``depth`` deep (lists and objects in turn), built without recursion."""
    opens = ("[" if i % 2 else '{"k": ' for i in range(depth))
    closes = ("]" if i % 2 else "}" for i in reversed(range(depth)))
    return "".join(opens) + "0" + "".join(closes)


def _lone_surrogate_left(text: str) -> bool:
    """A high surrogate before a low one is a valid pair in JSON (one character beyond
    U+FFFF): such a text is no damage; at least one lone surrogate must be left."""
    return any(0xD800 <= ord(c) <= 0xDFFF for c in json.loads(json.dumps(text)))


def _surrogates(text: str) -> str:
    return json.dumps(["text", text])  # ensure_ascii writes each as a \udXXX escape


# Each strategy gives the JSON text of one hostile value.
hostile_values = st.one_of(
    st.integers(min_value=70, max_value=20_000).map(_nested),
    st.integers(min_value=101, max_value=6000).map(lambda n: "9" * n),
    st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1)
    .filter(_lone_surrogate_left)
    .map(_surrogates),
)


@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(field=st.sampled_from(_FIELDS), value=hostile_values)
def test_any_hostile_value_in_any_field_is_one_message(
    saved: Path, loaded: FakeLoaded, field: str, value: str
) -> None:
    original = saved.read_bytes()
    try:
        data = json.loads(original)
        data[field] = "@@HOLE@@"
        saved.write_text(json.dumps(data).replace('"@@HOLE@@"', value), encoding="utf-8")
        _refusal(saved, loaded)
    finally:
        saved.write_bytes(original)


def _not_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.reason != "unexpected end of data"
    return False


@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(junk=st.binary(min_size=1, max_size=8).filter(_not_utf8))
def test_bytes_that_are_not_utf8_inside_a_text_are_one_message(
    saved: Path, loaded: FakeLoaded, junk: bytes
) -> None:
    original = saved.read_bytes()
    try:
        at = original.index(b'"remarks": [') + len(b'"remarks": [')
        saved.write_bytes(original[:at] + b'"' + junk + b'", ' + original[at:])
        assert "not a text file" in _refusal(saved, loaded)
    finally:
        saved.write_bytes(original)


def test_the_check_does_not_refuse_ordinary_games(saved: Path, loaded: FakeLoaded) -> None:
    assert load(saved, resolve=resolver(loaded)).seed == 4
    assert os.path.getsize(saved) > 0


def test_a_typed_text_that_cannot_be_saved_is_refused_and_changes_nothing(
    loaded: FakeLoaded, tmp_path: Path
) -> None:
    """A terminal in the C locale hands undecodable bytes in as lone surrogates (issue 14
    item 6): the move is refused at once, not the autosave after it."""
    session = new_session(loaded, 4, save_path=tmp_path / "g.json")
    before = session.digest()
    with pytest.raises(SessionError) as caught:
        session.submit(Bookmark("note \udcff"))
    assert "cannot be saved" in str(caught.value)
    assert session.digest() == before
    assert session.log == ()
