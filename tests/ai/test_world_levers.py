"""The AI and the format-2 levers: war only when it beats the table, breaking an agreement
only by a bold one, and never an incoherent package (R25, R26, R33)."""

from __future__ import annotations

import dataclasses

from game import engine
from game.ai.coherence import coherent_terms
from game.ai.table import Table
from game.ai.tactics import would_carry_out
from game.ai.view import own_prefs, table_from_view
from game.engine.model import Condition, Outcome, Personality
from game.session.agents import make_agent
from game.session.seats import Difficulty, Seat, SeatKind
from tests.engine.helpers import run
from tests.engine.world_fixture import world_scenario

WORLD = world_scenario()


def _table(state: engine.GameState, actor: str, risk: float) -> Table:
    view = engine.view(state, actor)
    table = table_from_view(view, own_prefs(view))
    return dataclasses.replace(table, personality=Personality(0.5, 0.5, risk))


def test_war_only_when_it_scores_better_than_the_table() -> None:
    """An escalating lever (R26) is a decision: taken only late in the week and only when
    the escalation's score beats the week ending as it stands, whatever the delegate's
    boldness (issue 10 rule 2, issue 11 item 4)."""
    state = engine.new_game(WORLD, 1)
    state = run(state, "aster pass")
    war = next(lv for lv in WORLD.levers if lv.id == "war")
    escalation = Outcome("war", "War", "", Condition(escalated=True), {"*": -0.5})
    peace = Outcome("peace", "Peace", "", Condition(), {"*": 0.0})
    for risk in (0.0, 1.0):
        table = dataclasses.replace(
            _table(state, "boreal", risk), outcomes=(escalation, peace), clock=0.9
        )
        assert not would_carry_out(table, war)  # war scores 0.5 less than the table
        # War scoring more than the table: carried out late, never early in the week.
        better = Outcome("war", "War", "", Condition(escalated=True), {"*": 0.5})
        assert would_carry_out(dataclasses.replace(table, outcomes=(better, peace)), war)
        early = dataclasses.replace(table, outcomes=(better, peace), clock=0.5)
        assert not would_carry_out(early, war)


def test_breaking_an_agreement_only_by_a_bold_delegate() -> None:
    """A bold delegate breaks an agreement of an earlier round to carry out a lever; one
    it signed at this very table, with its threat pending, it never breaks: signing was
    its answer (issue 11 item 4)."""
    state = run(engine.new_game(WORLD, 1), "aster propose border=monitored", "boreal accept 1")
    state = run(state, "aster pass")
    troops = next(lv for lv in WORLD.levers if lv.id == "troops")
    later = 1  # the same record, read as if a round had passed since the agreement
    for risk, breaks in ((0.6, False), (0.8, True)):
        table = dataclasses.replace(_table(state, "boreal", risk), round_index=later)
        assert would_carry_out(table, troops) is breaks
        assert not would_carry_out(_table(state, "boreal", risk), troops)
        assert not would_carry_out(_table(state, "boreal", risk), troops, honour=True)


def test_all_ai_games_never_go_to_war_or_propose_incoherently() -> None:
    for difficulty in Difficulty:
        for seed in range(15):
            seat = Seat(SeatKind.AI, difficulty)
            agents = {a.id: make_agent(WORLD, a.id, seat, seed) for a in WORLD.playable}
            state = engine.new_game(WORLD, seed)
            while not state.over:
                mover = engine.to_move(state) or ""
                legal = engine.legal_actions(state, mover)
                action = agents[mover].decide(engine.view(state, mover), legal).action
                state, _ = engine.apply(state, action)  # an illegal package would raise
            assert "war" not in state.executed


def test_coherent_terms_drop_what_breaks_requires_or_excludes() -> None:
    state = engine.new_game(WORLD, 1)
    table = _table(state, "aster", 0.5)
    assert coherent_terms((("border", "demilitarised"),), table) == ()
    kept = (("border", "demilitarised"), ("missiles", "ban"))
    assert coherent_terms(kept, table) == kept


def test_a_delegate_reads_a_threats_pressure_as_the_rules_say() -> None:
    """R35: the pressure a delegate feels from a threat against it is the engine's
    ``threat_pressure`` (its maker's credibility / 100), and it hurries a delegate that
    does not like risk: its clock runs faster."""
    from game.engine.queries import threat_pressure
    from tests.engine.helpers import quiet, start

    state = run(start(quiet()), "aster threaten tariffs")
    (threat,) = state.ledger
    table = table_from_view(
        engine.view(state, threat.target), own_prefs(engine.view(state, threat.target))
    )
    assert table.pressure == threat_pressure(state, threat) > 0
    scope = [i.id for i in state.scenario.issues]
    early = dict.fromkeys(scope, 0.2)
    cautious = dataclasses.replace(table, personality=Personality(0.5, 0.5, 0.0), progress=early)
    calm = dataclasses.replace(cautious, pressure=0.0)
    assert cautious.time(scope) > calm.time(scope)
