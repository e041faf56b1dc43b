"""Save files: the round trip, the atomic write, and every way a save can be broken."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from game import engine, fileio
from game.engine import Pass
from game.errors import UserError
from game.session import SaveError, Seat, SeatKind, Session, autosaves, load, read_save, save
from game.session import savefile as savefile_module
from tests.scenarios import bundled
from tests.session.conftest import AI, FakeLoaded, new_session, resolver, seats_for


def _played(loaded: FakeLoaded, seed: int = 4) -> Session:
    """A game a few moves in, with a person's moves and the computer's."""
    session = new_session(loaded, seed)
    for _ in range(2):
        if session.is_over:
            break
        session.submit(Pass(str(session.to_move)))
        session.run_until_human()
    return session


@pytest.fixture
def saved(loaded: FakeLoaded, tmp_path: Path) -> Path:
    path = tmp_path / "game.json"
    save(_played(loaded), path)
    return path


def _load(path: Path, loaded: FakeLoaded) -> Session:
    return load(path, resolve=resolver(loaded))


def _edit(path: Path, **changes: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            del data[key]
        else:
            data[key] = value
    path.write_text(json.dumps(data), encoding="utf-8")


# --- the round trip -------------------------------------------------------------


def test_load_replays_to_the_same_game(loaded: FakeLoaded, tmp_path: Path) -> None:
    session = _played(loaded)
    path = tmp_path / "game.json"
    save(session, path)
    back = _load(path, loaded)
    assert back.digest() == session.digest()
    assert back.state == session.state
    assert back.log == session.log
    assert dict(back.seats) == dict(session.seats)
    assert back.seed == session.seed
    assert back.transcript == session.transcript


def test_the_save_file_says_what_it_is(saved: Path, loaded: FakeLoaded) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == savefile_module.FORMAT_WITHOUT_PINS  # no PINs: older games read it
    assert "pins" not in data
    assert data["game"] == "redlines"
    assert data["scenario"] == {"id": loaded.scenario.id, "hash": "sha256:fixture", "path": ""}
    assert len(data["actions"]) == len(data["by"]) == len(data["rationales"]) > 0
    assert all(isinstance(engine.parse_action(a), engine.PlayerAction) for a in data["actions"])
    assert oct(saved.stat().st_mode & 0o777) == oct(0o644)


def test_a_game_resumed_from_a_save_goes_on_as_if_never_stopped(
    loaded: FakeLoaded, tmp_path: Path
) -> None:
    straight = new_session(loaded, 11, seats=seats_for(loaded, AI, AI))
    straight.run_until_human()
    halfway = new_session(loaded, 11, seats=seats_for(loaded, AI, AI))
    for _ in range(len(straight.log) // 2):
        halfway.step()
    save(halfway, tmp_path / "half.json")
    resumed = _load(tmp_path / "half.json", loaded)
    resumed.run_until_human()
    assert resumed.digest() == straight.digest()


def test_seats_can_be_replaced_on_load(saved: Path, loaded: FakeLoaded) -> None:
    seats = seats_for(loaded, AI, AI)
    assert dict(load(saved, seats=seats, resolve=resolver(loaded)).seats) == seats


def test_the_bundled_scenario_round_trips_through_the_real_loader(tmp_path: Path) -> None:

    real = bundled("geneva-2022")
    session = Session(real, 3, seats_for(real, AI, AI), autosave=False)  # type: ignore[arg-type]
    session.run_until_human()
    save(session, tmp_path / "g.json")
    back = load(tmp_path / "g.json")
    assert back.digest() == session.digest()
    assert back.loaded.content_hash == real.content_hash


# --- the atomic write ---------------------------------------------------------------


def test_a_write_that_fails_midway_leaves_the_previous_save_intact(
    loaded: FakeLoaded, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = saved.read_bytes()
    session = _played(loaded, seed=8)
    real_fdopen = os.fdopen

    class Failing:
        """A file that takes half of the data, then the disk fails."""

        def __init__(self, fd: int, mode: str) -> None:
            self.handle = real_fdopen(fd, mode)

        def __enter__(self) -> Failing:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> None:
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise OSError(5, "Input/output error")

    monkeypatch.setattr(fileio.os, "fdopen", Failing)
    with pytest.raises(SaveError) as caught:
        save(session, saved)
    assert str(caught.value) == f"cannot save the game to {saved}: Input/output error"
    assert saved.read_bytes() == before
    assert sorted(p.name for p in saved.parent.iterdir()) == ["game.json"]  # no temp file left


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX, not root")
def test_a_read_only_folder_is_a_clear_error_and_keeps_the_save(
    loaded: FakeLoaded, saved: Path
) -> None:
    before = saved.read_bytes()
    saved.parent.chmod(0o555)
    try:
        with pytest.raises(SaveError, match=r"cannot save the game to .*: Permission denied"):
            save(_played(loaded, seed=8), saved)
    finally:
        saved.parent.chmod(0o755)
    assert saved.read_bytes() == before


def test_saving_where_a_folder_stands_is_a_clear_error(loaded: FakeLoaded, tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    with pytest.raises(SaveError, match=r"^cannot save the game to .*taken: "):
        save(_played(loaded), tmp_path / "taken")


# --- broken saves: one clear message each, and nothing written --------------------------


def _refused(path: Path, loaded: FakeLoaded) -> str:
    with pytest.raises(SaveError) as caught:
        _load(path, loaded)
    assert isinstance(caught.value, UserError)
    return str(caught.value)


def test_missing_file(tmp_path: Path, loaded: FakeLoaded) -> None:
    path = tmp_path / "nope.json"
    assert _refused(path, loaded) == f"cannot load the save {path}: no such file"


def test_a_folder(tmp_path: Path, loaded: FakeLoaded) -> None:
    assert (
        _refused(tmp_path, loaded) == f"cannot load the save {tmp_path}: it is a folder, not a file"
    )


def test_empty_file(saved: Path, loaded: FakeLoaded) -> None:
    saved.write_bytes(b"")
    assert _refused(saved, loaded) == f"cannot load the save {saved}: the file is empty"


def test_truncated_anywhere(saved: Path, loaded: FakeLoaded) -> None:
    whole = saved.read_bytes()
    expected = (
        f"cannot load the save {saved}: the file is truncated (it ends in the middle of the data)"
    )
    for cut in range(1, len(whole.rstrip()) - 1, 3):  # cuts all along, none keeping the brace
        if whole[:cut].strip():
            saved.write_bytes(whole[:cut])
            assert _refused(saved, loaded) == expected, f"cut at byte {cut}"


def test_truncated_inside_a_character(saved: Path, loaded: FakeLoaded) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["rationales"][-1] = "“quoted” ≥ Кремль"
    whole = json.dumps(data, ensure_ascii=False).encode("utf-8")
    cut = whole.index("≥".encode()) + 1  # inside the three bytes of the sign
    saved.write_bytes(whole[:cut])
    assert _refused(saved, loaded) == (
        f"cannot load the save {saved}: the file is truncated (it ends in the middle of the data)"
    )


def test_invalid_json_inside_is_not_called_truncated(saved: Path, loaded: FakeLoaded) -> None:
    saved.write_text('{"format": 1, "seed": 4,, "x": 1}', encoding="utf-8")
    assert _refused(saved, loaded) == (
        f"cannot load the save {saved}: not a Red Lines save (not valid JSON at line 1, column 25)"
    )


def test_not_json(saved: Path, loaded: FakeLoaded) -> None:
    saved.write_text("format = 1\nseed = 4\n", encoding="utf-8")
    assert _refused(saved, loaded) == (
        f"cannot load the save {saved}: not a Red Lines save (not valid JSON at line 1, column 1)"
    )


def test_binary(saved: Path, loaded: FakeLoaded) -> None:
    saved.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    assert _refused(saved, loaded) == (
        f"cannot load the save {saved}: not a Red Lines save (not a text file)"
    )


def test_json_but_not_an_object(saved: Path, loaded: FakeLoaded) -> None:
    saved.write_text("[1, 2, 3]", encoding="utf-8")
    assert _refused(saved, loaded) == f"cannot load the save {saved}: not a Red Lines save"


def test_another_programs_json(saved: Path, loaded: FakeLoaded) -> None:
    _edit(saved, game="chess")
    assert _refused(saved, loaded) == f"cannot load the save {saved}: not a Red Lines save"


def test_newer_format(saved: Path, loaded: FakeLoaded) -> None:
    _edit(saved, format=savefile_module.FORMAT + 1, something_new=[1])
    assert _refused(saved, loaded) == (
        f"cannot load the save {saved}: it was written by a newer version of Red Lines "
        f"(save format {savefile_module.FORMAT + 1}; this version reads format "
        f"{savefile_module.FORMAT}); update the game to load it"
    )


def test_impossible_format(saved: Path, loaded: FakeLoaded) -> None:
    _edit(saved, format=0)
    assert _refused(saved, loaded) == f"cannot load the save {saved}: unknown save format 0"


def test_missing_field(saved: Path, loaded: FakeLoaded) -> None:
    _edit(saved, seed=None)
    assert _refused(saved, loaded) == (
        f"cannot load the save {saved}: the save is damaged (seed: Field required)"
    )


def test_wrong_field_types(saved: Path, loaded: FakeLoaded) -> None:
    _edit(saved, seed="four", actions="all of them")
    assert _refused(saved, loaded) == (
        f"cannot load the save {saved}: the save is damaged (seed: Input should be a valid "
        "integer; actions: Input should be a valid list)"
    )


@pytest.mark.parametrize("seed", ["7", True, 3.0])
def test_a_seed_that_is_not_a_json_integer_is_refused(
    saved: Path, loaded: FakeLoaded, seed: object
) -> None:
    _edit(saved, seed=seed)
    assert _refused(saved, loaded).startswith(
        f"cannot load the save {saved}: the save is damaged (seed: Input should be a valid integer"
    )


def test_a_format_that_is_not_a_json_integer_is_refused(saved: Path, loaded: FakeLoaded) -> None:
    _edit(saved, format="1")
    assert "format: Input should be a valid integer" in _refused(saved, loaded)


def test_a_save_without_seats_is_refused(saved: Path, loaded: FakeLoaded) -> None:
    _edit(saved, seats={})
    assert "seats: Dictionary should have at least 1 item" in _refused(saved, loaded)


def test_a_save_missing_a_playable_seat_is_refused(saved: Path, loaded: FakeLoaded) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    first, *rest = data["seats"]
    del data["seats"][first]
    saved.write_text(json.dumps(data), encoding="utf-8")
    assert rest  # the others are still there, so only the missing one is named
    assert _refused(saved, loaded) == (
        f"cannot load the save {saved}: the save has no seat for {first!r}"
    )


@pytest.mark.parametrize("bad_id", ["../x", "a/b", "/etc/passwd", "Geneva"])
def test_a_scenario_id_that_is_not_an_id_is_refused_before_any_lookup(
    saved: Path, loaded: FakeLoaded, bad_id: str
) -> None:
    looked_up: list[str] = []

    def resolve(path_or_id: str) -> FakeLoaded:
        looked_up.append(path_or_id)
        return loaded

    _edit(saved, scenario={"id": bad_id, "hash": "sha256:x", "path": ""})
    with pytest.raises(SaveError, match=r"scenario\.id: String should match pattern"):
        load(saved, resolve=resolve)
    assert looked_up == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path, loaded: FakeLoaded) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    # Without O_NONBLOCK the open would wait for a writer forever; the test would hang.
    assert _refused(fifo, loaded) == (
        f"cannot load the save {fifo}: it is not a regular file (a device or a pipe?)"
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused_without_reading_it(loaded: FakeLoaded) -> None:
    zero = Path("/dev/zero")
    assert _refused(zero, loaded) == (
        f"cannot load the save {zero}: it is not a regular file (a device or a pipe?)"
    )


def test_a_save_that_grows_past_the_limit_is_not_read_whole(
    saved: Path, loaded: FakeLoaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file whose size says small but whose content is large (it grew after the stat).
    monkeypatch.setattr("game.session.store.MAX_SAVE_BYTES", 100)
    assert saved.stat().st_size > 100
    assert "the file is too large to be a save" in _refused(saved, loaded)


def test_unknown_seat_kind(saved: Path, loaded: FakeLoaded) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    first = next(iter(data["seats"]))
    data["seats"][first]["kind"] = "robot"
    saved.write_text(json.dumps(data), encoding="utf-8")
    assert _refused(saved, loaded) == (
        f"cannot load the save {saved}: the save is damaged (seats.{first}.kind: "
        "Input should be 'human', 'ai', 'random' or 'agent')"
    )


def test_a_saved_agent_seat_resumes_as_an_ai_seat(saved: Path, loaded: FakeLoaded) -> None:
    """A save never names a program to run: loading a shared save must not run code."""
    data = json.loads(saved.read_text(encoding="utf-8"))
    first = next(iter(data["seats"]))
    data["seats"][first] = {"kind": "agent", "difficulty": "normal"}
    saved.write_text(json.dumps(data), encoding="utf-8")
    session = _load(saved, loaded)
    assert session.seats[first] == Seat(SeatKind.AI)


def test_lists_out_of_step(saved: Path, loaded: FakeLoaded) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    n = len(data["actions"])
    _edit(saved, rationales=data["rationales"][:-1])
    assert _refused(saved, loaded) == (
        f"cannot load the save {saved}: the save is damaged (Value error, 'actions', 'by' and "
        f"'rationales' must have the same length (they have {n}, {n} and {n - 1}))"
    )


def test_seat_for_an_actor_the_scenario_does_not_have(saved: Path, loaded: FakeLoaded) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["seats"]["zeppelin"] = {"kind": "human"}
    saved.write_text(json.dumps(data), encoding="utf-8")
    assert _refused(saved, loaded) == (
        f"cannot load the save {saved}: its seats name 'zeppelin', not a playable delegation"
    )


def test_scenario_not_found(saved: Path, loaded: FakeLoaded) -> None:
    _edit(saved, scenario={"id": "atlantis", "hash": "sha256:x", "path": ""})
    assert _refused(saved, loaded) == (
        f"cannot load the save {saved}: the scenario 'atlantis' it was played on cannot be "
        "loaded (atlantis: no such scenario); give the scenario file with --scenario PATH"
    )


def test_scenario_not_found_names_the_recorded_path(saved: Path, loaded: FakeLoaded) -> None:
    gone = "/nowhere/atlantis.yaml"
    _edit(saved, scenario={"id": "atlantis", "hash": "sha256:x", "path": gone})
    assert f"'atlantis' it was played on from {gone} cannot be loaded" in _refused(saved, loaded)


def test_a_renamed_scenario_is_named_by_its_source_even_without_a_recorded_path(
    saved: Path, loaded: FakeLoaded
) -> None:
    other = FakeLoaded(loaded.scenario, content_hash="sha256:other")

    def resolve(path_or_id: str) -> FakeLoaded:
        return other if path_or_id == "atlantis" else loaded

    _edit(saved, scenario={"id": "atlantis", "hash": "sha256:x", "path": ""})
    with pytest.raises(SaveError) as caught:
        load(saved, resolve=resolve)
    assert "the scenario at its id is now" in str(caught.value)
    assert "the scenario at  is" not in str(caught.value)


def test_scenario_changed_since(saved: Path, loaded: FakeLoaded) -> None:
    changed = FakeLoaded(loaded.scenario, content_hash="sha256:0123456789abcdef-changed")
    with pytest.raises(SaveError) as caught:
        load(saved, resolve=resolver(changed))
    assert str(caught.value) == (
        f"cannot load the save {saved}: the scenario '{loaded.scenario.id}' has changed since "
        "this game was saved (content hash fixture in the save, 0123456789ab now), "
        "so its moves may no longer fit"
    )


def test_a_real_scenario_file_edited_after_the_save(tmp_path: Path) -> None:
    from game.paths import bundled_scenario
    from game.scenario import load_scenario

    source = bundled_scenario("geneva-2022")
    assert source is not None
    copy = tmp_path / "mine.yaml"
    text = source.read_text(encoding="utf-8")
    copy.write_text(text.replace("\nid: geneva-2022\n", "\nid: my-crisis\n", 1), encoding="utf-8")
    real = load_scenario(copy)
    assert real.scenario.id == "my-crisis"
    session = Session(real, 3, seats_for(real, AI, AI), autosave=False)  # type: ignore[arg-type]
    session.run_until_human()
    save(session, tmp_path / "g.json")
    assert load(tmp_path / "g.json").digest() == session.digest()
    edited = copy.read_text(encoding="utf-8").replace('\ntitle: "', '\ntitle: "Edited ', 1)
    copy.write_text(edited, encoding="utf-8")
    with pytest.raises(SaveError) as caught:
        load(tmp_path / "g.json")
    assert str(caught.value).startswith(
        f"cannot load the save {tmp_path / 'g.json'}: the scenario 'my-crisis' has changed "
        "since this game was saved (content hash "
    )


def test_a_moved_scenario_file_is_found_again_by_its_id(tmp_path: Path) -> None:
    from game.paths import bundled_scenario
    from game.scenario import load_scenario

    source = bundled_scenario("geneva-2022")
    assert source is not None
    copy = tmp_path / "copy.yaml"
    shutil.copy(source, copy)
    real = load_scenario(copy)
    session = Session(real, 3, seats_for(real, AI, AI), autosave=False)  # type: ignore[arg-type]
    session.run_until_human()
    save(session, tmp_path / "g.json")
    copy.unlink()
    back = load(tmp_path / "g.json")
    assert back.loaded.path == source
    assert back.digest() == session.digest()


def test_unreadable_action(saved: Path, loaded: FakeLoaded) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    n = len(data["actions"])
    data["actions"][0] = "nonsense"
    saved.write_text(json.dumps(data), encoding="utf-8")
    assert _refused(saved, loaded) == (
        f"cannot load the save {saved}: action 1 of {n} ('nonsense') cannot be read: "
        "cannot read action 'nonsense': expected an actor and a verb, like 'ACTOR pass'"
    )


def test_action_illegal_on_replay_names_its_number_and_the_reason(
    saved: Path, loaded: FakeLoaded
) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    n = len(data["actions"])
    assert n >= 2
    # the second mover tries to accept a proposal that does not exist
    state, _ = engine.apply(
        engine.new_game(loaded.scenario, data["seed"]), engine.parse_action(data["actions"][0])
    )
    bad = f"{engine.to_move(state)} accept 42"
    with pytest.raises(engine.IllegalActionError) as engine_says:
        engine.check(state, engine.parse_action(bad))
    data["actions"][1] = bad
    saved.write_text(json.dumps(data), encoding="utf-8")
    assert _refused(saved, loaded) == (
        f"cannot load the save {saved}: action 2 of {n} ({bad!r}) is illegal on replay: "
        f"{engine_says.value}"
    )


def test_a_broken_save_overwrites_nothing(saved: Path, loaded: FakeLoaded, home: Path) -> None:
    autosave = new_session(loaded, autosave=True)
    autosave.submit(Pass(str(autosave.to_move)))
    autosave_bytes = autosaves.continue_path().read_bytes()
    saved.write_bytes(saved.read_bytes()[:100])
    broken = saved.read_bytes()
    with pytest.raises(SaveError):
        load(saved, autosave=True, save_path=saved, resolve=resolver(loaded))
    assert saved.read_bytes() == broken
    assert autosaves.continue_path().read_bytes() == autosave_bytes


def test_read_save_gives_the_record(saved: Path) -> None:
    record = read_save(saved)
    assert record.seed == 4
    assert record.actions[0].endswith(" pass")
