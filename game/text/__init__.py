"""The terminal front ends: the table as text, and the loops that read one command a line."""
