"""Runs the AcceptIfBetter adversary as an outside agent (see strategies.py)."""

from strategies import AcceptIfBetter, run

run(AcceptIfBetter)
