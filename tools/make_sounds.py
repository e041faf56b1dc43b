"""Synthesise the game's sound cues as small WAV files, so they are reproducible and ours (CC0).

Pure standard library (``wave``, ``math``, ``array``): no samples, no numpy.
Running it twice gives the same bytes; ``tests/ui/test_sound.py`` checks that
the committed files in ``assets/sounds/`` are exactly what this script makes.

    python tools/make_sounds.py              # rewrite assets/sounds/*.wav
    python tools/make_sounds.py --out DIR    # write them somewhere else

The cues are meant for a serious game played in a classroom: soft mallet and
bell tones and low swells, each short, quiet (peaks at about -12 dBFS) and
faded in and out so that nothing clicks.
"""

from __future__ import annotations

import argparse
import math
import sys
import wave
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path

RATE = 22_050
TAU = 2 * math.pi
FULL_SCALE = 32_767
DEFAULT_PEAK_DB = -12.0
FADE_IN_S = 0.003
RELEASE_S = 0.08  # how long a struck tone takes to be damped at its end
FADE_OUT_S = 0.025  # at least; long, ringing cues fade over their last fifth (up to 0.3 s)

Signal = list[float]


# -- building blocks ---------------------------------------------------------------------
def silence(seconds: float) -> Signal:
    return [0.0] * round(seconds * RATE)


def mix_into(out: Signal, part: Signal, at: float = 0.0, gain: float = 1.0) -> None:
    """Add ``part`` into ``out`` starting ``at`` seconds in, lengthening ``out`` if need be."""
    start = round(at * RATE)
    out.extend([0.0] * max(0, start + len(part) - len(out)))
    for i, value in enumerate(part):
        out[start + i] += gain * value


def partials(
    freq: float, seconds: float, spec: Sequence[tuple[float, float, float]], attack: float
) -> Signal:
    """A struck tone: (ratio to ``freq``, amplitude, decay time constant in s) per partial.

    Each partial dies away on its own exponential, as on a real bar or bell; the
    short raised-cosine ``attack`` softens the strike (felt, not a hard mallet).
    """
    n = round(seconds * RATE)
    attack_n = max(1, round(attack * RATE))
    out = [0.0] * n
    for ratio, amp, decay in spec:
        step = TAU * freq * ratio / RATE
        fall = math.exp(-1.0 / (decay * RATE))
        level = amp
        for i in range(n):
            out[i] += level * math.sin(step * i)
            level *= fall
    for i in range(min(attack_n, n)):
        out[i] *= 0.5 - 0.5 * math.cos(math.pi * i / attack_n)
    # Damp whatever still rings at the end, or cutting it off would click.
    release_n = min(n // 4, round(RELEASE_S * RATE))
    for i in range(release_n):
        out[n - 1 - i] *= 0.5 - 0.5 * math.cos(math.pi * i / release_n)
    return out


def marimba(freq: float, seconds: float) -> Signal:
    # A marimba bar's strong overtone sits near 4x and 10x the fundamental and dies fast.
    return partials(freq, seconds, ((1.0, 1.0, 0.35), (3.93, 0.22, 0.06), (9.7, 0.05, 0.02)), 0.006)


def bell(freq: float, seconds: float) -> Signal:
    # Inharmonic partials (as measured on small hand bells) give the "chime" colour.
    spec = ((1.0, 1.0, 0.9), (2.0, 0.35, 0.5), (2.76, 0.25, 0.35), (5.4, 0.08, 0.12))
    return partials(freq, seconds, spec, 0.004)


def felt(freq: float, seconds: float, decay: float = 0.9) -> Signal:
    # A felt-hammer piano-ish tone: few, gentle harmonics.
    spec = ((1.0, 1.0, decay), (2.0, 0.3, decay * 0.5), (3.0, 0.1, decay * 0.3))
    return partials(freq, seconds, spec, 0.012)


def noise(seconds: float, seed: int) -> Signal:
    """White noise from our own 32-bit LCG, so the bytes never depend on ``random``'s version."""
    state = seed & 0xFFFFFFFF
    out = []
    for _ in range(round(seconds * RATE)):
        state = (1_664_525 * state + 1_013_904_223) & 0xFFFFFFFF
        out.append(state / 2_147_483_648.0 - 1.0)
    return out


def lowpass(signal: Signal, cutoff: float) -> Signal:
    """A one-pole low-pass: takes the hiss off noise and the edge off ticks."""
    a = 1.0 - math.exp(-TAU * cutoff / RATE)
    out, y = [], 0.0
    for x in signal:
        y += a * (x - y)
        out.append(y)
    return out


def highpass(signal: Signal, cutoff: float) -> Signal:
    """The rest of a one-pole low-pass: removes rumble and any DC offset."""
    low = lowpass(signal, cutoff)
    return [x - y for x, y in zip(signal, low, strict=True)]


def decay_env(signal: Signal, tau: float) -> Signal:
    return [x * math.exp(-i / (tau * RATE)) for i, x in enumerate(signal)]


def glide_tone(
    seconds: float,
    start_hz: float,
    end_hz: float,
    harmonics: Sequence[tuple[float, float]],
    envelope: Callable[[float], float],
) -> Signal:
    """A tone whose pitch glides exponentially from ``start_hz`` to ``end_hz``.

    The phase is accumulated sample by sample so the glide has no jumps.
    ``envelope(t)`` gives the amplitude at ``t`` in [0, 1] of the length.
    """
    n = round(seconds * RATE)
    out = [0.0] * n
    phase = 0.0
    for i in range(n):
        t = i / n
        freq = start_hz * (end_hz / start_hz) ** t
        phase += TAU * freq / RATE
        value = sum(amp * math.sin(ratio * phase) for ratio, amp in harmonics)
        out[i] = envelope(t) * value
    return out


# -- the cues ----------------------------------------------------------------------------
def cue_turn() -> Signal:
    """Your move: two soft rising marimba notes (E5, A5)."""
    out = silence(0.75)
    mix_into(out, marimba(659.26, 0.6))
    mix_into(out, marimba(880.0, 0.6), at=0.13, gain=0.9)
    return out


def cue_proposal() -> Signal:
    """A paper on the table: a brushed noise burst and a small wooden tick."""
    out = silence(0.16)
    paper = decay_env(highpass(lowpass(noise(0.12, seed=7), 3_500.0), 600.0), 0.025)
    mix_into(out, paper, gain=0.8)
    mix_into(out, partials(1_400.0, 0.08, ((1.0, 1.0, 0.012), (2.3, 0.3, 0.006)), 0.001), at=0.01)
    return out


def cue_agreement() -> Signal:
    """Agreement: a warm, gently strummed major chord (C3 G3 E4 C5) that rings out."""
    out = silence(1.5)
    for k, freq in enumerate((130.81, 196.0, 329.63, 523.25)):
        mix_into(out, felt(freq, 1.4, decay=0.8), at=0.035 * k, gain=1.0 - 0.12 * k)
    return out


def cue_reject() -> Signal:
    """A rejection: one low, muted note (D3) that sags a half step as it dies."""

    def thud(t: float) -> float:
        # A soft 15 ms onset, then a quick decay: the note is stopped, not left to ring.
        return min(1.0, t / 0.03) * math.exp(-t / 0.3)

    out = glide_tone(0.5, 155.56, 146.83, ((1.0, 1.0), (2.0, 0.35), (3.0, 0.15)), thud)
    mix_into(out, glide_tone(0.5, 77.78, 73.42, ((1.0, 1.0),), thud), gain=0.4)
    return lowpass(out, 900.0)


def cue_event() -> Signal:
    """News from outside: two soft news-desk ticks over a low pulse."""
    out = silence(0.55)
    tick = lowpass(partials(1_150.0, 0.06, ((1.0, 1.0, 0.01), (2.7, 0.4, 0.005)), 0.001), 4_000.0)
    mix_into(out, tick)
    mix_into(out, tick, at=0.11, gain=0.85)
    mix_into(out, felt(98.0, 0.45, decay=0.15), at=0.0, gain=1.2)
    return out


def cue_threat() -> Signal:
    """A threat: a low tense swell, two close tones (D2, E-flat2) beating against each other."""

    def swell(t: float) -> float:
        # Rise slowly for 70 % of the length, then let go.
        return (
            math.sin(math.pi / 2 * t / 0.7) ** 2
            if t < 0.7
            else math.cos(math.pi / 2 * (t - 0.7) / 0.3) ** 2
        )

    # Upper harmonics carry the low pitch on laptop and projector speakers that have no bass.
    harmonics = ((1.0, 1.0), (2.0, 0.6), (3.0, 0.35), (4.0, 0.18), (5.0, 0.08))
    out = glide_tone(1.3, 73.42, 73.42, harmonics, swell)
    mix_into(out, glide_tone(1.3, 77.78, 77.78, harmonics, swell), gain=0.7)
    return lowpass(out, 900.0)


def cue_escalation() -> Signal:
    """Escalation: a dark low drone (C2 and its fifth) that swells and falls a minor third."""

    def rise_and_fade(t: float) -> float:
        return min(1.0, t / 0.25) * math.pow(1.0 - t, 1.5)

    harmonics = ((1.0, 1.0), (2.0, 0.6), (3.0, 0.4), (4.0, 0.2), (5.0, 0.1), (6.0, 0.05))
    out = glide_tone(1.6, 65.41, 55.0, harmonics, rise_and_fade)
    mix_into(out, glide_tone(1.6, 98.0, 82.41, harmonics, rise_and_fade), gain=0.45)
    mix_into(out, glide_tone(1.6, 65.9, 55.4, harmonics, rise_and_fade), gain=0.5)  # slow beat
    return lowpass(out, 800.0)


def cue_handover() -> Signal:
    """Pass the device: one gentle bell (G5) answered by a softer one a fourth below."""
    out = silence(1.2)
    mix_into(out, bell(783.99, 1.1))
    mix_into(out, bell(587.33, 0.9), at=0.22, gain=0.6)
    return lowpass(out, 5_000.0)


def cue_click() -> Signal:
    """A UI click: a few milliseconds of a soft wooden tick."""
    return lowpass(partials(2_200.0, 0.03, ((1.0, 1.0, 0.004), (1.7, 0.4, 0.003)), 0.0005), 6_000)


# name -> (synthesiser, peak level in dBFS); clicks are much quieter than cues.
CUES: dict[str, tuple[Callable[[], Signal], float]] = {
    "turn": (cue_turn, DEFAULT_PEAK_DB),
    "proposal": (cue_proposal, -15.0),
    "agreement": (cue_agreement, DEFAULT_PEAK_DB),
    "reject": (cue_reject, DEFAULT_PEAK_DB),
    "event": (cue_event, DEFAULT_PEAK_DB),
    "threat": (cue_threat, DEFAULT_PEAK_DB),
    "escalation": (cue_escalation, DEFAULT_PEAK_DB),
    "handover": (cue_handover, DEFAULT_PEAK_DB),
    "click": (cue_click, -24.0),
}


# -- finishing and writing ---------------------------------------------------------------
def finish(signal: Signal, peak_db: float) -> array[int]:
    """Fade the ends, normalise the peak to ``peak_db`` and quantise to 16-bit."""
    n = len(signal)
    fade_in = min(n // 2, round(FADE_IN_S * RATE))
    fade_out = min(n // 2, max(round(FADE_OUT_S * RATE), min(n // 5, round(0.3 * RATE))))
    shaped = list(signal)
    for i in range(fade_in):
        shaped[i] *= i / fade_in
    for i in range(fade_out):  # a raised-cosine tail: no corner where the fade starts
        shaped[n - 1 - i] *= 0.5 - 0.5 * math.cos(math.pi * i / fade_out)
    peak = max(abs(x) for x in shaped)
    gain = (10 ** (peak_db / 20)) * FULL_SCALE / peak
    return array("h", (round(x * gain) for x in shaped))


def write_wav(path: Path, samples: array[int]) -> None:
    if sys.byteorder != "little":  # WAV data is little-endian
        samples = array("h", samples)
        samples.byteswap()
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(samples.tobytes())


def make_all(folder: Path) -> list[Path]:
    """Write every cue as ``folder/<name>.wav``; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (make, peak_db) in CUES.items():
        path = folder / f"{name}.wav"
        write_wav(path, finish(make(), peak_db))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent.parent / "assets" / "sounds"
    parser.add_argument("--out", type=Path, default=default, help="folder to write (%(default)s)")
    args = parser.parse_args(argv)
    for path in make_all(args.out):
        print(f"{path}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
