"""The game's screens, each a ``Scene``: title and settings so far."""
