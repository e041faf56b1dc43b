"""What the action bar's buttons and keys do: open a form, answer, pass, walk out, and the rest.

Each returns a transition for the table scene; moves go through ``scene.submit``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine import Accept, Pass, Reject
from game.ui.kit.dialog import Dialog
from game.ui.kit.intent import Pop, Push, Transition
from game.ui.screens.common import humanize, short_name
from game.ui.screens.table.forms import FormScene
from game.ui.screens.table.moves import CarryOutForm, ProposeForm, StatementForm, ThreatForm

if TYPE_CHECKING:
    from game.ui.screens.table.scene import TableScene


def open_form(scene: TableScene, kind: str) -> Transition | None:
    """Open one of the action bar's forms for the viewer, if that action is legal."""
    if not scene.viewer_moves() or scene.viewer is None:
        return None
    button = scene.bar.buttons.get(f"table.{kind}")
    if button is None or not button.enabled:
        return None
    legal = scene.session.legal_actions()
    sc = scene.session.scenario
    if kind == "propose":
        preset = dict(scene.pv.binding)
        propose = ProposeForm(scene.ctx, sc, scene.viewer, legal, preset)
        propose.agreed = dict(scene.pv.binding)
        form: FormScene = propose
    elif kind == "statement":
        form = StatementForm(scene.ctx, sc, scene.viewer, legal)
    elif kind == "threaten":
        form = ThreatForm(scene.ctx, sc, scene.viewer, legal)
    else:
        form = CarryOutForm(scene.ctx, sc, scene.viewer, legal)
    form.show_clock(scene.room)  # the turn timer runs on while the form is open
    return Push(form)


def answer(scene: TableScene, accept: bool) -> Transition | None:
    """Accept or reject the proposal chosen in the action bar."""
    number = scene.bar.chosen()
    button = scene.bar.accept if accept else scene.bar.reject
    if number is None or scene.viewer is None or not button.enabled:
        return None
    action = Accept(scene.viewer, number) if accept else Reject(scene.viewer, number)
    return scene.submit(action)


def simple(scene: TableScene, kind: str) -> Transition | None:
    """Pass, or ask before walking out."""
    if not scene.viewer_moves() or scene.viewer is None:
        return None
    if not scene.bar.buttons[f"table.{kind}"].enabled:
        return None
    if kind == "pass":
        return scene.submit(Pass(scene.viewer))
    return Push(
        Dialog(
            scene.ctx,
            "walkout",
            "Walk out of this round?",
            "Your delegation leaves the table until the next round; tension rises.",
            [("walkout.yes", "Walk out"), ("walkout.no", "Stay")],
            cancel="walkout.no",
        )
    )


def briefing(scene: TableScene) -> Transition | None:
    """The viewer's own briefing, over the table."""
    if scene.viewer is None:
        return None
    from game.ui.screens.briefing import BriefingScene

    return Push(BriefingScene(scene.ctx, scene.setup, scene.viewer, then=Pop))


def hint(scene: TableScene) -> Transition | None:
    """What each easy AI delegate at the table would accept now (its own words)."""
    if not scene.viewer_moves():
        return None
    from game.ai import what_it_would_take

    parts = [
        f"{short_name(scene.pv, a)}: "
        + humanize(what_it_would_take(scene.session.view(a)), scene.pv.issues)
        for a in scene.easy_ai()
    ]
    if not parts:
        return None
    return Push(
        Dialog(
            scene.ctx,
            "hint",
            "What would it take?",
            "\n\n".join(parts),
            [("hint.ok", "Thanks")],
            cancel="hint.ok",
        )
    )


def leave(scene: TableScene) -> Transition | None:
    """Ask before leaving the table for the title screen."""
    return Push(
        Dialog(
            scene.ctx,
            "leave",
            "Leave the table?",
            "The game is saved: Continue on the title screen picks it up where you left it.",
            [("leave.yes", "Leave"), ("leave.no", "Stay")],
            cancel="leave.no",
        )
    )
