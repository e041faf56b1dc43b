"""The wire format: client frames checked one mistake at a time, views that round-trip."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game import engine
from game.engine import ActorView, PublicView
from game.net.codec import CodecError, decode, encode
from game.net.protocol import (
    MAX_CLIENT_FRAME,
    PROTOCOL,
    Act,
    FrameError,
    Join,
    Undo,
    client_frame,
    parse_client_frame,
)
from tests.examples import examples
from tests.net.helpers import geneva


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        (b"\x00\x01", "binary"),
        ("x" * (MAX_CLIENT_FRAME + 1), "too-big"),
        ('{"type": "join"', "bad-json"),
        ("[1, 2]", "bad-frame"),
        ('{"kind": "join"}', "bad-frame"),
        ('{"type": "teleport"}', "unknown-type"),
        (
            '{"type": "join", "protocol": 1, "seat": "us", "pin": null}',
            "protocol",
        ),  # an older laptop
        ('{"type": "join", "protocol": 3, "seat": "us", "pin": null}', "protocol"),
        ('{"type": "join", "protocol": "1", "seat": "us"}', "bad-frame"),
        ('{"type": "join", "protocol": 2, "seat": 7}', "bad-frame"),
        ('{"type": "join", "protocol": 2, "seat": "us", "pin": 1234}', "bad-frame"),
        ('{"type": "join", "protocol": 2, "seat": "us", "admin": true}', "bad-frame"),
        ('{"type": "act", "action": ""}', "bad-frame"),
        ('{"type": "act", "action": ["us pass"]}', "bad-frame"),
        ('{"type": "undo", "steps": 3}', "bad-frame"),
        ("[" * 100_000, "too-big"),
        ("[" * 5000 + "]" * 5000, "bad-json"),
    ],
)
def test_each_kind_of_bad_frame_is_named(frame: str | bytes, code: str) -> None:
    with pytest.raises(FrameError) as caught:
        parse_client_frame(frame)
    assert caught.value.code == code


@pytest.mark.parametrize(
    "frame", [Join("us", "1234"), Join("us", None), Join(None), Act("us pass"), Undo()]
)
def test_client_frames_round_trip(frame: Join | Act | Undo) -> None:
    assert parse_client_frame(client_frame(frame)) == frame


def test_the_join_frame_is_the_contract() -> None:
    assert json.loads(client_frame(Join("us", None))) == {
        "type": "join",
        "protocol": PROTOCOL,
        "seat": "us",
        "pin": None,
    }
    assert json.loads(client_frame(Join(None))) == {
        "type": "join",
        "protocol": PROTOCOL,
        "spectate": True,
    }


CODES = {"binary", "too-big", "bad-json", "bad-frame", "unknown-type", "protocol"}
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
_frames = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200),
    _json.map(json.dumps),
    st.fixed_dictionaries(
        {"type": st.sampled_from(["join", "act", "undo", "x"])},
        optional={
            "protocol": _json,
            "seat": _json,
            "pin": _json,
            "action": _json,
            "spectate": _json,
        },
    ).map(json.dumps),
    st.builds(
        lambda s, n: s[:n], st.sampled_from([client_frame(Join("us", "1"))]), st.integers(0, 60)
    ),
)


@settings(max_examples=examples(300), deadline=None)
@given(_frames)
def test_fuzz_any_frame_is_a_frame_or_a_named_mistake(frame: str | bytes) -> None:
    try:
        parsed = parse_client_frame(frame)
    except FrameError as exc:
        code = exc.code
        assert code in CODES
        return
    assert isinstance(parsed, Join | Act | Undo)


@pytest.mark.slow  # every view of every turn of a whole game
def test_views_round_trip_through_json_along_a_random_game() -> None:
    scenario = geneva().scenario
    state = engine.new_game(scenario, 11)
    rng = random.Random(11)
    for _ in range(40):
        if engine.is_over(state):
            break
        actor = engine.to_move(state)
        for who in (actor, "nato"):
            view = engine.view(state, who)
            assert decode(ActorView, json.loads(json.dumps(encode(view)))) == view
        pv = engine.public_view(state)
        assert decode(PublicView, json.loads(json.dumps(encode(pv)))) == pv
        state, _ = engine.apply(state, rng.choice(engine.legal_actions(state, actor)))


@pytest.mark.parametrize("data", [None, [], {"scenario_id": 1}, "view"])
def test_a_broken_view_is_a_codec_error(data: object) -> None:
    with pytest.raises(CodecError):
        decode(PublicView, data)
