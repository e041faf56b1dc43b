"""Sound: the committed cues are sane and reproducible, events map to the right cue, and the
player stays silent (never raising) when sound is off, unknown, debounced or has no device."""

from __future__ import annotations

import array
import logging
import math
import subprocess
import sys
import wave
from pathlib import Path

import pygame
import pytest

from game.engine.events import EventKind, GameEvent
from game.ui.kit.context import Context
from game.ui.kit.scene import Scene
from game.ui.kit.sound import ALL_CUES, CUE_PRIORITY, SoundPlayer, cue_for, sounds_dir
from tests.ui.conftest import MakePilot

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "make_sounds.py"
MAX_BYTES = 100_000
MAX_SECONDS = 2.0
FULL_SCALE = 32_767


def _samples(path: Path) -> tuple[wave._wave_params, array.array[int]]:
    with wave.open(str(path), "rb") as wav:
        params = wav.getparams()
        data = array.array("h", wav.readframes(wav.getnframes()))
    if sys.byteorder != "little":
        data.byteswap()
    return params, data


# -- the files ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", ALL_CUES)
def test_cue_file_is_a_short_quiet_mono_wav(name: str) -> None:
    path = sounds_dir() / f"{name}.wav"
    assert path.stat().st_size < MAX_BYTES
    params, data = _samples(path)
    assert (params.nchannels, params.sampwidth) == (1, 2)
    assert params.framerate in (22_050, 44_100)
    assert 0 < params.nframes / params.framerate <= MAX_SECONDS
    peak = max(abs(v) for v in data)
    peak_db = 20 * math.log10(peak / FULL_SCALE)
    assert -30 < peak_db <= -11.5, f"{name} peaks at {peak_db:.1f} dBFS"  # not silent, no clip
    rms = math.sqrt(sum(v * v for v in data) / len(data)) / FULL_SCALE
    assert 20 * math.log10(rms) > -50, f"{name} is nearly silent"
    # Faded ends: a jump from or to silence would click.
    assert abs(data[0]) < 0.01 * FULL_SCALE
    assert abs(data[-1]) < 0.01 * FULL_SCALE


def test_every_cue_has_a_file_and_no_file_is_stray() -> None:
    on_disk = {p.stem for p in sounds_dir().glob("*.wav")}
    assert on_disk == set(ALL_CUES)


@pytest.mark.skipif(not SCRIPT.is_file(), reason="tools/ is not shipped in this tree")
@pytest.mark.slow  # runs tools/make_sounds.py in a Python process of its own
def test_make_sounds_reproduces_the_committed_files(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    made = sorted(p.name for p in tmp_path.glob("*.wav"))
    assert made == sorted(f"{name}.wav" for name in ALL_CUES)
    for name in made:
        assert (tmp_path / name).read_bytes() == (sounds_dir() / name).read_bytes(), name


# -- which cue ---------------------------------------------------------------------------
def _ev(kind: EventKind) -> GameEvent:
    return GameEvent(kind, f"{kind} happened", round=1, turn=1, actor="a")


@pytest.mark.parametrize(
    ("kinds", "cue"),
    [
        ([], None),
        ([EventKind.STATEMENT, EventKind.PASS, EventKind.TENSION], None),
        ([EventKind.PROPOSAL], "proposal"),
        ([EventKind.PROPOSAL, EventKind.REJECTED], "reject"),
        ([EventKind.REJECTED, EventKind.EVENT_DRAWN], "event"),
        ([EventKind.EVENT_DRAWN, EventKind.THREAT, EventKind.PROPOSAL], "threat"),
        ([EventKind.THREAT, EventKind.AGREEMENT], "agreement"),
        ([EventKind.AGREEMENT, EventKind.ESCALATION, EventKind.THREAT], "escalation"),
        ([EventKind.ESCALATION, EventKind.PROPOSAL], "escalation"),  # order does not matter
    ],
)
def test_cue_for_picks_the_most_important(kinds: list[EventKind], cue: str | None) -> None:
    assert cue_for(_ev(k) for k in kinds) == cue
    assert cue_for([_ev(k) for k in reversed(kinds)]) == cue


def test_priority_rows_are_disjoint_and_have_files() -> None:
    seen: set[EventKind] = set()
    for name, kinds in CUE_PRIORITY:
        assert not seen & kinds, f"{name} repeats a kind of an earlier row"
        seen |= kinds
    # The debounce ranks event cues in the same order as cue_for chooses them.
    event_cues = [name for name, _ in CUE_PRIORITY]
    assert [name for name in ALL_CUES if name in event_cues] == event_cues


# -- the player --------------------------------------------------------------------------
class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_sound_off_plays_nothing_and_opens_no_device(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_init(*args: object, **kwargs: object) -> None:
        raise AssertionError("the mixer must not be opened while sound is off")

    monkeypatch.setattr(pygame.mixer, "init", no_init)
    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    player = SoundPlayer(enabled=False)
    for name in ALL_CUES:
        assert player.play(name) is False
    assert list(player.played) == []


def test_play_with_the_dummy_driver() -> None:
    clock = FakeClock()
    player = SoundPlayer(clock=clock)
    assert player.play("turn") is True
    assert player.play(None) is False
    assert player.play("no-such-cue") is False
    clock.now += 1.0
    assert player.play("agreement") is True
    assert list(player.played) == ["turn", "agreement"]
    player.enabled = False  # stops what rings and plays nothing more
    clock.now += 1.0
    assert player.play("turn") is False
    player.close()


def test_a_burst_sounds_once_unless_it_grows_graver() -> None:
    clock = FakeClock()
    player = SoundPlayer(clock=clock, debounce_s=0.25)
    assert player.play("proposal")
    for _ in range(9):  # nine more AI moves in the same instant
        clock.now += 0.01
        assert not player.play("proposal")
    assert not player.play("click")  # less important: dropped
    assert player.play("escalation")  # graver: heard at once
    assert not player.play("threat")
    clock.now += 0.3
    assert player.play("proposal")  # the burst is over
    assert list(player.played) == ["proposal", "escalation", "proposal"]
    assert player.play("turn")  # "your move" right after the AI's last move is still heard
    player.close()


def test_no_audio_device_disables_sound_quietly(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    calls = []

    def broken_init(*args: object, **kwargs: object) -> None:
        calls.append(1)
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", broken_init)
    clock = FakeClock()
    player = SoundPlayer(clock=clock)
    with caplog.at_level(logging.INFO, logger="game.ui.kit.sound"):
        for name in ALL_CUES:
            clock.now += 1.0
            assert player.play(name) is False
    assert not player.available
    assert len(calls) == 1  # tried once, not on every cue
    notes = [r for r in caplog.records if r.name == "game.ui.kit.sound"]
    assert len(notes) == 1
    assert notes[0].levelno == logging.INFO
    assert "No available audio device" in notes[0].getMessage()


def test_missing_files_play_nothing(tmp_path: Path) -> None:
    player = SoundPlayer(tmp_path)
    assert player.play("turn") is False
    assert player.available  # the device is fine; only the file is missing


# -- wired into the app ------------------------------------------------------------------
def test_the_app_applies_the_sound_setting_live(make_pilot: MakePilot) -> None:
    pilot = make_pilot(Scene, sound=False)
    ctx = pilot.app.context
    assert ctx.sound.enabled is False
    ctx.apply_settings(ctx.settings.with_(sound=True))
    assert ctx.sound.enabled is True
    assert ctx.sound.play("turn") is True
    ctx.apply_settings(ctx.settings.with_(sound=False))
    assert ctx.sound.enabled is False


def test_a_context_without_the_app_follows_settings_too(tmp_path: Path) -> None:
    from game.ui.kit.settings import Settings, SettingsStore
    from game.ui.kit.theme import load_theme

    pygame.font.init()
    ctx = Context(load_theme(), SettingsStore(tmp_path), Settings(sound=False), tmp_path)
    assert ctx.sound.enabled is False
    ctx.apply_settings(ctx.settings.with_(sound=True))
    assert ctx.sound.enabled is True


def test_players_share_the_cues_until_they_are_forgotten() -> None:
    """Loading the cues is done once per process; ``forget_sounds`` (before pygame.quit)
    makes the next player load them afresh."""
    from game.ui.kit.sound import forget_sounds

    forget_sounds()
    first, second = SoundPlayer(), SoundPlayer()
    first.prepare()
    second.prepare()
    if not first.available:
        pytest.skip("no audio device, not even the dummy one")
    assert first._sounds is second._sounds
    assert set(first._sounds or {}) == set(ALL_CUES)
    forget_sounds()
    third = SoundPlayer()
    third.prepare()
    assert third._sounds is not first._sounds
    assert set(third._sounds or {}) == set(ALL_CUES)
