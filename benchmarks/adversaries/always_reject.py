"""Runs the AlwaysReject adversary as an outside agent (see strategies.py)."""

from strategies import AlwaysReject, run

run(AlwaysReject)
