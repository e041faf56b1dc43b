"""Runs the CheapTalk adversary as an outside agent (see strategies.py)."""

from strategies import CheapTalk, run

run(CheapTalk)
