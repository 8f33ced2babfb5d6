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
        self.parts = (place, *parts, walk) if walk else (place, *parts)
        text = Text(place, style=component_style(self, "status-line--place"))
        for part in parts:
            if part:
                text.append("  │  ")
                text.append(part)
        if walk:
            text.append("  │  ")
            style = component_style(self, "status-line--walk")
            text.append(walk, style=style)
        self.update(text)
