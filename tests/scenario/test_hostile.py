"""Hostile and malformed files are refused quickly with one clear, located message."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from game.errors import UserError
from game.scenario import ScenarioError, load_bytes, load_scenario
from game.scenario.yaml_reader import MAX_BYTES, MAX_DEPTH
from tests.scenario.helpers import MINIMAL


def refusal(raw: bytes) -> str:
    """The single message a hostile file gets."""
    with pytest.raises(ScenarioError) as caught:
        load_bytes(raw, "bad.yaml")
    assert len(caught.value.errors) == 1, str(caught.value)
    return str(caught.value)


def billion_laughs(levels: int = 9) -> bytes:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels + 1):
        refs = ",".join([f"*a{n - 1}"] * 10)
        lines.append(f"a{n}: &a{n} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


def test_billion_laughs_is_refused_without_expanding_it() -> None:
    tracemalloc.start()
    message = refusal(billion_laughs())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "alias bomb" in message
    assert message.startswith("bad.yaml:")
    assert peak < 20 * 2**20  # nothing like 10**9 strings was built


def test_legitimate_aliases_still_work() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "trackers:\n  tension: {start: 30, war_threshold: 90}\n  trust: {start: 40}",
        "trackers:\n  tension: {start: 30, war_threshold: 90}\n  trust: &forty {start: 40}\n"
        "  support: *forty",
    )
    loaded = load_bytes(text.encode(), "aliases.yaml")
    assert loaded.scenario.trackers.support.start == 40


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:  # sparse: the size check must not need the content
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(ScenarioError, match="too large"):
        load_scenario(big)
    assert "too large" in refusal(b"a: b\n" * (MAX_BYTES // 5 + 1))


def test_binary_content_is_refused_with_its_position() -> None:
    assert refusal(b"format: 1\nid: x\x00y\n") == (
        "bad.yaml:2:6: binary data (a NUL byte); scenario files are UTF-8 text"
    )
    assert "binary" in refusal(bytes(range(256)) * 4)


def test_non_utf8_is_refused_with_its_position() -> None:
    message = refusal("format: 1\ntitle: Ça va\n".encode("latin-1"))
    assert message == "bad.yaml:2:8: not UTF-8 text (byte 0xc7); save the file as UTF-8"
    assert "UTF-16" in refusal("format: 1\n".encode("utf-16"))


def test_utf8_bom_and_cyrillic_are_fine() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("Queen Bea", "Королева Беа")
    loaded = load_bytes(b"\xef\xbb\xbf" + text.encode(), "bom.yaml")
    assert loaded.scenario.actor("north").principal == "Королева Беа"


def test_columns_count_characters_not_bytes() -> None:
    assert refusal("x: {a: Привет, b: !bad 1}\n".encode()) == (
        "bad.yaml:1:19: tag '!bad' is not allowed"
    )


def test_deep_nesting_is_refused() -> None:
    depth = MAX_DEPTH + 5
    assert "levels deep" in refusal(("a: " + "[" * depth + "]" * depth + "\n").encode())
    assert "levels deep" in refusal(
        b"a:\n"
        + b"".join(b"  " * i + b"- \n" for i in range(1, 10))
        + b"x: "
        + b"{b: " * 5000
        + b"}" * 5000
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", "bad.yaml:1:1: file is empty (no scenario in it)"),
        (b"# only a comment\n\n", "bad.yaml:1:1: file is empty (no scenario in it)"),
        (b"- a\n- b\n", "bad.yaml:1:1: the top level must be a mapping (format:, id:, title: ...)"),
        (
            b"just text\n",
            "bad.yaml:1:1: the top level must be a mapping (format:, id:, title: ...)",
        ),
        (b"a: 1\n---\nb: 2\n", "bad.yaml:2:1: only one YAML document (---) per file"),
        (b"a: *nowhere\n", "bad.yaml:1:4: unknown alias '*nowhere' (no anchor of that name)"),
        (b"a: b: c\n", "bad.yaml:1:5: YAML syntax: mapping values are not allowed in this context"),
        (
            b"format: 3\nid: future\nnew_field: 1\n",
            "bad.yaml:1:9: format 3 is newer than this version of Red Lines reads (2); "
            "update the game",
        ),
        (b"a: !custom 1\n", "bad.yaml:1:4: tag '!custom' is not allowed"),
        (b"a: !!set {x, y}\n", "bad.yaml:1:4: tag '!!set' is not allowed"),
        (b"a: !!binary aGVsbG8=\n", "bad.yaml:1:4: tag '!!binary' is not allowed"),
    ],
)
def test_unreadable_files_get_one_located_message(raw: bytes, expected: str) -> None:
    assert refusal(raw) == expected


def test_python_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    for tag in ("!!python/object/apply:os.system", "!!python/object/new:os.system"):
        raw = f'format: 1\nid: x\ntitle: {tag} ["touch {marker}"]\n'.encode()
        assert f"tag '{tag}' is not allowed" in refusal(raw)
    assert not marker.exists()


def test_yaml11_booleans_stay_text_and_are_type_errors() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("playable: false", "playable: NO")
    with pytest.raises(ScenarioError) as caught:
        load_bytes(text.encode(), "bools.yaml")
    (error,) = caught.value.errors
    assert error.path == "actors[2].playable"
    assert "found 'NO'" in error.message


def test_duplicate_keys_are_errors_not_silently_dropped() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "    reservation: 0.3\n", "    reservation: 0.3\n    reservation: 0.9\n"
    )
    with pytest.raises(ScenarioError) as caught:
        load_bytes(text.encode(), "dup.yaml")
    (error,) = caught.value.errors
    assert error.path == "preferences.south.reservation"
    assert error.message.startswith("duplicate key 'reservation' (first given at line")


def test_each_repeated_key_is_reported_once_and_the_first_value_kept() -> None:
    from game.scenario.yaml_reader import read

    parsed = read(b"a: {x: 1}\na: {x: 2}\na: {x: 3}\n", "dup.yaml")
    assert parsed.data == {"a": {"x": 1}}
    assert [str(p) for p in parsed.problems] == [
        "dup.yaml:2:1: a: duplicate key 'a' (first given at line 1)",
        "dup.yaml:3:1: a: duplicate key 'a' (first given at line 1)",
    ]


def test_merge_keys_are_not_special() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "  trust: {start: 40}", "  trust: {<<: {start: 40}}"
    )
    with pytest.raises(ScenarioError, match="unknown field '<<'"):
        load_bytes(text.encode(), "merge.yaml")


def test_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="is a directory"):
        load_scenario(tmp_path)
    with pytest.raises(UserError, match="no such file"):
        load_scenario(tmp_path / "absent.yaml")


@pytest.mark.slow  # parses a 2 MiB file and an alias bomb
def test_refusals_do_work_linear_in_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """A guard against accidental expansion that counts work instead of timing it: each
    hostile file is refused after at most one parser event per byte (aliases are never
    copied out, a deep nest stops at MAX_DEPTH, an oversized file is never parsed)."""
    from game.scenario import yaml_reader

    fed = [0]
    feed = yaml_reader._Composer.feed

    def counting(self: yaml_reader._Composer, event: object) -> None:
        fed[0] += 1
        feed(self, event)

    monkeypatch.setattr(yaml_reader._Composer, "feed", counting)
    deep = b"a: " + b"[" * 100_000
    cases = {
        billion_laughs(12): len(billion_laughs(12)),
        deep: MAX_DEPTH + 10,
        b"a: b\n" * (MAX_BYTES // 5): MAX_BYTES,  # 400,000 duplicate keys, read once
        b"a: b\n" * (MAX_BYTES // 5 + 1): 0,  # over the size cap: refused before parsing
    }
    for raw, most in cases.items():
        fed[0] = 0
        with pytest.raises(ScenarioError):
            load_bytes(raw, "bad.yaml")
        assert fed[0] <= most, (raw[:20], fed[0])
        assert fed[0] > 0 or most == 0


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    # A plain open() would wait here for a writer that never comes.
    with pytest.raises(UserError, match="not a regular file"):
        load_scenario(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused_without_reading_it() -> None:
    with pytest.raises(UserError, match="not a regular file"):
        load_scenario(Path("/dev/zero"))
