"""Runs the Mirror adversary as an outside agent (see strategies.py)."""

from strategies import Mirror, run

run(Mirror)
