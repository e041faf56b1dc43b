"""Red Lines: a diplomatic negotiation game on the January 2022 security talks."""

__version__ = "0.1.0"
