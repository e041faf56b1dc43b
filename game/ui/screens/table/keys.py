"""The table's keys and tabs, as data: what each key does, for the keys and the help overlay."""

from __future__ import annotations

from game.ui.kit.keys import KeyBinding
from game.ui.screens.console import CONSOLE_KEYS

# The narrow layout's tabs: (key, label); "move" holds the action bar.
TABS = (
    ("move", "Act"),
    ("board", "Board"),
    ("transcript", "Transcript"),
    ("delegations", "Delegations"),
)

TABLE_KEYS: tuple[KeyBinding, ...] = (
    KeyBinding("space", "skip", "Show the AI delegates' moves at once"),
    KeyBinding("ctrl+z", "undo", "Undo your last move"),
    KeyBinding("p", "propose", "Propose a package"),
    KeyBinding("a", "accept", "Accept the chosen proposal (asks first if it crosses a red line)"),
    KeyBinding("r", "reject", "Reject the chosen proposal"),
    KeyBinding("s", "statement", "Make a public statement"),
    KeyBinding("t", "threaten", "Threaten with a lever"),
    KeyBinding("c", "carry", "Carry out a lever"),
    KeyBinding("w", "walkout", "Walk out of this round"),
    KeyBinding("n", "pass", "Pass this turn"),
    KeyBinding("b", "briefing", "Read your briefing again"),
    KeyBinding("h", "hint", "Ask an easy AI delegate what it would take (says if none sits)"),
    KeyBinding("1", "tab.move", "Show your actions (narrow windows)"),
    KeyBinding("2", "tab.board", "Show the board (narrow windows)"),
    KeyBinding("3", "tab.transcript", "Show the transcript (narrow windows)"),
    KeyBinding("4", "tab.delegations", "Show the delegations (narrow windows)"),
    KeyBinding("f2", "how-to-play", "How to play: the table in six steps"),
    KeyBinding("escape", "menu", "Leave the table (the game is saved)"),
    *CONSOLE_KEYS,
)
