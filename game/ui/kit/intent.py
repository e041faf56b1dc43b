"""What widgets and scenes report instead of calling game code: intents and transitions.

A widget returns an ``Intent`` ("button new-game was clicked", "slider scale
changed to 1.5"); the scene turns intents into a ``Transition`` for the app's
scene stack.  Nothing below the app ever touches the stack itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.kit.scene import Scene


@dataclass(frozen=True, slots=True)
class Intent:
    """A widget's report: ``source`` is its id, ``kind`` what happened, ``value`` the payload.

    Kinds used by the kit: ``click`` (button), ``change`` (toggle, stepper,
    selector, entry text), ``submit`` (Enter in an entry), ``select`` and
    ``activate`` (list row chosen / opened), ``choose`` (dialog button).
    """

    source: str
    kind: str
    value: object = None


@dataclass(frozen=True, slots=True)
class Push:
    """Open ``scene`` on top of the current one."""

    scene: Scene


@dataclass(frozen=True, slots=True)
class Pop:
    """Close the current scene; ``result`` goes to the scene below's ``on_resume``."""

    result: object = None


@dataclass(frozen=True, slots=True)
class Replace:
    """Swap the current scene for ``scene``."""

    scene: Scene


@dataclass(frozen=True, slots=True)
class Quit:
    """Leave the game."""


Transition = Push | Pop | Replace | Quit

# What a widget's handle_event returns: an intent, or whether it consumed the event.
Handled = Intent | bool
