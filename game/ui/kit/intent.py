"""What widgets report instead of calling game code: intents.

A widget returns an ``Intent`` ("button new-game was clicked", "slider scale
changed to 1.5"); the scene turns intents into a ``Transition`` (``game.ui.kit.scene``)
for the app's scene stack.  Nothing below the app ever touches the stack itself.
A leaf: it imports nothing of the kit, so every widget can use it.
"""

from __future__ import annotations

from dataclasses import dataclass


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


# What a widget's handle_event returns: an intent, or whether it consumed the event.
Handled = Intent | bool
