"""The game's entry point: the title screen with New game, Continue and Load wired to the game.

``redlines`` (``redlines play`` without ``--text``) calls ``run_game``; the
title's New game opens the scenario picker with the given scenario chosen, and
a game given to resume (``redlines play --resume``) opens over the title at once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pygame loads only when the window opens (and without its banner)
    from game.scenario import LoadedScenario
    from game.session.pins import PinHash
    from game.session.seats import Seat
    from game.session.session import Session
    from game.session.watch import ScenarioWatcher
    from game.ui.kit.context import Context
    from game.ui.kit.scene import Scene


def title_factory(
    loaded: LoadedScenario | None = None,
    seats: Mapping[str, Seat] | None = None,
    seed: int | None = None,
    *,
    watch: ScenarioWatcher | None = None,
    turn_seconds: float | None = None,
    facilitator_pin: PinHash | None = None,
    resume: Session | None = None,
    opening: Callable[[Context], Scene] | None = None,
) -> Callable[[Context], Scene]:
    """The title scene factory for ``run`` (also used by tests through the pilot).

    The classroom options (a watched scenario file, the turn timer, the
    facilitator's PIN) are installed for the window when its first scene opens;
    ``resume``, a loaded game, opens over the title (leaving it shows the title), and so
    does the scene ``opening`` makes (the host's screen, the join screen).
    """
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.ui.screens.classroom import Classroom, install
    from game.ui.screens.title import GameTitle, TitleHooks

    def new_game(ctx: Context) -> Scene:
        from game.ui.screens.picker import PickerScene

        return PickerScene(ctx, preselect=loaded, seats=seats, seed=seed)

    def continue_game(ctx: Context) -> Scene:
        from game.ui.screens.flow import continue_scene

        return continue_scene(ctx)

    def load_game(ctx: Context) -> Scene:
        from game.ui.screens.loadgame import LoadScene

        return LoadScene(ctx)

    def host_game(ctx: Context) -> Scene:
        from game.ui.screens.network.host_setup import HostSeatsScene
        from game.ui.screens.picker import PickerScene

        return PickerScene(ctx, preselect=loaded, seed=seed, seats_scene=HostSeatsScene)

    def join_game(ctx: Context) -> Scene:
        from game.ui.screens.network.join import JoinScene

        return JoinScene(ctx)

    hooks = TitleHooks(
        new_game=new_game,
        continue_game=continue_game,
        load_game=load_game,
        host_game=host_game,
        join_game=join_game,
    )
    shown = loaded if loaded is not None else resume.loaded if resume is not None else None
    subtitle = shown.scenario.title if shown is not None else ""

    def make(ctx: Context) -> Scene:
        install(ctx, Classroom(turn_seconds, facilitator_pin, watch))
        if resume is not None:
            from game.ui.screens.flow import ResumingTitle

            return ResumingTitle(ctx, subtitle=subtitle, hooks=hooks, session=resume)
        if opening is not None:
            from game.ui.screens.flow import OpeningTitle

            return OpeningTitle(ctx, subtitle=subtitle, hooks=hooks, first=opening)
        return GameTitle(ctx, subtitle=subtitle, hooks=hooks)

    return make


def run_game(
    loaded: LoadedScenario | None = None,
    seats: Mapping[str, Seat] | None = None,
    seed: int | None = None,
    *,
    settings_dir: Path | None = None,
    watch: ScenarioWatcher | None = None,
    turn_seconds: float | None = None,
    facilitator_pin: PinHash | None = None,
    resume: Session | None = None,
    opening: Callable[[Context], Scene] | None = None,
) -> int:
    """Open the game window on the title screen; returns the exit status.

    ``watch`` reloads the game when the scenario file changes (``--watch``),
    ``turn_seconds`` sets the turn timer (``--timer``) and ``facilitator_pin``
    protects the facilitator console (``--facilitator-pin``).  ``resume`` is a
    game already loaded from its save (``--resume``; loading it first lets a
    broken save be refused before the window opens): the window opens on it;
    ``opening`` makes a screen the window opens on (``redlines host``, ``join``).
    """
    from game.ui import run

    factory = title_factory(
        loaded,
        seats,
        seed,
        watch=watch,
        turn_seconds=turn_seconds,
        facilitator_pin=facilitator_pin,
        resume=resume,
        opening=opening,
    )
    return run(settings_dir, scene_factory=factory)


def main() -> int:
    """Open the window on the bundled default scenario."""
    from game.paths import DEFAULT_SCENARIO
    from game.scenario import load_scenario

    return run_game(load_scenario(DEFAULT_SCENARIO))
