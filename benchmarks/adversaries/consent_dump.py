"""Runs the ConsentDump adversary as an outside agent (see strategies.py)."""

from strategies import ConsentDump, run

run(ConsentDump)
