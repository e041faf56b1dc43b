"""Seat specs: what a player types after --seats, read against a scenario's delegations."""

from __future__ import annotations

import pytest

from game.ai.difficulty import Difficulty
from game.errors import UserError
from game.session.seats import Seat, SeatKind, format_seats, parse_seats

ACTORS = ("alpha", "beta", "gamma")
HUMAN, AI, RANDOM = Seat(SeatKind.HUMAN), Seat(SeatKind.AI), Seat(SeatKind.RANDOM)


def test_each_seat_named() -> None:
    seats = parse_seats("alpha=human,beta=ai,gamma=random", ACTORS)
    assert seats == {"alpha": HUMAN, "beta": AI, "gamma": RANDOM}


@pytest.mark.parametrize("spec", ["all=ai,alpha=human", "alpha=human,all=ai"])
def test_all_is_the_default_for_unnamed_seats_wherever_it_stands(spec: str) -> None:
    # The README's own example is `us=human,all=ai`: all= never overrides a named seat.
    assert parse_seats(spec, ACTORS) == {"alpha": HUMAN, "beta": AI, "gamma": AI}


def test_all_between_named_seats_sets_only_the_rest() -> None:
    seats = parse_seats("alpha=human,all=random,beta=ai:hard", ACTORS)
    assert seats == {"alpha": HUMAN, "beta": Seat(SeatKind.AI, Difficulty.HARD), "gamma": RANDOM}


def test_difficulty_suffix() -> None:
    seats = parse_seats("beta=ai:hard,gamma=AI:Easy", ACTORS)
    assert seats["beta"] == Seat(SeatKind.AI, Difficulty.HARD)
    assert seats["gamma"] == Seat(SeatKind.AI, Difficulty.EASY)


def test_unnamed_seats_are_ai_and_no_spec_means_one_human() -> None:
    assert parse_seats("gamma=human", ACTORS) == {"alpha": AI, "beta": AI, "gamma": HUMAN}
    assert parse_seats(None, ACTORS) == {"alpha": HUMAN, "beta": AI, "gamma": AI}


def test_format_round_trips() -> None:
    seats = parse_seats("alpha=human,beta=ai:hard,gamma=random", ACTORS)
    assert format_seats(seats) == "alpha=human,beta=ai:hard,gamma=random"
    assert parse_seats(format_seats(seats), ACTORS) == seats


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("", "empty seat spec (example: all=ai,<actor>=human)"),
        ("alpha=human,,beta=ai", "seat spec 'alpha=human,,beta=ai' has an empty entry"),
        ("alpha", "seat spec entry 'alpha' is not ACTOR=KIND (example: alpha=human)"),
        ("alpha=", "seat spec entry 'alpha=' is not ACTOR=KIND (example: alpha=human)"),
        (
            "delta=human",
            "seat spec names 'delta', which is not a playable delegation "
            "(playable: alpha, beta, gamma)",
        ),
        (
            "alpha=robot",
            "seat 'alpha': unknown seat kind 'robot' (use one of: agent, ai, human, random)",
        ),
        (
            "beta=ai:brutal",
            "seat 'beta': unknown difficulty 'brutal' (use one of: easy, hard, normal)",
        ),
        ("alpha=human:hard", "seat 'alpha': only an ai seat takes a difficulty, not human"),
    ],
)
def test_bad_specs_are_user_errors_with_a_reason(spec: str, message: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_seats(spec, ACTORS)
    assert str(caught.value) == message


def test_a_base_keeps_the_seats_the_spec_does_not_name() -> None:
    saved = {
        "alpha": Seat(SeatKind.HUMAN),
        "beta": Seat(SeatKind.HUMAN),
        "gamma": Seat(SeatKind.RANDOM),
    }
    assert parse_seats("beta=ai:hard", ACTORS, base=saved) == {
        "alpha": Seat(SeatKind.HUMAN),
        "beta": Seat(SeatKind.AI, Difficulty.HARD),
        "gamma": Seat(SeatKind.RANDOM),
    }
    assert parse_seats(None, ACTORS, base=saved) == saved
    assert parse_seats("all=random,alpha=human", ACTORS, base=saved)["beta"] == Seat(
        SeatKind.RANDOM
    )
    assert parse_seats("alpha=ai,all=random", ACTORS, base=saved) == {
        "alpha": AI,
        "beta": RANDOM,
        "gamma": RANDOM,
    }


@pytest.mark.parametrize(
    "spec", ["alpha=human,alpha=ai", "all=ai,beta=human,beta=random", "all=ai,all=human"]
)
def test_an_actor_named_twice_is_refused(spec: str) -> None:
    with pytest.raises(UserError, match="twice"):
        parse_seats(spec, ACTORS)


def test_all_then_overrides_is_not_naming_twice() -> None:
    assert parse_seats("all=random,alpha=human,beta=ai", ACTORS)["gamma"] == Seat(SeatKind.RANDOM)
