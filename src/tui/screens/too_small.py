"""A centred note instead of the panes when the terminal is too small to lay them out."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

#: Smallest terminal the panes fit in (the narrow layout: article list + text pane).
MIN_SIZE = Size(64, 14)


def too_small(size: Size) -> bool:
    return size.width < MIN_SIZE.width or size.height < MIN_SIZE.height


class TooSmallScreen(Screen[None]):
    """Covers the panes until the terminal grows; app keys (`q`, Ctrl+C) still work (not modal)."""

    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
        background: $background;
    }
    TooSmallScreen > #too-small-note {
        width: 100%;
        height: auto;
        padding: 0 1;
        text-align: center;
        color: $text;
    }
    """

    def __init__(self, size: Size) -> None:
        super().__init__()
        self._size = size

    @property
    def terminal_size(self) -> Size:
        """The size the note says the terminal is."""
        return self._size

    def compose(self) -> ComposeResult:
        yield Static(self._note(), id="too-small-note")

    def show_size(self, size: Size) -> None:
        """The terminal changed but is still too small: say the new size."""
        self._size = size
        if self.is_mounted:
            self.query_one("#too-small-note", Static).update(self._note())

    def _note(self) -> Text:
        size = self._size
        return Text(
            f"Terminal too small ({size.width}×{size.height}).\n"
            f"newsdesk needs at least {MIN_SIZE.width}×{MIN_SIZE.height}:\n"
            "enlarge the window, or press q to quit."
        )
