"""At the table an AI delegate speaks its public remark; its rationale waits for the debrief."""

from __future__ import annotations

from game.engine import Bookmark, EventKind, News
from game.engine.words import humanize
from game.session.seats import Seat, SeatKind
from game.ui.screens.debrief import DebriefScene
from game.ui.screens.flow import start_scene
from game.ui.screens.summary import RoundSummaryScene
from game.ui.screens.table.scene import TableScene
from game.ui.screens.table.transcript import Row, game_rows, look
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import assert_golden, new_setup, shown_text


def test_the_table_shows_remarks_never_rationales_and_the_debrief_reveals_them(
    make_pilot: MakePilot,
) -> None:
    setup = new_setup({"us": Seat(SeatKind.HUMAN)})
    session = setup.session
    pilot = make_pilot(lambda ctx: start_scene(ctx, setup), ai_pace="fast")
    pilot.click("briefing.done")
    checked = remarks_seen = 0
    for _ in range(3000):
        scene = pilot.scene
        if isinstance(scene, DebriefScene):
            break
        if isinstance(scene, RoundSummaryScene):
            pilot.click("summary.continue")
        elif isinstance(scene, TableScene) and scene.viewer_moves():
            shown = "\n".join(scene.transcript.all_text()) + "\n" + shown_text(scene)
            ai = [e for e in session.log if e.by is not SeatKind.HUMAN]
            for entry in ai:
                for private in (entry.rationale, humanize(scene.pv, entry.rationale)):
                    if not private:
                        continue
                    assert private not in shown, private
                if entry.remark:
                    assert entry.remark in shown, entry.remark
                    remarks_seen += 1
            for word in ("aspiration", "utility", "floor"):
                assert word not in shown.lower()
            checked += 1
            pilot.click("table.pass")
        else:
            pilot.advance(ms=450)
    assert isinstance(pilot.scene, DebriefScene)
    assert checked >= 3
    assert remarks_seen
    debrief = shown_text(pilot.scene)
    revealed = [
        humanize(session.scenario, e.rationale)
        for e in session.log
        if e.by is not SeatKind.HUMAN and e.rationale
    ]
    assert revealed
    assert all(r in debrief for r in revealed)


def test_facilitator_moves_are_labelled_and_bookmarks_stand_out(make_pilot: MakePilot) -> None:
    setup = new_setup({"us": Seat(SeatKind.HUMAN)})
    session = setup.session
    session.run_until_human()
    session.submit(Bookmark("discuss this"))
    session.submit(News("talks resume tomorrow"))
    rows = game_rows(setup.game)
    bookmark = next(r for r in rows if r.kind == EventKind.BOOKMARK)
    news = next(r for r in rows if r.kind == EventKind.NEWS)
    assert bookmark.speaker == news.speaker == "Facilitator"
    assert look(bookmark)[1] == "accent"
    assert look(news)[1] != "accent"
    del make_pilot


def test_the_table_with_remarks_matches_golden(make_pilot: MakePilot) -> None:
    """A table some moves in: each AI move's remark under it, in the delegate's name."""
    setup = new_setup({"us": Seat(SeatKind.HUMAN)})
    pilot = make_pilot(lambda ctx: start_scene(ctx, setup), ai_pace="fast")
    pilot.click("briefing.done")
    moves = 0
    for _ in range(3000):
        scene = pilot.scene
        if isinstance(scene, TableScene) and scene.viewer_moves():
            moves += 1
            if moves == 6:
                break
            pilot.click("table.pass")
        elif isinstance(scene, RoundSummaryScene):
            pilot.click("summary.continue")
        else:
            pilot.advance(ms=450)
    scene = pilot.scene
    assert isinstance(scene, TableScene)
    assert any(r.kind == "remark" for r in scene.transcript.items if isinstance(r, Row))
    pilot.move((2, 2))
    assert [f.text for f in scene.text_fits() if f.overflows] == []
    assert_golden(pilot.screenshot(), "table-remarks-1280x720")
