"""Runs the ThreatenAlways adversary as an outside agent (see strategies.py)."""

from strategies import ThreatenAlways, run

run(ThreatenAlways)
