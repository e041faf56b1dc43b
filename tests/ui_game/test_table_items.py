"""The table's play-test items: whole last moves, tension explained, costs shown, warnings."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.engine import Accept
from game.engine.seen import explain_red_lines_seen, utility_seen
from game.session.seats import Seat, SeatKind
from game.ui.kit.dialog import Dialog
from game.ui.kit.pilot import Pilot
from game.ui.kit.settings import SettingsStore
from game.ui.screens.common import short_name
from game.ui.screens.flow import start_scene
from game.ui.screens.summary import RoundSummaryScene
from game.ui.screens.table.delegations import NO_MOVE
from game.ui.screens.table.howto import HowToPlay
from game.ui.screens.table.moves import ThreatForm
from game.ui.screens.table.scene import TableScene
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import new_setup, play_until, shown_text


def _at_table(make_pilot: MakePilot, **settings: object) -> Pilot:
    setup = new_setup({"us": Seat(SeatKind.HUMAN)})
    pilot = make_pilot(lambda ctx: start_scene(ctx, setup), ai_pace="fast", **settings)
    pilot.click("briefing.done")
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    return pilot


def test_a_delegation_card_shows_its_whole_last_move_on_hover(make_pilot: MakePilot) -> None:
    pilot = _at_table(make_pilot)
    pilot.press("n")  # a turn goes round: the others move
    play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    scene = pilot.scene
    assert isinstance(scene, TableScene)
    panel = scene.delegations
    moved = [c for c in panel.cards if c.stance != NO_MOVE]
    assert moved
    card = max(moved, key=lambda c: len(c.stance))
    rect = panel._card_rects()[panel.cards.index(card)]
    pilot.move(rect.center)
    pilot.advance(ms=1500)
    shown = scene.tooltips.visible_text()
    assert shown is not None
    assert shown.startswith(f"{card.name}: {card.stance}\n")
    # the whole move, as the transcript has it (not cut at the card's width)
    assert any(" ".join(row.text.split()) == card.stance for row in scene.transcript.items)


def _first_game(make_pilot: MakePilot, **settings: object) -> Pilot:
    setup = new_setup({"us": Seat(SeatKind.HUMAN)})
    pilot = make_pilot(
        lambda ctx: start_scene(ctx, setup), ai_pace="fast", how_to_play_seen=False, **settings
    )
    pilot.click("briefing.done")
    play_until(
        pilot,
        lambda p: (
            isinstance(p.scene, HowToPlay | TableScene)
            and not (isinstance(p.scene, TableScene) and not p.scene.viewer_moves())
        ),
    )
    return pilot


def test_the_first_game_opens_the_how_to_play_card_pointing_at_each_part(
    make_pilot: MakePilot,
) -> None:
    pilot = _first_game(make_pilot)
    card = pilot.scene
    assert isinstance(card, HowToPlay)
    assert 1 < len(card.steps) <= 6
    titles = [step.title for step in card.steps]
    assert titles[:2] == ["The goal", "The tension meter"]
    assert {"Proposals and acceptance", "Consent across venues", "Red lines"} <= set(titles)
    table = card.table
    screen = pygame.Rect(0, 0, 1280, 720)
    targets = []
    for n in range(len(card.steps)):
        assert card.index == n
        target = card.target()
        assert target.width > 0
        assert screen.contains(target)
        assert not card.card.colliderect(target)  # the card stands beside what it explains
        assert screen.contains(card.card)
        assert [f for f in card.text_fits() if f.overflows] == []
        targets.append(target)
        if n < len(card.steps) - 1:
            pilot.click("howto.next")
    assert targets[1] == table.topbar.meter_rect()
    pilot.click("howto.next")  # "Start playing"
    assert isinstance(pilot.scene, TableScene)
    assert pilot.app.context.settings.how_to_play_seen


def test_the_card_is_remembered_and_reachable_again_with_f2(
    make_pilot: MakePilot, home: Path
) -> None:
    pilot = _first_game(make_pilot)
    assert isinstance(pilot.scene, HowToPlay)
    pilot.press("escape")  # dismissed at once
    assert isinstance(pilot.scene, TableScene)
    assert SettingsStore(home).load().how_to_play_seen
    pilot.press("f1")
    assert any("How to play" in f.text for f in pilot.scene.text_fits())
    pilot.press("escape")
    pilot.press("f2")
    assert isinstance(pilot.scene, HowToPlay)
    pilot.click("howto.skip")
    assert isinstance(pilot.scene, TableScene)


def _offer_crossing(pilot: Pilot) -> int:
    """Play on until someone's proposal on the table crosses a red line the US must heed."""
    for _ in range(40):
        scene = pilot.scene
        assert isinstance(scene, TableScene)
        view = scene.game.view("us")
        for p in scene.pv.proposals:
            live = str(p.status) == "live" and p.proposer != "us"
            if live and explain_red_lines_seen(view, p.terms):
                return p.number
        pilot.press("n")
        play_until(
            pilot,
            lambda p: (
                (isinstance(p.scene, TableScene) and p.scene.viewer_moves())
                or isinstance(p.scene, RoundSummaryScene)
            ),
        )
        if isinstance(pilot.scene, RoundSummaryScene):
            pilot.click("summary.continue")
            play_until(pilot, lambda p: isinstance(p.scene, TableScene) and p.scene.viewer_moves())
    raise AssertionError("no proposal crossing a red line came up")


def _choose(pilot: Pilot, number: int) -> None:
    scene = pilot.scene
    assert isinstance(scene, TableScene)
    menu = scene.bar.proposal
    menu.index = next(i for i, (value, _) in enumerate(menu.options) if value == number)
    scene.refresh()


def test_accept_warns_which_red_lines_a_proposal_crosses(make_pilot: MakePilot) -> None:
    pilot = _at_table(make_pilot)
    number = _offer_crossing(pilot)
    _choose(pilot, number)
    scene = pilot.scene
    assert isinstance(scene, TableScene)
    before = len(scene.game.turns_since(0))
    pilot.press("a")
    dialog = pilot.scene
    assert isinstance(dialog, Dialog)
    text = shown_text(dialog)
    proposal = scene.pv.proposals[number - 1]
    issues = {i.id: i.name for i in scene.pv.issues}
    names = {a.id: a.short_name or a.name for a in scene.pv.actors}
    for breach in explain_red_lines_seen(scene.game.view("us"), proposal.terms):
        whose = "Your own red line" if breach.own else f"{names[breach.actor]}'s public red line"
        assert f"{whose} on {issues[breach.issue]}" in text
    pilot.click("accept-warning.no")  # think again: nothing happens
    assert isinstance(pilot.scene, TableScene)
    assert len(scene.game.turns_since(0)) == before
    pilot.press("a")
    pilot.click("accept-warning.yes")
    turns = scene.game.turns_since(before)
    assert turns
    assert turns[0].action == Accept("us", number)


def test_every_offer_shows_its_worth_to_you_and_its_red_lines(make_pilot: MakePilot) -> None:
    pilot = _at_table(make_pilot)
    number = _offer_crossing(pilot)
    scene = pilot.scene
    assert isinstance(scene, TableScene)
    view = scene.game.view("us")
    proposal = scene.pv.proposals[number - 1]
    value = utility_seen(view, dict(proposal.terms), dict(scene.pv.binding))
    expected = f"Worth {value:.2f} to you (walk-away {view.reservation:.2f})"
    board = scene.board.all_text()
    assert expected in board
    assert any(line.startswith("Crosses ") for line in board)
    labels = dict(scene.bar.proposal.options)
    assert labels[number].startswith(f"#{number} · {value:.2f} vs {view.reservation:.2f}")
    assert "crosses" in labels[number]
    assert [f for f in scene.text_fits() if f.overflows] == []


def test_h_without_an_easy_ai_delegate_says_why(make_pilot: MakePilot) -> None:
    pilot = _at_table(make_pilot)  # every AI delegate at normal difficulty
    pilot.press("h")
    dialog = pilot.scene
    assert isinstance(dialog, Dialog)
    assert "easy" in shown_text(dialog)
    pilot.press("escape")
    assert isinstance(pilot.scene, TableScene)


def test_the_threat_dialog_shows_its_tension_trust_and_credibility_costs(
    make_pilot: MakePilot,
) -> None:
    pilot = _at_table(make_pilot)
    scene = pilot.scene
    assert isinstance(scene, TableScene)
    rules = scene.pv.rules
    pilot.press("t")
    form = pilot.scene
    assert isinstance(form, ThreatForm)
    text = shown_text(form)
    assert f"raises tension by {rules.threat_tension:g}" in text
    assert f"trust between you and {short_name(scene.pv, form.lever_target())}" in text
    assert f"{-rules.threat_trust:g}" in text
    assert f"credibility falls by {-rules.broken_threat_credibility:g}" in text
    assert f"raises tension by {rules.execute_tension:g}" in text  # carrying it out, later
    assert [f for f in form.text_fits() if f.overflows] == []
