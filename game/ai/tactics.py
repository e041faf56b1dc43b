"""Statements, threats and their execution: pressure used when it pays, by personality.

A threat is worth making when the talks are deadlocked near the end of a round,
the crisis is not already close to war (unless the delegate is reckless) and
its word still counts.  It says "unless" with our key demands.  When a threat
falls due unmet, a delegate carries it out if it is the kind that does
(``risk``), or knowingly takes the loss of credibility.  At the easy level a
delegate never bluffs (it threatens only with what it would carry out); at the
hard level it sometimes does.
"""

from __future__ import annotations

from game.ai.difficulty import Difficulty
from game.ai.draws import Draws
from game.ai.judge import format_terms, others_lines
from game.ai.moves import Intent, Kind, Moves
from game.ai.opponents import model_opponents
from game.ai.outlook import LATE, war_beats_table
from game.ai.table import Table
from game.engine.actions import Terms
from game.engine.model import Lever, Tone, TrackerKind
from game.engine.words import counted

_BLUFF_CREDIT = 65  # the hard level bluffs only while its word counts this much
_RISK_JITTER = {"easy": 0.0, "normal": 0.15, "hard": 0.2}
_YIELDABLE = 0.5  # the least modelled value of the demanded terms to their target, at risk 0


def _tension_of(effects_delta: float, table: Table) -> float:
    return table.tension + effects_delta


def _lever_tension(lever: Lever, execute: bool, table: Table) -> float:
    effects = lever.execute_effects if execute else lever.threat_effects
    base = table.tuning.execute_tension if execute else table.tuning.threat_tension
    return base + sum(e.delta for e in effects if e.tracker is TrackerKind.TENSION)


def risk_of(table: Table) -> float:
    """How much risk the delegate takes: an easy delegate is half as bold as its personality,
    so that a learner meets fewer threats and more room to negotiate."""
    # The game's seeded variation moves boldness too (a hard-line game is a bolder one).
    shift = _RISK_JITTER.get(table.difficulty, 0.0) * table.jitter
    risk = min(1.0, max(0.0, table.personality.risk + shift))
    return 0.5 * risk if table.difficulty == "easy" else risk


def dares(table: Table) -> float:
    """How close to war the delegate dares to push the tension: a cautious one keeps a wide
    margin (60% of the threshold at risk 0), a reckless one none (the threshold at risk 1)."""
    return (0.6 + 0.4 * risk_of(table)) * table.war_threshold


# Share of the war threshold kept free when a lever is carried out: the world's events
# and the others' answers move the tension too, and war ends the game worst for all.
_WAR_MARGIN = 0.15
_HONOUR_ROOM = 0.1  # how far past its ceiling a delegate goes to keep its word
_EDGE = 0.12  # ... but never closer to war than this share of the threshold: the news
# moves it too (an all-AI game went 76 -> 94 by a build-up kept as a promise, then to war
# by two headlines), and war is the worst end for every delegation
_NEWS_ROOM = 0.05  # a threat leaves this much more, for what may come before it falls due


def ceiling(table: Table) -> float:
    """The highest tension the delegate will push the crisis to by its own hand.

    Carrying out a lever is worth it only while the table still promises more than war
    does: war's outcome is the worst score for every delegation, so a cautious delegate
    keeps a wide margin below the threshold, and even a risk-taker (``BOLD``), which
    goes to the brink it dares, stops short of the edge.
    """
    war = table.war_threshold
    if risk_of(table) >= BOLD:  # a risk-taker goes to the brink it dares, not over it
        return min(dares(table), (1.0 - _EDGE) * war)
    return min(dares(table), (1.0 - _WAR_MARGIN) * war)


BOLD = 0.7  # a delegate this risk-taking keeps its threat even if that breaks an agreement


def breaks_agreement(table: Table, lever: Lever) -> bool:
    """Would carrying out ``lever`` break a binding term (a breach, R25)?"""
    return any(table.agreed.get(issue) in options for issue, options in lever.breaks.items())


def _signed_here(table: Table) -> dict[str, str]:
    """issue -> option of the terms that bind from an offer we made or accepted in this
    round.  A threat falls due at the end of the round it was made in, so they were signed
    with the threat pending: signing them was our answer to it."""
    me, index = table.me, table.round_index
    signed: dict[str, str] = {}
    for offer in table.offers:
        if offer.round != index or (me not in offer.accepted_by and offer.proposer != me):
            continue
        signed.update((i, o) for i, o in offer.terms if table.agreed.get(i) == o)
    return signed


def _agreed_here(table: Table, lever: Lever) -> bool:
    """Would carrying out ``lever`` break terms we ourselves signed in this round?  That
    would go back on our latest word, not keep it."""
    signed = _signed_here(table)
    return any(o in lever.breaks.get(i, ()) for i, o in signed.items())


def _given_up(table: Table, unless: Terms) -> bool:
    """Did we ourselves sign, in this round, other terms on an issue the threat asked for?
    Then its condition can no longer be met, by our own choice: carrying it out would
    punish the others for a deal we made."""
    signed = _signed_here(table)
    return any(i in signed and signed[i] != o for i, o in unless)


def would_carry_out(table: Table, lever: Lever, honour: bool = False) -> bool:
    """Would this delegate really carry the lever out now?  A lever that is war itself
    (``escalates``, R26) only when war scores better for it than the table still can;
    one that would break an agreement (R25) only a bold one (never at the easy level,
    where risk is halved).  To ``honour`` a threat that fell due it goes a little past
    its usual ceiling (the others' moves and the news may have raised the tension since
    it spoke), never to the edge of war: its word is what made the threat count."""
    risk = risk_of(table)
    if lever.escalates:  # war: only when it gives us more than the table still can
        return war_beats_table(table)
    if breaks_agreement(table, lever) and (risk < BOLD or _agreed_here(table, lever)):
        return False
    after = _tension_of(_lever_tension(lever, True, table), table)
    limit = ceiling(table)
    if honour:
        war = table.war_threshold
        limit = max(limit, min((1.0 - _EDGE) * war, limit + _HONOUR_ROOM * war))
    return risk >= 0.45 and after < limit


def key_demands(table: Table) -> Terms:
    """What a threat asks for: our weightiest demands the others could grant.

    Our public demands on the open agenda, minus those that cross another's public
    red line, two at most; else our best option on
    our weightiest open issue.
    """
    prefs = table.prefs
    mine = table.demands.get(table.me, {})
    banned = others_lines(table)
    # Never terms already agreed here, nor terms the table cannot make binding this
    # round (a consenting delegation is absent): a threat must ask what can be given now.
    open_issues = tuple(
        i for i in table.open_issues if i not in table.provisional and not table.missing.get(i)
    )
    wanted = [
        (i, mine[i])
        for i in open_issues
        if i in mine
        and prefs.weights.get(i, 0.0) > 0
        and mine[i] not in prefs.forbidden[i]
        and (i, mine[i]) not in banned
    ]
    wanted.sort(key=lambda t: -prefs.weights[t[0]])
    terms = wanted[:2]
    if not terms and open_issues:
        top = max(open_issues, key=lambda i: prefs.weights.get(i, 0.0))
        option = prefs.best_option[top]
        if prefs.weights.get(top, 0.0) > 0 and (top, option) not in banned:
            terms = [(top, option)]
    return _coherent(table, tuple(sorted(terms)))


def _standing_word(table: Table) -> dict[str, str]:
    """issue -> option of the live offers we made or accepted: what we have said we sign."""
    me = table.me
    word: dict[str, str] = {}
    for offer in table.offers:
        if offer.open and (offer.proposer == me or me in offer.accepted_by):
            word.update(offer.terms)
    return word


def _coherent(table: Table, unless: Terms) -> Terms:
    """``unless`` made consistent with our standing word: a threat never demands, on an
    issue, another option than the one our own live offer (or one we accepted) gives,
    or the others could meet our offer and still see the threat carried out.  Left with
    nothing, it asks for the weightiest open terms of our standing word instead: "take
    our offer, or else"."""
    word = _standing_word(table)
    if not word:
        return unless
    kept_terms = tuple((i, o) for i, o in unless if word.get(i, o) == o)
    if kept_terms:
        return kept_terms
    prefs = table.prefs
    open_terms = [
        (i, o)
        for i, o in word.items()
        if i in table.open_issues
        and i not in table.provisional
        and not table.missing.get(i)
        and prefs.weights.get(i, 0.0) > 0
        and prefs.values[i][o] > prefs.values[i][prefs.status_quo[i]]
    ]
    open_terms.sort(key=lambda t: (-prefs.weights[t[0]], t))
    return tuple(sorted(open_terms[:2]))


def carry_out_due(table: Table, moves: Moves) -> Intent | None:
    """Carry out a threat that fell due unmet, if we are the kind that does."""
    for threat in table.threats:
        if not threat.due or threat.lever not in moves.carry_out:
            continue
        if _given_up(table, threat.unless):
            continue  # we let it lapse: our own signature answered it
        lever = next((lv for lv in table.levers if lv.id == threat.lever), None)
        if lever is not None and would_carry_out(table, lever, honour=True):
            return Intent(
                Kind.CARRY_OUT,
                f"carried out {lever.id}: our condition {format_terms(threat.unless)} was not met"
                f" and our credibility {table.credibility:.0f} must hold",
                lever=lever.id,
            )
    return None


def _yieldable(table: Table, lever: Lever, unless: Terms, rng: Draws) -> bool:
    """Could the lever's target plausibly grant ``unless``?  A threat pays only then: it
    must sit at this table, and our model of it must not find the terms repugnant."""
    if lever.target not in table.others():
        return False
    model = model_opponents(table, table.difficulty, rng, (lever.target,))[lever.target]
    values = [model.values[i][o] for i, o in unless]
    # A risk-taker gambles on long shots; a cautious delegate threatens only for what
    # the target could well give.
    # The hard level does not gamble: it threatens only where the odds are good.
    gamble = 0.0 if table.difficulty == Difficulty.HARD else 0.4 * risk_of(table)
    return sum(values) / len(values) >= _YIELDABLE - gamble


def threaten(table: Table, moves: Moves, rng: Draws, deadlocked: bool) -> Intent | None:
    """A threat with "unless our key demands", when deadlock, time and personality make it pay."""
    if not moves.threaten or not deadlocked:
        return None
    persona = table.personality
    # Near the round's end, but with a turn left for the others to give in before
    # the threat falls due; the less patient, the earlier.
    window = max(1, round(1 + 2 * (1.0 - persona.patience)))
    risk = risk_of(table)
    if not 1 <= table.turns_left <= window or table.credibility < 30:
        return None
    unless = key_demands(table)
    if not unless:
        return None
    # The ladder of pressure: small levers first; at the week's last tables, where
    # nothing is left to wait for, the biggest lever we would carry out comes first.
    size = {lv.id: _lever_tension(lv, True, table) for lv in table.levers}
    late = table.clock >= LATE
    ladder = sorted(table.levers, key=lambda lv: (-size[lv.id] if late else size[lv.id], lv.id))
    for lever in ladder:
        if lever.id not in moves.threaten or not _yieldable(table, lever, unless, rng):
            continue
        after = _tension_of(_lever_tension(lever, False, table), table)
        # A threat must leave room to carry it out below our ceiling: a threat we could
        # not carry out without risking war is one we would have to break.
        room = _NEWS_ROOM * table.war_threshold  # the news and the others move it too
        if after + _lever_tension(lever, True, table) >= ceiling(table) - room:
            continue
        real = would_carry_out(table, lever)
        if not real and (
            table.difficulty != Difficulty.HARD
            or table.credibility < _BLUFF_CREDIT
            or lever.escalates
        ):
            continue  # only the hard level bluffs, only while its word counts, never war
        chance = risk if real else 0.3 * risk
        if rng.random() >= chance:
            continue
        kind = "threatened" if real else "bluffed"
        return Intent(
            Kind.THREATEN,
            f"{kind} with {lever.id} unless {format_terms(unless)}: deadlocked with"
            f" {counted(table.turns_left, 'turn')} left, tension {table.tension:.0f}",
            lever=lever.id,
            terms=unless,
        )
    return None


_CALM = (
    "We remain committed to a diplomatic solution{about}.",
    "Nobody gains from a war; we ask everyone to step back{about}.",
    "We call for restraint and for patience at this table{about}.",
    "Let us lower the temperature and keep talking{about}.",
)
_CALM_DONE = (
    "We will keep our word on what has been agreed, and we expect the same.",
    "What has been agreed must now be respected by all.",
    "We stand by every commitment made at this table.",
)
_HOSTILE = (
    "Our patience{about} is not unlimited.",
    "Do not mistake our restraint{about} for weakness.",
    "There will be consequences if nothing moves{about}.",
)
_FIRM_WORDS = (
    "Our position{about} has not changed.",
    "We have made our position{about} clear and we hold to it.",
    "We will not be pushed into concessions{about}.",
    "Our demands{about} rest on our security, and they stand.",
)
_OPEN_DOOR = (
    "We are ready to keep working{about}.",
    "The door to agreement{about} stays open.",
    "We are listening, and we expect serious proposals{about}.",
    "There is still room for a deal{about}.",
)


def statement(table: Table, moves: Moves, deadlocked: bool, issue_name: str) -> Intent | None:
    """A public statement that fits the moment: calm a crisis near war, else hold firm.
    Its words vary with how often we have spoken, so a game never hears one line over
    and over."""
    if not moves.tones:
        return None
    persona = table.personality
    war = table.war_threshold
    hot = table.tension >= dares(table) - 0.1 * war  # near the edge it dares to go to
    about = f" on {issue_name}" if issue_name else ""
    risk = risk_of(table)
    if hot or (not deadlocked and table.tension >= 0.6 * war):
        tone = Tone.CONCILIATORY
        why = f"tension {table.tension:.0f} of {war:.0f}: we calm the crisis"
        pool = _CALM if issue_name else _CALM_DONE
    elif deadlocked and risk >= 0.7 and table.tension < 0.5 * war:
        tone = Tone.HOSTILE
        why = f"deadlocked, and tension {table.tension:.0f} leaves room to raise the pressure"
        pool = _HOSTILE
    elif deadlocked and persona.hardline >= 0.6:
        tone = Tone.FIRM
        why = "deadlocked: we restate our position rather than concede"
        pool = _FIRM_WORDS
    elif deadlocked or table.tension >= 0.5 * war:
        tone = Tone.CONCILIATORY
        why = "nothing new to propose: we keep the door open"
        pool = _OPEN_DOOR
    else:
        return None  # calm and nothing to say: passing says as much
    text = pool[table.spoken % len(pool)].format(about=about)
    if tone not in moves.tones:
        tone = next(iter(sorted(moves.tones)))
    return Intent(Kind.STATEMENT, f"{tone.value} statement: {why}", tone=tone, text=text)
