"""Runs the AcceptEverything adversary as an outside agent (see strategies.py)."""

from strategies import AcceptEverything, run

run(AcceptEverything)
