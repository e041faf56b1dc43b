"""What the action bar's buttons and keys ask for: a form, an answer, a pass, a walk-out, ...

Each takes the table's read-only ``TableModel`` (and what else it needs to
read, never the table scene) and returns a game intent for the game
controller (``Submit``) or a transition (a form, a dialog), or None.
"""

from __future__ import annotations

from collections.abc import Callable

from game.engine import Accept, ActorView, Pass, Reject, words
from game.engine.seen import explain_red_lines_seen
from game.session.controller import ClockReading, Submit
from game.ui.kit.context import Context
from game.ui.kit.dialog import Dialog
from game.ui.kit.scene import Push, Transition
from game.ui.screens.common import short_name
from game.ui.screens.control import SceneResult
from game.ui.screens.table.forms import FormScene
from game.ui.screens.table.model import TableModel
from game.ui.screens.table.moves import CarryOutForm, ProposeForm, StatementForm, ThreatForm

FORMS = ("propose", "statement", "threaten", "carry")


def open_form(
    ctx: Context,
    model: TableModel,
    kind: str,
    own: Callable[[str], ActorView],
    clock: Callable[[], ClockReading],
) -> Transition | None:
    """Open one of the action bar's forms for the viewer, if that action is legal.

    ``own`` gives the viewer's own view (the form's only private data); ``clock``
    the game's turn timer, which the form shows while it is open.
    """
    viewer = model.viewer
    if not model.viewer_moves or viewer is None or kind not in model.enabled:
        return None
    legal = model.legal
    view = own(viewer)
    if kind == "propose":
        preset = dict(model.pv.binding)
        form: FormScene = ProposeForm(
            ctx, view, legal, preset, agenda=model.pv.agenda, binding=model.pv.binding
        )
    elif kind == "statement":
        form = StatementForm(ctx, view, legal)
    elif kind == "threaten":
        form = ThreatForm(ctx, view, legal, agenda=model.pv.agenda, binding=model.pv.binding)
    else:
        form = CarryOutForm(ctx, view, legal)
    form.show_clock(clock)  # the turn timer runs on while the form is open
    return Push(form)


def answer(
    ctx: Context, model: TableModel, accept: bool, own: Callable[[str], ActorView]
) -> SceneResult:
    """Accept or reject the proposal chosen in the action bar.

    Accepting a proposal that crosses the viewer's own red lines or anyone's public
    ones asks first, naming them (as walking out does); ``own`` gives the viewer's
    own view, which alone knows its secret lines.
    """
    number = model.chosen
    if number is None or model.viewer is None:
        return None
    if ("accept" if accept else "reject") not in model.enabled:
        return None
    viewer = model.viewer
    if not accept:
        return Submit(Reject(viewer, number))
    crossed = crossed_lines(model, own(viewer), number)
    if crossed:
        return Push(
            Dialog(
                ctx,
                "accept-warning",
                f"Accept #{number}? It crosses red lines",
                "\n".join([*crossed, "Your briefing (B) gives the reasons."]),
                [("accept-warning.no", "Think again"), ("accept-warning.yes", "Accept anyway")],
                cancel="accept-warning.no",
            )
        )
    return Submit(Accept(viewer, number))


def crossed_lines(model: TableModel, view: ActorView, number: int) -> list[str]:
    """Each red line proposal ``number`` crosses, in words: whose, on what, and why."""
    pv = model.pv
    if not 1 <= number <= len(pv.proposals):
        return []
    issues = {i.id: i for i in pv.issues}
    out = []
    terms = pv.proposals[number - 1].terms
    for breach in explain_red_lines_seen(view, terms, dict(pv.binding)):  # R27: binding lifts
        issue = issues.get(breach.issue)
        option = (
            next((o.label for o in issue.options if o.id == breach.option), breach.option)
            if issue
            else breach.option
        )
        whose = (
            "Your own red line"
            if breach.own
            else f"{short_name(pv, breach.actor)}'s public red line"
        )
        name = issue.name if issue is not None else breach.issue
        out.append(f"•  {whose} on {name}: {option}")
    return out


def simple(ctx: Context, model: TableModel, kind: str) -> SceneResult:
    """Pass, or ask before walking out."""
    if not model.viewer_moves or model.viewer is None or kind not in model.enabled:
        return None
    if kind == "pass":
        return Submit(Pass(model.viewer))
    return Push(
        Dialog(
            ctx,
            "walkout",
            "Walk out of this round?",
            "Your delegation leaves the table until the next round; tension rises.",
            [("walkout.yes", "Walk out"), ("walkout.no", "Stay")],
            cancel="walkout.no",
        )
    )


def hint(ctx: Context, model: TableModel, view_of: Callable[[str], ActorView]) -> Transition | None:
    """What each easy AI delegate at the table would accept now (its own words).

    ``view_of`` gives an easy AI delegate's view: at the easiest level it tells a
    learner what it would take, which only its own view can say.
    """
    if not model.viewer_moves:
        return None
    from game.ai import what_it_would_take

    parts = [
        f"{short_name(model.pv, a)}: " + words.humanize(model.pv, what_it_would_take(view_of(a)))
        for a in model.easy_ai
    ]
    if not parts:  # say why nothing comes, rather than nothing
        parts = [
            "Only an AI delegate at the easy level tells a learner what it would take, and "
            "none sits at this round's table. Choose \u201cAI \u00b7 easy\u201d for a "
            "delegation on the seats screen (or --seats ACTOR=ai:easy) to ask."
        ]
    return Push(
        Dialog(
            ctx,
            "hint",
            "What would it take?",
            "\n\n".join(parts),
            [("hint.ok", "Thanks")],
            cancel="hint.ok",
        )
    )


def leave(ctx: Context) -> Transition:
    """Ask before leaving the table for the title screen."""
    return Push(
        Dialog(
            ctx,
            "leave",
            "Leave the table?",
            "The game is saved: Continue on the title screen picks it up where you left it.",
            [("leave.yes", "Leave"), ("leave.no", "Stay")],
            cancel="leave.no",
        )
    )
