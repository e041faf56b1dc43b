"""The outside-agent protocol (version 1): the JSON Lines frames a seat of kind ``agent:PATH``
exchanges with its program, built from the actor's own view only.

``start`` once (the public scenario and the agent's own preferences), ``decide`` at each
of its turns (the public record since its last decision and the legal moves in the text
notation), ``end`` once the game is over.  The agent answers each ``decide`` with one
``{"action": NOTATION, "remark": TEXT}`` line; ``read_answer`` turns that line into a
legal action or the reason it is not one (judged as the engine judges it, from the
public view).  Pure functions, but for ``LogReader``, which remembers how much of the
record an agent has been told: ``game.session.external`` does the talking, and the
exploit benchmark feeds the same frames to in-process players.
See ``docs/agents.md``.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from game import engine
from game.engine import Action, ActorView, EventKind, GameEvent, option_consenters
from game.engine.errors import ActionError, MalformedActionError
from game.engine.model import Objective
from game.engine.notation import clean_text, text_problem
from game.engine.packages import issues_problem
from game.engine.views import PublicView

PROTOCOL = 1
MAX_REMARK = 500  # characters of an agent's remark kept for the transcript
# Characters of an agent's action: a package of every issue or a statement with words fits
# many times over; more is refused, so no program can flood the transcript and the save.
MAX_ACTION = 2000

Frame = dict[str, Any]


def _jsonable(value: Any) -> Any:
    """A condition's value as JSON: dataclasses as objects of their set fields, sets as
    sorted lists, enums as their values."""
    if is_dataclass(value) and not isinstance(value, type):
        return _condition(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, frozenset | set):
        return sorted(_jsonable(v) for v in value)
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value


def _condition(condition: Any) -> dict[str, Any]:
    """The fields of a condition (or any part of one) that are set, as JSON values."""
    out: dict[str, Any] = {}
    for f in fields(condition):
        value = getattr(condition, f.name)
        if value is None or value in ((), {}):
            continue
        out[f.name] = _jsonable(value)
    return out


def _objective(objective: Objective) -> dict[str, Any]:
    return {
        "id": objective.id,
        "text": objective.text,
        "points": objective.points,
        "condition": _condition(objective.condition),
    }


def public_scenario(table: PublicView) -> dict[str, Any]:
    """The scenario as every delegation knows it (nothing private of anyone)."""
    playable = {a.id for a in table.actors if a.playable}
    return {
        "id": table.scenario_id,
        "title": table.title,
        "actors": [{"id": a.id, "name": a.name, "playable": a.playable} for a in table.actors],
        "issues": [
            {
                "id": i.id,
                "name": i.name,
                "options": [o.id for o in i.options],
                "status_quo": i.status_quo,
                "consent": list(i.consent),
                # Options whose own consent adds delegations (R37): option -> added ids.
                "option_consent": {
                    option: list(added) for option, added in option_consenters(i, playable).items()
                },
            }
            for i in table.issues
        ],
        "rounds": [
            {
                "id": r.id,
                "participants": list(r.participants),
                "agenda": list(r.agenda),
                "turns": r.turns,
            }
            for r in table.rounds
        ],
        "levers": [
            {"id": lv.id, "name": lv.name, "owners": list(lv.owners), "target": lv.target}
            for lv in table.levers
        ],
        "red_lines": [
            {"actor": line.actor, "issue": line.issue, "options": sorted(line.options)}
            for line in table.public_red_lines
        ],
        # Beyond the fields the protocol promises: the public opening demands.
        "demands": [
            {"actor": d.actor, "issue": d.issue, "option": d.option} for d in table.demands
        ],
    }


def start_frame(view: ActorView, seed: int) -> Frame:
    """The first frame: who the agent is, the public scenario and its own preferences."""
    return {
        "type": "start",
        "protocol": PROTOCOL,
        "actor": view.actor,
        "seed": seed,
        "scenario": public_scenario(view.table),
        "me": {
            "weights": dict(view.weights),
            "values": {i: dict(v) for i, v in view.values.items()},
            "reservation": view.reservation,
            "red_lines": [
                {"issue": line.issue, "options": sorted(line.options), "public": line.public}
                for line in view.red_lines
            ],
            "objectives": [_objective(o) for o in view.objectives],
            # its hidden type this game ("" when it plays its preferences as written)
            "hidden_type": view.hidden_type,
            "instructions": view.instructions,
        },
    }


@dataclass(slots=True)
class LogReader:
    """Turns the public record into actions in the text notation, a little at a time.

    The record is made of events; each player move leaves one event whose facts
    (its actor, proposal number, tone and words, lever and terms) are the move's.
    ``since`` returns the moves after the last call, so an agent's ``log`` holds
    what happened since its previous decision.  A record that does not go on from
    the one last read (an undo, even one followed by as many new moves, or a load)
    is read afresh from its start.
    """

    seen: int = 0
    last: object = None  # the last event read: the record goes on only if it is still there

    def since(self, table: PublicView) -> list[str]:
        log = table.log
        if self.seen > len(log) or (self.seen and log[self.seen - 1] is not self.last):
            self.seen = 0
        out: list[str] = []
        for event in log[self.seen :]:
            text = self._notation(event)
            if text:
                out.append(text)
        self.seen = len(log)
        self.last = log[-1] if log else None
        return out

    @staticmethod
    def _notation(event: GameEvent) -> str:
        kind, actor, number = event.kind, event.actor, event.proposal
        if kind is EventKind.PROPOSAL:
            return engine.format_action(engine.Propose(actor, event.terms))
        if kind is EventKind.ACCEPTED and number is not None:
            return f"{actor} accept {number}"
        if kind is EventKind.REJECTED and number is not None:
            return f"{actor} reject {number}"
        if kind is EventKind.STATEMENT and event.tone is not None:
            return engine.format_action(engine.Statement(actor, event.tone, event.said))
        if kind is EventKind.THREAT:
            return engine.format_action(engine.Threaten(actor, event.lever, event.terms))
        if kind is EventKind.LEVER_USED and actor:
            return f"{actor} carry-out {event.lever}"
        if kind is EventKind.WALKOUT:
            return f"{actor} walkout"
        if kind is EventKind.PASS:
            return f"{actor} pass"
        if kind is EventKind.TIMEOUT:
            return f"facilitator timeout {actor}"
        return ""


def decide_frame(
    view: ActorView, legal: Sequence[Action], log: Sequence[str], decision: int = 0
) -> Frame:
    """A frame asking for one move: the state of the table, the legal moves, what happened;
    ``decision`` numbers the agent's decisions from 1 (an answer may echo it)."""
    table = view.table
    rnd = table.rounds[table.round_number - 1]
    return {
        "type": "decide",
        "decision": decision,
        "round": table.round_number,
        "round_id": rnd.id,
        "turn": table.turn,
        "turns_in_round": table.round_turns,
        "tension": table.trackers.tension,
        # The agenda as effects left it (R34), not the one the file gave the round.
        "agenda": list(table.agenda),
        "binding": dict(table.binding),
        "provisional": {p.issue: p.option for p in table.provisional},
        "proposals": [
            {
                "number": p.number,
                "by": p.proposer,
                "terms": dict(p.terms),
                "accepted_by": list(p.accepted_by),
            }
            for p in table.proposals
            if p.status is engine.ProposalStatus.LIVE
        ],
        "legal": [engine.format_action(a) for a in legal],
        "log": list(log),
    }


def end_frame(outcome: str, scores: Mapping[str, float]) -> Frame:
    return {"type": "end", "outcome": outcome, "scores": dict(scores)}


def encode(frame: Frame) -> str:
    """One JSON line (no newline inside, whatever the text holds)."""
    return json.dumps(frame, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class Answer:
    """An agent's answer read: the action to play (None if refused), its remark, and why
    it was refused ("" when it was legal)."""

    action: Action | None
    remark: str = ""
    problem: str = ""


def _terms_problem(terms: engine.Terms, table: PublicView) -> str:
    """Why ``terms`` cannot be proposed now ("" when they can): every issue on the agenda
    as effects left it and still open, every option one of its issue's, and the package
    coherent (R33) -- the engine's own rule, read from the public view."""
    if not terms:
        return "a proposal needs at least one term"
    issues = {i.id: i for i in table.issues}
    binding = dict(table.binding)
    for issue, option in terms:
        if issue not in table.agenda:
            return f"{issue} is not on this round's agenda"
        if issue in binding:
            return f"{issue} is already settled bindingly"
        if option not in {o.id for o in issues[issue].options}:
            return f"{option} is not an option of {issue}"
    return issues_problem(table.issues, terms, table.binding)


def _problem(action: Action, legal: Sequence[Action], table: PublicView) -> str:
    """Why ``action`` is not legal now ("" when it is), given the engine's menu.

    The menu lists proposals term by term and statements and threats without words
    or terms; a package, a statement's words and a threat's "unless" terms are legal
    when the bare move is and the terms make a package the engine would take (R14,
    R33) -- so a package may hold an option that needs another one of it.
    """
    if action in legal:
        return ""
    if not legal:  # not this actor's move at all
        return "not legal now"
    if isinstance(action, engine.Statement):
        return "" if engine.Statement(action.actor, action.tone) in legal else "not legal now"
    if isinstance(action, engine.Propose):
        return _terms_problem(action.terms, table)
    if isinstance(action, engine.Threaten):
        if engine.Threaten(action.actor, action.lever) not in legal:
            return "not legal now"
        return _terms_problem(action.unless, table)
    return "not legal now"


def read_answer(line: str, actor: str, legal: Sequence[Action], table: PublicView) -> Answer:
    """The action an answer line names, if it is legal for ``actor`` now (``legal`` its
    menu, ``table`` the public view it was chosen in)."""
    shown = _short(line.strip())
    try:
        data = json.loads(line)
    except (ValueError, RecursionError):  # RecursionError: nested too deep to read
        return Answer(None, problem=f"its answer {shown!r} is not a JSON object")
    if not isinstance(data, dict) or not isinstance(data.get("action"), str):
        return Answer(None, problem=f'its answer {shown!r} has no "action" text')
    # Control characters (a line break, an escape) and lone surrogates have no place in
    # words said at a table: an action holding one is refused (words inside it too,
    # once read), a remark loses them.
    remark = data.get("remark", "")
    remark = clean_text(remark[:MAX_REMARK]) if isinstance(remark, str) else ""
    said = _short(clean_text(data["action"]))  # what the transcript quotes of it
    if len(data["action"]) > MAX_ACTION:
        return Answer(None, remark, f"its action {said!r} is too long to be a move")
    problem = text_problem(data["action"])
    if problem:
        return Answer(None, remark, f"its action {said!r} {problem}")
    try:
        action = engine.parse_action(data["action"])
    except ActionError as exc:  # a malformed action says what is wrong without the text
        reason = exc.reason if isinstance(exc, MalformedActionError) else str(exc)
        return Answer(None, remark, f"its action {said!r} could not be read: {_short(reason)}")
    if action.actor != actor:
        return Answer(None, remark, f"its action {said!r} is not {actor}'s to make")
    problem = _problem(action, legal, table)
    if problem == "not legal now":
        return Answer(None, remark, f"its action {said!r} is not legal now")
    if problem:
        return Answer(None, remark, f"its action {said!r} is not legal now: {problem}")
    return Answer(action, remark)


def _short(text: str, limit: int = 80) -> str:
    """``text`` cut to ``limit`` characters for a note in the transcript."""
    return text if len(text) <= limit else text[: limit - 3] + "..."
