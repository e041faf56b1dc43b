"""What every scene may use from the app: the theme, the settings, and the few services it offers.

Scenes get one ``Context`` at construction.  It carries no scene stack: scenes
change screens only by returning transitions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from game.ui.kit.settings import Settings, SettingsStore
from game.ui.kit.sound import SoundPlayer
from game.ui.kit.theme import Theme


class Context:
    """Shared, app-owned state for scenes."""

    def __init__(
        self, theme: Theme, store: SettingsStore, settings: Settings, log_dir: Path
    ) -> None:
        self.theme = theme
        self.store = store
        self.settings = settings
        self.log_dir = log_dir
        # Cues for screens: ``ctx.sound.play(cue_for(events))``; opens no device until used.
        self.sound = SoundPlayer(enabled=settings.sound)
        # Set by the app: apply settings live (scale, palette, window) and persist them.
        self.apply_settings: Callable[[Settings], None] = self._apply_without_app
        # Set by the session layer later: write the autosave now (called before an error screen).
        self.autosave: Callable[[], None] | None = None
        # Set by the real loop: computer seats may decide on a worker thread (see
        # ``game.session.thinking``) because frames run in real time, not stepped by a test.
        self.think_ahead = False

    def _apply_without_app(self, settings: Settings) -> None:
        self.settings = settings
        self.sound.enabled = settings.sound
        self.store.save(settings)
