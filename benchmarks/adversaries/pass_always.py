"""Runs the PassAlways adversary as an outside agent (see strategies.py)."""

from strategies import PassAlways, run

run(PassAlways)
