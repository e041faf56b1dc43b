"""The game's screens, each a ``Scene``: title, picker, seats, briefings, the table, debrief."""
