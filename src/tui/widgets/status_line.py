"""One line under the text: where the cursor is, and what (actor, quote, walk) is under it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from .styles import component_style


class StatusLine(Static):
    """Plain-text status (names come from articles: never markup)."""

    COMPONENT_CLASSES = {"status-line--place", "status-line--walk"}

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(Text(""), id=id)
        self.parts: tuple[str, ...] = ()
        """The pieces shown, for tests and for other features to read."""

    def show(self, place: str, *parts: str, walk: str = "") -> None:
        """Place first, then the walk ("3 of 11", the key fact when stepping), then the rest."""
        self.parts = (place, walk, *parts) if walk else (place, *parts)
        text = Text(place, style=component_style(self, "status-line--place"))
        if walk:
            text.append("  │  ")
            text.append(walk, style=component_style(self, "status-line--walk"))
        for part in parts:
            if part:
                text.append("  │  ")
                text.append(part)
        self.update(text)
