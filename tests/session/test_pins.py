"""Hot-seat PINs in a save: kept as salted hashes (never the PIN), restored on load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.session import PinHash, SaveError, load, save
from game.session import savefile as savefile_module
from game.session.session import Session
from tests.session.conftest import HUMAN, FakeLoaded, new_session, resolver, seats_for

PIN = "owl27182"  # not hex: it cannot turn up inside a hash by chance


def _hot_seat(loaded: FakeLoaded) -> Session:
    session = new_session(loaded, 3, seats=seats_for(loaded, HUMAN, HUMAN))
    session.pins = {actor: PinHash.make(PIN) for actor in list(session.seats)[:1]}
    return session


def test_the_pins_round_trip_as_hashes_and_never_as_the_pin(
    loaded: FakeLoaded, tmp_path: Path
) -> None:
    session = _hot_seat(loaded)
    path = tmp_path / "game.json"
    save(session, path)
    text = path.read_text(encoding="utf-8")
    assert PIN not in text
    data = json.loads(text)
    assert data["format"] == savefile_module.FORMAT_WITH_PINS  # older versions refuse ``pins``
    (actor,) = session.pins
    pin = session.pins[actor]
    assert data["pins"] == {actor: {"salt": pin.salt, "hash": pin.digest, "rounds": pin.rounds}}
    back = load(path, resolve=resolver(loaded))
    assert back.pins == session.pins
    assert back.pins[actor].check(PIN)
    assert not back.pins[actor].check("owl00000")
    assert back.digest() == session.digest()


def test_an_older_save_without_pins_loads_without_pins(loaded: FakeLoaded, tmp_path: Path) -> None:
    session = _hot_seat(loaded)
    path = tmp_path / "old.json"
    save(session, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["pins"]
    data["format"] = 2  # as written before PINs were saved
    path.write_text(json.dumps(data), encoding="utf-8")
    back = load(path, resolve=resolver(loaded))
    assert back.pins == {}
    assert back.digest() == session.digest()


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        ({"salt": "zz", "hash": "00", "rounds": 1}, "pins"),
        ({"salt": "00", "hash": "00", "rounds": 0}, "pins"),
        ({"salt": "00", "hash": "00", "rounds": "5"}, "pins"),
        ({"salt": "00", "hash": "00", "rounds": 1, "pin": PIN}, "pins"),
    ],
)
def test_a_damaged_pin_record_is_one_message(
    loaded: FakeLoaded, tmp_path: Path, record: dict[str, object], problem: str
) -> None:
    session = _hot_seat(loaded)
    path = tmp_path / "bad.json"
    save(session, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    (actor,) = data["pins"]
    data["pins"][actor] = record
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match=problem):
        load(path, resolve=resolver(loaded))


def test_a_pin_for_an_unknown_delegation_is_damage(loaded: FakeLoaded, tmp_path: Path) -> None:
    session = _hot_seat(loaded)
    path = tmp_path / "bad.json"
    save(session, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["pins"]["nobody"] = next(iter(data["pins"].values()))
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match="its PINs name 'nobody'"):
        load(path, resolve=resolver(loaded))


def test_the_facilitator_pin_is_saved_hashed_and_asked_for_after_resume(
    loaded: FakeLoaded, tmp_path: Path
) -> None:
    """Issue 14 item 13: the console's PIN was lost on resume (F9 opened with no PIN)."""
    session = new_session(loaded, 3)
    session.facilitator_pin = PinHash.make(PIN)
    path = tmp_path / "game.json"
    save(session, path)
    text = path.read_text(encoding="utf-8")
    assert PIN not in text
    data = json.loads(text)
    assert data["format"] == savefile_module.FORMAT == 4  # a format-3 reader would refuse it
    pin = session.facilitator_pin
    assert data["facilitator_pin"] == {"salt": pin.salt, "hash": pin.digest, "rounds": pin.rounds}
    back = load(path, resolve=resolver(loaded))
    assert back.facilitator_pin == pin
    assert back.facilitator_pin is not None
    assert back.facilitator_pin.check(PIN)


def test_a_save_of_the_previous_format_loads_without_a_facilitator_pin(
    loaded: FakeLoaded, tmp_path: Path
) -> None:
    session = _hot_seat(loaded)
    path = tmp_path / "game.json"
    save(session, path)
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == 3
    back = load(path, resolve=resolver(loaded))
    assert back.facilitator_pin is None
    assert back.pins == session.pins


def test_new_pins_are_hashed_harder_and_old_records_still_check(product_pin_rounds: int) -> None:
    """Issue 14 item 15: 100,000 rounds fell to a 2-core laptop in minutes; new PINs take
    twice the work to guess, and PINs saved with the old count still open."""
    import hashlib

    from game.session import pins

    pin = PinHash.make(PIN)
    assert pin.rounds == product_pin_rounds >= 200_000
    salt = b"0123456789abcdef"
    old = PinHash(
        salt.hex(), hashlib.pbkdf2_hmac("sha256", PIN.encode(), salt, 100_000).hex(), 100_000
    )
    assert old.check(PIN)
    assert not old.check("owl00000")
    assert pins.MAX_PIN_LENGTH >= 64  # room for a passphrase
    assert PinHash.make("correct horse battery staple").check("correct horse battery staple")
