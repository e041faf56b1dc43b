"""At the table an AI delegate speaks its public remark; its rationale waits for the debrief."""

from __future__ import annotations

from game.session.seats import Seat, SeatKind
from game.ui.game.common import humanize
from game.ui.game.debrief import DebriefScene
from game.ui.game.flow import start_scene
from game.ui.game.summary import RoundSummaryScene
from game.ui.game.table.scene import TableScene
from tests.ui.conftest import MakePilot
from tests.ui_game.conftest import new_setup, shown_text


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
                for private in (entry.rationale, humanize(entry.rationale, scene.pv.issues)):
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
        humanize(e.rationale, session.scenario.issues)
        for e in session.log
        if e.by is not SeatKind.HUMAN and e.rationale
    ]
    assert revealed
    assert all(r in debrief for r in revealed)
