"""Questions the layers above ask of the rules: who must consent, who sits, what was tested.

The debrief, the balance report and the scenario analysis all need these
answers; asking the engine keeps them from each growing their own copy of a rule.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from game.engine.actions import Propose
from game.engine.ledger import Commitment, CommitmentKind
from game.engine.model import Issue, Scenario
from game.engine.moves import apply, new_game
from game.engine.scoring import explain_red_lines
from game.engine.state import GameState
from game.engine.tables import consenters, tables_for


def consenting(scenario: Scenario, issue_id: str, option: str | None = None) -> tuple[str, ...]:
    """The actors whose acceptance binds an issue (R9), playable ones only, in the file's
    order; with ``option``, also those that option's own ``consent`` adds (R37)."""
    return consenters(scenario.issue(issue_id), tables_for(scenario).playable, option)


def option_consenters(issue: Issue, playable: Collection[str]) -> dict[str, tuple[str, ...]]:
    """For each option of ``issue`` whose own ``consent`` (R37) adds playable actors to the
    issue's list, those added actors; options that add nobody are left out."""
    base = set(consenters(issue, playable))
    out: dict[str, tuple[str, ...]] = {}
    for option in issue.options:
        added = tuple(a for a in consenters(issue, playable, option.id) if a not in base)
        if added:
            out[option.id] = added
    return out


def movers(scenario: Scenario, round_id: str) -> tuple[str, ...]:
    """The delegations that take turns, and so can accept, at a round's table (R2)."""
    t = tables_for(scenario)
    index = next(i for i, r in enumerate(scenario.rounds) if r.id == round_id)
    return t.movers[index]


def own_red_lines_crossed(
    scenario: Scenario,
    actor: str,
    terms: Mapping[str, str] | tuple[tuple[str, str], ...],
    *,
    agreed: Mapping[str, str] | None = None,
) -> tuple[str, ...]:
    """Ids of ``actor``'s own red lines (public or not) that ``terms`` cross, given what
    already binds (``agreed``: a line whose ``unless`` it meets is lifted, R27)."""
    breaches = explain_red_lines(scenario, terms, actor, others_public=False, agreed=agreed)
    return tuple(b.red_line for b in breaches)


def red_lines_tested(state: GameState) -> dict[str, tuple[int, ...]]:
    """Red line id -> the numbers of the proposals that tested it, in order.

    A red line is tested when someone other than its holder proposes terms that
    cross it while the holder sits at the table (not walked out of the round).
    Every red line of the scenario is a key, untested ones with ``()``.
    """
    scenario = state.scenario
    found: dict[str, list[int]] = {
        line.id: [] for prefs in scenario.preferences.values() for line in prefs.red_lines
    }
    # Presence at the moment of each proposal is not kept in the state: replay to see it.
    replay = new_game(scenario, state.seed)
    for action in state.history:
        if isinstance(action, Propose):
            number = len(replay.proposals) + 1
            present = replay.present()
            agreed = dict(replay.binding)
            for holder in scenario.preferences:
                if holder == action.actor or holder not in present:
                    continue
                for line_id in own_red_lines_crossed(scenario, holder, action.terms, agreed=agreed):
                    found[line_id].append(number)
        replay, _ = apply(replay, action)
    return {line_id: tuple(numbers) for line_id, numbers in found.items()}


def credibility_pressure(credibility: float) -> float:
    """The pressure of a threat whose maker has this credibility (R35): credibility / 100.

    The one place the rule is written: the AI's reading of a threat and the debrief's
    ledger both ask it.
    """
    return credibility / 100.0


def threat_pressure(state: GameState, threat: Commitment) -> float:
    """How hard a threat presses its target in ``state`` (R35)."""
    return credibility_pressure(state.credibility(threat.actor))


def pressures_when_made(state: GameState) -> dict[int, float]:
    """Ledger number -> the pressure of each threat as it was made (R35), for the debrief."""
    found: dict[int, float] = {}
    if not any(c.kind is CommitmentKind.THREAT for c in state.ledger):
        return found
    replay = new_game(state.scenario, state.seed)
    for action in state.history:
        before = len(replay.ledger)
        replay, _ = apply(replay, action)
        for c in replay.ledger[before:]:
            if c.kind is CommitmentKind.THREAT:
                found[c.number] = threat_pressure(replay, c)
    return found
