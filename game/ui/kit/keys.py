"""Key tables as data: ``KeyBinding("ctrl+z", "undo", "Undo the last move")``.

Scenes list their shortcuts in a ``KEYS`` tuple; the same table drives the key
handling and the F1 help overlay, so the help can never fall out of date.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pygame

_MODS = {"ctrl": pygame.KMOD_CTRL, "shift": pygame.KMOD_SHIFT, "alt": pygame.KMOD_ALT}
# Names that cannot be written inside "ctrl+..." or that people expect to work.
_ALIASES = {
    "plus": "+",
    "minus": "-",
    "equals": "=",
    "esc": "escape",
    "enter": "return",
    "keypad plus": "keypad +",
    "keypad minus": "keypad -",
}
_NAMES = {
    "plus": "Plus",
    "minus": "Minus",
    "equals": "=",
    "escape": "Esc",
    "return": "Enter",
    "page up": "PgUp",
    "page down": "PgDn",
    "space": "Space",
}


@dataclass(frozen=True, slots=True)
class KeyBinding:
    """A shortcut: ``keys`` such as ``"ctrl+z"`` or ``"f11"``, the ``action`` name a scene handles,
    and the ``description`` shown in the help overlay."""

    keys: str
    action: str
    description: str

    def matches(self, event: pygame.event.Event) -> bool:
        """Whether a KEYDOWN event is this shortcut (extra Ctrl/Alt never match a plain key)."""
        if event.type != pygame.KEYDOWN:
            return False
        key, mods = parse_keys(self.keys)
        if event.key != key:
            return False
        for mod in (pygame.KMOD_CTRL, pygame.KMOD_ALT, pygame.KMOD_SHIFT):
            wanted = bool(mods & mod)
            if wanted != bool(event.mod & mod) and (wanted or mod != pygame.KMOD_SHIFT):
                return False
        return True

    def label(self) -> str:
        """How the keys are written for people: ``Ctrl+Z``, ``Esc``, ``F1``."""
        parts = self.keys.split("+")
        *mods, key = parts
        if key in _NAMES:
            shown = _NAMES[key]
        elif len(key) == 1 or (key[0] == "f" and key[1:].isdigit()):
            shown = key.upper()
        else:
            shown = key.title()
        return "+".join([*(m.title() for m in mods), shown])


@lru_cache(maxsize=256)
def parse_keys(spec: str) -> tuple[int, int]:
    """``"ctrl+z"`` -> (key code, modifier mask); raises ValueError for unknown names."""
    *mods, key = spec.lower().split("+")
    mask = 0
    for mod in mods:
        if mod not in _MODS:
            raise ValueError(f"unknown modifier {mod!r} in key binding {spec!r}")
        mask |= _MODS[mod]
    return pygame.key.key_code(_ALIASES.get(key, key)), mask


def find_action(bindings: tuple[KeyBinding, ...], event: pygame.event.Event) -> str | None:
    """The action of the first binding that matches a KEYDOWN event."""
    for binding in bindings:
        if binding.matches(event):
            return binding.action
    return None
