"""What every one-of-several control shares: its options, the chosen index and value."""

from __future__ import annotations

from collections.abc import Sequence

from game.ui.kit.widgets.base import Widget


class Choice(Widget):
    """A widget holding ``options`` as (value, label) pairs, one of them chosen."""

    focusable = True

    def __init__(
        self,
        id: str,
        options: Sequence[tuple[object, str]],
        index: int = 0,
        *,
        tooltip: str | None = None,
        enabled: bool = True,
    ) -> None:
        super().__init__(id, tooltip=tooltip, enabled=enabled)
        if not options:
            raise ValueError(f"{type(self).__name__} {id!r} needs at least one option")
        self.options = list(options)
        self.index = max(0, min(index, len(self.options) - 1))

    @property
    def value(self) -> object:
        """The chosen value."""
        return self.options[self.index][0]

    def select_value(self, value: object) -> None:
        """Show ``value`` as chosen (no intent: for a screen syncing with its settings)."""
        for i, (candidate, _) in enumerate(self.options):
            if candidate == value:
                self.index = i
