"""Join codes and the QR code of the address."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.net.client import NetError, check_url
from game.net.invite import CodeError, address_of, is_code, join_code, qr_text


@given(st.ip_addresses(v=4), st.integers(0, 65535))
def test_a_join_code_round_trips_to_the_address(address: object, port: int) -> None:
    url = f"ws://{address}:{port}"
    code = join_code(url)
    assert code is not None
    assert len(code) == 11
    assert code[5] == "-"
    assert is_code(code)
    assert address_of(code) == url
    assert address_of(code.lower().replace("-", " ")) == url
    assert check_url(code) == url


def test_letters_that_read_like_digits_are_read_as_them() -> None:
    code = join_code("ws://192.168.1.20:8765")
    assert code is not None
    typed = code.replace("1", "l").replace("0", "O")
    assert address_of(typed) == "ws://192.168.1.20:8765"


@pytest.mark.parametrize("code", ["ABC", "UUUUU-UUUUU", "ZZZZZ-ZZZZZZ"])
def test_a_wrong_code_is_one_message(code: str) -> None:
    with pytest.raises(CodeError):
        address_of(code)


def test_a_wrong_code_is_a_clean_join_error() -> None:
    with pytest.raises(NetError, match="not in a join code"):
        check_url("UUUUU-UUUUU")


def test_not_every_address_has_a_code() -> None:
    assert join_code("ws://host.local:8765") is None
    assert not is_code("ws://192.168.1.20:8765")
    assert not is_code("192.168.1.20:8765")


def test_the_qr_code_is_drawn_in_block_characters() -> None:
    drawn = qr_text("ws://192.168.1.20:8765")
    lines = drawn.splitlines()
    assert len(lines) > 10
    assert len({len(line) for line in lines}) == 1  # a square of equal lines
    assert set(drawn) <= set("█▀▄ \n")
