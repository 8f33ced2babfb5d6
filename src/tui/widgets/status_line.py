"""Under the text: where the cursor is, and what (actor, quote, walk) is under it, never cut off.

The pieces wrap onto more lines when the pane is narrow (a piece moves whole to the next line;
only a piece wider than the pane is itself wrapped), so nothing is lost at 120 columns.
"""

from __future__ import annotations

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from .styles import component_style

SEPARATOR = "  │  "


class StatusLine(Widget):
    """Plain-text status (names come from articles: never markup)."""

    COMPONENT_CLASSES = {"status-line--place", "status-line--walk"}

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.parts: tuple[str, ...] = ()
        """The pieces shown, for tests and for other features to read."""
        self._pieces: list[tuple[str, str]] = []
        """(text, component class) in reading order."""
        self._height = 1

    def show(self, place: str, *parts: str, walk: str = "") -> None:
        """Place first, then the walk ("3 of 11", the key fact when stepping), then the rest."""
        self.parts = (place, walk, *parts) if walk else (place, *parts)
        pieces = [(place, "status-line--place")]
        if walk:
            pieces.append((walk, "status-line--walk"))
        pieces += [(part, "") for part in parts if part]
        self._pieces = pieces
        width = self.content_size.width
        height = self._count_lines(width) if width else self._height
        self.refresh(layout=height != self._height)  # relayout only when the height changes
        self._height = height

    def lines(self, width: int) -> list[Text]:
        """The pieces as lines of at most `width` cells (a piece longer than that stands alone)."""
        out: list[Text] = []
        line = Text(end="")
        for text, name in self._pieces:
            style = component_style(self, name) if name else Style.null()
            piece = Text(text, style=style, end="")
            if line.cell_len and line.cell_len + len(SEPARATOR) + piece.cell_len > width:
                out.append(line)
                line = Text(end="")
            if line.cell_len:
                line.append(SEPARATOR)
            line.append_text(piece)
        out.append(line)
        return out

    def _wrapped(self, width: int) -> Text:
        return Text("\n", end="").join(self.lines(max(width, 1)))

    def _count_lines(self, width: int) -> int:
        console: Console = self.app.console
        return len(self._wrapped(width).wrap(console, max(width, 1)))

    def render(self) -> Text:
        return self._wrapped(self.content_size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._height = self._count_lines(width)
        return self._height
