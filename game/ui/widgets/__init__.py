"""The widget kit: small controls that handle events, update, draw and report intents."""

from game.ui.widgets.base import TextFit, Widget
from game.ui.widgets.button import Button
from game.ui.widgets.dropdown import Dropdown
from game.ui.widgets.entry import TextEntry
from game.ui.widgets.label import Label, WrappedText
from game.ui.widgets.listview import ListView
from game.ui.widgets.scrollpanel import ScrollPanel
from game.ui.widgets.stepper import Stepper
from game.ui.widgets.toggle import Toggle
from game.ui.widgets.tooltip import TooltipLayer

__all__ = [
    "Button",
    "Dropdown",
    "Label",
    "ListView",
    "ScrollPanel",
    "Stepper",
    "TextEntry",
    "TextFit",
    "Toggle",
    "TooltipLayer",
    "Widget",
    "WrappedText",
]
