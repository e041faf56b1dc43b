"""The debrief model: the engine's scores and outcome, red lines, ledger, tension and transcript."""

from __future__ import annotations

from pathlib import Path

from game import engine
from game.engine import Accept, EndGame, EndRound, Propose, Threaten
from game.export import build_debrief
from game.export.markdown import debrief_markdown
from game.export.model import CROSSED, KEPT
from game.session import Seat, SeatKind, Session, load
from tests.export.helpers import HOSTILE_NOTE
from tests.scenarios import bundled


def test_scores_and_outcome_are_the_engines(finished: tuple[Session, Path]) -> None:
    session, save = finished
    debrief = build_debrief(load(save))
    state = session.state
    assert debrief.finished
    result = engine.outcome(state)
    assert result is not None
    assert debrief.outcome is not None
    assert (debrief.outcome.id, debrief.outcome.label, debrief.outcome.why) == (
        result.id,
        result.label,
        engine.words.outcome_reasons(result.why, result.passed_over),
    )
    assert debrief.outcome.why.startswith(result.why[:1].upper() + result.why[1:])
    engine_scores = engine.scores(state)
    assert {a.id for a in debrief.scored} == set(engine_scores)
    for actor in debrief.scored:
        score = engine_scores[actor.id]
        assert actor.total == score.total
        assert actor.utility == score.utility
        assert actor.reservation == score.reservation
        met = {o.id for o in actor.objectives if o.met}
        assert met == set(score.objectives_met)
        crossed = {r.id for r in actor.red_lines if r.status == CROSSED}
        assert crossed == set(score.red_lines_crossed)
    assert all(not a.scored for a in debrief.actors if a.id not in engine_scores)


def test_ledger_tension_and_transcript_follow_the_game(finished: tuple[Session, Path]) -> None:
    session, _ = finished
    debrief = build_debrief(session)
    state = session.state
    assert [(c.number, c.status) for c in debrief.ledger] == [
        (c.number, str(c.status)) for c in state.ledger
    ]
    assert debrief.ledger, "the fixture threatens once: the ledger cannot be empty"
    track = debrief.tension
    assert len(track.points) == len(session.log) + 1
    assert track.points[0].step == 0
    assert track.end == state.tension
    assert [m.number for m in track.rounds] == list(range(1, state.round_number + 1))
    # the tension each action left (its last TENSION event, if any) is the track's point
    replay = engine.new_game(state.scenario, state.seed)
    for step, entry in enumerate(session.log, 1):
        replay, events = engine.apply(replay, entry.action)
        moved = [e.value for e in events if e.kind is engine.EventKind.TENSION]
        if moved:
            assert track.points[step].tension == moved[-1]
    assert [t.text for t in debrief.transcript] == [e.text for e in session.transcript]
    notes = [b.note for b in debrief.bookmarks]
    assert notes == [HOSTILE_NOTE, "second bookmark: the turning point"]
    ai_lines = {t.step: t.rationale for t in debrief.transcript if t.rationale}
    for step, entry in enumerate(session.log, 1):
        if entry.rationale and step in ai_lines:
            assert ai_lines[step] == entry.rationale
    assert [r.rationale for r in debrief.rationales] == [
        e.rationale for e in session.log if e.rationale
    ]


def test_unfinished_game_has_no_outcome_but_says_where_it_stands(tmp_path: Path) -> None:
    loaded = bundled("geneva-2022")
    seats = {a.id: Seat(SeatKind.RANDOM) for a in loaded.scenario.playable}
    session = Session(loaded, 3, seats, autosave=False)
    for _ in range(3):
        session.step()
    debrief = build_debrief(session)
    assert not debrief.finished
    assert debrief.outcome is None
    assert debrief.where == session.state.where()
    assert len(debrief.tension.points) == 4


def test_red_lines_tested_crossed_and_provisional() -> None:
    """A red line agreed by all it needs is crossed; one agreed without a party is provisional."""
    loaded = bundled("geneva-2022")
    sc = loaded.scenario
    seats = {a.id: Seat(SeatKind.HUMAN) for a in sc.playable}
    session = Session(loaded, 1, seats, autosave=False)
    session.submit(EndRound())  # on to round 2, a two-party table with a full agenda
    mover, other = session.state.movers
    agenda = session.state.round.agenda
    at_table = {mover, other}

    def consent(issue: str) -> set[str]:
        return set(sc.issue(issue).consent)

    # one of the other side's red lines the two can settle alone, one of ours they cannot
    line = next(
        r
        for r in sc.preferences[other].red_lines
        if r.issue in agenda and consent(r.issue) <= at_table
    )
    # (a term without support effects: one that costs the US support at home would leave
    # the whole agreement awaiting ratification, R29)
    own = next(
        r
        for r in sc.preferences[mover].red_lines
        if r.issue in agenda
        and not consent(r.issue) <= at_table
        and not any(sc.issue(r.issue).option(o).on_agree for o in r.options)
    )
    terms = {line.issue: sorted(line.options)[0], own.issue: sorted(own.options)[0]}
    session.submit(Propose(mover, tuple(terms.items())))
    session.submit(Accept(other, 1))
    session.submit(Threaten(mover, next(lv.id for lv in sc.levers if lv.owner == mover)))
    debrief = build_debrief(session)
    by_actor = {a.id: a for a in debrief.actors}
    theirs = {r.id: r for r in by_actor[other].red_lines}[line.id]
    assert theirs.status == CROSSED
    assert theirs.tested_by == (1,)
    assert line.id in engine.scores(session.state)[other].red_lines_crossed
    mine = {r.id: r for r in by_actor[mover].red_lines}[own.id]
    # Proposing over one's own red line is not a test of it: only someone else's proposal is
    # (the engine's rule, shared with the balance report).
    assert mine.status == KEPT
    assert mine.tested_by == ()
    assert mine.provisional
    assert "provisionally" in mine.status_text
    assert engine.red_lines_tested(session.state)[own.id] == ()
    assert engine.red_lines_tested(session.state)[line.id] == (1,)
    untouched = [r for r in by_actor[mover].red_lines if r.issue not in terms]
    assert untouched
    assert all(r.status == KEPT for r in untouched)
    states = {t.issue: t.state for t in debrief.terms}
    assert (states[line.issue], states[own.issue]) == ("binding", "provisional")
    assert debrief.ledger[0].status == "pending"


def test_trackers_start_and_end_are_the_engines(finished: tuple[Session, Path]) -> None:
    session, _ = finished
    debrief = build_debrief(session)
    end = engine.public_view(session.state).trackers
    start = engine.public_view(engine.new_game(session.scenario, session.seed)).trackers
    playable = [a.id for a in session.scenario.playable]
    expected = [(start.credibility[a], end.credibility[a]) for a in playable]
    got = [(t.start, t.end) for t in debrief.trackers if t.kind == "credibility"]
    assert got == expected
    pairs = [(a, b) for (a, b) in end.trust if a in playable and b in playable]
    trust = [(t.start, t.end) for t in debrief.trackers if t.kind == "trust"]
    assert trust == [(start.trust[p], end.trust[p]) for p in pairs]
    assert any(t.start != t.end for t in debrief.trackers)  # the game moved something


def test_the_markdown_tension_table_holds_each_turns_closing_value(
    finished: tuple[Session, Path],
) -> None:
    # The transcript is the oracle: a turn ends at the last tension it reached.
    session, _ = finished
    reached: dict[tuple[int, int], float] = {}
    for event in session.state.log:
        if event.kind is engine.EventKind.TENSION and event.value is not None:
            reached[(event.round, event.turn)] = event.value
    rows = {}
    markdown = debrief_markdown(build_debrief(session))
    table = markdown.split("Tension at the end of the turn", 1)[1].split("\n\n", 1)[0]
    for line in table.splitlines()[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        rows[(int(cells[0]), int(cells[1]))] = float(cells[2])
    assert reached
    for turn, value in reached.items():
        if turn[1] > 0:  # openings belong to no turn
            assert rows[turn] == round(value), turn


def test_a_red_line_on_an_unsettled_status_quo_was_never_signed_not_kept() -> None:
    loaded = bundled("geneva-2022")
    sc = loaded.scenario
    session = Session(loaded, 1, {a.id: Seat(SeatKind.HUMAN) for a in sc.playable}, autosave=False)
    session.submit(EndGame())
    on_status_quo = {
        (actor, line.id): sc.issue(line.issue)
        for actor, prefs in sc.preferences.items()
        for line in prefs.red_lines
        if sc.issue(line.issue).status_quo in line.options
    }
    assert on_status_quo  # the bundled scenario has such lines (the troops stay massed)
    results = {(a.id, r.id): r for a in build_debrief(session).actors for r in a.red_lines}
    for key, issue in on_status_quo.items():
        text = results[key].status_text
        assert text.startswith("never signed"), text
        assert "kept" not in text
        status_quo = next(o.label for o in issue.options if o.id == issue.status_quo)
        assert status_quo in text
    others = [r for key, r in results.items() if key not in on_status_quo]
    assert all(r.status_text == "kept (never proposed)" for r in others)


def test_the_ledger_says_who_broke_and_who_withdrew_what() -> None:
    """R25 and R39 in the debrief: a broken agreement reads "breaking", a withdrawn
    provisional one "withdrawing", each with its status."""
    import dataclasses

    from game.export.debrief import _ledger
    from tests.engine.helpers import quiet, run, start

    sc = quiet()
    levers = tuple(
        dataclasses.replace(
            lv,
            breaks={"border": frozenset({"monitored"}), "alliance": frozenset({"moratorium"})},
        )
        if lv.id == "troops"
        else lv
        for lv in sc.levers
    )
    sc = dataclasses.replace(sc, levers=levers)
    state = run(
        start(sc),
        "aster propose border=monitored,alliance=moratorium",
        "boreal accept 1",
        "aster pass",
        "boreal carry-out troops",
    )
    lines = [(line.lever_name, line.status) for line in _ledger(state) if line.kind == "agreement"]
    assert [status for _, status in lines] == ["broken", "withdrawn"]
    assert ", breaking " in lines[0][0]
    assert ", withdrawing " in lines[1][0]
