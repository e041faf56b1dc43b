"""The widget kit: small controls that handle events, update, draw and report intents."""

from game.ui.kit.widgets.base import TextFit, Widget
from game.ui.kit.widgets.button import Button
from game.ui.kit.widgets.dropdown import Dropdown
from game.ui.kit.widgets.entry import TextEntry
from game.ui.kit.widgets.label import Label, WrappedText
from game.ui.kit.widgets.listview import ListView
from game.ui.kit.widgets.scrollpanel import ScrollPanel
from game.ui.kit.widgets.stepper import Stepper
from game.ui.kit.widgets.toggle import Toggle
from game.ui.kit.widgets.tooltip import TooltipLayer

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
