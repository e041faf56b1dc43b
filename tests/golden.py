"""The one switch that rewrites golden files: ``REDLINES_REGEN_GOLDEN=1``.

Playthroughs, screenshots and the broken scenario's messages all regenerate on
it, only on purpose; then read the diff (and look at every new image).
"""

from __future__ import annotations

import os

SWITCH = "REDLINES_REGEN_GOLDEN"


def regenerating() -> bool:
    """Is this run rewriting the golden files instead of comparing with them?"""
    return os.environ.get(SWITCH) == "1"
