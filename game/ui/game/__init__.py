"""The game's own screens: scenario picker, seats, briefings, hand-over, the table, debrief."""
