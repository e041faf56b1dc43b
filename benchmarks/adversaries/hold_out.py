"""Runs the Nibbler adversary as an outside agent (see strategies.py)."""

from strategies import Nibbler, run

run(Nibbler)
