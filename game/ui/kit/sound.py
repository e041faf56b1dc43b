"""The game's few sound cues: which one a batch of events deserves, and a player that never fails.

Screens call ``ctx.sound.play(cue_for(turn.events))``.  ``cue_for`` is a
pure function over a priority table (the most important event of a batch
wins, so a move that both threatens and escalates sounds once).  The
``SoundPlayer`` opens the audio device only when the first cue is played
with sound on; a machine without audio (a classroom PC, CI) simply stays
silent, noted once in the log.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pygame

from game import paths
from game.engine.events import EventKind, GameEvent

log = logging.getLogger(__name__)

# Most important first: a batch of events sounds as the first row any of its events
# belongs to.  Kinds in no row (statements, passes, round bookkeeping) are silent.
CUE_PRIORITY: tuple[tuple[str, frozenset[EventKind]], ...] = (
    ("escalation", frozenset({EventKind.ESCALATION})),
    ("agreement", frozenset({EventKind.AGREEMENT, EventKind.BINDING, EventKind.PROVISIONAL})),
    ("threat", frozenset({EventKind.THREAT, EventKind.LEVER_USED, EventKind.WALKOUT})),
    ("event", frozenset({EventKind.EVENT_DRAWN, EventKind.NEWS})),
    ("reject", frozenset({EventKind.REJECTED, EventKind.COMMITMENT_BROKEN})),
    ("proposal", frozenset({EventKind.PROPOSAL, EventKind.ACCEPTED})),
)
# Every cue, gravest first: within the debounce below, a cue is heard only if it is
# graver than the one just started.  "Your move" outranks the routine paper sounds of the
# AI move before it; a click never drowns anything.
ALL_CUES = (
    "escalation",
    "agreement",
    "threat",
    "event",
    "turn",
    "handover",
    "reject",
    "proposal",
    "click",
)
_RANK: Mapping[str, int] = {name: i for i, name in enumerate(ALL_CUES)}

# Within this long after a cue starts, another plays only if it is more important:
# a burst of AI moves sounds once (or rises to its gravest cue), never ten times.
DEBOUNCE_S = 0.25


def cue_for(events: Iterable[GameEvent]) -> str | None:
    """The one cue a batch of events deserves (None: nothing worth a sound)."""
    kinds = {event.kind for event in events}
    for name, wanted in CUE_PRIORITY:
        if kinds & wanted:
            return name
    return None


# Loading the cues costs about 15 ms of CPU.  Every window a process opens (the game
# after the title, each test's) shares them while the mixer stays open; ``App.close``
# forgets them before ``pygame.quit``, as it forgets the fonts.
_SHARED: dict[Path, dict[str, pygame.mixer.Sound]] = {}


def forget_sounds() -> None:
    """Drop the shared cues (call before ``pygame.quit()``, which closes the mixer)."""
    _SHARED.clear()


def sounds_dir() -> Path:
    """Where the cue files live (see ``tools/make_sounds.py``, which makes them)."""
    return paths.assets_dir() / "sounds"


class SoundPlayer:
    """Plays cues by name; silent (never raising) when off, without audio, or for unknown names."""

    def __init__(
        self,
        folder: Path | None = None,
        *,
        enabled: bool = True,
        debounce_s: float = DEBOUNCE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.folder = folder if folder is not None else sounds_dir()
        self._enabled = enabled
        self.debounce_s = debounce_s
        self._clock = clock
        self._sounds: dict[str, pygame.mixer.Sound] | None = None  # None: not loaded yet
        self._broken = False  # the audio device could not be opened: stay silent
        self._last: tuple[float, int] | None = None  # when the last cue started, its rank
        # The cues actually started, latest last (for tests and the pilot; bounded).
        self.played: deque[str] = deque(maxlen=64)

    @property
    def enabled(self) -> bool:
        """Whether cues play (follows ``Settings.sound``)."""
        return self._enabled

    @enabled.setter
    def enabled(self, on: bool) -> None:
        if self._enabled and not on and self._sounds and pygame.mixer.get_init():
            pygame.mixer.stop()  # turning sound off silences what is ringing now
        self._enabled = on

    @property
    def available(self) -> bool:
        """False once opening the audio device has failed."""
        return not self._broken

    def play(self, name: str | None) -> bool:
        """Start cue ``name`` unless sound is off, unknown, or debounced; returns whether it did."""
        if name is None or not self._enabled or self._broken or name not in _RANK:
            return False
        now, rank = self._clock(), _RANK[name]
        if self._last is not None:
            started, last_rank = self._last
            if now - started < self.debounce_s and rank >= last_rank:
                return False
        sounds = self._load()
        sound = sounds.get(name)
        if sound is None:
            return False
        try:
            sound.play()
        except pygame.error as exc:  # the device went away mid-game: stop trying
            self._give_up(f"cannot play sound ({exc})")
            return False
        self._last = (now, rank)
        self.played.append(name)
        return True

    def prepare(self) -> None:
        """Open the audio device and load the cues now, between moves, rather than in the
        frame of the first move that plays one (a 20 ms stall)."""
        if self._enabled and not self._broken:
            self._load()

    def close(self) -> None:
        """Forget the loaded sounds (the app calls this before ``pygame.quit``)."""
        if self._sounds and pygame.mixer.get_init():
            pygame.mixer.stop()
        self._sounds = None

    # -- lazy set-up ---------------------------------------------------------------------
    def _load(self) -> dict[str, pygame.mixer.Sound]:
        # pygame.quit() closes the mixer under us; sounds of a closed mixer are dead.
        if self._sounds is not None and pygame.mixer.get_init():
            return self._sounds
        self._sounds = {}
        if not self._open_mixer():
            return self._sounds
        shared = _SHARED.get(self.folder)
        if shared is None:
            shared = _SHARED[self.folder] = self._read_cues()
        self._sounds = shared
        return self._sounds

    def _read_cues(self) -> dict[str, pygame.mixer.Sound]:
        sounds, missing = {}, []
        for name in ALL_CUES:
            path = self.folder / f"{name}.wav"
            try:
                sounds[name] = pygame.mixer.Sound(path)
            except (pygame.error, OSError) as exc:
                missing.append(f"{path.name} ({exc})")
        if missing:
            log.info("some sounds could not be loaded: %s", "; ".join(missing))
        return sounds

    def _open_mixer(self) -> bool:
        if pygame.mixer.get_init():
            return True
        try:
            # A small buffer: a cue should follow its move within a frame or two.
            pygame.mixer.init(buffer=512)
        except Exception as exc:  # any failure at all only means "no sound", never a crash
            self._give_up(f"no audio device ({exc})")
            return False
        return True

    def _give_up(self, why: str) -> None:
        self._broken = True
        self._sounds = {}
        log.info("%s; sound is off for this session", why)
