"""Runs the Stonewall adversary as an outside agent (see strategies.py)."""

from strategies import Stonewall, run

run(Stonewall)
