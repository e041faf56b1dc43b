"""The table as plain text, for the terminal mode: header, trackers, board and menus.

Everything here reads the public view (and, for a seat's own menu, its legal
actions); nothing computes a rule.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence

from game import engine
from game.engine import (
    Accept,
    Action,
    ActorView,
    Propose,
    PublicView,
    Terms,
    words,
)
from game.engine.model import RedLine, Scenario
from game.engine.seen import LineStanding, standing, unless_words
from game.engine.state import ProposalStatus
from game.engine.words import paragraphs

RULE = "-" * 72


def names(pv: PublicView) -> dict[str, str]:
    return {a.id: words.short_name(pv, a.id) for a in pv.actors}


def terms_text(pv: PublicView, terms: Sequence[tuple[str, str]]) -> str:
    """``issue=option`` ids (what a player types) with the option's label."""
    return words.terms_with_ids(pv, terms)


def header(pv: PublicView) -> list[str]:
    rnd = pv.rounds[pv.round_number - 1]
    who = names(pv)
    at_table = ", ".join(who.get(a, a) for a in rnd.participants)
    turns = pv.round_turns
    return [
        RULE,
        f"Round {pv.round_number} of {len(pv.rounds)}: {rnd.name} — {rnd.venue}, {rnd.city}, "
        f"{rnd.date} — turn {min(pv.turn, turns)} of {turns}",
        f"At the table: {at_table}",
    ]


def trackers(pv: PublicView) -> list[str]:
    t = pv.trackers
    who = names(pv)
    playable = [a.id for a in pv.actors if a.playable]

    def row(label: str, values: dict[str, float]) -> str:
        return f"  {label:<12}" + "  ".join(f"{who[a]} {values[a]:.0f}" for a in playable)

    trust = "  ".join(
        f"{who[a]}–{who[b]} {v:.0f}"
        for (a, b), v in t.trust.items()
        if a in playable and b in playable
    )
    return [
        f"Tension {t.tension:.0f} / {t.war_threshold:.0f}",
        row("credibility", t.credibility),
        row("cohesion", t.cohesion),
        row("support", t.support),
        f"  {'trust':<12}{trust}",
        "  (credibility: threats believed · support: backing at home · cohesion: alliance",
        "   unity · trust: between two delegations — the window's cards show the same)",
    ]


def board(pv: PublicView) -> list[str]:
    """Each issue with its agreed or provisional term, then the proposals on the table."""
    who = names(pv)
    agenda = set(pv.agenda)  # as effects changed it (R34), even emptied
    binding = dict(pv.binding)
    provisional = {p.issue: p for p in pv.provisional}
    lines = ["Board (* on this round's agenda):"]
    for issue in pv.issues:
        mark = "*" if issue.id in agenda else " "
        if issue.id in binding:
            agreed = binding[issue.id]
            state = f"AGREED {agreed} ({words.option_label(pv, issue.id, agreed)})"
        elif issue.id in provisional:
            prov = provisional[issue.id]
            missing = ", ".join(who.get(a, a) for a in prov.missing)
            state = (
                f"provisional {prov.option} ({words.option_label(pv, issue.id, prov.option)}), "
                f"waiting for {missing}"
            )
        else:
            state = f"open (status quo: {issue.status_quo})"
        lines.append(f" {mark} {issue.id:<18} {state}")
    lines += public_red_lines(pv)
    live = [p for p in pv.proposals if p.status is ProposalStatus.LIVE]
    if not live:
        lines.append("No proposal on the table.")
    for p in live:
        accepted = ", ".join(who.get(a, a) for a in p.accepted_by) or "nobody yet"
        lines.append(f"Proposal #{p.number} by {who.get(p.proposer, p.proposer)}:")
        lines.append(f"    {terms_text(pv, p.terms)}")
        lines.append(f"    accepted by: {accepted}")
    return lines


def action_text(pv: PublicView, action: Action) -> str:
    """One line of a human seat's menu."""
    return words.menu_words(pv, action)


def _terms_of(pv: PublicView, action: Action) -> Terms:
    if isinstance(action, Propose):
        return action.terms
    if isinstance(action, Accept) and 1 <= action.proposal <= len(pv.proposals):
        return pv.proposals[action.proposal - 1].terms
    return ()


def red_line_marks(scenario: Scenario, pv: PublicView, action: Action, actor: str) -> str:
    """A warning for a proposal or acceptance that crosses red lines, as the board shows them."""
    terms = _terms_of(pv, action)
    if not terms:
        return ""
    # What already binds counts: it may lift a red line with ``unless`` (R27).
    breaches = engine.explain_red_lines(scenario, terms, actor, agreed=dict(pv.binding))
    return crossing_marks(pv, [(b.actor, b.issue, b.own) for b in breaches])


def crossing_marks(pv: PublicView, crossings: Iterable[tuple[str, str, bool]]) -> str:
    """``[crosses ...]`` for the red lines a move crosses: (owner, issue, is it one's own)."""
    who = names(pv)
    marks = []
    for owner, issue, own in crossings:
        whose = "YOUR red line" if own else f"{who.get(owner, owner)}'s red line"
        marks.append(f"{whose} on {issue}")
    return f"   [crosses {'; '.join(dict.fromkeys(marks))}]" if marks else ""


def menu(
    pv: PublicView,
    legal: Sequence[Action],
    scenario: Scenario | None = None,
    actor: str = "",
    *,
    marks: Sequence[str] | None = None,
) -> list[str]:
    """The numbered legal moves; ``marks`` (one per move) when the red lines were judged
    elsewhere (by a host, for a networked seat), else judged here from ``scenario``."""
    lines = []
    for n, action in enumerate(legal, 1):
        if marks is not None:
            mark = marks[n - 1]
        else:
            mark = red_line_marks(scenario, pv, action, actor) if scenario is not None else ""
        lines.append(f"  {n:>2}. {action_text(pv, action)}{mark}")
    lines.append(
        "  or: p TERMS | t LEVER [unless TERMS] | s TONE TEXT | i your brief | u undo | b board"
        " | h help | q quit"
    )
    return lines


def brief(view: ActorView, pv: PublicView) -> list[str]:
    """A delegation's private brief: only ever shown to that delegation's seat."""
    lines = [f"Your brief ({names(pv).get(view.actor, view.actor)}, confidential):"]
    if view.hidden_type:  # drawn for this game
        lines.append(f"  Your instructions this week: {view.hidden_type}")
        for paragraph in paragraphs(view.instructions):
            lines += textwrap.wrap(paragraph, 76, initial_indent="  ", subsequent_indent="  ")
        lines.append("")
    for paragraph in paragraphs(view.briefing):  # as the scenario guide says it reads
        for line in paragraph.split("\n"):
            lines += textwrap.wrap(line, 76, initial_indent="  ", subsequent_indent="  ")
        lines.append("")
    lines.append("Your priorities (weight: what matters most first):")
    for issue, weight in sorted(view.weights.items(), key=lambda kv: -kv[1]):
        best = max(view.values.get(issue, {}).items(), key=lambda kv: kv[1], default=("", 0.0))
        lines.append(f"  {weight:.2f}  {words.issue_name(pv, issue)} (best for you: {best[0]})")
    lines.append(f"Walking away is worth {view.reservation:.2f} to you.")
    lines.append("Your red lines:")
    lines += red_line_lines(pv, view.red_lines)
    if not view.red_lines:
        lines.append("  none")
    for lever in view.levers:
        lines.append(f"Lever {lever.id}: {lever.name}. {lever.description}")
    return lines


def public_red_lines(pv: PublicView) -> list[str]:
    """Every public red line, as the window's chips show them: firm, conditional or lifted."""
    if not pv.public_red_lines:
        return []
    who = names(pv)
    binding = dict(pv.binding)
    out = ["Public red lines (× = crossed by those options):"]
    for red in pv.public_red_lines:
        options = ", ".join(sorted(red.options))
        head = f"{who.get(red.actor, red.actor)} on {red.issue} = {options}"
        stands = standing(red, binding)
        if stands is LineStanding.FIRM:
            out.append(f"  × {head}")
        elif stands is LineStanding.LIFTED:
            out.append(f"    {head}: LIFTED by what binds")
        else:
            assert red.unless is not None
            out.append(f"  × {head}, unless {unless_words(pv, red.unless)}")
    return out


def red_line_lines(pv: PublicView, red_lines: Iterable[RedLine]) -> list[str]:
    """Red lines one a line; one with ``unless`` says so, and whether what binds lifts it."""
    binding = dict(pv.binding)
    out = []
    for red in red_lines:
        public = "public" if red.public else "secret"
        options = ", ".join(sorted(red.options))
        out.append(f"  {red.issue} = {options} ({public}): {red.reason}")
        if red.unless is not None:
            stands = standing(red, binding)
            now = "LIFTED now by what binds" if stands is LineStanding.LIFTED else "not lifted yet"
            out.append(f"      unless {unless_words(pv, red.unless)}: {now}")
    return out


HELP = """\
Commands (one a line):
  N                      take move number N (the short menu and ? number moves alike)
  ?                      every legal move, one a line, with its number
  p                      build a package: choose an option for each issue by number
  p TERMS                propose a package, e.g.  p issue-a=option-x,issue-b=option-y
  t LEVER [unless TERMS] threaten with one of your levers, optionally unless TERMS are agreed
  s TONE TEXT            a public statement: TONE is conciliatory, firm or hostile
  u                      undo your last move (and the computer's moves after it)
  i                      your delegation's brief: priorities, red lines, levers
  b                      the board and the trackers
  h                      this help
  q                      save and quit (the game can be resumed with --resume)
You may also type an action in the game's notation, e.g.  pass, accept 2 (your own
delegation's id in front may be left out: ACTOR pass)
or, for the facilitator,  facilitator bookmark "discuss this"  or  facilitator end-game"""
