"""The widget kit: app loop, scenes and intents, theme, text, layout, widgets and the pilot.

Nothing here knows the game; the game's screens (``game.ui.screens``) are built from it.
"""
