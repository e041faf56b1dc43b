"""Hidden types at play: drawn per game from its seed with their chances, played by every
rule, told to their own delegation only, replayed identically, revealed in the debrief."""

from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game import engine
from game.engine.variants import dealt, draw, variant_of
from game.export.briefings import briefing_pages
from game.export.debrief import build_debrief
from game.export.markdown import debrief_markdown
from game.scenario import load_bytes
from game.scenario.loader import LoadedScenario
from game.session import Seat, SeatKind, Session
from tests.engine.fixtures import small_scenario
from tests.engine.helpers import random_walk
from tests.examples import examples
from tests.scenario.helpers import dump, minimal_data

HAWK = {
    "id": "hawk",
    "name": "Hawks ashore",
    "chance": 0.4,
    "briefing": "HAWK-BRIEFING: the fleet wants it all.",
    "reservation": 0.9,
    "red_lines": [
        {
            "id": "north-hawk-no-shared",
            "issue": "fishing",
            "options": ["shared"],
            "public": False,
            "reason": "HAWK-SECRET-REASON",
        }
    ],
}
SAME = {"id": "same", "name": "Same as written", "chance": 0.5}


def _loaded(*variants: dict) -> LoadedScenario:
    data = minimal_data()
    data["preferences"]["north"]["variants"] = list(variants)
    return load_bytes(dump(data), "types.yaml")


def _random_game(scenario: engine.Scenario, seed: int, moves: int = 60) -> engine.GameState:
    return random_walk(scenario, seed, moves)


def test_a_scenario_without_types_is_played_as_written() -> None:
    sc = small_scenario()
    assert engine.new_game(sc, 5).scenario is sc
    assert dealt(sc, 5) is sc


def test_types_are_drawn_with_their_chances_and_the_same_seed_draws_the_same() -> None:
    sc = _loaded(HAWK).scenario
    seen = collections.Counter(draw(sc, seed) for seed in range(1000))
    assert set(seen) == {("hawk",), ("",)}
    assert 0.35 < seen[("hawk",)] / 1000 < 0.45
    for seed in range(20):
        assert engine.new_game(sc, seed).scenario is engine.new_game(sc, seed).scenario


@settings(max_examples=examples(40), deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**31))
def test_a_game_plays_by_the_drawn_type(seed: int) -> None:
    sc = _loaded(HAWK).scenario
    state = engine.new_game(sc, seed)
    prefs = state.scenario.preferences["north"]
    hawk = draw(sc, seed) == ("hawk",)
    assert variant_of(state.scenario, "north") == (("hawk", "Hawks ashore") if hawk else ("", ""))
    assert prefs.reservation == (0.9 if hawk else 0.4)
    assert any(line.id == "north-hawk-no-shared" for line in prefs.red_lines) is hawk
    assert engine.scores(state)["north"].reservation == prefs.reservation
    # Only north is told: its own view has the type, the other's and the public do not.
    own = engine.view(state, "north")
    assert (own.hidden_type == "Hawks ashore") is hawk
    assert ("HAWK-BRIEFING" in own.instructions) is hawk
    assert "HAWK" not in own.briefing  # the written briefing is unchanged
    assert (own.reservation == 0.9) is hawk
    for other in (engine.view(state, "south"), engine.public_view(state)):
        assert "HAWK" not in repr(other)
        assert "north-hawk-no-shared" not in repr(other)


@settings(max_examples=examples(25), deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**31))
def test_a_game_with_types_replays_from_its_record(seed: int) -> None:
    sc = _loaded(HAWK).scenario
    played = _random_game(sc, seed)
    again = engine.new_game(sc, seed)
    for action in played.history:
        again, _ = engine.apply(again, action)
    assert engine.digest(again) == engine.digest(played)
    assert again.scenario is played.scenario


def test_the_draw_leaves_the_games_own_random_draws_alone() -> None:
    """A type that changes nothing plays exactly the game of the file without types: the
    types have their own generator, so the event draws do not move."""
    plain = _loaded().scenario
    typed = _loaded(SAME).scenario
    for seed in range(12):
        a, b = _random_game(plain, seed), _random_game(typed, seed)
        assert engine.digest(a) == engine.digest(b)
        assert [e.kind for e in a.log] == [e.kind for e in b.log]


def test_the_debrief_and_the_printed_briefings_name_the_type() -> None:
    loaded = _loaded(HAWK)
    sc = loaded.scenario
    seed = next(s for s in range(100) if draw(sc, s) == ("hawk",))
    plain_seed = next(s for s in range(100) if draw(sc, s) == ("",))
    for s, name in ((seed, "Hawks ashore"), (plain_seed, "its preferences as written")):
        seats = {a.id: Seat(SeatKind.RANDOM) for a in sc.playable}
        session = Session(loaded, s, seats, autosave=False)
        for _ in range(4):
            session.step()
        text = debrief_markdown(build_debrief(session))
        assert f"Hidden type this game: {name}." in text
    drawn = briefing_pages(sc, seed)
    assert "HAWK-BRIEFING" in drawn["delegation-north.html"]
    assert f"the game with seed {seed}" in drawn["delegation-north.html"]
    assert "HAWK" not in drawn["delegation-south.html"]
    written = briefing_pages(sc)
    assert "HAWK-BRIEFING" not in written["delegation-north.html"]
    assert "may be given other instructions" in written["delegation-north.html"]
    assert "Hawks ashore (40%)" in written["teacher.html"]


def test_a_delegation_learns_its_type_wherever_it_sits() -> None:
    """The window's and the terminal's briefing read the view; a laptop gets the view's
    private part over the network; an outside agent gets it in ``start``."""
    from game.net.frames import private_part
    from game.session.protocol import start_frame
    from game.text.table import brief

    sc = _loaded(HAWK).scenario
    seed = next(s for s in range(100) if draw(sc, s) == ("hawk",))
    state = engine.new_game(sc, seed)
    own, other = engine.view(state, "north"), engine.view(state, "south")
    assert private_part(own)["hidden_type"] == "Hawks ashore"
    assert "HAWK-BRIEFING" in private_part(own)["instructions"]
    assert private_part(other)["hidden_type"] == ""
    me = start_frame(own, seed)["me"]
    assert (me["hidden_type"], me["reservation"]) == ("Hawks ashore", 0.9)
    assert "HAWK" not in repr(start_frame(other, seed))
    assert "Your instructions this week: Hawks ashore" in "\n".join(brief(own, own.table))


def test_the_balance_report_counts_each_type_in_the_games_that_drew_it() -> None:
    from game.sim import simulate, text

    sc = _loaded(HAWK).scenario
    seats = {a.id: Seat(SeatKind.RANDOM) for a in sc.playable}
    report = simulate(sc, seats, games=60, seed=0, jobs=1)
    drew = sum(draw(sc, s) == ("hawk",) for s in range(60))
    assert report["types"] == {"north": {"hawk": round(drew / 60, 6)}}
    line = report["red_lines"]["north-hawk-no-shared"]
    assert (line["type"], line["games"]) == ("hawk", drew)
    assert "type" not in report["red_lines"]["north-no-south-only"]
    shown = text(report)
    assert "Hidden types (share of games that drew each):" in shown
    assert f"(type hawk: its {drew} games)" in shown


def test_before_the_end_no_shared_screen_tells_the_seed_or_the_types() -> None:
    """With the seed, 'redlines briefings --seed' prints every delegation's type: a shared
    terminal says it only at the end, a new game's seed is beyond a search (an agent is
    told a seed derived from it), and a withheld debrief keeps the types out."""
    from game.session.agents import FRESH_SEEDS, fresh_seed
    from game.text.summary import seed_text

    loaded = _loaded(HAWK)
    sc = loaded.scenario
    assert seed_text(sc, 5, over=False) == "seed: told at the end (hidden types)"
    assert seed_text(sc, 5, over=True) == "seed: 5"
    assert seed_text(small_scenario(), 5, over=False) == "seed: 5"
    seeds = {fresh_seed() for _ in range(20)}
    assert len(seeds) > 1
    assert all(0 <= s < FRESH_SEEDS for s in seeds)
    assert FRESH_SEEDS >= 10**15
    seed = next(s for s in range(100) if draw(sc, s) == ("hawk",))
    seats = {a.id: Seat(SeatKind.RANDOM) for a in sc.playable}
    session = Session(loaded, seed, seats, autosave=False)
    session.step()
    withheld = build_debrief(session, reveal=False)
    assert all(a.hidden_type == "" and a.instructions == "" for a in withheld.actors)
    assert "HAWK" not in repr(withheld)


def test_analyze_weighs_each_set_of_types_a_game_may_draw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A type whose lines close the only deal shows among the sets with no zone of
    agreement, with the share of games that draw it."""
    from game.cli import main
    from game.engine.variants import combinations

    closed = {
        **HAWK,
        "red_lines": [
            {
                "id": f"north-hawk-no-{o}",
                "issue": "fishing",
                "options": [o],
                "public": False,
                "reason": "Nothing of it.",
            }
            for o in ("shared", "north-only")
        ],
    }
    data = minimal_data()
    data["preferences"]["north"]["variants"] = [closed]
    path = tmp_path / "types.yaml"
    path.write_bytes(dump(data))
    sets = combinations(load_bytes(dump(data), "types.yaml").scenario)
    assert sets == [(("",), 0.6), (("hawk",), 0.4)]
    main(["analyze", str(path), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert report["types"] == {
        "combinations": 2,
        "probability_covered": 1.0,
        "probability_with_zone": 0.6,
        "without_zone": [{"north": "hawk"}],
    }
    main(["analyze", str(path)])
    out = capsys.readouterr().out
    assert (
        "Hidden types: 2 sets a game may draw (100% of games); a zone of agreement in 60% of"
        " games\n  no zone when north hawk" in out
    )
