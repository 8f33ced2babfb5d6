"""The colour legend under the text: a chip per kind, wrapped in balanced lines."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget


class Legend(Widget, can_focus=False):
    """Chips (` person `, ` org `, ...) on one line when they fit, else on as few lines as
    need be with as many chips on each: a word-wrap left `cue` alone on a second line."""

    DEFAULT_CSS = """
    Legend { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.chips: tuple[tuple[str, Style], ...] = ()

    def set_chips(self, chips: Sequence[tuple[str, Style]]) -> None:
        """The labels and their styles, in order."""
        self.chips = tuple(chips)
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._rows(width))

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="crop", end="")
        for n, row in enumerate(self._rows(self.content_size.width)):
            if n:
                text.append("\n")
            for k, (label, style) in enumerate(row):
                if k:
                    text.append(" ")
                text.append(f" {label} ", style=style)
        return text

    def _rows(self, width: int) -> list[tuple[tuple[str, Style], ...]]:
        """The chips in the fewest lines of `width` cells, the counts as even as can be (the
        first lines take the extra chip)."""
        chips = self.chips
        for lines in range(1, len(chips) + 1):
            size, extra = divmod(len(chips), lines)
            rows, start = [], 0
            for n in range(lines):
                end = start + size + (n < extra)
                rows.append(chips[start:end])
                start = end
            if all(_cells(row) <= width for row in rows):
                return rows
        return [(chip,) for chip in chips]  # narrower than a chip: one a line, cropped


def _cells(row: Sequence[tuple[str, Style]]) -> int:
    """A line of chips: ` label ` each, a space between."""
    return sum(cell_len(label) + 2 for label, _style in row) + len(row) - 1
