"""Wrong PINs are slowed down (issue 14 item 15): a few free tries, then a growing delay.

The clock is a fake one: no test sleeps.
"""

from __future__ import annotations

from game.session.lockout import FIRST_DELAY, FREE_TRIES, LONGEST_DELAY, PinLockout

PIN = "owl27182"


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def _right(pin: str) -> bool:
    return pin == PIN


def test_thirty_wrong_pins_cannot_go_through_in_a_second() -> None:
    clock = FakeClock()
    lock = PinLockout(now=clock)
    checked = 0

    def counting(pin: str) -> bool:
        nonlocal checked
        checked += 1
        return _right(pin)

    for guess in range(30):
        lock.attempt(f"{guess:04d}", counting)
        clock.t += 1 / 30
    assert checked == FREE_TRIES  # the rest were refused unseen while locked
    assert lock.wait() > 0


def test_the_delay_doubles_with_each_miss_up_to_a_cap() -> None:
    clock = FakeClock()
    lock = PinLockout(now=clock)
    for _ in range(FREE_TRIES - 1):
        assert lock.attempt("0000", _right).wait == 0
    waits = []
    for _ in range(10):
        answer = lock.attempt("0000", _right)
        assert not answer.ok
        assert answer.checked
        waits.append(answer.wait)
        clock.t += answer.wait  # wait it out, then miss again
    assert waits[:3] == [FIRST_DELAY, 2 * FIRST_DELAY, 4 * FIRST_DELAY]
    assert max(waits) == LONGEST_DELAY
    assert waits == sorted(waits)


def test_the_right_pin_is_refused_while_locked_then_accepted_and_resets() -> None:
    clock = FakeClock()
    lock = PinLockout(now=clock)
    for _ in range(FREE_TRIES):
        lock.attempt("0000", _right)
    answer = lock.attempt(PIN, _right)
    assert not answer.ok
    assert not answer.checked
    assert "wait 5 s" in answer.message("That is not the PIN.")
    clock.t += FIRST_DELAY
    assert lock.attempt(PIN, _right).ok
    assert lock.misses == 0
    assert lock.attempt("0000", _right).wait == 0  # free tries again


def test_a_try_checked_elsewhere_counts_as_attempt_counts_it() -> None:
    """``settle`` is ``attempt`` for a PIN hashed off the caller's thread (the host's)."""
    clock = FakeClock()
    here, there = PinLockout(now=clock), PinLockout(now=clock)
    for guess in ["0000", "1111", "2222", "3333", PIN, "4444"]:
        clock.t += FIRST_DELAY * 4  # past any wait, so every try is checked
        assert there.wait() == 0
        assert here.attempt(guess, _right) == there.settle(_right(guess))
        assert (here.misses, here.locked_until) == (there.misses, there.locked_until)
