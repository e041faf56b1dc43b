"""Build the debrief of a game from its session: the engine scores, the log replayed for the rest.

Scores, outcome and red-line crossings come from the engine (``scores``,
``outcome``); the log is replayed once, action by action, to sample the
tension after each move and to tie every transcript line to the move that
caused it (and to that move's AI rationale).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from game import engine
from game.engine import Bookmark, GameEvent, GameState, Score, Statement, words
from game.engine.model import Actor, Preferences, Scenario
from game.engine.queries import pressures_when_made
from game.engine.variants import drawn_variant, variant_of
from game.export.model import (
    CROSSED,
    KEPT,
    TESTED,
    ActorResult,
    Debrief,
    HistoryLine,
    LedgerLine,
    ObjectiveResult,
    OutcomeInfo,
    Priority,
    Rationale,
    RedLineResult,
    RoundInfo,
    RoundMark,
    SourceLine,
    TensionPoint,
    TensionTrack,
    TermResult,
    TrackerChange,
    TranscriptLine,
)
from game.session.session import LogEntry, Session


@dataclass(frozen=True, slots=True)
class _Replay:
    first: GameState
    final: GameState
    opening: tuple[GameEvent, ...]
    steps: tuple[tuple[GameEvent, ...], ...]  # the events of each log action, in order
    tension: tuple[TensionPoint, ...]


def _replay(scenario: Scenario, seed: int, log: Sequence[LogEntry]) -> _Replay:
    state = first = engine.new_game(scenario, seed)
    opening = state.log
    points = [TensionPoint(0, state.tension, state.round_number, state.turn)]
    steps = []
    for step, entry in enumerate(log, 1):
        state, events = engine.apply(state, entry.action)
        steps.append(tuple(events))
        points.append(TensionPoint(step, state.tension, state.round_number, state.turn))
    return _Replay(first, state, tuple(opening), tuple(steps), tuple(points))


def build_debrief(session: Session, *, reveal: bool = True) -> Debrief:
    """The debrief of ``session`` as it stands (finished or not).

    ``reveal=False`` leaves out every private text (``withhold_private``): for an
    unfinished game shown or shared before the debrief.
    """
    debrief = _build(session, session.revealed_log() if reveal else session.log)
    return debrief if reveal else withhold_private(debrief)


def withhold_private(d: Debrief) -> Debrief:
    """``d`` without what only the debrief may reveal: only public facts remain."""
    actors = tuple(
        dataclasses.replace(
            a,
            scored=False,
            utility=0.0,
            reservation=0.0,
            objective_points=0.0,
            red_line_penalty=0.0,
            outcome_bonus=0.0,
            total=0.0,
            objectives=(),
            red_lines=tuple(r for r in a.red_lines if r.public),
            briefing="",
            priorities=(),
            hidden_type="",
            instructions="",
        )
        for a in d.actors
    )
    transcript = tuple(dataclasses.replace(t, rationale="") for t in d.transcript)
    return dataclasses.replace(
        d,
        actors=actors,
        transcript=transcript,
        rationales=(),
        teacher_notes="",
        withheld=True,
    )


def _build(session: Session, log: Sequence[LogEntry]) -> Debrief:
    scenario = session.scenario
    replay = _replay(scenario, session.seed, log)
    state = session.state
    if engine.digest(replay.final) != engine.digest(state):
        raise RuntimeError("replaying the log did not reproduce the game; an engine bug")
    seats = {actor: str(seat) for actor, seat in session.seats.items()}
    return Debrief(
        scenario_id=scenario.id,
        title=scenario.title,
        summary=scenario.summary,
        decision_point=scenario.decision_point,
        seed=session.seed,
        finished=state.over,
        where=_where(state),
        outcome=_outcome(state),
        actors=_actors(state, seats),
        terms=_terms(state),
        ledger=_ledger(state),
        tension=_tension(scenario, replay.tension),
        trackers=_trackers(replay.first, state),
        rounds=rounds_info(scenario),
        transcript=_transcript(scenario, replay, log),
        rationales=tuple(
            Rationale(
                n,
                e.action.actor,
                words.actor_name(scenario, e.action.actor),
                engine.format_action(e.action),
                e.rationale,
            )
            for n, e in enumerate(log, 1)
            if e.rationale
        ),
        general_briefing=scenario.briefing,
        history_summary=scenario.history_summary,
        history=tuple(HistoryLine(h.date, h.text, h.source) for h in scenario.history),
        discussion_questions=scenario.discussion_questions,
        teacher_notes=scenario.teacher_notes,
        sources=tuple(
            SourceLine(s.id, s.title, s.citation, s.url, str(s.confidence))
            for s in scenario.sources
        ),
        actions=len(log),
    )


def _where(state: GameState) -> str:
    if state.ended_by is not None:
        return f"{words.ending(state.ended_by)} (round {state.round_number})"
    return state.where()


def _outcome(state: GameState) -> OutcomeInfo | None:
    result = engine.outcome(state)
    if result is None:
        return None
    description = next((o.description for o in state.scenario.outcomes if o.id == result.id), "")
    why = words.outcome_reasons(result.why, result.passed_over)
    return OutcomeInfo(result.id, result.label, description, why)


def rounds_info(scenario: Scenario) -> tuple[RoundInfo, ...]:
    return tuple(
        RoundInfo(
            n,
            r.name,
            r.venue,
            r.city,
            r.date,
            words.names(scenario, r.participants),
            r.opening,
        )
        for n, r in enumerate(scenario.rounds, 1)
    )


def priorities(scenario: Scenario, prefs: Preferences) -> tuple[Priority, ...]:
    """An actor's issues by weight, each with its options best first (shared with briefings)."""
    forbidden: dict[str, set[str]] = {}
    for line in prefs.red_lines:
        forbidden.setdefault(line.issue, set()).update(line.options)
    out = []
    for issue, weight in sorted(prefs.weights.items(), key=lambda kv: (-kv[1], kv[0])):
        values = prefs.values.get(issue, {})
        options = tuple(
            (
                words.option_label(scenario, issue, option),
                value,
                option in forbidden.get(issue, set()),
            )
            for option, value in sorted(values.items(), key=lambda kv: -kv[1])
        )
        out.append(Priority(issue, words.issue_name(scenario, issue), weight, options))
    return tuple(out)


# Asked once per delegation of the same final state; the answer replays the game.
_tested = functools.lru_cache(maxsize=2)(engine.red_lines_tested)


def _red_lines(state: GameState, prefs: Preferences, score: Score) -> tuple[RedLineResult, ...]:
    scenario = state.scenario
    provisional = {(p.issue, p.option) for p in state.provisional}
    settled = {issue for issue, _ in state.binding}
    tested_by = _tested(state)
    out = []
    for line in prefs.red_lines:
        status_quo = scenario.issue(line.issue).status_quo
        unsigned = line.issue not in settled and status_quo in line.options
        tested = tested_by.get(line.id, ())  # the engine's rule, as in the balance report
        crossed = line.id in score.red_lines_crossed  # the engine's judgement, not ours
        status = CROSSED if crossed else TESTED if tested else KEPT
        out.append(
            RedLineResult(
                id=line.id,
                issue=line.issue,
                issue_name=words.issue_name(scenario, line.issue),
                options=tuple(
                    words.option_label(scenario, line.issue, o) for o in sorted(line.options)
                ),
                public=line.public,
                reason=line.reason,
                source=line.source,
                status=status,
                tested_by=tested,
                provisional=any((line.issue, o) in provisional for o in line.options),
                unsigned_status_quo=(
                    words.option_label(scenario, line.issue, status_quo) if unsigned else ""
                ),
            )
        )
    return tuple(out)


def _actor(state: GameState, actor: Actor, score: Score | None, seat: str) -> ActorResult:
    scenario = state.scenario
    prefs = scenario.preferences.get(actor.id)
    scored = prefs is not None and score is not None
    if prefs is None or score is None:
        # A chair or an absent party: no preferences, nothing to score.
        score = Score(actor.id, 0.0, 0.0, (), 0.0, (), 0.0, 0.0, 0.0)
        prefs = Preferences(actor.id, {}, {}, 0.0)
    return ActorResult(
        id=actor.id,
        name=actor.name,
        short_name=words.short_name(scenario, actor.id),
        colour=actor.colour,
        playable=actor.playable,
        delegate=actor.delegate,
        principal=actor.principal,
        seat=seat,
        scored=scored,
        utility=score.utility,
        reservation=score.reservation,
        objective_points=score.objective_points,
        red_line_penalty=score.red_line_penalty,
        outcome_bonus=score.outcome_bonus,
        total=score.total,
        objectives=tuple(
            ObjectiveResult(o.id, o.text, o.points, o.id in score.objectives_met, o.source)
            for o in prefs.objectives
        ),
        red_lines=_red_lines(state, prefs, score),
        briefing=actor.briefing,
        priorities=priorities(scenario, prefs),
        levers=tuple(lv.name for lv in scenario.levers if lv.owner == actor.id),
        hidden_type=_hidden_type(scenario, actor.id),
        instructions=_instructions(prefs),
    )


def _instructions(prefs: Preferences) -> str:
    drawn = drawn_variant(prefs)
    return drawn.briefing.strip() if drawn is not None else ""


def _hidden_type(scenario: Scenario, actor: str) -> str:
    drawn = variant_of(scenario, actor)
    if drawn is None:
        return ""
    return drawn[1] or "its preferences as written"


def _actors(state: GameState, seats: Mapping[str, str]) -> tuple[ActorResult, ...]:
    all_scores = engine.scores(state)
    return tuple(
        _actor(state, a, all_scores.get(a.id), seats.get(a.id, "")) for a in state.scenario.actors
    )


def _terms(state: GameState) -> tuple[TermResult, ...]:
    scenario = state.scenario
    binding = dict(state.binding)
    provisional = {p.issue: p for p in state.provisional}
    out = []
    for issue in scenario.issues:
        if issue.id in binding:
            option = binding[issue.id]
            out.append(
                TermResult(
                    issue.id,
                    issue.name,
                    "binding",
                    words.option_label(scenario, issue.id, option),
                    "agreed by every actor whose consent it needs",
                )
            )
        elif issue.id in provisional:
            p = provisional[issue.id]
            detail = (
                f"accepted by {words.names(scenario, p.accepted_by)}; "
                f"waiting for {words.names(scenario, p.missing)}"
            )
            label = words.option_label(scenario, issue.id, p.option)
            out.append(TermResult(issue.id, issue.name, "provisional", label, detail))
        else:
            label = words.option_label(scenario, issue.id, issue.status_quo)
            out.append(TermResult(issue.id, issue.name, "open", label, "no agreement: status quo"))
    return tuple(out)


def _ledger(state: GameState) -> tuple[LedgerLine, ...]:
    scenario = state.scenario
    targets = {lv.id: lv.target for lv in scenario.levers}
    pressures = pressures_when_made(state)
    return tuple(
        LedgerLine(
            number=c.number,
            kind=str(c.kind),
            actor=c.actor,
            actor_name=words.actor_name(scenario, c.actor),
            lever_name=words.ledger_lever(scenario, c),
            target_name=words.actor_name(scenario, c.target or targets.get(c.lever, "")),
            unless=words.ledger_unless(scenario, c),
            round=c.round,
            status=str(c.status),
            pressure=pressures.get(c.number),
        )
        for c in state.ledger
    )


def _trackers(first: GameState, last: GameState) -> tuple[TrackerChange, ...]:
    """How credibility, cohesion, support and trust moved, from the engine's public views."""
    scenario = first.scenario
    start, end = engine.public_view(first).trackers, engine.public_view(last).trackers
    playable = [a.id for a in scenario.playable]
    out = []
    for kind, before, after in (
        ("credibility", start.credibility, end.credibility),
        ("cohesion", start.cohesion, end.cohesion),
        ("support", start.support, end.support),
    ):
        for actor in playable:
            label = f"{kind.capitalize()}: {words.short_name(scenario, actor)}"
            out.append(TrackerChange(kind, label, before[actor], after[actor]))
    for (a, b), value in start.trust.items():
        if a in playable and b in playable:
            label = f"Trust: {words.short_name(scenario, a)}–{words.short_name(scenario, b)}"
            out.append(TrackerChange("trust", label, value, end.trust[(a, b)]))
    return tuple(out)


def _tension(scenario: Scenario, points: tuple[TensionPoint, ...]) -> TensionTrack:
    marks = []
    last = 0
    for p in points:
        if p.round != last:
            name = scenario.rounds[p.round - 1].name if p.round <= len(scenario.rounds) else ""
            marks.append(RoundMark(p.step, p.round, name))
            last = p.round
    return TensionTrack(points, scenario.trackers.war_threshold, tuple(marks))


def _transcript(
    scenario: Scenario, replay: _Replay, log: Sequence[LogEntry]
) -> tuple[TranscriptLine, ...]:
    lines: list[TranscriptLine] = []

    def add(event: GameEvent, step: int, rationale: str, note: str, remark: str = "") -> None:
        bookmark = event.kind is engine.EventKind.BOOKMARK
        lines.append(
            TranscriptLine(
                index=len(lines),
                round=event.round,
                turn=event.turn,
                kind=str(event.kind),
                actor=event.actor,
                actor_name=words.actor_name(scenario, event.actor) if event.actor else "",
                text=event.text,
                step=step,
                rationale=rationale,
                bookmark=bookmark,
                note=note if bookmark else "",
                remark=remark,
            )
        )

    for event in replay.opening:
        add(event, 0, "", "")
    for step, (entry, events) in enumerate(zip(log, replay.steps, strict=True), 1):
        note = entry.action.note if isinstance(entry.action, Bookmark) else ""
        for k, event in enumerate(events):
            first = k == 0
            # A statement's words are already its own line.
            said = entry.remark if first and not isinstance(entry.action, Statement) else ""
            add(event, step, entry.rationale if first else "", note, said)
    return tuple(lines)
